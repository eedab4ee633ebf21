/**
 * One list of portals (issue 13): procedures/portals.ts is the only place portal ids are written;
 * every other list is derived from it. Each consumer's list is checked against PORTALS here, and
 * the product's source is searched for a second hand-written list.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_PORTALS, PORTAL_IDS, PORTALS, PROCEDURES, contentScriptMatches, portalOfHost } from '../../procedures';
import { LANGS } from '../../procedures/types';
import { PORTAL_MESSAGES } from '../../procedures/messages';
import { managedSchema, managedSchemaJson } from '../../lib/managed-schema';
import { parseManaged, parseMirror } from '../../lib/managed';
import { checkFile } from '../../lib/guides';
import { ProfileSchema } from '../../lib/profiles';
import { WhoseRequest } from '../../lib/private-messages';
import { programOf } from '../../content-scripts/signing';

const ids = PORTALS.map((p) => p.id);
const ROOT = join(__dirname, '..', '..');

describe('every list of portal ids is the catalogue’s', () => {
  it('PORTAL_IDS and FACT_PORTALS are PORTALS’ ids, in catalogue order', () => {
    expect([...PORTAL_IDS]).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...FACT_PORTALS]).toEqual(PORTALS.filter((p) => p.registration).map((p) => p.id));
  });

  it('the generated managed_schema.json lists exactly the portal ids and languages', () => {
    const s = managedSchema();
    expect(s.properties.portals.items.enum).toEqual(ids);
    expect(s.properties.guides.items.properties.portal.enum).toEqual(ids);
    expect(s.properties.language.enum).toEqual([...LANGS]);
    for (const id of ids) expect(s.properties.portals.description).toContain(id);
    expect(JSON.parse(managedSchemaJson())).toEqual(s);
  });

  it('the policy takes every portal id and no other', () => {
    expect(parseManaged({ portals: [...ids] }).portals).toEqual(ids);
    expect(parseManaged({ portals: [...ids, 'elsewhere'] }).portals).toBeNull();
    expect(parseMirror({ v: 1, language: null, portals: [...ids] })?.portals).toEqual(ids);
  });

  it('a guide may be on any portal of the catalogue and on no other', () => {
    const guide = (portal: string) => ({
      format: 'qadam-guide',
      version: 1,
      guides: [
        {
          id: 'guide.x',
          portal,
          title: { en: 'X' },
          steps: [{ id: 's', match: { path: ['^/x'] }, fields: [{ id: 'ok', kind: 'action', labels: ['OK'] }] }],
        },
      ],
    });
    for (const id of ids) expect(checkFile(guide(id)).ok, id).toBe(true);
    expect(checkFile(guide('elsewhere')).ok).toBe(false);
  });

  it('a profile records registrations on the registration portals, and the procedures register only there', () => {
    expect(Object.keys(ProfileSchema.entries.facts.entries)).toEqual([...FACT_PORTALS]);
    expect(WhoseRequest.entries.registersOn.wrapped.options).toEqual([...FACT_PORTALS]);
    const registering = new Set(PROCEDURES.flatMap((p) => (p.registers ? [p.registers.portal] : [])));
    expect([...registering].sort()).toEqual([...FACT_PORTALS].sort());
    const first = PROCEDURES.flatMap((p) =>
      p.steps.flatMap((s) => (s.kind === 'page' ? s.fields.flatMap((f) => (f.firstRegistered ? [f.firstRegistered] : [])) : [])),
    );
    for (const x of first) expect(FACT_PORTALS).toContain(x);
  });

  it('every portal has procedures, hosts in the manifest matches, and its signing program', () => {
    for (const p of PORTALS) {
      expect(
        PROCEDURES.some((x) => x.portal === p.id),
        p.id,
      ).toBe(true);
      for (const h of p.hosts) {
        expect(contentScriptMatches()).toContain(`https://${h}/*`);
        expect(portalOfHost(h)).toBe(p.id);
      }
      for (const proc of PROCEDURES.filter((x) => x.portal === p.id && !x.signer)) expect(programOf(proc, p.id)).toBe(p.signer);
    }
    // NCALayer's messages are explained on every NCALayer portal
    const ncalayer = PORTAL_MESSAGES.find((m) => m.id === 'ncalayer-canceled')!;
    expect([...ncalayer.portals]).toEqual(PORTALS.filter((p) => p.signer === 'ncalayer').map((p) => p.id));
  });

  it('the built manifest matches every portal host (wxt.config.ts reads PORTALS)', async () => {
    const config = (await import('../../wxt.config')).default as {
      manifest: (env: { browser: string; manifestVersion: number }) => Record<string, unknown>;
    };
    const m = config.manifest({ browser: 'chrome', manifestVersion: 3 }) as {
      web_accessible_resources: { matches: string[] }[];
      content_security_policy: { extension_pages: string };
    };
    expect(m.web_accessible_resources[0]!.matches).toEqual(contentScriptMatches());
    for (const p of PORTALS) for (const h of p.hosts) expect(m.content_security_policy.extension_pages).toContain(`https://${h}:*`);
  });
});

/** every source file of the product (not tests, not the replicas, not generated output) */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|json)$/.test(name) ? [path] : [];
  });
}

describe('no second list of portal ids in the product', () => {
  const id = `'(?:${ids.join('|')})'`;
  // two or more ids in a row: an array (`['esf', 'nca']`), a union (`'esf' | 'nca'`), an enum (`"esf", "nca"`)
  const list = new RegExp(`${id}\\s*[,|]\\s*${id}|"(?:${ids.join('|')})"\\s*,\\s*"(?:${ids.join('|')})"`);
  const files = ['lib', 'components', 'entrypoints', 'content-scripts', 'sandbox', 'procedures', 'public']
    .flatMap((d) => sources(join(ROOT, d)))
    .concat(join(ROOT, 'wxt.config.ts'))
    .filter((f) => !f.endsWith(join('procedures', 'portals.ts')));
  it.each(files.map((f) => [relative(ROOT, f), f]))('%s', (_, f) => {
    const hit = readFileSync(f, 'utf8')
      .split('\n')
      .find((line) => list.test(line));
    expect(hit, 'a hand-written list of portal ids: derive it from procedures/portals.ts').toBeUndefined();
  });
});
