import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { kzCheckDigit } from '../../lib/rules';
import { exportData, MAX_IMPORT_BYTES, parseImport, type Problem } from '../../lib/transfer';
import { createProfile } from '../../lib/profile-store';
import { importBytes } from '../../lib/import';
import { loadAllProgress, loadProgress, recordStep, updateProgress } from '../../lib/progress';
import { loadProfiles } from '../../lib/profiles';

const kz = (first11: string) => first11 + String(kzCheckDigit(first11));
const enc = (s: string) => new TextEncoder().encode(s);
const BOM = '\uFEFF';
const A = '190540028173';
const B = kz('10044000123');
const problems = (r: ReturnType<typeof parseImport>): Problem[] => (r.ok ? [] : r.problems);

describe('CSV import', () => {
  it('reads comma- and semicolon-separated UTF-8 with or without BOM, quoted cells and header aliases', () => {
    for (const text of [
      `name,identifier\nAlpha LLP,${A}\n"Beta, ""quoted"" LLP",${B}\n`,
      `${BOM}name;identifier;country;kind;head\r\nAlpha LLP;${A};KZ;legal;781105301459\r\n"Beta, ""quoted"" LLP";${B};kz;ЮЛ;\r\n`,
      `Наименование;БИН\nAlpha LLP;${A}\n"Beta, ""quoted"" LLP";${B}\n\n`,
    ]) {
      const r = parseImport('list.csv', enc(text));
      expect(r.ok, JSON.stringify(problems(r))).toBe(true);
      if (!r.ok) continue;
      expect(r.profiles.map((p) => [p.name, p.identifier, p.country, p.kind])).toEqual([
        ['Alpha LLP', A, 'KZ', 'legal'],
        ['Beta, "quoted" LLP', B, 'KZ', 'legal'],
      ]);
    }
  });

  it('guesses country and kind from the number when the columns are absent', () => {
    const r = parseImport('x.csv', enc(`name,identifier\nAhmetov,781105301459\nSamarqand Savdo,305123456\nErgashev,31205880120031\n`));
    expect(r.ok && r.profiles.map((p) => `${p.country}/${p.kind}`)).toEqual(['KZ/individual', 'UZ/legal', 'UZ/individual']);
  });

  it('names every row at fault: bad check digit, duplicate, empty, unknown kind', () => {
    const r = parseImport(
      'x.csv',
      enc(`name,identifier,kind\nAlpha,${A},legal\nBad,190540028174,legal\nDup,${A},legal\n,${B},legal\nOdd,${kz('85030140012')},boss\n`),
    );
    expect(problems(r)).toEqual([
      { row: 3, key: 'bin.checksum', params: {} },
      { row: 4, key: 'duplicate', params: { first: 2 } },
      { row: 5, key: 'noName' },
      { row: 6, key: 'kind', params: { value: 'boss' } },
    ]);
  });

  it('refuses a wrong separator, a wrong encoding, an empty file and a huge file with one clear reason', () => {
    expect(problems(parseImport('x.csv', enc(`name|identifier\nAlpha|${A}\n`)))).toEqual([
      { key: 'columns', params: { columns: 'name, identifier', separator: ',' } },
    ]);
    // «Наименование;1» in Windows-1251
    const cp1251 = new Uint8Array([0xcd, 0xe0, 0xe8, 0xec, 0xe5, 0xed, 0xee, 0xe2, 0xe0, 0xed, 0xe8, 0xe5, 0x3b, 0x31, 0x0a]);
    expect(problems(parseImport('x.csv', cp1251))).toEqual([{ key: 'encoding' }]);
    expect(problems(parseImport('x.csv', new Uint8Array(0)))).toEqual([{ key: 'empty' }]);
    const huge = new Uint8Array(20 * 1024 * 1024);
    expect(problems(parseImport('x.csv', huge))[0]).toMatchObject({ key: 'tooBig' });
    expect(MAX_IMPORT_BYTES).toBeLessThan(huge.byteLength);
  });
});

