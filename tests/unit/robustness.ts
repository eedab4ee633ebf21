import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { PORTALS, proceduresOfPortal, portalOfHost } from '../../procedures';
import type { PageStep, PortalId } from '../../procedures/types';
import { readPageText } from '../../content-scripts/page-text';
import { pageFacts, recogniseAll } from '../../content-scripts/recognise';
import { locateFields, visibleTarget } from '../../content-scripts/locate';
import { replicaPortals } from '../../replicas/files';
import { loadReplica, replicaCases, whereOf, type ReplicaCase } from './replicas';
import { MUTATIONS, type Mutation } from './mutations';

/**
 * The robustness test: every static replica page, mutated as another build of the portal could
 * shape it (tests/unit/mutations.ts), must be recognised as the same steps with the same elements
 * located. A case that changes is a failure; a case that locates a DIFFERENT element than on the
 * unmutated page is a wrong ring, never allowed. The survival table is in README.md «Robustness»
 * (`ROBUSTNESS_TABLE=/tmp/table npx vitest run tests/unit/robustness` writes it in
 * /tmp/table.<part>, with every failure).
 */

const PORTAL_DIRS = PORTALS.map((p) => p.id).filter((id) => replicaPortals().includes(id));
const CASES: Array<ReplicaCase & { dir: PortalId }> = PORTAL_DIRS.flatMap((dir) =>
  replicaCases(dir)
    .filter((c) => !c.browserOnly)
    .map((c) => ({ ...c, dir })),
);

/** the least share of cases a mutation class must leave unchanged */
const MIN_SURVIVAL = 0.98;

/**
 * Cases a mutation is allowed to change, each with why: `{ '<mutation>': { '<portal>/<file>':
 * 'reason' } }`. Nothing here may locate a wrong element: an allowed case may only lose a step or
 * a field. A listed case that passes again fails the suite, so the list stays true.
 *
 * Empty: on the engine of 2026-11-29 (before the fixes) 57 case-mutations failed; every one
 * was a cause in the engine, now fixed (README «Robustness»):
 *   - extra wrappers ×3/×4 (6 each): the text before a field climbed three levels only;
 *   - labels moved above (1), label only as placeholder / aria-label (4 each): a PrimeFaces
 *     selectOneMenu's hidden select named only through its `_focus` input; OneID's confirmation
 *     step lost its words when they moved into the fields' placeholder / aria-label;
 *   - a hint beside the caption (11) or glued to it (25): labels read with `textContent`, the text
 *     before a field stopped at the nearest text (the hint), a three-letter caption («БИН», «ИИН»)
 *     had to be the whole text of its cell.
 */
const ALLOWED: Record<string, Record<string, string>> = {};

interface Seen {
  steps: string[];
  /** `<step>.<field>` → the element a person would see ringed, by its place in the unmutated page */
  fields: Map<string, string>;
}

function stepsOf(dir: PortalId): Map<string, PageStep> {
  const m = new Map<string, PageStep>();
  for (const p of proceduresOfPortal(dir)) for (const s of p.steps) if (s.kind === 'page') m.set(s.id, s);
  return m;
}
const STEPS = new Map(PORTAL_DIRS.map((d) => [d, stepsOf(d)]));

function analyse(c: ReplicaCase & { dir: PortalId }, mutate?: Mutation): Seen {
  const doc = loadReplica(c.dir, c.file);
  // mutations keep every original element the same object: name each by its place before mutating
  const place = new Map<Element, string>();
  Array.from(doc.querySelectorAll('*')).forEach((el, i) => place.set(el, `#${i} ${nameOf(el)}`));
  mutate?.(doc, c.lang);
  const text = readPageText(doc.body);
  const facts = pageFacts(whereOf(c.url), text, doc);
  const portal = portalOfHost(new URL(c.url).hostname);
  const all = portal ? recogniseAll(proceduresOfPortal(portal), facts) : [];
  const steps = [...new Set(all.map((r) => r.step.id))].sort();
  const fields = new Map<string, string>();
  // every step the case is, and every step the mutated page is taken for
  for (const id of new Set([...c.steps, ...steps])) {
    const step = STEPS.get(c.dir)!.get(id);
    if (!step) continue;
    for (const [f, el] of locateFields(step, text, doc)) {
      const t = visibleTarget(el) ?? el;
      fields.set(`${id}.${f}`, place.get(t) ?? `a new element ${nameOf(t)}`);
    }
  }
  // happy-dom keeps parsed documents reachable from its window: drop the tree so memory stays flat
  doc.documentElement.replaceChildren();
  return { steps, fields };
}

