/**
 * The guides people made in the training pages (sandbox/guides.ts): found by id after loading,
 * their texts in the user's language with the guide's fallback, never a replica page (even for a
 * step id the catalogue also has), a guide with a catalogue id ignored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { procedureById, setGuideProcedures } from '../../procedures';
import { GUIDES_KEY, POLICY_GUIDES_KEY, type Guide } from '../../lib/guide-model';
import { guideFields, guideProcedures, has, loadPageGuides, t } from '../../sandbox/guides';
import { addressOf } from '../../sandbox/dom';
import { pageFor } from '../../sandbox/pages';

const GUIDE: Guide = {
  id: 'guide.esf-email',
  portal: 'esf',
  title: { ru: 'Сменить e-mail', en: 'Change the e-mail' },
  steps: [
    {
      id: 'login',
      title: { ru: 'Вход' },
      match: { path: ['^/esf-web/login'] },
      fields: [
        { id: 'iin', kind: 'input', labels: ['ИИН пользователя', 'ИИН'], rule: 'iin', hint: { en: 'Your IIN.', kk: 'ЖСН-іңіз.' } },
        { id: 'enter', kind: 'action', labels: ['Войти'] },
      ],
    },
  ],
};

describe('guides in the handout and the sandbox', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setGuideProcedures([]);
  });

  it("are found by their id once loaded, the policy and the user's, never one with a catalogue id", async () => {
    expect(procedureById('guide.esf-email')).toBeUndefined();
    await fakeBrowser.storage.local.set({
      [GUIDES_KEY]: { v: 1, guides: [GUIDE, { ...GUIDE, id: 'esf.register-ie' }] },
      [POLICY_GUIDES_KEY]: { v: 1, guides: [{ ...GUIDE, id: 'guide.org' }] },
    });
    const procs = await loadPageGuides();
    expect(procs.map((p) => p.id)).toEqual(['guide.org', 'guide.esf-email']);
    expect(guideProcedures()).toBe(procs);
    expect(procedureById('guide.esf-email')?.steps.map((s) => s.id)).toEqual(['login']);
    const a = addressOf({ hash: '#/guide.esf-email/login', search: '?lang=kk' }, 'ru');
    expect([a.proc.id, a.stepId, a.lang, a.unknown]).toEqual(['guide.esf-email', 'login', 'kk', '']);
    expect(addressOf({ hash: '#/guide.gone/login', search: '' }, 'ru').unknown).toBe('guide.gone');
  });

  it('have no replica page, even for a step id the catalogue has', async () => {
    await fakeBrowser.storage.local.set({ [GUIDES_KEY]: { v: 1, guides: [GUIDE] } });
    await loadPageGuides();
    expect(pageFor('guide.esf-email', 'login', 'ru')).toBeNull();
  });

  it("speak the user's language, with the guide's fallback, and leave other keys to the locale files", async () => {
    await fakeBrowser.storage.local.set({
      [GUIDES_KEY]: { v: 1, guides: [GUIDE, { ...GUIDE, id: 'guide.braces', title: { en: '{{count}} <b>steps</b>' } }] },
    });
    await loadPageGuides();
    expect(t('ru', 'procedures.guide.esf-email.title')).toBe('Сменить e-mail');
    expect(t('uz', 'procedures.guide.esf-email.title')).toBe('Change the e-mail');
    expect(t('kk', 'procedures.guide.esf-email.steps.login.title')).toBe('Вход');
    expect(has('ru', 'procedures.guide.esf-email.steps.nope.title')).toBe(false);
    // the guide's words are never templates: {{…}} stays as written
    expect(t('ru', 'procedures.guide.braces.title', { count: 2 })).toBe('{{count}} <b>steps</b>');
    expect(t('ru', 'handout.steps', { count: 2 })).toContain('2');
    expect(guideFields('guide.esf-email', 'login', 'kk')).toEqual([
      { id: 'iin', kind: 'input', name: 'ИИН', hint: 'ЖСН-іңіз.' },
      { id: 'enter', kind: 'action', name: 'Войти', hint: '' },
    ]);
    expect(guideFields('guide.esf-email', 'login', 'ru')[0]!.hint).toBe('Your IIN.');
    expect(guideFields('esf.register-ie', 'login', 'ru')).toEqual([]);
  });
});
