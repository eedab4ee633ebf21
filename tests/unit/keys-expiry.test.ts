import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { kzCheckDigit } from '../../lib/rules';
import { daysLeft, expiringKeys, parseKeysExpire } from '../../lib/keys-expiry';
import { loadProfiles, makeProfile, sanitizeProfiles, sortProfiles } from '../../lib/profiles';
import { exportData, merge, parseImport, type Problem } from '../../lib/transfer';
import { importBytes } from '../../lib/import';
import { createProfile } from '../../lib/profile-store';
import { EMPTY_ALL, loadAllProgress } from '../../lib/progress';

const kz = (first11: string) => first11 + String(kzCheckDigit(first11));
const enc = (s: string) => new TextEncoder().encode(s);
const A = '190540028173';
const B = kz('10044000123');
const C = kz('20124000456');
const problems = (r: ReturnType<typeof parseImport>): Problem[] => (r.ok ? [] : r.problems);
const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 15, 30);

describe('the keys expiry date', () => {
  it('reads YYYY-MM-DD and DD.MM.YYYY into YYYY-MM-DD', () => {
    expect(parseKeysExpire('2026-12-14')).toBe('2026-12-14');
    expect(parseKeysExpire(' 14.12.2026 ')).toBe('2026-12-14');
    expect(parseKeysExpire('1.2.2027')).toBe('2027-02-01');
    expect(parseKeysExpire('29.02.2028')).toBe('2028-02-29');
  });

  it('refuses what is not a real date between 2000 and 2100', () => {
    for (const bad of [
      '9999-12-31',
      '1e20',
      '100000000000000000000',
      '1899-01-01',
      '2026-02-30',
      '29.02.2027',
      '2026-13-01',
      '2026-1-5',
      '14/12/2026',
      '',
      'tomorrow',
      '2026-12-14T00:00:00Z',
    ]) {
      expect(parseKeysExpire(bad), bad).toBeNull();
    }
    expect(parseKeysExpire(1e20)).toBeNull();
    expect(parseKeysExpire(20261214)).toBeNull();
  });

  it('counts calendar days from today, negative once expired', () => {
    const today = at(2026, 11, 29);
    expect(daysLeft('2026-11-29', today)).toBe(0);
    expect(daysLeft('2026-11-30', today)).toBe(1);
    expect(daysLeft('2026-12-29', today)).toBe(30);
    expect(daysLeft('2026-11-20', today)).toBe(-9);
    expect(daysLeft('2027-03-29', at(2027, 3, 1))).toBe(28); // across a DST change in many zones
  });

  it('lists keys due within 30 days or expired, soonest first', () => {
    const today = at(2026, 11, 29);
    const list = [
      { name: 'Later', keysExpire: '2027-01-15' },
      { name: 'Beta', keysExpire: '2026-12-10' },
      { name: 'None' },
      { name: 'Gone', keysExpire: '2026-11-01' },
      { name: 'Alpha', keysExpire: '2026-12-10' },
      { name: 'Edge', keysExpire: '2026-12-29' },
    ];
    expect(expiringKeys(list, today).map((x) => [x.profile.name, x.days])).toEqual([
      ['Gone', -28],
      ['Alpha', 11],
      ['Beta', 11],
      ['Edge', 30],
    ]);
  });

  it('sorts profiles by keys expiry, those without a date last', () => {
    const mk = (name: string, identifier: string, keysExpire?: string) =>
      makeProfile({ name, country: 'KZ', kind: 'legal', identifier, ...(keysExpire ? { keysExpire } : {}) });
    const sorted = sortProfiles([mk('Zeta', A), mk('Beta', B, '2027-05-01'), mk('Alpha', C, '2026-12-01')], 'keys', 'ru');
    expect(sorted.map((p) => p.name)).toEqual(['Alpha', 'Beta', 'Zeta']);
  });
});

