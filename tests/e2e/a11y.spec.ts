/**
 * Accessibility and support: axe finds no serious or critical violation on the popup, the options
 * page and the overlay (inside its shadow root) in kk, ru, en and uz; a keyboard-only walk of a
 * procedure in the popup with a visible focus on every stop; the diagnostics text holds no typed value.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixtureUrl, loadCases, openPopup, screenshot, test, typeInto, waitForStep, type Qadam } from './harness';

const LANGS = ['kk', 'ru', 'en', 'uz'] as const;

async function serious(page: Page, include?: string | string[], exclude?: string): Promise<string[]> {
  let b = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  for (const i of typeof include === 'string' ? [include] : (include ?? [])) b = b.include(i);
  if (exclude) b = b.exclude(exclude);
  const r = await b.analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

async function seedProfile(q: Qadam, lang: string): Promise<void> {
  const page = await q.context.newPage();
  await page.goto(`chrome-extension://${q.extensionId}/popup.html`);
  await page.evaluate(async (l) => {
    // Beta's keys expire in 5 days: the popup and the options page list them (checked by axe too)
    const d = new Date(Date.now() + 5 * 86_400_000);
    const soon = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await (globalThis as unknown as { chrome: { storage: { local: { set(x: unknown): Promise<void> } } } }).chrome.storage.local.set({
      profiles: {
        list: [
          {
            id: 'p-karasu',
            name: 'Karasu Logistic LLP',
            country: 'KZ',
            kind: 'legal',
            identifier: '190540028173',
            head: { id: '781105301459' },
            facts: { esf: { at: 1741770000000 } },
            createdAt: 1,
          },
          {
            id: 'p-beta',
            name: 'Beta LLP',
            country: 'KZ',
            kind: 'legal',
            identifier: '100440001230',
            facts: {},
            createdAt: 2,
            keysExpire: soon,
          },
        ],
        active: 'p-karasu',
      },
      profiles$: { v: 1 },
      settings: { lang: l },
    });
  }, lang);
  await page.close();
}

for (const lang of LANGS) {
  test(`axe: popup, options page and overlay have no serious violation [${lang}]`, async ({ fresh }) => {
    await seedProfile(fresh, lang);
    const popup = await openPopup(fresh);
    await popup.locator('select[data-qadam-select-procedure]').selectOption('singlewindow.self-registration');
    await popup.locator('[data-qadam-profile-filter]').focus();
    await expect(popup.locator('[role=listbox]')).toBeVisible();
    expect(await serious(popup), `popup [${lang}]`).toEqual([]);

    const options = await fresh.context.newPage();
    await options.goto(`chrome-extension://${fresh.extensionId}/options.html`);
    await options.locator('[data-qadam-new-profile]').click();
    await options.locator('[data-qadam-profile-form] input[name=identifier]').fill('190540028174');
    expect(await serious(options), `options [${lang}]`).toEqual([]);

    const tab = await fresh.context.newPage();
    await tab.goto(fixtureUrl(loadCases('esf').find((c) => c.file === 'regdata-div-ru.html')!));
    await waitForStep(fresh, tab, ['registration-data'], 15_000);
    await expect(tab.locator('qadam-overlay [role=tooltip]:not([hidden])')).toBeVisible();
    await typeInto(tab, 'input[type=password]', 'x');
    expect(await serious(tab, 'qadam-overlay'), `overlay [${lang}]`).toEqual([]);

    // trainer mode: the sandbox's own bar and overlay (the replica imitates the portal, faults included), the handout
    const sandbox = await fresh.context.newPage();
    await sandbox.goto(
      `chrome-extension://${fresh.extensionId}/sandbox.html?lang=${lang}&presenter=1#/oneid.register-individual/identification`,
    );
    await expect(sandbox.locator('body[data-qadam-shown]')).toHaveCount(1, { timeout: 15_000 });
    expect(await serious(sandbox, ['qadam-sandbox', 'qadam-overlay']), `sandbox [${lang}]`).toEqual([]);
    const handout = await fresh.context.newPage();
    await handout.goto(`chrome-extension://${fresh.extensionId}/handout.html?lang=${lang}#/esf.recover-access`);
    await expect(handout.locator('body[data-qadam-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
    expect(await serious(handout, undefined, 'iframe'), `handout [${lang}]`).toEqual([]);
  });
}

test('keyboard only: walk a procedure in the popup, focus visible at every stop', async ({ fresh }) => {
  const popup = await openPopup(fresh, 'ru');
  const stops: string[] = [];
  const invisible: string[] = [];
  for (let i = 0; i < 40; i++) {
    await popup.keyboard.press('Tab');
    const info = await popup.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
      return { name: `${el.tagName.toLowerCase()}${el.getAttribute('data-step-id') ? '' : ''}${el.id ? '#' + el.id : ''}`, visible };
    });
    if (!info) break;
    stops.push(info.name);
    if (!info.visible) invisible.push(info.name);
    if (info.name.startsWith('select') && stops.length === 3) {
      // the procedure picker: choose with the arrow keys, as a keyboard user does
      await popup.keyboard.press('ArrowDown');
      await popup.keyboard.press('ArrowDown');
    }
  }
  expect(stops.length, 'the popup has keyboard stops').toBeGreaterThan(5);
  expect(invisible, 'every focused control shows a focus ring').toEqual([]);
  // tick the current step with the keyboard: focus it and press Space
  const box = popup.locator('[aria-current=step] input[type=checkbox]').first();
  await box.focus();
  await popup.keyboard.press('Space');
  await expect(popup.locator('[data-done="true"]').first()).toBeVisible();
  await screenshot(popup, 'popup-keyboard-walk');
});

test('copy diagnostics: version, browser, page, fields found, and never a typed value', async ({ fresh }) => {
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(loadCases('esf').find((c) => c.file === 'regdata-div-ru.html')!));
  await waitForStep(fresh, tab, ['registration-data'], 15_000);
  const typed = 'Secret-Typed-Value-42';
  await typeInto(tab, 'input[type=password]', typed);
  const popup = await fresh.context.newPage();
  await popup.setViewportSize({ width: 360, height: 720 });
  // keep what is written to the clipboard (headless has no clipboard to read)
  await popup.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (s: string) => void ((window as unknown as { __copied: string }).__copied = s) },
    });
  });
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
  await popup.locator('[data-qadam-diagnostics]').click();
  await expect(popup.locator('.diag-status')).not.toBeEmpty();
  const text = await popup.evaluate(() => (window as unknown as { __copied: string }).__copied);
  expect(text).toMatch(/^Qadam \d+\.\d+\.\d+/);
  expect(text).toContain('Chrome');
  expect(text).toContain('portal=esf');
  expect(text).toContain('step=registration-data');
  expect(text).toMatch(/password: found/);
  expect(text).not.toContain(typed);
  expect(text).not.toContain('yerzhan.akhmetov@karasu-log.kz');
});
