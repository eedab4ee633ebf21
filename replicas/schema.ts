import * as v from 'valibot';
import { PORTALS, proceduresOfPortal, portalOfHost } from '../procedures';
import { LANGS, type PageStep, type PortalId } from '../procedures/types';

/**
 * The manifest of one portal's replica pages: replicas/<portal>/cases.json, a list of cases, one
 * per page and portal address. One schema for every reader: the training sandbox (sandbox/pages.ts),
 * the unit tests (tests/unit/replicas.ts) and the browser tests' server and harness (tests/e2e/).
 *
 * Besides the shape, a case is checked against the catalogue: its folder is a portal of PORTALS
 * (procedures/portals.ts), its address is on that portal (or on no portal at all, for a page that
 * must match nothing), its steps are page steps of that portal's procedures, and the fields it
 * marks (`data-expect`) are fields of those steps.
 */

const PORTAL_IDS = PORTALS.map((p) => p.id);

export const ReplicaCaseSchema = v.strictObject({
  /** the page: a file name in the portal's folder */
  file: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]*\.html$/, 'a file name like "login-div-ru.html"')),
  /** the address the page has on the real portal */
  url: v.pipe(v.string(), v.url('an absolute address like "https://esf.gov.kz:8443/esf-web/"')),
  /** the page's language (OneID's Uzbek in Cyrillic, «oz», is `uz`) */
  lang: v.picklist(LANGS, `one of ${LANGS.join(', ')}`),
  /** the DOM shape (table, div, spa, modal…): replicas of one step come in varied shapes */
  shape: v.pipe(v.string(), v.nonEmpty('a shape such as "table" or "div"')),
  /** the steps this page may be recognised as (any of them); [] = a page that must match nothing */
  steps: v.array(v.string()),
  /** per step: the field ids whose elements carry data-expect and must be ringed */
  fields: v.record(v.string(), v.array(v.string())),
  /** only a real browser shows the page as meant (a script builds it): no DOM-only test */
  browserOnly: v.optional(v.boolean()),
  note: v.optional(v.string()),
  /** part of the page arrives this many ms after load (<template data-late>) */
  late: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** the page re-renders its form once after load */
  rerender: v.optional(v.boolean()),
  /** the single-page app's route this case stands for ('' = its first) */
  route: v.optional(v.string()),
  /** the stage of a staged wizard (one page, stages shown in turn) */
  stage: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

export type ReplicaCase = v.InferOutput<typeof ReplicaCaseSchema>;

/** the page steps of a portal's procedures by id, with the field ids any of them has */
function pageSteps(portal: PortalId): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const proc of proceduresOfPortal(portal)) {
    for (const s of proc.steps) {
      if (s.kind !== 'page') continue;
      const ids = out.get(s.id) ?? new Set<string>();
      for (const f of (s as PageStep).fields) ids.add(f.id);
      out.set(s.id, ids);
    }
  }
  return out;
}

/** one portal's cases.json: `{ portal, cases }`, the portal being the folder's name */
export const ReplicaManifestSchema = v.pipe(
  v.object({
    portal: v.picklist(PORTAL_IDS, `a portal of procedures/portals.ts (${PORTAL_IDS.join(', ')})`),
    cases: v.array(ReplicaCaseSchema),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { portal, cases } = dataset.value;
    const steps = pageSteps(portal);
    const seen = new Set<string>();
    cases.forEach((c, i) => {
      const at = (key: string, message: string) =>
        addIssue({
          message: `${c.file}: ${message}`,
          path: [
            { type: 'array', origin: 'value', input: cases, key: i, value: c },
            { type: 'object', origin: 'value', input: c, key, value: (c as Record<string, unknown>)[key] },
          ],
        });
      const host = new URL(c.url).hostname;
      const owner = portalOfHost(host);
      if (owner !== portal && !(owner === null && c.steps.length === 0)) {
        at(
          'url',
          owner
            ? `${host} is a host of ${owner}, not of ${portal}`
            : `${host} is no host of ${portal} (only a page that must match nothing, steps [], may be elsewhere)`,
        );
      }
      const key = `${c.file} ${c.url}${c.stage === undefined ? '' : ` stage ${c.stage}`}`;
      if (seen.has(key)) at('file', 'listed twice with the same address');
      seen.add(key);
      for (const s of c.steps) if (!steps.has(s)) at('steps', `"${s}" is no page step of a ${portal} procedure (procedures/${portal}.ts)`);
      for (const [s, ids] of Object.entries(c.fields)) {
        if (!c.steps.includes(s)) {
          at('fields', `fields of "${s}", which is not one of its steps (${c.steps.join(', ') || 'none'})`);
          continue;
        }
        const known = steps.get(s);
        for (const id of ids) {
          if (known && !known.has(id)) at('fields', `"${id}" is no field of the step "${s}" (its fields: ${[...known].join(', ')})`);
        }
      }
    });
  }),
);

/** a readable account of what is wrong, one line per issue: `cases.json [3].steps: …` */
export function describeIssues(where: string, issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = (issue.path ?? [])
        .filter((p) => !(p.type === 'object' && p.key === 'cases'))
        .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
        .join('')
        .replace(/^\./, '');
      return `${where}${path ? ` ${path}` : ''}: ${issue.message}`;
    })
    .join('\n');
}

/** The cases of a portal's cases.json (parsed JSON), checked; throws with every issue, one a line. */
export function parseCases(portal: string, json: unknown, where = `replicas/${portal}/cases.json`): ReplicaCase[] {
  const result = v.safeParse(ReplicaManifestSchema, { portal, cases: json });
  if (!result.success) throw new Error(describeIssues(where, result.issues));
  return result.output.cases;
}
