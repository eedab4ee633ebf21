import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../procedures';
import type { PageStep } from '../../procedures/types';

/**
 * Evidence in the catalogue (issue 12, item 9): every page step names where its URL and captions
 * come from — a seed, an official guide's URL, a public script or issue, or `inferred: <why>`.
 */

/**
 * Page steps excused for now: `<procedure>/<step>`, or a prefix ending in "." for a whole portal's
 * procedures. NCA gets its sources with issue 17 (procedures/nca.ts is being rewritten there):
 * the lead empties this list when that lands.
 */
const TODO: readonly string[] = [];
const excused = (key: string) => TODO.some((t) => (t.endsWith('.') ? key.startsWith(t) : key === t));

const SOURCE = /^(seed:\d{3}\b|https?:\/\/|inferred: \S|[\w.-]+\.(kz|uz)\b)/;

const pageSteps = PROCEDURES.flatMap((p) =>
  p.steps.filter((s): s is PageStep => s.kind === 'page').map((s) => ({ key: `${p.id}/${s.id}`, step: s })),
);

describe('every page step of the catalogue names its evidence', () => {
  it.each(pageSteps.filter((s) => !excused(s.key)).map((s) => [s.key, s.step] as const))('%s', (_key, step) => {
    expect(step.source?.length ?? 0, 'a non-empty source list').toBeGreaterThan(0);
    for (const src of step.source!) expect(src, 'a seed, a URL, a portal host, or «inferred: why»').toMatch(SOURCE);
  });

  it('the TODO list names page steps that exist, and not all of them have sources yet', () => {
    for (const t of TODO) {
      const of = pageSteps.filter((x) => excused(x.key) && (t.endsWith('.') ? x.key.startsWith(t) : x.key === t));
      expect(of.length, `${t} names page steps of the catalogue`).toBeGreaterThan(0);
      expect(
        of.some((x) => !x.step.source?.length),
        `every step of ${t} has a source now: take it off the TODO list`,
      ).toBe(true);
    }
  });

  it('what is grounded and what is inferred is said for each step', () => {
    // a step citing only «inferred:» is allowed, but never an empty string or a bare word
    for (const { key, step } of pageSteps)
      for (const src of step.source ?? []) expect(src.trim().length, key).toBeGreaterThanOrEqual('seed:000'.length);
  });
});
