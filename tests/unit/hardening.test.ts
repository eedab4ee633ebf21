import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { kzCheckDigit } from '../../lib/rules';
import { merge, parseImport, type Parsed } from '../../lib/transfer';
import { createProfile } from '../../lib/profile-store';
import { importBytes } from '../../lib/import';
import { EMPTY_ALL, progressOf, type AllProgress } from '../../lib/progress';
import { loadProfiles, makeProfile, sanitizeProfiles, setFact, type Profiles } from '../../lib/profiles';
import { lookup } from '../../lib/lookup';
import { inDateRange, MAX_DATE, MIN_DATE } from '../../lib/dates';
import { own } from '../../lib/own';

/** issue 15, the smaller findings: lookups keyed by imported text, bounded dates */

const kz = (first11: string) => first11 + String(kzCheckDigit(first11));
const enc = (s: string) => new TextEncoder().encode(s);
const A = '190540028173';
const B = kz('10044000123');
const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

beforeEach(() => fakeBrowser.reset());

describe('lookups keyed by imported text: own properties only', () => {
  it('own() never finds what Object.prototype has', () => {
    const table: Record<string, number> = { a: 1 };
    for (const k of PROTO_KEYS) expect(own(table, k)).toBeUndefined();
    expect(own(table, 'a')).toBe(1);
    expect(own(null, 'a')).toBeUndefined();
  });

  for (const k of PROTO_KEYS) {
    it(`a CSV kind «${k}» is refused as an unknown kind, and nothing changes`, async () => {
      const alpha = await createProfile({ name: 'Alpha LLP', country: 'KZ', kind: 'legal', identifier: A });
      const before = await fakeBrowser.storage.local.get(null);
      const r = parseImport('x.csv', enc(`name,identifier,kind\nAlpha LLP,${A},${k}\n`));
      expect(r.ok).toBe(false);
      expect(r.ok ? [] : r.problems).toEqual([{ row: 2, key: 'kind', params: { value: k.toLowerCase() } }]);
      const applied = await importBytes('x.csv', enc(`name,identifier,kind\nAlpha LLP,${A},${k}\n`));
      expect(applied.ok).toBe(false);
      expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
      expect((await loadProfiles()).list.map((p) => p.id)).toEqual([alpha.id]);
    });
  }

  it('a header named like a prototype key is no column', () => {
    const r = parseImport('x.csv', enc(`constructor,toString\nAlpha,${A}\n`));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems[0]!.key).toBe('columns');
  });

  it('progress of a profile whose id is a prototype key is its own or none', () => {
    for (const id of ['constructor', 'toString', 'valueof']) {
      const p = progressOf(EMPTY_ALL, id);
      expect(p.active).toBeNull();
      expect(p.procedures).toEqual({});
    }
  });

  it('merging an import whose profile id is «constructor» takes no progress from Object.prototype', () => {
    const known = makeProfile({ name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A }, Date.UTC(2025, 0, 1), 'constructor');
    const current: Profiles = { list: [known], active: known.id };
    const incoming: Parsed & { ok: true } = {
      ok: true,
      profiles: [makeProfile({ name: 'Alpha 2', country: 'KZ', kind: 'legal', identifier: A }, Date.UTC(2025, 0, 2), 'tostring')],
      progress: { byProfile: {}, notice: null },
      active: null,
    };
    const m = merge(current, EMPTY_ALL, incoming);
    expect(m.updated).toBe(1);
    expect(m.profiles.list.map((p) => [p.id, p.name])).toEqual([['constructor', 'Alpha 2']]);
    expect(Object.keys(m.progress.byProfile)).toEqual([]);
  });

  it('locale lookups and their parameters take own keys only', () => {
    const res = { kk: {}, ru: {}, uz: {}, en: { a: { b: 'x {{constructor}} {{name}}' } } };
    expect(lookup(res, 'en', 'a.constructor')).toBe('a.constructor');
    expect(lookup(res, 'en', 'toString')).toBe('toString');
    expect(lookup(res, 'en', 'a.b', { name: 'N' })).toBe('x {{constructor}} N');
  });
});

describe('bounded dates in stored and imported records', () => {
  const file = (facts: unknown, createdAt: unknown = Date.UTC(2025, 0, 1)) =>
    enc(
      JSON.stringify({
        format: 'qadam-profiles',
        version: 1,
        active: null,
        profiles: [{ id: 'p-aaaa', name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A, facts, createdAt }],
      }),
    );

  it('the range is 2000-01-01 … 2100-01-01', () => {
    expect(inDateRange(MIN_DATE)).toBe(true);
    expect(inDateRange(MAX_DATE)).toBe(false);
    expect(inDateRange(1e20)).toBe(false);
    expect(inDateRange(Number.NaN)).toBe(false);
    expect(inDateRange(Date.UTC(1999, 11, 31))).toBe(false);
    expect(inDateRange('2025')).toBe(false);
  });

  it('an imported registration date of 1e20 (or 1970, or NaN as null) refuses the file', () => {
    for (const at of [1e20, 5, -1, Date.UTC(2100, 0, 2)]) {
      const r = parseImport('x.json', file({ esf: { at } }));
      expect(r.ok, String(at)).toBe(false);
    }
    expect(parseImport('x.json', file({ esf: { at: Date.UTC(2024, 4, 1) } })).ok).toBe(true);
    expect(parseImport('x.json', file({}, 1e20)).ok).toBe(false);
  });

  it('imported progress times are bounded too', () => {
    const bad = {
      byProfile: { 'p-aaaa': { active: null, procedures: { 'esf.ie-after-individual': { step: null, seenAt: 1e20, done: {} } } } },
      notice: null,
    };
    const text = JSON.stringify({
      format: 'qadam-profiles',
      version: 1,
      active: null,
      profiles: [{ id: 'p-aaaa', name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A, facts: {}, createdAt: Date.UTC(2025, 0, 1) }],
      progress: bad,
    });
    expect(parseImport('x.json', enc(text)).ok).toBe(false);
  });

  it('a stored profile with a date out of range keeps its place; only that date goes', () => {
    const raw = {
      list: [
        {
          id: 'p-aaaa',
          name: 'Alpha',
          country: 'KZ',
          kind: 'legal',
          identifier: A,
          facts: { esf: { at: 1e20 }, oofd: { at: Date.UTC(2024, 1, 1) } },
          createdAt: Date.UTC(2025, 0, 1),
        },
        {
          id: 'p-bbbb',
          name: 'Beta',
          country: 'KZ',
          kind: 'legal',
          identifier: B,
          facts: { esf: { at: 'x' } },
          createdAt: Date.UTC(2025, 0, 1),
        },
      ],
      active: 'p-aaaa',
    };
    const ps = sanitizeProfiles(raw);
    expect(ps.list.map((p) => p.id)).toEqual(['p-aaaa', 'p-bbbb']);
    expect(ps.list[0]!.facts).toEqual({ oofd: { at: Date.UTC(2024, 1, 1) } });
    expect(ps.list[1]!.facts).toEqual({});
  });

  it('setFact refuses a date out of range', () => {
    const p = makeProfile({ name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A }, Date.UTC(2025, 0, 1), 'p-aaaa');
    const ps = setFact({ list: [p], active: p.id }, p.id, 'esf', 1e20);
    expect(ps.list[0]!.facts).toEqual({});
  });

  it('no stored progress time makes an invalid Date', () => {
    const all: AllProgress = { byProfile: { _: { active: null, procedures: {}, notice: null } }, notice: null };
    expect(progressOf(all, null).procedures).toEqual({});
  });
});
