/**
 * Issue 16: what an Uzbek and a Kazakh user actually read. For each language, two hints on replica
 * pages of portals that do not have that language (Single Window and OFD for uz, OneID and ESF for
 * kk) and the popup with the current step. The hint shown is the locale's text (no raw key), the
 * Uzbek text has its suffixes joined and one script per word, and every caption the popup's step
 * text quotes is in a language of the portal. Screenshots: test-results/screenshots/i16-*.png.
 */
import type { Page } from '@playwright/test';
import {
  expect,
  fixtureName,
  fixtureUrl,
  loadCases,
  openPopup,
  repoPath,
  screenshot,
  test,
  visibleTooltipText,
  waitForSettledStep,
  type Case,
  type Qadam,
} from './harness';
import fs from 'node:fs';
import { lookup } from '../../lib/lookup';
import { LANGS, type Lang } from '../../procedures/types';
import { mixedScriptWords, separatedSuffixes } from '../unit/locale-checks';

// the locale files read as files (Playwright's loader does not import JSON modules)
const RESOURCES = Object.fromEntries(
  LANGS.map((l) => [l, JSON.parse(fs.readFileSync(repoPath(`locales/${l}.json`), 'utf8')) as unknown]),
) as Record<Lang, unknown>;
const t = (lang: Lang, key: string) => lookup(RESOURCES, lang, key);

const RAW_KEY = /(^|\s)(ui|procedures|rules|overlay|fields)\.[\w-]+\./;
const KAZAKH_LETTERS = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

function replica(dir: string, name: string): Case {
  const c = loadCases(dir).find((x) => fixtureName(x) === name);
  expect(c, `${dir}/${name}.html in the replica cases`).toBeTruthy();
  return c!;
}

interface Hint {
  dir: string;
  replica: string;
  procedure: string;
  step: string;
  /** the field whose hint must be on the page */
  field: string;
}

async function showHint(q: Qadam, lang: Lang, h: Hint): Promise<{ page: Page; text: string }> {
  const c = replica(h.dir, h.replica);
  const page = await q.context.newPage();
  await page.setViewportSize({ width: 1100, height: 680 });
  await page.goto(fixtureUrl(c));
  await waitForSettledStep(q, page, c);
  const want = t(lang, `procedures.${h.procedure}.steps.${h.step}.fields.${h.field}`);
  let text = '';
  await expect
    .poll(
      async () => {
        text = await visibleTooltipText(page);
        return text.includes(want);
      },
      { message: `the ${lang} hint of ${h.field} is shown: ${want}` },
    )
    .toBe(true);
  expect(text).not.toMatch(RAW_KEY);
  return { page, text };
}

function expectUzbekWriting(text: string): void {
  expect(separatedSuffixes(text), 'Uzbek suffixes written together with their word').toEqual([]);
  expect(mixedScriptWords(text), 'one script per Uzbek word').toEqual([]);
}

const PLAN: Record<'uz' | 'kk', { hints: [Hint, Hint]; popupCheck: (popupText: string) => void }> = {
  uz: {
    hints: [
      // Single Window has ru/kk/en: the caption in Russian, its Uzbek translation in brackets
      {
        dir: 'singlewindow',
        replica: 'home-menu-ru',
        procedure: 'singlewindow.self-registration',
        step: 'open-self-registration',
        field: 'self-registration-tab',
      },
      // OFD has kk/ru
      { dir: 'oofd', replica: 'contract-card-ru', procedure: 'oofd.connect-kkm-wireless', step: 'sign-contract', field: 'sign' },
    ],
    popupCheck: (text) => {
      expectUzbekWriting(text);
      expect(text).toContain('«Саморегистрация» (oʻzini oʻzi roʻyxatdan oʻtkazish)');
      expect(text).toContain('«Сотрудники» (xodimlar)');
      expect(text).not.toMatch(/«Kompaniya profili»|«Xodimlar»|«Қызметкерлер»/);
    },
  },
  kk: {
    hints: [
      // OneID has ru/uz/en, no Kazakh: the Russian caption with a Kazakh translation in brackets
      { dir: 'oneid', replica: 'identification-div-ru', procedure: 'oneid.register-individual', step: 'identification', field: 'pinfl' },
      { dir: 'esf', replica: 'regdata-table-ru', procedure: 'esf.ie-after-individual', step: 'registration-data', field: 'password' },
    ],
    popupCheck: (text) => {
      expect(text).toMatch(KAZAKH_LETTERS);
      expect(text).toContain('«Далее» (әрі қарай)');
      expect(text).toContain('«Метод регистрации» (тіркелу тәсілі)');
    },
  },
};

for (const lang of ['uz', 'kk'] as const) {
  test(`${lang}: two hints on replica pages and the popup read as the locale says, captions only in the portal's languages`, async ({
    fresh,
  }) => {
    const plan = PLAN[lang];
    const popup = await openPopup(fresh, lang);
    for (const [i, h] of plan.hints.entries()) {
      const { page, text } = await showHint(fresh, lang, h);
      if (lang === 'uz') expectUzbekWriting(text);
      else expect(text).toMatch(KAZAKH_LETTERS);
      await screenshot(page, `i16-${lang}-hint-${i + 1}-${h.dir}-${h.step}`);
      // the popup names the step this page is (the first hint's step for the popup picture)
      if (i === 0) {
        await popup.reload();
        await popup.locator('select[data-qadam-lang]').waitFor();
        await expect(popup.locator(`[data-step-id="${h.step}"]`).first()).toHaveAttribute('aria-current', 'step');
        const popupText = await popup.locator('body').innerText();
        expect(popupText).not.toMatch(RAW_KEY);
        plan.popupCheck(await popup.locator(`[data-step-id="${h.step}"]`).first().innerText());
        await popup.locator(`[data-step-id="${h.step}"]`).first().scrollIntoViewIfNeeded();
        await screenshot(popup, `i16-${lang}-popup-${h.dir}-${h.step}`);
      }
      await page.close();
    }
  });
}