/** a stable name of an element for the messages: its data-expect, else a short outerHTML */
function nameOf(el: Element): string {
  return el.getAttribute('data-expect') ?? el.outerHTML.slice(0, 60);
}

interface Outcome {
  key: string;
  changed: string[];
  wrong: string[];
}

const BASELINE = new Map<ReplicaCase, Seen>();

function compare(c: ReplicaCase & { dir: PortalId }, mutate: Mutation): Outcome {
  let before = BASELINE.get(c);
  if (!before) BASELINE.set(c, (before = analyse(c)));
  const after = analyse(c, mutate);
  const changed: string[] = [];
  const wrong: string[] = [];
  if (before.steps.join() !== after.steps.join()) changed.push(`steps [${before.steps}] → [${after.steps}]`);
  for (const [k, el] of before.fields) {
    const got = after.fields.get(k);
    if (got === el) continue;
    (got ? wrong : changed).push(`${k}: ${el} → ${got ?? 'nothing'}`);
  }
  for (const [k, el] of after.fields) if (!before.fields.has(k)) wrong.push(`${k}: nothing → ${el}`);
  return { key: `${c.dir}/${c.file}`, changed, wrong };
}

/**
 * The suite for some of the mutation classes. The classes are spread over several test files
 * (robustness-*.test.ts) because happy-dom keeps every parsed document alive until its window
 * closes (≈ 0.6 MB a page): one file for all ≈ 2,800 pages would need more than 3 GB.
 */
export function robustnessSuite(part: string, names: readonly (keyof typeof MUTATIONS)[]): void {
  const TABLE: Array<[string, number, number]> = [];
  const REPORT: string[] = [];

  describe(`robustness (${part}): every replica page, mutated, is the same steps and the same elements`, () => {
    it('has the static replica cases', () => {
      expect(CASES.length).toBeGreaterThanOrEqual(187);
    });

    for (const name of names) {
      const mutate = MUTATIONS[name]!;
      it(
        name,
        () => {
          const outcomes = CASES.map((c) => compare(c, mutate));
          const failed = outcomes.filter((o) => o.changed.length || o.wrong.length);
          TABLE.push([name, outcomes.length - failed.length, outcomes.length]);
          for (const o of failed) REPORT.push(`${name} | ${o.key} | ${[...o.wrong.map((w) => `WRONG ${w}`), ...o.changed].join('; ')}`);
          // never a wrong element
          const wrong = outcomes.filter((o) => o.wrong.length).map((o) => `${o.key}: ${o.wrong.join('; ')}`);
          expect(wrong, `${name}: wrong elements located`).toEqual([]);
          // every remaining failure explained
          const allowed = ALLOWED[name] ?? {};
          const unexplained = failed.filter((o) => !(o.key in allowed)).map((o) => `${o.key}: ${o.changed.join('; ')}`);
          expect(unexplained, `${name}: failures not in the allow-list`).toEqual([]);
          const stale = Object.keys(allowed).filter((k) => !failed.some((o) => o.key === k));
          expect(stale, `${name}: allow-listed cases that now pass (remove them)`).toEqual([]);
          expect((outcomes.length - failed.length) / outcomes.length).toBeGreaterThanOrEqual(MIN_SURVIVAL);
        },
        120_000,
      );
    }

    afterAll(() => {
      const out = process.env.ROBUSTNESS_TABLE;
      if (out) writeFileSync(`${out}.${part}`, [...TABLE.map(([n, u, t]) => `| ${n} | ${u}/${t} |`), '', ...REPORT].join('\n'));
    });
  });
}
