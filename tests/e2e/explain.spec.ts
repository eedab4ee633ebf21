/**
 * Portal messages explained in the built extension (contract.md «Portal messages»): catalogued
 * messages injected into replica pages through a few of the message surfaces (a Bootstrap alert,
 * a PrimeFaces growl, an Angular Material snack-bar and mat-error, a native dialog) get their
 * explanation `data-qadam-explain="<id>"` beside them in the overlay; an unknown one gets none and
 * reaches «Copy diagnostics» masked; axe finds nothing serious. (Every message through every surface
 * is the unit test tests/unit/explain.test.ts.)
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  expect,
  fixtureUrl,
  loadCases,
  qadamState,
  screenshot,
  test,
  typeInto,
  waitForStep,
  type Qadam,
  setLang,
  clearLang,
} from './harness';

test.describe.configure({ mode: 'serial' });

interface Inject {
  dir: string;
  file: string;
  steps: string[];
  id: string;
  html: string;
}

const INJECTS: Inject[] = [
  {
    dir: 'oneid',
    file: 'regpki-div-ru.html',
    steps: ['choose-key'],
    id: 'eimzo-not-installed',
    html:
      '<div class="alert alert-danger" role="alert" style="margin:16px">Ошибка соединения с E-IMZO. ' +
      'Возможно у вас не установлен модуль E-IMZO.</div>',
  },
  {
    dir: 'singlewindow',
    file: 'eds-panelgrid-ru.html',
    steps: ['select-eds'],
    id: 'singlewindow-bin-registered',
    html:
      '<div class="ui-growl ui-widget" style="position:fixed;top:70px;right:20px;width:300px;z-index:1000">' +
      '<div class="ui-growl-item-container ui-state-highlight ui-corner-all ui-shadow ui-growl-error" ' +
      'style="background:#fde2e2;padding:8px"><div class="ui-growl-item"><div class="ui-growl-message">' +
      '<span class="ui-growl-title">Ошибка</span><p>Организация с данным БИН уже зарегистрирована</p></div>' +
      '</div></div></div>',
  },
  {
    dir: 'oofd',
    file: 'contract-card-ru.html',
    steps: ['sign-contract'],
    id: 'ncalayer-canceled',
    html:
      '<div class="cdk-overlay-container"><div class="cdk-global-overlay-wrapper" style="position:fixed;' +
      'bottom:16px;left:50%;transform:translateX(-50%)"><mat-snack-bar-container ' +
      'class="mat-mdc-snack-bar-container" style="display:block;background:#333;color:#fff;padding:12px ' +
      '16px"><div class="mat-mdc-snack-bar-label">Ошибка NCALayer: action.canceled</div>' +
      '</mat-snack-bar-container></div></div>',
  },
  {
    dir: 'oofd',
    file: 'contract-dialog-ru.html',
    steps: ['sign-contract'],
    id: 'kaztoken-not-connected',
    html:
      '<dialog open style="top:30%"><p>Не удалось подключиться к программе KAZTOKEN Mobile!</p><form ' +
      'method="dialog"><button>OK</button></form></dialog>',
  },
];

async function open(q: Qadam, page: Page, dir: string, file: string, steps: string[]): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(fixtureUrl(loadCases(dir).find((c) => c.file === file)!));
  await waitForStep(q, page, steps, 15_000);
}

async function inject(page: Page, html: string): Promise<void> {
  await page.evaluate((h) => {
    const box = document.createElement('div');
    box.className = 'injected';
    box.innerHTML = h;
    document.body.append(box);
  }, html);
}

/** the page's visible controls the explanation overlaps */
async function covered(page: Page, id: string): Promise<string[]> {
  return page.evaluate((id) => {
    const e = document.querySelector('qadam-overlay')!.shadowRoot!.querySelector(`[data-qadam-explain="${id}"]`)!.getBoundingClientRect();
    const out: string[] = [];
    for (const el of document.querySelectorAll('a[href],button,input:not([type=hidden]),select,textarea')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height && r.left < e.right && e.left < r.right && r.top < e.bottom && e.top < r.bottom)
        out.push(`${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim().slice(0, 30)}»`);
    }
    return out;
  }, id);
}

