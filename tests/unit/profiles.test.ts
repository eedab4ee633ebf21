import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkId, decodeId, guessKind, identifiersIn } from '../../lib/identifiers';
import { kzCheckDigit } from '../../lib/rules';
import { firstRegistered, loadProfiles, makeProfile, matchesQuery, setFact, sortProfiles, type Profiles } from '../../lib/profiles';
import { addProfiles, createProfile, deleteProfile, noteRegistered, setActiveProfile } from '../../lib/profile-store';
import { loadAllProgress, loadProgress, recordStep, updateProgress } from '../../lib/progress';

/** a 12-digit KZ number with its check digit */
const kz = (first11: string) => first11 + String(kzCheckDigit(first11));

describe('identifiers: checked and decoded', () => {
  it('decodes an IIN: birth date and sex from the century digit', () => {
    expect(decodeId('iin', '781105301459')).toEqual({ kind: 'iin', birth: '1978-11-05', sex: 'male' });
    expect(decodeId('iin', '850301400128')).toEqual({ kind: 'iin', birth: '1985-03-01', sex: 'female' });
    expect(decodeId('iin', '020712500126')).toEqual({ kind: 'iin', birth: '2002-07-12', sex: 'male' });
  });

  it('decodes a BIN: registration year and month, kind of entity (5th digit), attribute (6th)', () => {
    expect(decodeId('bin', '190540028173')).toEqual({ kind: 'bin', year: 2019, month: 5, entity: 'resident', attribute: 'head-office' });
    expect(decodeId('bin', kz('05125100001'))).toMatchObject({ year: 2005, month: 12, entity: 'non-resident', attribute: 'branch' });
    expect(decodeId('bin', kz('99066200001'))).toMatchObject({ year: 1999, month: 6, entity: 'ie-joint', attribute: 'representative' });
    expect(decodeId('bin', kz('16014300001'))).toMatchObject({ entity: 'resident', attribute: 'peasant-farm' });
  });

  it('says why a number is rejected', () => {
    expect(checkId('bin', '190540028174')).toEqual({ key: 'bin.checksum' });
    expect(checkId('bin', '19054002817')).toEqual({ key: 'bin.length', params: { count: 11 } });
    expect(checkId('bin', kz('19057002817').slice(0, 12))).toEqual({ key: 'bin.kind' });
    expect(checkId('iin', '781305301459')).toEqual({ key: 'iin.date' });
    expect(checkId('tin', '30512345')).toEqual({ key: 'tin.length', params: { count: 8 } });
    expect(checkId('tin', '305123456')).toBeNull();
    expect(checkId('pinfl', '3120588012003')).toEqual({ key: 'pinfl.length', params: { count: 13 } });
  });

  it('never rejects a PINFL on a check digit; decodes the usual layout only when it makes a date', () => {
    expect(checkId('pinfl', '31205880120031')).toBeNull();
    expect(decodeId('pinfl', '31205880120031')).toEqual({ kind: 'pinfl', birth: '1988-05-12', sex: 'male' });
    expect(decodeId('pinfl', '99999999999999')).toEqual({ kind: 'pinfl', birth: null, sex: null });
  });

  it('finds identifiers in a caption and guesses the kind of a bare number', () => {
    expect(identifiersIn('OOO “SAMARQAND SAVDO” (ИНН 305123456) — Common For Head')).toEqual(['305123456']);
    expect(identifiersIn('БИН 190540028173, ИИН 781105301459; тел 87011234567')).toEqual(['190540028173', '781105301459']);
    expect(guessKind('KZ', '190540028173')).toBe('legal');
    expect(guessKind('KZ', '781105301459')).toBe('individual');
    expect(guessKind('UZ', '305123456')).toBe('legal');
  });
});

