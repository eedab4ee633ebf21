import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadAllProgress, loadProgress, loadSettings, progressItem } from '../../lib/progress';
import { createProfile } from '../../lib/profile-store';
import { loadProfiles } from '../../lib/profiles';

/** storage as earlier versions left it (tests/fixtures/storage/README.md) */
const fixture = (name: string) => JSON.parse(readFileSync(resolve('tests/fixtures/storage', name), 'utf8')) as Record<string, unknown>;

async function loadOld(name: string, migrate = true) {
  await fakeBrowser.storage.local.set(fixture(name));
  if (migrate) await progressItem.migrate(); // what WXT runs when the updated extension starts
}

describe('storage migrations: nothing is lost by an update', () => {
  beforeEach(() => fakeBrowser.reset());

  it('v1 (foundation) progress becomes the no-profile record of v2, every step and time kept', async () => {
    const old = fixture('v1-foundation.json').progress as { active: string; procedures: Record<string, unknown> };
    await loadOld('v1-foundation.json');
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw.progress$).toEqual({ v: 2 });
    expect(raw.progress).toEqual({ byProfile: { _: { ...old, notice: null } }, notice: null });
    const p = await loadProgress();
    expect(p.active).toBe('esf.second-enterprise');
    expect(p.procedures).toEqual(old.procedures);
    expect(await loadSettings()).toEqual({ lang: 'kk' });
  });

  it('v1 written before the version mark existed migrates the same way', async () => {
    const old = fixture('v1-no-meta.json').progress as { procedures: Record<string, unknown> };
    await loadOld('v1-no-meta.json');
    const p = await loadProgress();
    expect(p.active).toBe('oneid.register-individual');
    expect(p.procedures).toEqual(old.procedures);
    expect(await loadSettings()).toEqual({ lang: null });
  });

  it('a v1 value that no migration touched yet (another part raced ahead) is still read', async () => {
    await loadOld('v1-foundation.json', false);
    const p = await loadProgress();
    expect(p.active).toBe('esf.second-enterprise');
    expect(Object.keys(p.procedures)).toEqual(['esf.second-enterprise', 'esf.recover-access', 'nca.get-eds']);
  });

  it('a corrupt v1 value is reset with a notice, not a crash', async () => {
    await loadOld('v1-corrupt-one.json');
    const p = await loadProgress();
    expect(p).toMatchObject({ active: null, procedures: {}, notice: 'reset' });
  });

  it('the first profile created takes over the progress kept before profiles existed', async () => {
    await loadOld('v1-foundation.json');
    const before = await loadProgress();
    const alpha = await createProfile({ name: 'Alpha LLP', country: 'KZ', kind: 'legal', identifier: '100440001230' });
    const ps = await loadProfiles();
    expect(ps.active).toBe(alpha.id);
    const all = await loadAllProgress();
    expect(Object.keys(all.byProfile)).toEqual([alpha.id]);
    expect(await loadProgress()).toEqual(before);
    // a second profile starts empty and leaves the first one's progress alone
    const beta = await createProfile({ name: 'Beta', country: 'KZ', kind: 'individual', identifier: '850301400128' });
    expect((await loadProgress(beta.id)).procedures).toEqual({});
    expect(await loadProgress(alpha.id)).toEqual(before);
  });
});
