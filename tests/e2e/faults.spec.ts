/**
 * Bad input and faults: a portal page that throws and lacks a field, corrupt stored state, and the
 * overlay and popup driven by the keyboard alone.
 */
import {
  dumpStorage,
  expect,
  expectRingEncloses,
  loadCases,
  openPopup,
  overlay,
  qadamState,
  screenshot,
  test,
  waitForStep,
  type Case,
} from './harness';

const cases = loadCases();
const changeEmail = cases.find((c) => c.file === 'change-email-table-ru.html')!;
const faultUrl = (c: Case, name: string) => {
  const u = new URL(c.url);
  u.searchParams.set('qadam-fixture', name);
  return u.toString();
};

test('a page that throws and lacks a field: Qadam rings what it can, the popup names what is missing', async ({ fresh }) => {
  const tab = await fresh.context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(faultUrl(changeEmail, 'fault-change-email-ru'));
  const state = await waitForStep(fresh, tab, ['change-email'], 15_000);
  expect(state.fields.find((f) => f.id === 'login')?.found).toBe(true);
  expect(state.fields.find((f) => f.id === 'email')?.found).toBe(false);
  await expectRingEncloses(tab, 'login');
  expect(errors.length, 'the replica really throws').toBeGreaterThan(0);
  // the portal keeps throwing; Qadam keeps answering and does not loop: its rings stay put
  await tab.waitForTimeout(1200);
  expect((await overlay(tab)).rings.map((r) => r.field)).toEqual(['login']);
  expect((await qadamState(fresh, tab))?.step).toBe('change-email');

  const popup = await fresh.context.newPage();
  await popup.setViewportSize({ width: 360, height: 720 });
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
  const missing = popup.locator('[data-step-id="change-email"] .missing');
  await expect(missing).toBeVisible();
  await expect(missing).toContainText(/e-mail/i);
  await screenshot(popup, 'popup-missing-field');
});

test('corrupt stored progress is reset with a notice, never a blank popup', async ({ fresh }) => {
  const sw = await fresh.serviceWorker();
  await sw.evaluate(() => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    return c.storage.local.set({ progress: { active: 7, procedures: [1, 2] }, progress$: { v: 1 } });
  });
  const popup = await openPopup(fresh);
  await expect(popup.locator('.notice[role="alert"]')).toBeVisible();
  await expect(popup.locator('select[data-qadam-select-procedure]')).toBeVisible();
  const stored = (await dumpStorage(fresh)).progress as { byProfile: unknown; notice: unknown };
  expect(stored).toMatchObject({ byProfile: {}, notice: 'reset' });
  await screenshot(popup, 'popup-storage-reset');
  await popup.locator('.notice button').click();
  await expect(popup.locator('.notice')).toHaveCount(0);
});

test('the hint closes with Escape and reopens from the ring, by keyboard', async ({ portal, qadam }) => {
  await portal.goto(`${changeEmail.url.replace('#', `?qadam-fixture=change-email-table-ru#`)}`);
  await waitForStep(qadam, portal, ['change-email'], 15_000);
  await expectRingEncloses(portal, 'login');
  await portal.locator('[data-expect="login"]').focus();
  await expect.poll(async () => (await overlay(portal)).tooltips.filter((t) => t.visible).length).toBe(1);
  await portal.keyboard.press('Escape');
  await expect.poll(async () => (await overlay(portal)).tooltips.filter((t) => t.visible).length).toBe(0);
  // the «?» button on the ring brings it back; it is a real button, reachable by Tab
  const reopen = portal.locator('qadam-overlay').locator('[data-qadam-field="login"] .reopen');
  await expect(reopen).toBeVisible();
  await reopen.focus();
  await portal.keyboard.press('Enter');
  await expect.poll(async () => (await overlay(portal)).tooltips.filter((t) => t.visible).length).toBe(1);
  // the hint is announced: the live region holds the text of the visible tooltip
  const live = await portal.evaluate(() => document.querySelector('qadam-overlay')!.shadowRoot!.querySelector('[aria-live]')!.textContent);
  expect(live).toBeTruthy();
});

test('the popup is usable by keyboard alone: pick a procedure, tick a step, reset', async ({ fresh }) => {
  const popup = await openPopup(fresh);
  // Tab order: language, «add a company» (no profile yet), procedure picker, then the step boxes
  await popup.keyboard.press('Tab');
  await expect(popup.locator('select[data-qadam-lang]')).toBeFocused();
  await popup.keyboard.press('Tab');
  await expect(popup.locator('[data-qadam-add-profile]')).toBeFocused();
  await popup.keyboard.press('Tab');
  const picker = popup.locator('select[data-qadam-select-procedure]');
  await expect(picker).toBeFocused();
  await picker.selectOption('esf.recover-access'); // a <select> is changed with the arrow keys; Playwright sets it the same way
  await expect(popup.locator('[data-procedure-id="esf.recover-access"]')).toBeVisible();
  const box = popup.locator('[data-step-id="open-link"] input[type=checkbox]');
  for (let i = 0; i < 8 && !(await box.evaluate((b) => b === document.activeElement)); i++) await popup.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await popup.keyboard.press('Space');
  await expect(popup.locator('[data-step-id="open-link"]')).toHaveAttribute('data-done', 'true');
  const reset = popup.locator('[data-qadam-reset]');
  await reset.focus();
  await popup.keyboard.press('Enter');
  await expect(popup.locator('.confirm button.danger')).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.locator('[data-step-id="open-link"]')).not.toHaveAttribute('data-done', 'true');
  await screenshot(popup, 'popup-keyboard');
});
