/**
 * The tooltip speaks the user's language: choosing en, ru, kk in the popup changes the words over
 * the portal page (live, without a reload), never to a raw i18n key. Also makes the README picture
 * (docs/ring.png): a ring and its Russian tooltip on the Russian registration-data replica.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  expect,
  expectRingEncloses,
  fixtureName,
  fixtureUrl,
  frames,
  loadCases,
  openPopup,
  repoPath,
  screenshot,
  test,
  visibleTooltipText,
  waitForSettledStep,
} from './harness';

const cases = loadCases();
const RAW_KEY = /(^|\s)(ui|procedures|rules|overlay)\.[\w-]+\./;
const CYRILLIC = /[А-Яа-яЁё]/;
const KAZAKH = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

async function chooseLang(popup: Page, lang: string): Promise<void> {
  await popup.bringToFront();
  await popup.locator('select[data-qadam-lang]').selectOption(lang);
  await expect(popup.locator('select[data-qadam-lang]')).toHaveValue(lang);
}

async function tooltipOnceChanged(portal: Page, from: string): Promise<string> {
  await portal.bringToFront();
  let text = '';
  await expect
    .poll(
      async () => {
        text = await visibleTooltipText(portal);
        return text.length > 0 && text !== from;
      },
      { message: 'the tooltip text changes with the language' },
    )
    .toBe(true);
  return text;
}

test('the tooltip follows the language chosen in the popup (en → ru → kk), and the README picture', async ({ fresh }) => {
  const c =
    cases.find((x) => fixtureName(x) === 'regdata-table-ru') ?? cases.find((x) => x.lang === 'ru' && x.steps.includes('registration-data'));
  expect(c, 'a Russian registration-data replica').toBeTruthy();
  const popup = await openPopup(fresh, 'en');

  const portal = await fresh.context.newPage();
  await portal.setViewportSize({ width: 1100, height: 620 });
  await portal.goto(fixtureUrl(c!));
  await waitForSettledStep(fresh, portal, c!);
  await expectRingEncloses(portal, 'password', 10_000);
  const en = await tooltipOnceChanged(portal, '');
  expect(en, 'English words in English').not.toMatch(CYRILLIC);

  await chooseLang(popup, 'ru');
  const ru = await tooltipOnceChanged(portal, en);
  expect(ru, 'Russian words in Russian').toMatch(CYRILLIC);
  expect(ru).not.toMatch(RAW_KEY);
  await screenshot(portal, 'lang-tooltip-ru');

  await chooseLang(popup, 'kk');
  const kk = await tooltipOnceChanged(portal, ru);
  expect(kk, 'Kazakh words in Kazakh').toMatch(KAZAKH);
  expect(kk).not.toMatch(RAW_KEY);
  await screenshot(portal, 'lang-tooltip-kk');

  await chooseLang(popup, 'uz');
  const uz = await tooltipOnceChanged(portal, kk);
  expect(uz).not.toMatch(RAW_KEY);
  await screenshot(portal, 'lang-tooltip-uz');

  // the README picture: Russian page, Russian tooltip
  await chooseLang(popup, 'ru');
  await tooltipOnceChanged(portal, uz);
  await frames(portal, 3);
  const file = await screenshot(portal, 'readme-ring-registration-data-ru');
  // docs/ring.png is made once (or again with QADAM_README_SHOT=1), so a test run leaves git clean
  const doc = path.join(repoPath('docs'), 'ring.png');
  if (!fs.existsSync(doc) || process.env.QADAM_README_SHOT === '1') {
    fs.mkdirSync(path.dirname(doc), { recursive: true });
    fs.copyFileSync(file, doc);
  }
});
