import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NO_POLICY, type Managed } from '../../lib/managed';
import { POLICY_VERSION, PROGRESS_VERSION, SETTINGS_VERSION } from '../../lib/storage-versions';

/**
 * Storage sync on its own: the two keys a portal page reads itself (plain storage.local, no WXT
 * storage module in the content script: size), the writers' WXT items with one version constant
 * each, nothing written by the page, profiles never read.
 */
let getSpy: { mock: { calls: unknown[][] } };
let sync: typeof import('../../content-scripts/storage-sync');
let ctx: ContentScriptContext;
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(async () => {
  fakeBrowser.reset();
  getSpy = vi.spyOn(fakeBrowser.storage.local, 'get');
  sync ??= await import('../../content-scripts/storage-sync'); // its items are defined under the spy
  ctx = new ContentScriptContext('portal');
});
afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('storage sync', () => {
  it('the policy copy: none → no policy; a mirror → its language and portals', async () => {
    expect(await sync.readPolicy()).toEqual(NO_POLICY);
    await fakeBrowser.storage.local.set({ policy: { v: POLICY_VERSION, language: 'kk', portals: ['esf'] } });
    expect(await sync.readPolicy()).toEqual({ language: 'kk', portals: ['esf'], profiles: [] });
    await fakeBrowser.storage.local.set({ policy: { v: 99, language: 'kk', portals: null } });
    expect(await sync.readPolicy()).toEqual(NO_POLICY); // an unknown shape is no policy
  });

  it('policy changes are followed until the context goes; a deleted copy is no policy', async () => {
    const seen: Managed[] = [];
    sync.watchPolicy(ctx, (m) => seen.push(m));
    await fakeBrowser.storage.local.set({ policy: { v: POLICY_VERSION, language: 'uz', portals: null } });
    await fakeBrowser.storage.local.remove('policy');
    await tick();
    expect(seen).toEqual([{ language: 'uz', portals: null, profiles: [] }, NO_POLICY]);
    ctx.notifyInvalidated();
    await fakeBrowser.storage.local.set({ policy: { v: POLICY_VERSION, language: 'ru', portals: null } });
    await tick();
    expect(seen.length).toBe(2);
  });

  it('the language setting: a change is told; other keys are not', async () => {
    let n = 0;
    const un = sync.watchSettings(() => n++);
    await fakeBrowser.storage.local.set({ settings: { lang: 'kk' } });
    await fakeBrowser.storage.local.set({ other: 1 });
    await tick();
    expect(n).toBe(1);
    expect(await sync.readSettings()).toEqual({ lang: 'kk' });
    un();
    await fakeBrowser.storage.local.set({ settings: { lang: 'ru' } });
    expect(n).toBe(1);
  });

  it('progress and profiles: one signal per write (an import writes both), and their values are never read', async () => {
    const seen: { progress: boolean; profiles: boolean }[] = [];
    const un = sync.watchProgress((w) => seen.push(w));
    await fakeBrowser.storage.local.set({ progress: { byProfile: {} }, profiles: { list: [], active: null } });
    await tick();
    await fakeBrowser.storage.local.set({ profiles: { list: [], active: 'p1' } });
    await tick();
    expect(seen).toEqual([
      { progress: true, profiles: true },
      { progress: false, profiles: true },
    ]);
    un();
    await sync.readPolicy();
    await sync.readSettings();
    const keys = getSpy.mock.calls.flatMap((c: unknown[]) => [c[0]].flat()).map(String);
    expect(keys).not.toContain('profiles');
    expect(keys).not.toContain('progress');
  });

  it('the page writes no version mark: the writers own them (one constant per item)', async () => {
    await fakeBrowser.storage.local.set({ settings: { lang: 'en' }, policy: { v: POLICY_VERSION, language: null, portals: null } });
    await sync.readPolicy();
    await sync.readSettings();
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).sort()).toEqual(['policy', 'settings']);
    expect([PROGRESS_VERSION, SETTINGS_VERSION, POLICY_VERSION]).toEqual([2, 1, 1]);
    const { settingsItem, progressItem } = await import('../../lib/progress');
    expect(settingsItem.key).toBe(`local:${sync.SETTINGS_KEY}`);
    await progressItem.setValue({ byProfile: {}, notice: null });
    expect((await fakeBrowser.storage.local.get('progress$'))['progress$']).toEqual({ v: PROGRESS_VERSION });
  });

  it('the language rule: the page’s own, the user’s choice, the policy’s, the browser’s', () => {
    const policy = { ...NO_POLICY, language: 'kk' as const };
    expect(sync.pageLang('uz', { lang: 'ru' }, policy)).toBe('uz');
    expect(sync.pageLang(undefined, { lang: 'ru' }, policy)).toBe('ru');
    expect(sync.pageLang(undefined, { lang: null }, policy)).toBe('kk');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('uz-Latn-UZ');
    expect(sync.pageLang(undefined, { lang: null }, NO_POLICY)).toBe('uz');
  });

  it('progress is read and written through the background only, writes coalesced', async () => {
    const got: unknown[] = [];
    expect((await sync.progressNow()).tag).toBe(''); // no answer: nothing followed
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      got.push(msg);
      const type = (msg as { type: string }).type;
      if (type === 'qadam:progress-get')
        return Promise.resolve({ progress: { active: 'esf.demo', procedures: {}, notice: null }, tag: 't1', kind: 'ie' });
      return Promise.resolve({ ok: true });
    });
    expect(await sync.progressNow()).toMatchObject({ tag: 't1', kind: 'ie', progress: { active: 'esf.demo' } });
    const w = sync.progressWriter();
    w.push(null, (ops) => [...ops, { op: 'record', procedure: 'esf.demo', step: 'form', stepDone: false }]);
    w.push(null, (ops) => [...ops, { op: 'done', procedure: 'esf.demo', step: 'form' }]);
    await new Promise((r) => setTimeout(r, 1100)); // the second change waits for the next write (one a second)
    const writes = got.filter((m) => (m as { type: string }).type === 'qadam:progress-ops');
    expect(writes.length).toBeGreaterThanOrEqual(1);
    expect(writes.flatMap((m) => (m as { ops: unknown[] }).ops)).toEqual([
      { op: 'record', procedure: 'esf.demo', step: 'form', stepDone: false },
      { op: 'done', procedure: 'esf.demo', step: 'form' },
    ]);
    expect(browser.runtime.id).toBeTruthy();
  });
});
