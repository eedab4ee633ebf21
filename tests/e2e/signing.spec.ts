/**
 * The hand-over card (contract.md «Signing software»): pressing the button of a signing step on the
 * replicas of every signing step shows `data-qadam-signing="ncalayer|e-imzo"` in the overlay with
 * the key for THIS step, the key's password, the window that may be behind the browser and what to
 * do when nothing opens (the program's readiness against fake NCALayer / KAZTOKEN servers on the real
 * port). It covers none of the portal's controls, × and Escape close it, it goes when the page moves
 * on, a script's click does not show it, and axe finds nothing serious in it.
 *
 * Opens the fixed port 13579: run under `flock /tmp/qadam-ports.lock`.
 */
import https from 'node:https';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { WebSocketServer, type WebSocket } from 'ws';
import { ensureCertificate } from './server';
import { expect, fixtureUrl, loadCases, screenshot, test, waitForStep, type Qadam, setLang, clearLang } from './harness';
import { holdPorts } from './ports';

test.describe.configure({ mode: 'serial' });

// the programs' ports are fixed: one spec file at a time holds them (tests/e2e/ports.ts)
let releasePorts = (): void => {};
test.beforeAll(async () => {
  test.setTimeout(600_000);
  releasePorts = await holdPorts();
});
test.afterAll(() => releasePorts());

interface Press {
  dir: string;
  file: string;
  steps: string[];
  /** what the user presses */
  button: string;
  program: 'ncalayer' | 'e-imzo';
  /** a text the key line must hold */
  key: RegExp;
}

const AUTH = /AUTH_RSA256/;
const SIGN = /GOSTKNCA/;
const PRESSES: Press[] = [
  {
    dir: 'esf',
    file: 'login-div-ru.html',
    steps: ['sign-in', 'select-certificate'],
    button: '[data-expect="select-certificate"]',
    program: 'ncalayer',
    key: AUTH,
  },
  {
    dir: 'esf',
    file: 'login-table-kk.html',
    steps: ['sign-in', 'select-certificate'],
    button: '[data-expect="select-certificate"]',
    program: 'ncalayer',
    key: AUTH,
  },
  {
    dir: 'esf',
    file: 'login-div-en.html',
    steps: ['sign-in', 'select-certificate'],
    button: '[data-expect="select-certificate"]',
    program: 'ncalayer',
    key: AUTH,
  },
  { dir: 'esf', file: 'new-password-div-ru.html', steps: ['new-password'], button: '[data-expect="send"]', program: 'ncalayer', key: SIGN },
  {
    dir: 'singlewindow',
    file: 'eds-panelgrid-ru.html',
    steps: ['select-eds'],
    button: '[data-expect="eds"]',
    program: 'ncalayer',
    key: SIGN,
  },
  {
    dir: 'singlewindow',
    file: 'eds-panelgrid-en.html',
    steps: ['select-eds'],
    button: '[data-expect="eds"]',
    program: 'ncalayer',
    key: SIGN,
  },
  {
    dir: 'singlewindow',
    file: 'eds-panelgrid-kk.html',
    steps: ['select-eds'],
    button: '[data-expect="eds"]',
    program: 'ncalayer',
    key: SIGN,
  },
  { dir: 'oneid', file: 'regpki-div-ru.html', steps: ['choose-key'], button: '[data-expect="key"]', program: 'e-imzo', key: /./ },
  { dir: 'oneid', file: 'regpki-table-uz.html', steps: ['choose-key'], button: '[data-expect="key"]', program: 'e-imzo', key: /./ },
  {
    dir: 'oofd',
    file: 'eds-login-card-ru.html',
    steps: ['register-portal'],
    button: '[data-expect="eds-login"]',
    program: 'ncalayer',
    key: AUTH,
  },
  {
    dir: 'oofd',
    file: 'eds-login-card-kk.html',
    steps: ['register-portal'],
    button: '[data-expect="eds-login"]',
    program: 'ncalayer',
    key: AUTH,
  },
  { dir: 'oofd', file: 'contract-card-kk.html', steps: ['sign-contract'], button: '[data-expect="sign"]', program: 'ncalayer', key: SIGN },
  {
    dir: 'oofd',
    file: 'contract-dialog-ru.html',
    steps: ['sign-contract'],
    button: '[data-expect="sign"]',
    program: 'ncalayer',
    key: SIGN,
  },
  { dir: 'oofd', file: 'kkm-add-dialog-ru.html', steps: ['register-kkm'], button: '[data-expect="sign"]', program: 'ncalayer', key: SIGN },
];

const CARD = 'qadam-overlay [data-qadam-signing]';

async function open(q: Qadam, page: Page, p: Press): Promise<void> {
  const c = loadCases(p.dir).find((x) => x.file === p.file)!;
  await page.goto(fixtureUrl(c));
  await waitForStep(q, page, p.steps, 15_000);
  // the portals' buttons run their own script (Ajax, NCALayer's call), they do not post a form
  await page.evaluate(() => document.addEventListener('submit', (e) => e.preventDefault(), true));
  // the field's hint may stand over the next button: the user closes it (Escape) or reads past it
  await page.keyboard.press('Escape');
}

