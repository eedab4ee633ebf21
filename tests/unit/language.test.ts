/**
 * One language rule, one date format, one «already registered» check (issue 13), each in lib/
 * and used by every page: the portal page (content-scripts/engine.ts), the popup, the options
 * page, the private frame, the sandbox and the handout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserLang, browserUiLanguage, uiLang } from '../../lib/language';
import { pageLang } from '../../lib/page-lang';
import { formatDate } from '../../lib/dates';
import { alreadyRegistered, registeredOn, warnsRegistered } from '../../lib/registered';
import { POLICY_KEY } from '../../lib/managed';
import { addressOf } from '../../sandbox/dom';
import { PROCEDURES, procedureById } from '../../procedures';

const ROOT = join(__dirname, '..', '..');
const source = (f: string) => readFileSync(join(ROOT, f), 'utf8');

/** resolves once the next read of storage.managed has answered */
function managedRead(): Promise<unknown> {
  const real = fakeBrowser.storage.managed.get.bind(fakeBrowser.storage.managed);
  return new Promise((done) => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementationOnce(((keys: never) => {
      const p = real(keys);
      void p.then(done);
      return p;
    }) as never);
  });
}

describe('the language rule: the user’s choice, else the policy’s, else the browser’s', () => {
  it('takes each in turn', () => {
    expect(uiLang('uz', 'kk', 'ru-RU')).toBe('uz');
    expect(uiLang(null, 'kk', 'ru-RU')).toBe('kk');
    expect(uiLang(undefined, undefined, 'ru-RU')).toBe('ru');
    expect(uiLang(null, null, 'de-DE'), 'a browser language Qadam lacks: English').toBe('en');
    expect(uiLang(null, null, undefined)).toBe('en');
  });

  it('reads the browser’s language as one of Qadam’s', () => {
    expect(browserLang('KK')).toBe('kk');
    expect(browserLang('uz-Latn-UZ')).toBe('uz');
    expect(browserLang('en-US')).toBe('en');
    expect(browserLang('fr')).toBe('en');
  });

  describe('on an extension page (sandbox, handout, options)', () => {
    beforeEach(() => {
      vi.restoreAllMocks();
      fakeBrowser.reset();
      vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ru-RU');
    });

    it('the browser’s language without a setting or a policy', async () => {
      expect(browserUiLanguage()).toBe('ru-RU');
      expect(await pageLang()).toBe('ru');
    });

    it('the administrator’s policy language (mirrored) before the browser’s, and the user’s choice before both', async () => {
      await fakeBrowser.storage.local.set({ [POLICY_KEY]: { v: 1, language: 'kk', portals: null } });
      expect(await pageLang()).toBe('kk');
      await fakeBrowser.storage.local.set({ settings: { lang: 'uz' } });
      expect(await pageLang()).toBe('uz');
    });

    it('a fresh policy language that the mirror lacked is handed on (the page switches), once', async () => {
      await fakeBrowser.storage.managed.set({ language: 'kk' });
      const told: string[] = [];
      const fresh = new Promise<void>((done) => {
        void pageLang((l) => {
          told.push(l);
          done();
        }).then((l) => expect(l, 'no mirror yet: the browser’s').toBe('ru'));
      });
      await fresh;
      expect(told).toEqual(['kk']);
      // the mirror is now written: the next page starts in it and is told nothing
      const again = vi.fn();
      const read = managedRead();
      expect(await pageLang(again)).toBe('kk');
      await read; // the fresh policy was read and compared
      await new Promise((r) => setTimeout(r, 0));
      expect(again).not.toHaveBeenCalled();
    });

    it('the user’s choice is never overridden by a policy that arrives later', async () => {
      await fakeBrowser.storage.local.set({ settings: { lang: 'en' } });
      await fakeBrowser.storage.managed.set({ language: 'kk' });
      const told = vi.fn();
      const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
      expect(await pageLang(told)).toBe('en');
      expect(get, 'with the user’s choice the policy is not even asked').not.toHaveBeenCalled();
      expect(told).not.toHaveBeenCalled();
    });
  });

  it('a training page’s address names its own language before the rule', () => {
    expect(addressOf({ hash: '#/esf.second-enterprise?lang=uz', search: '' }, 'kk')).toMatchObject({ lang: 'uz', langNamed: true });
    expect(addressOf({ hash: '#/esf.second-enterprise', search: '?lang=ru' }, 'kk')).toMatchObject({ lang: 'ru', langNamed: true });
    expect(addressOf({ hash: '#/esf.second-enterprise', search: '' }, 'kk')).toMatchObject({ lang: 'kk', langNamed: false });
  });

  it.each([
    ['content-scripts/storage-sync.ts', 'uiLang('],
    ['components/store.ts', 'uiLang('],
    ['components/Options.tsx', 'pageLang('],
    ['entrypoints/sandbox/main.ts', 'pageLang('],
    ['entrypoints/handout/main.ts', 'pageLang('],
  ])('%s decides by the one rule (no rule of its own, no page ignoring the policy)', (file, call) => {
    const s = source(file);
    expect(s).toContain(call);
    expect(s, 'the browser language read directly').not.toMatch(/getUILanguage|navigator\.language/);
    expect(s, 'a language rule of its own').not.toMatch(/\.lang \?\?[^\n]*browserLang/);
  });
});

