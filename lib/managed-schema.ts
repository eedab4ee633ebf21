import { PORTAL_IDS } from '../procedures/portals';
import { LANGS } from '../procedures/types';

/**
 * Chrome's schema of the administrator's policy (`storage.managed_schema`: managed_schema.json),
 * written at build (wxt.config.ts, hook `build:publicAssets`) from the catalogue: its portal ids
 * and languages are the catalogue's, never a second hand-written list. What the keys mean:
 * lib/managed.ts, lib/policy-guides.ts, README «Managed deployment».
 */

const str = { type: 'string' } as const;
const strings = { type: 'array', items: str } as const;
/** a text in each of Qadam's languages */
const texts = () => ({ type: 'object', properties: Object.fromEntries(LANGS.map((l) => [l, str])) });

export function managedSchema() {
  return {
    type: 'object',
    properties: {
      language: {
        title: 'Interface language',
        description: `The language Qadam starts in until the user picks one: ${LANGS.slice(0, -1).join(', ')} or ${LANGS.at(-1)}.`,
        type: 'string',
        enum: [...LANGS],
      },
      portals: {
        title: 'Enabled portals',
        description: `The portals Qadam guides on (ids: ${PORTAL_IDS.join(', ')}). Absent: all of them.`,
        type: 'array',
        items: { type: 'string', enum: [...PORTAL_IDS] },
      },
      profiles: {
        title: 'Profiles to preload',
        description: 'Companies and people added at start when no profile has their identifier yet. Never passwords or keys.',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: str,
            country: { type: 'string', enum: ['KZ', 'UZ'] },
            kind: { type: 'string', enum: ['individual', 'ie', 'legal'] },
            identifier: str,
            headId: str,
            headName: str,
          },
        },
      },
      guides: {
        title: 'Guides to preload',
        description:
          "The organisation's guides: the `guides` array of a Qadam guide file (format qadam-guide, version 1). " +
          'Checked like an imported file; an invalid list preloads none.',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: str,
            portal: { type: 'string', enum: [...PORTAL_IDS] },
            title: texts(),
            steps: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: str,
                  title: texts(),
                  match: { type: 'object', properties: { path: strings, hash: strings, text: { type: 'array', items: strings } } },
                  fields: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: str,
                        kind: { type: 'string', enum: ['input', 'action'] },
                        labels: strings,
                        inputTypes: strings,
                        rule: str,
                        hint: texts(),
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}

/** the file's text */
export const managedSchemaJson = (): string => `${JSON.stringify(managedSchema(), null, 2)}\n`;
