import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NO_POLICY, parseManaged, portalEnabled, readManaged } from '../../lib/managed';
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
    expect((await loadProfiles()).list[0]).toMatchObject({ name: 'Samarqand Savdo', identifier: '305123456', head: { id: '31205880120031' } });
  });

  it('no policy, or a broken part of one, gives the defaults for that part only', async () => {
    expect(await readManaged()).toEqual(NO_POLICY);
    expect(parseManaged({ language: 'de', portals: ['esf', 'nope'], profiles: [{ name: 'X' }, { name: 'Ok', country: 'KZ', kind: 'legal', identifier: '190540028173' }] })).toEqual({
      language: null,
      portals: null,
      profiles: [{ name: 'Ok', country: 'KZ', kind: 'legal', identifier: '190540028173', head: { id: undefined, name: undefined } }],
    });
    expect(parseManaged('garbage')).toEqual(NO_POLICY);
    expect(portalEnabled(NO_POLICY, 'oofd')).toBe(true);
  });
});
