/**
 * Rules on what the user types: a bad value sets data-qadam-invalid on the ring and the shown
 * tooltip says something else; a good value clears it. The value itself never shows in the overlay.
 *
 * IINs used here (check digit per procedures.md: weights 1..11 over the first 11 digits, sum mod 11;
 * if that is 10, weights 3,4,5,6,7,8,9,10,11,1,2):
 *   900101300097: 9·1+0·2+0·3+1·4+0·5+1·6+3·7+0·8+0·9+0·10+9·11 = 9+4+6+21+99 = 139; 139 mod 11 = 7 ✓
 *   900101300091: same first 11 digits, last digit 1 ≠ 7 → bad check digit (date and century valid)
 *   850515400306: weights 1..11: 8+10+0+20+5+30+28+0+0+30+0 = 131; 131 mod 11 = 10 → second weights
 *                 3,4,..: 24+20+0+30+7+40+36+0+0+3+0 = 160; 160 mod 11 = 6 ✓ (the fallback path)
 */
import type { Page } from '@playwright/test';
import {
  expect,
  expectRingEncloses,
  fixtureName,
  fixtureUrl,
  frames,
  iinCheckDigit,
  loadCases,
  overlay,
  qadamState,
  screenshot,
  test,
  visibleTooltipText,
  waitForStep,
  type Case,
  type Qadam,
} from './harness';

const GOOD_IIN = '900101300097';
const BAD_IIN = '900101300091';
const GOOD_IIN_FALLBACK = '850515400306';

const cases = loadCases();
const pick = (step: string, fields: string[], lang: string): Case | undefined =>
  cases.find((c) => c.lang === lang && c.steps.includes(step) && fields.every((f) => (c.fields[step] ?? []).includes(f)));

/** the input behind [data-expect=<field>] (the marked element itself, or the input inside it) */
async function inputOf(page: Page, field: string): Promise<string> {
  const sel = `[data-expect="${field}"]`;
  const tag = await page
    .locator(sel)
    .first()
    .evaluate((e) => e.tagName);
  return /^(INPUT|TEXTAREA)$/.test(tag) ? sel : `${sel} input, ${sel} textarea`;
}

async function typeValue(page: Page, field: string, value: string): Promise<void> {
  const el = page.locator(await inputOf(page, field)).first();
  await el.click();
  await el.fill('');
  await el.pressSequentially(value, { delay: 5 });
}

async function invalidOf(page: Page, field: string): Promise<string | null | undefined> {
  return (await overlay(page)).rings.find((r) => r.field === field)?.invalid;
}

async function validInState(q: Qadam, page: Page, field: string): Promise<boolean | null | undefined> {
  return (await qadamState(q, page))?.fields.find((f) => f.id === field)?.valid;
}

test('the IINs of this file have the check digits the comment says', () => {
  expect(iinCheckDigit(GOOD_IIN.slice(0, 11))).toBe(7);
  expect(iinCheckDigit(GOOD_IIN_FALLBACK.slice(0, 11))).toBe(6);
  expect(iinCheckDigit(BAD_IIN.slice(0, 11))).not.toBe(Number(BAD_IIN[11]));
});

