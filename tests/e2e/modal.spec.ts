/**
 * Modals and choices in the built extension:
 * - ESF asks «…не зарегистрирован… Пройти регистрацию?» in a modal: the page is confirm-registration,
 *   the ring and its hint stand ABOVE the modal (top layer) and take clicks, although everything
 *   outside a native modal dialog is inert; when the dialog closes the overlay goes back to <body>;
 * - a OneID role page: the hint names the option to choose, as the page writes it.
 */
import {
  expect,
  expectRingEncloses,
  fixtureUrl,
  loadCases,
  overlay,
  qadamState,
  screenshot,
  test,
  visibleTooltipText,
  waitForSettledStep,
  waitForStep,
  type Case,
} from './harness';
import type { Page } from '@playwright/test';

const esf = loadCases('esf');
const oneid = loadCases('oneid');
const byFile = (cases: Case[], file: string) => {
  const c = cases.find((x) => x.file === file);
  if (!c) throw new Error(`no case ${file}`);
  return c;
};

/** what is hit at the centre of the shown tooltip's × : the page's element and, inside our shadow root, ours */
async function hitAtClose(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('qadam-overlay')!;
    const root = host.shadowRoot!;
    const close = root.querySelector('.tip:not([hidden]) .close') as HTMLElement | null;
    if (!close) return null;
    const r = close.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const top = document.elementFromPoint(x, y);
    const inner = root.elementFromPoint(x, y);
    return {
      x,
      y,
      top: top?.localName ?? null,
      all: document.elementsFromPoint(x, y).map((e) => e.localName),
      inner: inner ? `${inner.localName}.${inner.className}` : null,
      layerInTopLayer: root.querySelector('.layer')!.matches(':popover-open'),
      hostInDialog: !!host.closest('dialog'),
    };
  });
}

for (const file of ['login-dialog-ru.html', 'login-dialog-kk.html', 'login-jqdialog-ru.html']) {
  test(`a modal question on the ESF login: ${file} is confirm-registration, ringed above the modal, its hint clickable`, async ({
    qadam,
    portal,
  }) => {
    const c = byFile(esf, file);
    await portal.goto(fixtureUrl(c));
    const state = await waitForSettledStep(qadam, portal, c);
    expect(state.step, 'the modal, not the login form under it').toBe('confirm-registration');
    await expectRingEncloses(portal, 'yes');
    const native = c.shape === 'native-dialog';
    if (native)
      expect(
        await portal.evaluate(() => document.querySelector('dialog')!.matches(':modal')),
        'the replica opened a real modal dialog',
      ).toBe(true);

    const hit = await hitAtClose(portal);
    expect(hit, 'a hint is shown with its close button').not.toBeNull();
    expect(hit!.layerInTopLayer, 'the overlay layer is in the top layer').toBe(true);
    if (native) expect(hit!.hostInDialog, 'inside the open modal dialog (outside it all is inert)').toBe(true);
    expect(hit!.top, `the overlay is on top at the ×; elements at that point: ${hit!.all.join(' > ')}`).toBe('qadam-overlay');
    expect(hit!.inner, 'inside the overlay: the close button').toMatch(/^button\.close/);
    await screenshot(portal, `modal-${c.file.replace(/\.html$/, '')}`);

    // a real click at that point reaches our ×: the hint closes, the «?» to reopen it shows
    await portal.mouse.click(hit!.x, hit!.y);
    await expect.poll(async () => (await overlay(portal)).tooltips.filter((t) => t.visible).length, { message: 'the hint closed' }).toBe(0);
    const reopen = await portal.evaluate(() => {
      const b = document.querySelector('qadam-overlay')!.shadowRoot!.querySelector('[data-qadam-field="yes"] .reopen') as HTMLElement;
      return !b.hidden && b.getBoundingClientRect().width > 0;
    });
    expect(reopen, 'the ring offers «?» to reopen its hint').toBe(true);

    if (native) {
      // the portal's own button still takes the user's click through the ring; the dialog closes and
      // the overlay returns to <body> with the login page's step
      await portal.locator('#esf-confirm-yes').click();
      await expect.poll(() => portal.evaluate(() => document.body.getAttribute('data-answer'))).toBe('yes');
      await waitForStep(qadam, portal, ['sign-in', 'select-certificate']);
      expect(await portal.evaluate(() => document.querySelector('qadam-overlay')?.parentElement?.localName), 'back in <body>').toBe('body');
      const after = await qadamState(qadam, portal);
      expect(
        after?.fields.some((f) => f.found),
        'the login page is ringed again',
      ).toBe(true);
    }
  });
}

test.describe('a choice names its option', () => {
  // the hint is in the user's language (English in the test browser); the option is quoted as the page writes it
  const cases: Array<[string, string, string]> = [
    ['role-radio-select-ru.html', '#roleId', '«OOO “SAMARQAND SAVDO” (ИНН 305123456) — Common For Head»'],
    ['role-radio-select-en.html', '#roleId', '«“SAMARQAND SAVDO” LLC (TIN 305123456) — Common For Head»'],
    ['role-radio-select-uz.html', '#roleId', '«“SAMARQAND SAVDO” MChJ (STIR 305123456) — Common For Head»'],
  ];
  for (const [file, select, said] of cases) {
    test(`${file}: the select is ringed and its hint says which option`, async ({ qadam, portal }) => {
      const c = byFile(oneid, file);
      await portal.goto(fixtureUrl(c));
      await waitForSettledStep(qadam, portal, c);
      await expectRingEncloses(portal, 'role');
      await expectRingEncloses(portal, 'user-type');
      await portal.locator(select).focus();
      await expect.poll(() => visibleTooltipText(portal)).toContain(`Choose ${said}.`);
      await screenshot(portal, `choice-${file.replace(/\.html$/, '')}`);
    });
  }

  test('an open MUI listbox: the option is ringed and named', async ({ qadam, portal }) => {
    const c = byFile(oneid, 'role-mui-open-ru.html');
    await portal.goto(fixtureUrl(c));
    await waitForSettledStep(qadam, portal, c);
    await expectRingEncloses(portal, 'role');
    await expect.poll(() => visibleTooltipText(portal)).toContain('Choose «OOO “SAMARQAND SAVDO” (ИНН 305123456) — Common For Head».');
    await screenshot(portal, 'choice-role-mui-open-ru');
  });
});