/** the card's box and the boxes of the page's visible controls it overlaps */
async function covered(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const card = document.querySelector('qadam-overlay')!.shadowRoot!.querySelector('[data-qadam-signing]')!.getBoundingClientRect();
    const out: string[] = [];
    for (const el of document.querySelectorAll('a[href],button,input:not([type=hidden]),select,textarea,[role=button],[role=tab]')) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      if (r.left < card.right && card.left < r.right && r.top < card.bottom && card.top < r.bottom)
        out.push(`${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim().slice(0, 30)}»`);
    }
    return out;
  });
}

function fakeSigner(greeting: object, answer: object | null): Promise<{ close(): Promise<void> }> {
  const server = https.createServer(ensureCertificate());
  const wss = new WebSocketServer({ server });
  wss.on('connection', (s: WebSocket) => {
    s.send(JSON.stringify(greeting));
    if (answer) s.on('message', () => s.send(JSON.stringify(answer)));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(13579, '127.0.0.1', () =>
      resolve({
        close: () =>
          new Promise<void>((r) => {
            for (const c of wss.clients) c.terminate();
            wss.close();
            server.close(() => r());
          }),
      }),
    );
  });
}

for (const p of PRESSES) {
  test(`hand-over card: ${p.dir}/${p.file} → ${p.program}`, async ({ qadam, portal: page }) => {
    await setLang(qadam, 'ru');
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(qadam, page, p);
    await expect(page.locator(CARD)).toHaveCount(0);
    await page.locator(p.button).first().click();
    const card = page.locator(CARD);
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-qadam-signing', p.program);
    await expect(card.locator('[data-part=key]')).toContainText(p.key);
    await expect(card.locator('[data-part=password]')).toContainText('пароль ключа');
    await expect(card.locator('[data-part=behind]')).toContainText('Alt+Tab');
    // nothing listens on the program's port here: the readiness says so (Chromium slows down repeated
    // refused connections, so after many tests the honest answer may be «could not check»)
    await expect(card.locator('[data-part=state]')).toHaveAttribute('data-state', /not-running|unknown/, { timeout: 10_000 });
    await screenshot(page, `signing-card-${p.dir}-${p.file}`);
    expect(await covered(page), 'the card covers no control of the portal').toEqual([]);
    // (a select's open list takes the first Escape itself: leave it first)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await page.locator(p.button).first().click();
    await expect(card).toBeVisible();
    await card.locator('button.close').click();
    await expect(card).toHaveCount(0);
  });
}

test("a script's click (not the user's) shows no card; the card goes when the page moves on", async ({ qadam, portal: page }) => {
  const p = PRESSES.find((x) => x.file === 'eds-login-card-ru.html')!;
  await open(qadam, page, p);
  await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), p.button);
  await expect(page.locator('qadam-overlay [data-qadam-field], qadam-overlay .panel').first()).toBeAttached();
  await expect(page.locator(CARD)).toHaveCount(0);
  await page.locator(p.button).click();
  await expect(page.locator(CARD)).toBeVisible();
  await page.evaluate(() => (location.hash = '#/landing/about'));
  await expect(page.locator(CARD)).toHaveCount(0);
});

test('the readiness line: NCALayer running with its version; KAZTOKEN on its port, with its device and PIN', async ({ fresh }) => {
  // a browser of its own: Chromium slows down connections to a port that refused many times
  await setLang(fresh, 'en');
  const p = PRESSES.find((x) => x.file === 'eds-panelgrid-en.html')!;
  const page = await fresh.context.newPage();
  await open(fresh, page, p);
  let fake = await fakeSigner({ result: { version: '1.4' } }, { success: false, errorCode: 'MODULE_NOT_FOUND' });
  try {
    await page.locator(p.button).click();
    const state = page.locator(`${CARD} [data-part=state]`);
    await expect(state).toHaveAttribute('data-state', 'running', { timeout: 10_000 });
    await expect(state).toContainText('NCALayer is running, version 1.4');
  } finally {
    await fake.close();
  }
  fake = await fakeSigner({ result: { version: '1.4' } }, { code: '200', responseObject: { name: 'KAZTOKENdesktop', version: '2.3.1' } });
  try {
    await page.keyboard.press('Escape');
    await page.locator(p.button).click();
    const state = page.locator(`${CARD} [data-part=state]`);
    await expect(state).toHaveAttribute('data-state', 'running', { timeout: 10_000 });
    await expect(state).toContainText('KAZTOKEN is running, version 2.3.1');
    const card = page.locator(CARD);
    await expect(card.locator('[data-part=password]')).toContainText('PIN');
    await expect(card).toContainText('KAZTOKEN opens its own window');
    await screenshot(page, 'signing-card-kaztoken-en');
  } finally {
    await fake.close();
  }
});

for (const lang of ['kk', 'ru', 'en', 'uz']) {
  test(`axe: the hand-over card has no serious violation; it is announced politely [${lang}]`, async ({ qadam, portal: page }) => {
    await setLang(qadam, lang);
    const p = PRESSES.find((x) => x.file === 'contract-dialog-ru.html')!;
    await open(qadam, page, p);
    await page.locator(p.button).click();
    await expect(page.locator(CARD)).toBeVisible();
    await expect(page.locator(`${CARD} [data-part=state]`)).toHaveAttribute('data-state', /./);
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
    const text = await page.locator(CARD).innerText();
    expect(text).not.toMatch(/signing\.|\{\{/);
    if (lang === 'uz') expect(text).toContain('NCALayerni');
    await screenshot(page, `signing-card-axe-${lang}`);
  });
}

// the worker's browser is shared with later spec files: leave no language chosen behind
test.afterAll(async ({ qadam }) => clearLang(qadam));