describe('stored profiles with and without the date', () => {
  beforeEach(() => fakeBrowser.reset());

  it('profiles stored before the date existed load unchanged (no migration needed)', async () => {
    const old = {
      list: [{ id: 'p-old1', name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A, facts: {}, createdAt: 1 }],
      active: 'p-old1',
    };
    await fakeBrowser.storage.local.set({ profiles: old, profiles$: { v: 1 } });
    const ps = await loadProfiles();
    expect(ps.list).toEqual(old.list);
    expect(ps.active).toBe('p-old1');
  });

  it('a bad stored date is dropped, the profile kept', () => {
    const base = { id: 'p-abcd', name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A, facts: {}, createdAt: 1 };
    for (const keysExpire of ['9999-01-01', 1e20, 'x', '2026-02-30']) {
      const ps = sanitizeProfiles({ list: [{ ...base, keysExpire }], active: null });
      expect(ps.list).toEqual([base]);
    }
    expect(sanitizeProfiles({ list: [{ ...base, keysExpire: '2026-12-14' }], active: null }).list[0]!.keysExpire).toBe('2026-12-14');
  });

  it('the date is exported and imported back', async () => {
    await createProfile({ name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A, keysExpire: '2026-12-14' });
    const file = exportData(await loadProfiles(), await loadAllProgress());
    expect(file.profiles[0]!.keysExpire).toBe('2026-12-14');
    const r = parseImport('x.json', enc(JSON.stringify(file)));
    expect(r.ok && r.profiles[0]!.keysExpire).toBe('2026-12-14');
  });
});

describe('importing the date', () => {
  beforeEach(() => fakeBrowser.reset());

  it('CSV: the optional keys_expire column in either form', () => {
    const r = parseImport('x.csv', enc(`name;identifier;keys_expire\nAlpha;${A};2026-12-14\nBeta;${B};01.02.2027\nGamma;${C};\n`));
    expect(r.ok, JSON.stringify(problems(r))).toBe(true);
    expect(r.ok && r.profiles.map((p) => p.keysExpire)).toEqual(['2026-12-14', '2027-02-01', undefined]);
  });

  it('CSV: an absurd date refuses the file and names the row', () => {
    const r = parseImport('x.csv', enc(`name,identifier,keys_expire\nAlpha,${A},2026-12-14\nBeta,${B},9999-12-31\nGamma,${C},1e20\n`));
    expect(r.ok).toBe(false);
    expect(problems(r).map((p) => [p.row, p.key, p.params?.value])).toEqual([
      [3, 'keysExpire', '9999-12-31'],
      [4, 'keysExpire', '1e20'],
    ]);
  });

  it('JSON: a date that is a number or out of bounds refuses the file, storage untouched', async () => {
    await createProfile({ name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A });
    const before = await fakeBrowser.storage.local.get(null);
    for (const keysExpire of [1e20, '9999-12-31', '2026-02-30']) {
      const file = {
        format: 'qadam-profiles',
        version: 1,
        active: null,
        profiles: [{ id: 'p-x1y2', name: 'Beta', country: 'KZ', kind: 'legal', identifier: B, facts: {}, createdAt: 1, keysExpire }],
      };
      const r = await importBytes('x.json', enc(JSON.stringify(file)));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.problems[0]).toMatchObject({ row: 1, key: 'keysExpire' });
      expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    }
  });

  it("a CSV without the column keeps a known profile's date; with it, takes the file's", () => {
    const known = makeProfile({ name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A, keysExpire: '2026-12-14' }, 1, 'p-known');
    const current = { list: [known], active: known.id };
    const without = parseImport('x.csv', enc(`name,identifier\nAlpha LLP,${A}\n`));
    if (!without.ok) throw new Error('parse');
    expect(merge(current, EMPTY_ALL, without).profiles.list[0]).toMatchObject({ name: 'Alpha LLP', keysExpire: '2026-12-14' });
    const withCol = parseImport('x.csv', enc(`name,identifier,keys_expire\nAlpha LLP,${A},20.01.2027\n`));
    if (!withCol.ok) throw new Error('parse');
    expect(merge(current, EMPTY_ALL, withCol).profiles.list[0]!.keysExpire).toBe('2027-01-20');
  });
});