for (const lang of ['ru', 'kk']) {
  test.describe(`rules (${lang})`, () => {
    const account = pick('change-email', ['login', 'email'], lang) ?? pick('reset-password', ['login', 'email'], lang);
    const newPassword = pick('new-password', ['password', 'password-repeat'], lang);

    test(`IIN: a wrong check digit flips data-qadam-invalid, a right one clears it`, async ({ qadam, portal }) => {
      expect(account, `a ${lang} change-email or reset-password replica with login and email`).toBeTruthy();
      const c = account!;
      await portal.goto(fixtureUrl(c));
      await waitForStep(
        qadam,
        portal,
        c.steps.filter((s) => s === 'change-email' || s === 'reset-password'),
        15_000,
      );
      await expectRingEncloses(portal, 'login', 10_000);

      await portal
        .locator(await inputOf(portal, 'login'))
        .first()
        .click();
      await frames(portal, 2);
      const before = await visibleTooltipText(portal);

      await typeValue(portal, 'login', BAD_IIN);
      await expect.poll(() => invalidOf(portal, 'login'), { message: 'bad IIN → data-qadam-invalid="login"' }).toBe('login');
      await expect.poll(() => validInState(qadam, portal, 'login'), { message: 'qadam:state says login is not valid' }).toBe(false);
      const after = await visibleTooltipText(portal);
      expect(after, 'the shown tooltip text changes when the IIN is wrong').not.toBe(before);
      expect(after.length).toBeGreaterThan(0);
      expect(after, 'the tooltip never repeats the typed value').not.toContain(BAD_IIN);
      await screenshot(portal, `rule-iin-bad-${fixtureName(c)}`);

      await typeValue(portal, 'login', GOOD_IIN);
      await expect.poll(() => invalidOf(portal, 'login'), { message: `good IIN ${GOOD_IIN} → no data-qadam-invalid` }).toBeNull();
      await expect.poll(() => validInState(qadam, portal, 'login')).toBe(true);

      await typeValue(portal, 'login', BAD_IIN);
      await expect.poll(() => invalidOf(portal, 'login')).toBe('login');
      await typeValue(portal, 'login', GOOD_IIN_FALLBACK);
      await expect.poll(() => invalidOf(portal, 'login'), { message: `good IIN ${GOOD_IIN_FALLBACK} (second weights) → valid` }).toBeNull();
      await screenshot(portal, `rule-iin-good-${fixtureName(c)}`);
    });

    test(`e-mail: a malformed address flips data-qadam-invalid, a usual one clears it`, async ({ qadam, portal }) => {
      expect(account, `a ${lang} change-email or reset-password replica with login and email`).toBeTruthy();
      const c = account!;
      await portal.goto(fixtureUrl(c));
      await waitForStep(
        qadam,
        portal,
        c.steps.filter((s) => s === 'change-email' || s === 'reset-password'),
        15_000,
      );
      await expectRingEncloses(portal, 'email', 10_000);
      await portal
        .locator(await inputOf(portal, 'email'))
        .first()
        .click();
      await frames(portal, 2);
      const before = await visibleTooltipText(portal);

      await typeValue(portal, 'email', 'ivanov.mail.kz');
      await expect.poll(() => invalidOf(portal, 'email'), { message: 'bad e-mail → data-qadam-invalid="email"' }).toBe('email');
      const after = await visibleTooltipText(portal);
      expect(after, 'the shown tooltip text changes when the e-mail is malformed').not.toBe(before);
      expect(after).not.toContain('ivanov.mail.kz');
      await screenshot(portal, `rule-email-bad-${fixtureName(c)}`);

      await typeValue(portal, 'email', 'ivanov@mail.kz');
      await expect.poll(() => invalidOf(portal, 'email'), { message: 'good e-mail → no data-qadam-invalid' }).toBeNull();
      await expect.poll(() => validInState(qadam, portal, 'email')).toBe(true);
    });

    test(`new password: a repeat that differs flips data-qadam-invalid, the same one clears it`, async ({ qadam, portal }) => {
      expect(newPassword, `a ${lang} new-password replica with password and password-repeat`).toBeTruthy();
      const c = newPassword!;
      await portal.goto(fixtureUrl(c));
      await waitForStep(qadam, portal, ['new-password'], 15_000);
      await expectRingEncloses(portal, 'password', 10_000);
      await expectRingEncloses(portal, 'password-repeat', 10_000);

      await typeValue(portal, 'password', 'Zq-secret-123!');
      await portal
        .locator(await inputOf(portal, 'password-repeat'))
        .first()
        .click();
      await frames(portal, 2);
      const before = await visibleTooltipText(portal);
      await typeValue(portal, 'password-repeat', 'Zq-secret-124!');
      await expect
        .poll(() => invalidOf(portal, 'password-repeat'), { message: 'a different repeat → data-qadam-invalid="password-repeat"' })
        .toBe('password-repeat');
      const after = await visibleTooltipText(portal);
      expect(after, 'the shown tooltip text changes on a mismatch').not.toBe(before);
      expect(after).not.toContain('Zq-secret');
      await screenshot(portal, `rule-password-repeat-bad-${fixtureName(c)}`);

      await typeValue(portal, 'password-repeat', 'Zq-secret-123!');
      await expect.poll(() => invalidOf(portal, 'password-repeat'), { message: 'the same repeat → no data-qadam-invalid' }).toBeNull();
      await expect.poll(() => validInState(qadam, portal, 'password-repeat')).toBe(true);

      // changing the first password afterwards makes the repeat wrong again
      await typeValue(portal, 'password', 'Zq-secret-999!');
      await expect
        .poll(() => invalidOf(portal, 'password-repeat'), { message: 'editing the password re-checks the repeat' })
        .toBe('password-repeat');
    });
  });
}
