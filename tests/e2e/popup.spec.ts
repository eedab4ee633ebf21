/**
 * The popup (popup.html, opened as a tab at 360 px): it shows the followed procedure and the current
 * step after the portal tab is gone, switches procedures, keeps a ticked manual step, and speaks
 * kk, ru, en and uz without showing a raw i18n key. Each test starts from an empty profile.
 */
import type { Page } from '@playwright/test';
import { PROCEDURES, procedureById } from '../../procedures';
import { dumpStorage, expect, fixtureUrl, loadCases, openPopup, screenshot, test, waitForStep, type Case } from './harness';

const cases = loadCases();
const RAW_KEY = /^(ui|procedures|rules|overlay)\./;
const ESF = PROCEDURES.filter((p) => p.portal === 'esf');
const pick = (step: string, lang = 'ru'): Case | undefined =>
  cases.find((c) => c.lang === lang && c.steps.includes(step) && (c.fields[step] ?? []).length > 0) ??
  cases.find((c) => c.steps.includes(step));

async function expectSteps(popup: Page, procedureId: string): Promise<void> {
  await expect(popup.locator(`[data-procedure-id="${procedureId}"]`).first()).toBeVisible();
  for (const s of procedureById(procedureId)!.steps) {
    await expect(popup.locator(`[data-step-id="${s.id}"]`).first(), `step ${s.id} of ${procedureId} is listed`).toBeVisible();
  }
}

test('after a portal tab showed a step and was closed, the popup shows that procedure and step', async ({ fresh }) => {
  const c = pick('change-email');
  expect(c, 'a change-email replica').toBeTruthy();
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(c!));
  const state = await waitForStep(fresh, tab, ['change-email'], 15_000);
  expect(state.procedure).toBe('esf.recover-access');
  // the content script records the progress; wait until it is in storage, then close the tab
  await expect.poll(async () => JSON.stringify(await dumpStorage(fresh))).toContain('change-email');
  await tab.close();

  const popup = await openPopup(fresh);
  await expectSteps(popup, 'esf.recover-access');
  await expect(popup.locator('[data-step-id="change-email"]').first()).toHaveAttribute('aria-current', 'step');
  await expect(popup.locator('[aria-current="step"]'), 'exactly one current step').toHaveCount(1);
  await screenshot(popup, 'popup-after-change-email');
});

test('a step shared by several procedures keeps the procedure the user chose', async ({ fresh }) => {
  const c = pick('registration-data');
  expect(c, 'a registration-data replica').toBeTruthy();
  const popup = await openPopup(fresh);
  await popup.locator('select[data-qadam-select-procedure]').selectOption('esf.second-enterprise');
  await expect(popup.locator('[data-procedure-id="esf.second-enterprise"]').first()).toBeVisible();
  await popup.close();

  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(c!));
  const state = await waitForStep(fresh, tab, ['registration-data'], 15_000);
  expect(state.procedure, 'the chosen procedure is kept on a shared step').toBe('esf.second-enterprise');
  await expect.poll(async () => JSON.stringify(await dumpStorage(fresh))).toContain('registration-data');
  await tab.close();

  const again = await openPopup(fresh);
  await expectSteps(again, 'esf.second-enterprise');
  await expect(again.locator('[data-step-id="registration-data"]').first()).toHaveAttribute('aria-current', 'step');
  // the steps before the current one are done: the page is past them
  for (const s of procedureById('esf.second-enterprise')!.steps.slice(0, -1)) {
    await expect(again.locator(`[data-step-id="${s.id}"]`).first()).toHaveAttribute('data-done', 'true');
  }
  await screenshot(again, 'popup-second-enterprise-registration-data');
});

test('the picker shows the steps of each ESF procedure', async ({ fresh }) => {
  const popup = await openPopup(fresh);
  const picker = popup.locator('select[data-qadam-select-procedure]');
  await expect
    .poll(() => picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), {
      message: 'the picker offers every ESF procedure',
    })
    .toEqual(expect.arrayContaining(ESF.map((p) => p.id)));
  for (const p of ESF) {
    await picker.selectOption(p.id);
    await expectSteps(popup, p.id);
    await screenshot(popup, `popup-picker-${p.id}`);
  }
});

