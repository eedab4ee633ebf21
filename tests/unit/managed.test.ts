import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NO_POLICY, parseManaged, parseMirror, POLICY_KEY, portalEnabled, readManaged } from '../../lib/managed';
import { loadPolicy, refreshPolicy } from '../../lib/policy-copy';
import { preloadProfiles } from '../../lib/preload';
import { loadProfiles } from '../../lib/profiles';

describe('managed policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads language, portals and profiles from storage.managed', async () => {
    await fakeBrowser.storage.managed.set({
      language: 'uz',
      portals: ['oneid'],
      profiles: [{ name: 'Samarqand Savdo', country: 'UZ', kind: 'legal', identifier: '305123456', headId: '31205880120031' }],
    });
    const m = await readManaged();
    expect(m.language).toBe('uz');
    expect(portalEnabled(m, 'oneid')).toBe(true);
    expect(portalEnabled(m, 'esf')).toBe(false);
    expect(await preloadProfiles(m.profiles)).toBe(1);
    expect((await loadProfiles()).list[0]).toMatchObject({
      name: 'Samarqand Savdo',
      identifier: '305123456',
      head: { id: '31205880120031' },
    });
  });

  it('no policy, or a broken part of one, gives the defaults for that part only', async () => {
    expect(await readManaged()).toEqual(NO_POLICY);
    expect(
      parseManaged({
        language: 'de',
        portals: ['esf', 'nope'],
        profiles: [{ name: 'X' }, { name: 'Ok', country: 'KZ', kind: 'legal', identifier: '190540028173' }],
      }),
    ).toEqual({
      language: null,
      portals: null,
      profiles: [{ name: 'Ok', country: 'KZ', kind: 'legal', identifier: '190540028173', head: { id: undefined, name: undefined } }],
    });
    expect(parseManaged('garbage')).toEqual(NO_POLICY);
    expect(portalEnabled(NO_POLICY, 'oofd')).toBe(true);
  });

  it('mirrors the policy in storage.local for pages that cannot wait, rewritten only when it changes', async () => {
    expect(await loadPolicy(), 'nothing mirrored yet').toBeNull();
    await fakeBrowser.storage.managed.set({
      language: 'kk',
      portals: ['esf', 'nca'],
      profiles: [{ name: 'Ok', country: 'KZ', kind: 'legal', identifier: '190540028173' }],
    });
    const m = await refreshPolicy();
    expect(m.profiles).toHaveLength(1);
    const stored = (await fakeBrowser.storage.local.get(POLICY_KEY))[POLICY_KEY];
    expect(stored, 'the mirror holds no profile').toEqual({ v: 1, language: 'kk', portals: ['esf', 'nca'] });
    expect(await loadPolicy()).toEqual({ language: 'kk', portals: ['esf', 'nca'], profiles: [] });
    let writes = 0;
    fakeBrowser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && POLICY_KEY in changes) writes++;
    });
    await refreshPolicy();
    expect(writes, 'the same policy is not written again').toBe(0);
    await fakeBrowser.storage.managed.clear();
    await refreshPolicy();
    expect(writes).toBe(1);
    expect(await loadPolicy(), 'a removed policy is mirrored as none').toEqual(NO_POLICY);
  });

  it('an unreadable mirror counts as none', () => {
    expect(parseMirror(undefined)).toBeNull();
    expect(parseMirror({ v: 2, language: null, portals: null })).toBeNull();
    expect(parseMirror({ v: 1, language: 'de', portals: null })).toBeNull();
    expect(parseMirror({ v: 1, language: null, portals: ['esf', 'x'] })).toBeNull();
  });
});

describe('the policy copy as a WXT storage item (lib/policy-copy.ts)', () => {
  it('a change of the copy is told to a watcher; a deleted copy is no policy', async () => {
    const { watchPolicy, policyCopy } = await import('../../lib/policy-copy');
    const seen: unknown[] = [];
    const un = watchPolicy((m) => seen.push(m));
    await policyCopy.setValue({ v: 1, language: 'kk', portals: ['esf'] });
    await policyCopy.removeValue();
    await new Promise((r) => setTimeout(r, 0));
    un();
    expect(seen).toEqual([{ language: 'kk', portals: ['esf'], profiles: [] }, NO_POLICY]);
    expect(policyCopy.key).toBe(`local:${POLICY_KEY}`);
  });
});
