/**
 * The other portals in motion: the OneID wizard changing its stage inside one URL (with its rules),
 * and procedures linked to each other in the popup.
 */
import {
  expect,
  expectRingEncloses,
  fixtureUrl,
  loadCases,
  openPopup,
  overlay,
  qadamState,
  screenshot,
  test,
  waitForStep,
} from './harness';
import { launch } from './browser';
import { procedureById } from '../../procedures';

const spa = loadCases('oneid').find((c) => c.file === 'register-spa-ru.html')!;

test('OneID: the wizard is followed stage by stage inside one URL, and its rules judge what is typed', async ({ portal, qadam }) => {
  await portal.goto(fixtureUrl(spa));
  const stage = (n: number) => portal.evaluate((k) => (window as unknown as { qadamStage(k: number): void }).qadamStage(k), n);
  const url = portal.url();

  await stage(2);
  expect((await waitForStep(qadam, portal, ['identification'], 10_000)).procedure).toBe('oneid.register-individual');
  await expectRingEncloses(portal, 'pinfl');
  const pinfl = portal.locator('[data-expect="pinfl"]:visible');
  await pinfl.fill('3123456789012'); // 13 digits
  await expect.poll(async () => (await overlay(portal)).rings.find((r) => r.field === 'pinfl')?.invalid).toBe('pinfl');
  await pinfl.fill('31234567890123');
  await expect.poll(async () => (await overlay(portal)).rings.find((r) => r.field === 'pinfl')?.invalid ?? null).toBeNull();
  const passport = portal.locator('[data-expect="passport"]:visible');
  await passport.fill('AA12345');
  await expect.poll(async () => (await overlay(portal)).rings.find((r) => r.field === 'passport')?.invalid).toBe('passport');

  await stage(3);
  await waitForStep(qadam, portal, ['confirm-data'], 10_000);
  await stage(4);
  await waitForStep(qadam, portal, ['contact-data'], 10_000);
  await expectRingEncloses(portal, 'phone');
  const phone = portal.locator('[data-expect="phone"]:visible');
  await phone.fill('+998 90 123 45');
  await expect.poll(async () => (await overlay(portal)).rings.find((r) => r.field === 'phone')?.invalid).toBe('phone');
  await phone.fill('+998 90 123 45 67');
  await expect.poll(async () => (await overlay(portal)).rings.find((r) => r.field === 'phone')?.invalid ?? null).toBeNull();
  await screenshot(portal, 'oneid-contact-data');

  await stage(5);
  await waitForStep(qadam, portal, ['registered'], 10_000);
  expect(portal.url(), 'one URL throughout').toBe(url);
  // the earlier stages are done in the stored progress
  expect((await qadamState(qadam, portal))?.step).toBe('registered');
});

test('a prerequisite shows with its state and starts in one click; a finished procedure offers the next', async ({ fresh }) => {
  const popup = await openPopup(fresh);
  await popup.locator('select[data-qadam-select-procedure]').selectOption('singlewindow.self-registration');
  const req = popup.locator('[data-requires="nca.get-eds"]');
  await expect(req).toBeVisible();
  await expect(req).not.toHaveAttribute('data-done', 'true');
  await screenshot(popup, 'popup-prerequisite');
  await req.locator('button').click();
  await expect(popup.locator('[data-procedure-id="nca.get-eds"]')).toBeVisible();
  // tick every step of nca.get-eds: it is finished, and the procedures that need it are offered
  for (const id of procedureById('nca.get-eds')!.steps.map((s) => s.id)) {
    await popup.locator(`[data-step-id="${id}"] input[type=checkbox]`).check();
  }
  await expect(popup.locator('[data-next="singlewindow.self-registration"]')).toBeVisible();
  await popup.locator('[data-next="singlewindow.self-registration"] button').click();
  await expect(popup.locator('[data-procedure-id="singlewindow.self-registration"]')).toBeVisible();
  await expect(popup.locator('[data-requires="nca.get-eds"]')).toHaveAttribute('data-done', 'true');
});

test('manual steps ticked in the popup stay ticked after the browser is restarted', async ({ server }) => {
  const first = await launch(server);
  let second: Awaited<ReturnType<typeof launch>> | null = null;
  try {
    const popup = await openPopup(first);
    await popup.locator('select[data-qadam-select-procedure]').selectOption('oofd.connect-kkm-wireless');
    for (const id of ['check-coverage', 'buy-kkm']) await popup.locator(`[data-step-id="${id}"] input[type=checkbox]`).check();
    await expect(popup.locator('[data-step-id="buy-kkm"]')).toHaveAttribute('data-done', 'true');
    await first.closeKeepingProfile();
    second = await launch(server, { userDataDir: first.userDataDir });
    const again = await openPopup(second);
    await expect(again.locator('[data-procedure-id="oofd.connect-kkm-wireless"]')).toBeVisible();
    for (const id of ['check-coverage', 'buy-kkm'])
      await expect(again.locator(`[data-step-id="${id}"]`)).toHaveAttribute('data-done', 'true');
    await expect(again.locator('[data-step-id="sim-card"]')).not.toHaveAttribute('data-done', 'true');
    await screenshot(again, 'popup-after-restart');
  } finally {
    await (second ?? first).close();
  }
});