test('a ticked manual step stays ticked after the popup is closed and reopened, until reset', async ({ fresh }) => {
  let popup = await openPopup(fresh);
  await popup.locator('select[data-qadam-select-procedure]').selectOption('esf.recover-access');
  const box = () => popup.locator('[data-step-id="open-link"] input[type="checkbox"]').first();
  await expect(box()).toBeVisible();
  await expect(box()).not.toBeChecked();
  // click, not check(): the box is controlled by the stored progress and may tick a moment later
  await box().click();
  await expect(box()).toBeChecked();
  await expect(popup.locator('[data-step-id="open-link"]').first()).toHaveAttribute('data-done', 'true');
  // the tick is written to storage (asynchronously) before the popup goes away
  await expect
    .poll(() =>
      popup.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }).chrome;
        return JSON.stringify(await c.storage.local.get(null));
      }),
    )
    .toContain('open-link');
  await popup.close();

  popup = await openPopup(fresh);
  await expect(popup.locator('[data-procedure-id="esf.recover-access"]').first()).toBeVisible();
  await expect(box(), 'still ticked after reopening').toBeChecked();
  await expect(popup.locator('[data-step-id="open-link"]').first()).toHaveAttribute('data-done', 'true');
  await screenshot(popup, 'popup-manual-step-ticked');

  // reset, confirming when asked (a window.confirm, or an alertdialog whose button repeats the caption)
  popup.on('dialog', (d) => void d.accept());
  const reset = popup.locator('[data-qadam-reset]').first();
  const caption = ((await reset.textContent()) ?? '').trim();
  await reset.click();
  const ask = popup.getByRole('alertdialog');
  await expect
    .poll(async () => (await ask.isVisible()) || !(await box().isChecked()), { message: 'reset asks to confirm or resets' })
    .toBe(true);
  if (await ask.isVisible()) await ask.getByRole('button', { name: caption, exact: true }).click();
  await expect(box(), 'reset clears the tick').not.toBeChecked();
  await expect(popup.locator('[data-step-id="open-link"]').first()).not.toHaveAttribute('data-done', 'true');
});

for (const lang of ['kk', 'ru', 'en', 'uz']) {
  test(`the popup in ${lang} shows no raw i18n key`, async ({ fresh }) => {
    const popup = await openPopup(fresh, lang);
    await expect(popup.locator('select[data-qadam-lang]')).toHaveValue(lang);
    for (const p of ESF) {
      await popup.locator('select[data-qadam-select-procedure]').selectOption(p.id);
      await expectSteps(popup, p.id);
      const raw = await popup.evaluate((src) => {
        const re = new RegExp(src);
        const bad: string[] = [];
        if (re.test(document.title.trim())) bad.push(`title: ${document.title}`);
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const t = (walker.currentNode.textContent ?? '').trim();
          if (t && re.test(t)) bad.push(t);
        }
        for (const el of document.querySelectorAll('*')) {
          for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
            const v = el.getAttribute(a)?.trim();
            if (v && re.test(v)) bad.push(`${a}="${v}"`);
          }
        }
        return bad;
      }, RAW_KEY.source);
      expect(raw, `raw keys in the ${lang} popup showing ${p.id}`).toEqual([]);
    }
    await screenshot(popup, `popup-lang-${lang}`);
    // the choice is kept
    await popup.close();
    const again = await openPopup(fresh);
    await expect(again.locator('select[data-qadam-lang]')).toHaveValue(lang);
  });
}

test('a page whose step is not in the followed procedure moves the progress to the procedure it belongs to', async ({ fresh }) => {
  // following recover-access, the user opens the registration wizard: that step is in three other
  // procedures and none is followed, so the first of them in catalogue order takes it
  const popup = await openPopup(fresh);
  await popup.locator('select[data-qadam-select-procedure]').selectOption('esf.recover-access');
  await popup.close();
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(pick('registration-data')!));
  const state = await waitForStep(fresh, tab, ['registration-data'], 15_000);
  expect(state.procedure).toBe('esf.ie-after-individual');
  await expect
    .poll(async () => {
      // no profile yet: the progress is the no-profile record (`_`) of progress v2
      const p = (await dumpStorage(fresh)).progress as {
        byProfile: Record<string, { active: string; procedures: Record<string, { step: string }> }>;
      };
      return [p.byProfile._?.active, p.byProfile._?.procedures['esf.ie-after-individual']?.step];
    })
    .toEqual(['esf.ie-after-individual', 'registration-data']);
});

test('the popup follows the active portal tab, and a procedure picked in it wins over the tab', async ({ fresh }) => {
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(pick('change-email')!));
  await waitForStep(fresh, tab, ['change-email'], 15_000);
  // load the popup while the portal tab is the active one, as when the toolbar button is pressed
  const popup = await fresh.context.newPage();
  await popup.setViewportSize({ width: 360, height: 720 });
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
  await expect(popup.locator('[data-procedure-id="esf.recover-access"]').first()).toBeVisible();
  await expect(popup.locator('[data-step-id="change-email"]').first()).toHaveAttribute('aria-current', 'step');
  await expect(popup.locator('p.where')).not.toHaveText(/^$/);
  await screenshot(popup, 'popup-following-tab');
  await popup.locator('select[data-qadam-select-procedure]').selectOption('esf.second-enterprise');
  await expect(popup.locator('[data-procedure-id="esf.second-enterprise"]').first()).toBeVisible();
  await expect(popup.locator('select[data-qadam-select-procedure]')).toHaveValue('esf.second-enterprise');
});