for (const c of INJECTS) {
  test(`explained: ${c.id} in ${c.dir}/${c.file}`, async ({ qadam, portal: page }) => {
    await setLang(qadam, 'ru');
    await open(qadam, page, c.dir, c.file, c.steps);
    await expect(page.locator('qadam-overlay [data-qadam-explain]')).toHaveCount(0);
    await inject(page, c.html);
    const box = page.locator(`qadam-overlay [data-qadam-explain="${c.id}"]`);
    await expect(box).toBeVisible();
    await expect(box.locator('.todo')).not.toBeEmpty();
    // beside the message: it touches or nearly touches the message's box, and does not hide it
    const geo = await page.evaluate((id) => {
      const e = document.querySelector('qadam-overlay')!.shadowRoot!.querySelector(`[data-qadam-explain="${id}"]`)!.getBoundingClientRect();
      const inner = [...document.querySelectorAll('.injected *')]
        .filter((x) => x.textContent?.trim() && x.getBoundingClientRect().width > 0)
        .pop()!;
      const m = inner.getBoundingClientRect();
      const gap = Math.max(0, m.left - e.right, e.left - m.right, m.top - e.bottom, e.top - m.bottom);
      const cover =
        Math.max(0, Math.min(e.right, m.right) - Math.max(e.left, m.left)) *
        Math.max(0, Math.min(e.bottom, m.bottom) - Math.max(e.top, m.top));
      return { gap, cover };
    }, c.id);
    expect(geo.gap, 'beside the message').toBeLessThan(60);
    expect(geo.cover, 'the message stays readable').toBe(0);
    await screenshot(page, `explain-${c.id}`);
    expect(await covered(page, c.id), 'the explanation covers no control').toEqual([]);
    // the message goes: so does the explanation
    await page.evaluate(() => document.querySelector('.injected')?.remove());
    await expect(box).toHaveCount(0);
  });
}

test('the ESF password mismatch under the password field (mat-error) on the registration-data step', async ({ qadam, portal: page }) => {
  await open(qadam, page, 'esf', 'regdata-div-ru.html', ['registration-data']);
  await page.evaluate(() => {
    const input = document.querySelector('input[type=password]')!;
    const err = document.createElement('mat-error');
    err.className = 'mat-mdc-form-field-error injected';
    err.setAttribute('style', 'display:block;color:#b00020;font-size:12px');
    err.textContent = 'Неверный пароль';
    input.insertAdjacentElement('afterend', err);
  });
  await expect(page.locator('qadam-overlay [data-qadam-explain="esf-password-mismatch"]')).toBeVisible();
  await screenshot(page, 'explain-esf-password-mismatch');
  expect(await covered(page, 'esf-password-mismatch'), 'the explanation covers no control of the form').toEqual([]);
});

test('an unknown message: no explanation; «Copy diagnostics» carries its text, never the typed value', async ({ fresh }) => {
  const page = await fresh.context.newPage();
  await open(fresh, page, 'esf', 'regdata-div-ru.html', ['registration-data']);
  const typed = 'Secret-Typed-Value-42';
  await typeInto(page, 'input[type=password]', typed);
  await inject(page, `<div class="alert alert-warning" role="alert">Сервис временно недоступен (${typed}), повторите позже. Код 502</div>`);
  await expect.poll(async () => (await qadamState(fresh, page))?.step ?? null).toBe('registration-data');
  await expect
    .poll(async () => ((await qadamState(fresh, page)) as { messages?: string[] } | null)?.messages?.join(' | ') ?? '')
    .toContain('Сервис временно недоступен');
  await expect(page.locator('qadam-overlay [data-qadam-explain]')).toHaveCount(0);
  const popup = await fresh.context.newPage();
  await popup.setViewportSize({ width: 360, height: 720 });
  await popup.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (s: string) => void ((window as unknown as { __copied: string }).__copied = s) },
    });
  });
  await page.bringToFront();
  await popup.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
  await popup.locator('[data-qadam-diagnostics]').click();
  await expect(popup.locator('.diag-status')).not.toBeEmpty();
  const text = await popup.evaluate(() => (window as unknown as { __copied: string }).__copied);
  expect(text).toContain('Portal messages not in the catalogue:');
  expect(text).toContain('Сервис временно недоступен');
  expect(text).not.toContain(typed);
});

for (const lang of ['kk', 'uz']) {
  test(`axe: the explanation has no serious violation; it is announced politely [${lang}]`, async ({ qadam, portal: page }) => {
    await setLang(qadam, lang);
    const c = INJECTS[0]!;
    await open(qadam, page, c.dir, c.file, c.steps);
    await inject(page, c.html);
    const box = page.locator(`qadam-overlay [data-qadam-explain="${c.id}"]`);
    await expect(box).toBeVisible();
    const r = await new AxeBuilder({ page })
      .include('qadam-overlay')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(
      r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
    await expect(page.locator('qadam-overlay [aria-live=polite]').filter({ hasText: /\S/ }).first()).toBeAttached();
    const text = await box.innerText();
    expect(text).not.toMatch(/explain\.|\{\{/);
    if (lang === 'uz') expect(text).toContain('E-IMZOni');
    // keyboard: the link and × are reachable and × closes it
    await box.locator('button.close').focus();
    await page.keyboard.press('Enter');
    await expect(box).toHaveCount(0);
    await screenshot(page, `explain-axe-${lang}`);
  });
}

// the worker's browser is shared with later spec files: leave no language chosen behind
test.afterAll(async ({ qadam }) => clearLang(qadam));