describe('JSON import', () => {
  const file = (over: Record<string, unknown>) =>
    enc(
      JSON.stringify({
        format: 'qadam-profiles',
        version: 1,
        active: null,
        profiles: [{ id: 'p-aaaa', name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A, facts: {}, createdAt: 1 }],
        ...over,
      }),
    );

  it('refuses an unknown version, a foreign file, broken JSON, wrong types and __proto__ keys', () => {
    expect(problems(parseImport('x.json', file({ version: 2 })))).toEqual([{ key: 'version', params: { version: '2' } }]);
    expect(problems(parseImport('x.json', enc('{"hello":1}')))).toEqual([{ key: 'notQadam' }]);
    expect(problems(parseImport('x.json', enc('{"format":"qadam-profiles",')))).toEqual([{ key: 'json' }]);
    expect(
      problems(
        parseImport(
          'x.json',
          file({ profiles: [{ id: 'p-aaaa', name: 42, country: 'KZ', kind: 'legal', identifier: A, facts: {}, createdAt: 1 }] }),
        ),
      ),
    ).toEqual([{ row: 1, key: 'field', params: { field: 'name' } }]);
    const proto =
      `{"format":"qadam-profiles","version":1,"profiles":[{"id":"p-aaaa","name":"A","country":"KZ",` +
      `"kind":"legal","identifier":"${A}","facts":{},"createdAt":1,"__proto__":{"polluted":true}}]}`;
    expect(problems(parseImport('x.json', enc(proto)))).toEqual([{ row: 1, key: 'forbiddenKey', params: { key: '__proto__' } }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems(parseImport('x.json', file({ profiles: 'many' })))).toEqual([{ key: 'shape', params: { max: 5000 } }]);
  });

  it('refuses duplicates and bad check digits inside the file', () => {
    const two = (id2: string, ident2: string) =>
      file({
        profiles: [
          { id: 'p-aaaa', name: 'Alpha', country: 'KZ', kind: 'legal', identifier: A, facts: {}, createdAt: 1 },
          { id: id2, name: 'Beta', country: 'KZ', kind: 'legal', identifier: ident2, facts: {}, createdAt: 2 },
        ],
      });
    expect(problems(parseImport('x.json', two('p-bbbb', A)))).toEqual([{ row: 2, key: 'duplicate', params: { first: 1 } }]);
    expect(problems(parseImport('x.json', two('p-aaaa', B)))).toEqual([{ row: 2, key: 'duplicateId' }]);
    expect(problems(parseImport('x.json', two('p-bbbb', '190540028174')))).toEqual([{ row: 2, key: 'bin.checksum', params: {} }]);
  });
});

describe('import applies whole or not at all', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a refused import leaves browser.storage.local exactly as it was', async () => {
    await createProfile({ name: 'Kept', country: 'KZ', kind: 'legal', identifier: B });
    await updateProgress((p) => recordStep(p, 'esf.recover-access', 'change-email', false, 9));
    const before = await fakeBrowser.storage.local.get(null);
    for (const bad of [
      enc(`name,identifier\nNew,${A}\nBroken,190540028174\n`),
      enc('{"format":"qadam-profiles","version":7,"profiles":[]}'),
      new Uint8Array([0xff, 0xfe, 0x00]),
    ]) {
      const r = await importBytes('x.csv', bad);
      expect(r.ok).toBe(false);
      expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    }
  });

  it('export then import into a clean browser gives the same profiles and progress', async () => {
    const a = await createProfile({
      name: 'Alpha',
      country: 'KZ',
      kind: 'legal',
      identifier: A,
      head: { id: '781105301459', name: 'Ахметов Ержан' },
    });
    await updateProgress((p) => recordStep(p, 'esf.second-enterprise', 'legal-entity-tab', false, 77));
    await createProfile({ name: 'Samarqand Savdo', country: 'UZ', kind: 'legal', identifier: '305123456' });
    const [ps, all] = [await loadProfiles(), await loadAllProgress()];
    const bytes = enc(JSON.stringify(exportData(ps, all)));
    fakeBrowser.reset();
    const r = await importBytes('qadam.json', bytes);
    expect(r).toEqual({ ok: true, added: 2, updated: 0 });
    expect(await loadProfiles()).toEqual(ps);
    expect((await loadProgress(a.id)).procedures['esf.second-enterprise']?.step).toBe('legal-entity-tab');
    // importing the same file again updates, adds nothing, changes nothing
    expect(await importBytes('qadam.json', bytes)).toEqual({ ok: true, added: 0, updated: 2 });
    expect(await loadProfiles()).toEqual(ps);
  });

  it('a CSV row whose number is already a profile updates it instead of adding a second', async () => {
    const kept = await createProfile({
      name: 'Old name',
      country: 'KZ',
      kind: 'legal',
      identifier: A,
      head: { id: '781105301459', name: 'Ахметов' },
    });
    const r = await importBytes('x.csv', enc(`name,identifier\nNew name,${A}\nBeta,${B}\n`));
    expect(r).toEqual({ ok: true, added: 1, updated: 1 });
    const ps = await loadProfiles();
    expect(ps.list.map((p) => [p.id === kept.id, p.name])).toEqual([
      [true, 'New name'],
      [false, 'Beta'],
    ]);
    expect(ps.list[0]!.head).toEqual({ id: '781105301459', name: 'Ахметов' }); // no head column: kept
    expect(ps.active).toBe(kept.id);
  });
});