describe('profiles and per-profile progress', () => {
  beforeEach(() => fakeBrowser.reset());
  const IE = 'esf.ie-after-individual';

  it('the first profile becomes active; progress is kept per profile; deleting drops its progress', async () => {
    const a = await createProfile({
      name: 'Alpha',
      country: 'KZ',
      kind: 'legal',
      identifier: '190540028173',
      head: { id: '781105301459' },
    });
    const b = await createProfile({ name: 'Beta', country: 'KZ', kind: 'legal', identifier: kz('10044000123') });
    expect((await loadProfiles()).active).toBe(a.id);
    await updateProgress((p) => recordStep(p, IE, 'register-as-ie', false, 5));
    await setActiveProfile(b.id);
    expect((await loadProgress()).procedures).toEqual({});
    await updateProgress((p) => recordStep(p, 'esf.recover-access', 'change-email', false, 6));
    await setActiveProfile(a.id);
    expect((await loadProgress()).procedures[IE]?.step).toBe('register-as-ie');
    expect((await loadProgress(b.id)).active).toBe('esf.recover-access');
    await deleteProfile(b.id);
    expect(Object.keys((await loadAllProgress()).byProfile)).toEqual([a.id]);
  });

  it('names the enterprise of the same head registered first on ESF', () => {
    const head = '781105301459';
    const first = makeProfile(
      { name: 'Alpha LLP', country: 'KZ', kind: 'legal', identifier: '190540028173', head: { id: head } },
      1,
      'p-alpha',
    );
    const later = makeProfile(
      { name: 'Gamma LLP', country: 'KZ', kind: 'legal', identifier: kz('20014000555'), head: { id: head } },
      2,
      'p-gamma',
    );
    const other = makeProfile(
      { name: 'Other head LLP', country: 'KZ', kind: 'legal', identifier: kz('18014000777'), head: { id: '850301400128' } },
      3,
      'p-other',
    );
    const now = makeProfile(
      { name: 'New LLP', country: 'KZ', kind: 'legal', identifier: kz('24014000999'), head: { id: head } },
      4,
      'p-new',
    );
    let ps: Profiles = { list: [first, later, other, now], active: now.id };
    expect(firstRegistered(ps, 'esf')).toBeNull();
    ps = setFact(ps, later.id, 'esf', Date.UTC(2025, 5, 1));
    ps = setFact(ps, first.id, 'esf', Date.UTC(2025, 2, 12));
    ps = setFact(ps, other.id, 'esf', Date.UTC(2020, 0, 1));
    expect(firstRegistered(ps, 'esf')?.name).toBe('Alpha LLP');
  });

  it('marks the profile registered when the registering step of its procedure is done', async () => {
    const a = await createProfile({ name: 'Alpha', country: 'KZ', kind: 'legal', identifier: '190540028173' });
    // a real date: registration dates are kept only from 2000 to 2100 (issue 15)
    const at = Date.UTC(2025, 2, 12, 9);
    const p = await updateProgress((x) => recordStep(x, 'singlewindow.self-registration', 'activate', false, at));
    await noteRegistered(p, a.id);
    expect((await loadProfiles()).list[0]!.facts.singlewindow).toEqual({ at, seen: true });
  });

  it('searches by name, number and head, and sorts by name in the user language', () => {
    const list = [
      makeProfile(
        { name: 'Ясмин ТОО', country: 'KZ', kind: 'legal', identifier: '190540028173', head: { name: 'Ахметов Ержан' } },
        1,
        'p-a',
      ),
      makeProfile({ name: 'Әлем ЖШС', country: 'KZ', kind: 'legal', identifier: kz('10044000123') }, 2, 'p-b'),
      makeProfile({ name: 'Alpha', country: 'UZ', kind: 'legal', identifier: '305123456' }, 3, 'p-c'),
    ];
    expect(list.filter((p) => matchesQuery(p, '0540')).map((p) => p.id)).toEqual(['p-a']);
    expect(list.filter((p) => matchesQuery(p, 'ахмет')).map((p) => p.id)).toEqual(['p-a']);
    expect(list.filter((p) => matchesQuery(p, ' 305 123 ')).map((p) => p.id)).toEqual(['p-c']);
    expect(sortProfiles(list, 'identifier', 'ru').map((p) => p.id)).toEqual(['p-b', 'p-a', 'p-c']);
    expect(sortProfiles(list, 'created', 'ru').map((p) => p.id)).toEqual(['p-a', 'p-b', 'p-c']);
  });

  it('stores names and identifiers only: no other field survives a write', async () => {
    await addProfiles([
      { ...makeProfile({ name: 'X', country: 'KZ', kind: 'legal', identifier: '190540028173' }), password: 'secret' } as never,
    ]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toContain('secret'); // written as given…
    const ps = await loadProfiles(); // …but never read back: the schema keeps only its own fields
    expect(JSON.stringify(ps)).not.toContain('secret');
  });
});

describe('profiles preset by an administrator', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adds the valid presets that are not profiles yet, keeps the user’s own, skips bad numbers', async () => {
    const { preloadProfiles } = await import('../../lib/preload');
    const mine = await createProfile({ name: 'Mine', country: 'KZ', kind: 'legal', identifier: '190540028173' });
    const n = await preloadProfiles([
      { name: 'Preset same BIN', country: 'KZ', kind: 'legal', identifier: '190540028173' },
      { name: 'Preset new', country: 'KZ', kind: 'legal', identifier: kz('10044000123') },
      { name: 'Bad digit', country: 'KZ', kind: 'legal', identifier: '190540028174' },
      { name: 'UZ company', country: 'UZ', kind: 'legal', identifier: '305 123 456' },
    ]);
    expect(n).toBe(2);
    const ps = await loadProfiles();
    expect(ps.list.map((p) => p.name)).toEqual(['Mine', 'Preset new', 'UZ company']);
    expect(ps.active).toBe(mine.id);
    expect(await preloadProfiles([{ name: 'Preset new', country: 'KZ', kind: 'legal', identifier: kz('10044000123') }])).toBe(0);
  });
});