describe('one date format', () => {
  const at = new Date(2025, 2, 12, 15, 30).getTime(); // 12 March 2025, here
  it('the day in the user’s language: dd.mm.yyyy for kk, ru, uz; day first in English too', () => {
    expect(formatDate(at, 'ru')).toBe('12.03.2025');
    expect(formatDate(at, 'en')).toBe('12/03/2025');
    expect(formatDate(at, 'kk')).toMatch(/^12\.03\.2025/);
    expect(formatDate(at, 'uz')).toMatch(/12/);
  });
  it('a calendar day (YYYY-MM-DD) is that day wherever the computer is', () => {
    expect(formatDate('2025-03-12', 'ru')).toBe('12.03.2025');
    expect(formatDate('2025-12-31', 'en')).toBe('31/12/2025');
    expect(formatDate('2025-03-12', 'ru')).toBe(formatDate(at, 'ru'));
  });
  it.each([
    'components/Popup.tsx',
    'components/Profiles.tsx',
    'components/KeysExpiring.tsx',
    'entrypoints/private/main.ts',
    'content-scripts/record.ts',
    'lib/keys-expiry.ts',
  ])('%s formats dates with formatDate only', (file) => {
    expect(source(file)).not.toMatch(/toLocaleDateString|DateTimeFormat/);
  });
});

describe('one «already registered» check', () => {
  const esf = procedureById('esf.second-enterprise')!;
  const reg = esf.registers!;
  const regIndex = esf.steps.findIndex((s) => s.id === reg.step);
  const fact = { at: Date.UTC(2025, 2, 12) };

  it('warns from the first step up to the registering step, only when registered there', () => {
    for (let i = 0; i < esf.steps.length; i++) expect(warnsRegistered(esf, i, true), esf.steps[i]!.id).toBe(i <= regIndex);
    expect(warnsRegistered(esf, 0, false)).toBe(false);
    expect(warnsRegistered(esf, -1, true), 'the procedure is done').toBe(false);
    const nca = PROCEDURES.find((p) => p.portal === 'nca')!;
    expect(warnsRegistered(nca, 0, true), 'a procedure that registers nowhere').toBe(false);
  });

  it('looks up the profile’s registration on the procedure’s portal', () => {
    expect(registeredOn({ [reg.portal]: fact }, reg.portal)).toBe(fact);
    expect(registeredOn({}, reg.portal)).toBeUndefined();
    expect(registeredOn(undefined, reg.portal)).toBeUndefined();
    expect(registeredOn({ [reg.portal]: fact }, null)).toBeUndefined();
    expect(alreadyRegistered(esf, 0, { [reg.portal]: fact })).toBe(fact);
    expect(alreadyRegistered(esf, regIndex + 1 < esf.steps.length ? regIndex + 1 : -1, { [reg.portal]: fact })).toBeUndefined();
    expect(alreadyRegistered(esf, 0, {})).toBeUndefined();
  });

  it.each([
    ['lib/warnings.ts', 'warnsRegistered('],
    ['content-scripts/profile-warnings.ts', 'profileWarnings('],
    ['components/Popup.tsx', 'profileWarnings('],
    ['entrypoints/private/main.ts', 'registeredOn('],
    ['lib/private-background.ts', 'registeredOn('],
    ['lib/profile-store.ts', 'registeredOn('],
  ])('%s uses the one check', (file, call) => {
    const s = source(file);
    expect(s).toContain(call);
    expect(s, 'a step-window comparison of its own').not.toMatch(/findIndex\([^)]*reg\.step/);
    expect(s, 'a facts lookup of its own').not.toMatch(/facts\[(reg|req)\./);
  });
});
