/**
 * Guides people teach, record and share (contract.md): teach a field Qadam no longer finds, record a
 * two-step guide on replicas and hand it to a fresh browser, a guide for a procedure that is not
 * built in, a refused file, a guide preloaded by policy. Nothing typed may reach storage or a file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, launch } from './browser';
import { canWritePolicies, extensionIdOf, POLICY_DIR } from './policy';
import {
  dumpStorage,
  expect,
  expectRingEncloses,
  fixtureUrl,
  openPopup,
  qadamState,
  screenshot,
  test,
  waitForStep,
  type Case,
  type Qadam,
} from './harness';

const at = (file: string, url: string): string => fixtureUrl({ file, url, lang: 'ru', shape: 'div', steps: [], fields: {} } as Case);
const LOGIN_URL = 'https://esf.gov.kz:8443/esf-web/login/';
const CHANGE_EMAIL_URL = 'https://esf.gov.kz:8443/esf-web/login/#!/change-email';

/** send a message to the content script of `page` (through the service worker, as the popup does) */
async function tell<T>(q: Qadam, page: Page, msg: object): Promise<T | null> {
  await page.bringToFront();
  const sw = await q.serviceWorker();
  return sw.evaluate(async (m) => {
    type Tab = { id?: number };
    const c = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: object): Promise<unknown> } };
      }
    ).chrome;
    for (const t of await c.tabs.query({ active: true })) {
      if (t.id == null) continue;
      try {
        const a = await c.tabs.sendMessage(t.id, m);
        if (a) return a as never;
      } catch {
        /* no content script */
      }
    }
    return null;
  }, msg) as Promise<T | null>;
}

/** the popup loaded while `tab` is the active tab (so it asks that tab) */
async function popupFor(q: Qadam, tab: Page): Promise<Page> {
  const popup = await q.context.newPage();
  await popup.setViewportSize({ width: 360, height: 720 });
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${q.extensionId}/popup.html`);
  return popup;
}

const shadow = (page: Page, selector: string) => page.locator(`qadam-overlay >> ${selector}`);

test('teach a field Qadam does not find: pointing mode, the ring there with its rule, after a reload, and undo', async ({ fresh }) => {
  const tab = await fresh.context.newPage();
  await tab.goto(at('change-email-renamed-ru.html', CHANGE_EMAIL_URL));
  const before = await waitForStep(fresh, tab, ['change-email']);
  expect(before.fields.find((f) => f.id === 'login')?.found, 'the renamed login field is not found').toBe(false);

  // the popup lists it as not found, with «Show Qadam where it is»
  const popup = await popupFor(fresh, tab);
  const teach = popup.locator('[data-qadam-teach="login"]');
  await expect(teach).toBeVisible();
  await teach.scrollIntoViewIfNeeded();
  await screenshot(popup, 'guides-popup-teach-button');
  await teach.click();

  // pointing mode: the element under the mouse is outlined; the click does not reach the page
  await tab.bringToFront();
  await expect(shadow(tab, '[data-qadam-pointing="login"]')).toBeVisible();
  await tab.evaluate(() => {
    (window as unknown as { pageClicks: number }).pageClicks = 0;
    document.addEventListener('click', () => (window as unknown as { pageClicks: number }).pageClicks++);
  });
  const input = tab.locator('[data-expect="login"]');
  const box = (await input.boundingBox())!;
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(shadow(tab, '[data-qadam-pointer]')).toBeVisible();
  await screenshot(tab, 'guides-pointing-mode');
  await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(shadow(tab, '[data-qadam-pointing]')).toHaveCount(0);
  expect(
    await tab.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks),
    'the choosing click did not reach the page',
  ).toBe(0);

  // from now on the field is ringed there, marked as taught, with its rule
  await expect(shadow(tab, '[data-qadam-field="login"][data-qadam-taught]')).toHaveCount(1);
  await expectRingEncloses(tab, 'login');
  await expect.poll(async () => (await qadamState(fresh, tab))?.fields.find((f) => f.id === 'login')?.found).toBe(true);
  await input.click();
  await input.pressSequentially('123456789012', { delay: 5 }); // not a valid IIN (check digit)
  await input.blur();
  await expect(shadow(tab, '[data-qadam-invalid="login"]')).toHaveCount(1);
  await input.focus();
  await expect(shadow(tab, '[role="tooltip"][data-for="login"]')).toBeVisible();
  await screenshot(tab, 'guides-taught-ring');

  // kept across a reload; what is kept describes the element, never its value
  await tab.reload();
  await expect(shadow(tab, '[data-qadam-field="login"][data-qadam-taught]')).toHaveCount(1, { timeout: 10_000 });
  const stored = JSON.stringify(await dumpStorage(fresh));
  expect(stored).toContain('"taught"');
  expect(stored).not.toContain('123456789012');

  // the options page lists it with delete; «undo» on the ring forgets it
  await tab.locator('[data-expect="login"]').focus();
  await shadow(tab, '[data-qadam-untaught="login"]').click();
  await expect(shadow(tab, '[data-qadam-field="login"]')).toHaveCount(0);
  await expect.poll(async () => (await dumpStorage(fresh)).taught).toEqual({ v: 1, taught: [] });
});

test('a taught field that stops matching falls back to the built-in locators and the popup says so', async ({ fresh }) => {
  const tab = await fresh.context.newPage();
  await tab.goto(at('change-email-div-ru.html', CHANGE_EMAIL_URL));
  await waitForStep(fresh, tab, ['change-email']);
  // taught on a page where the element had other words; this page has none of them
  await tell(fresh, tab, { type: 'qadam:teach', field: 'email' });
  await expect(shadow(tab, '[data-qadam-pointing]')).toBeVisible();
  const box = (await tab.locator('[data-expect="email"]').boundingBox())!;
  await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // a raw click: pointing swallows the page's events
  await expect(shadow(tab, '[data-qadam-field="email"][data-qadam-taught]')).toHaveCount(1);
  const page = await fresh.context.newPage();
  await page.goto(`chrome-extension://${fresh.extensionId}/options.html`);
  await expect(page.locator('[data-taught-field="email"]')).toBeVisible();
  await page.evaluate(async () => {
    const c = (
      globalThis as unknown as {
        chrome: {
          storage: {
            local: {
              get(k: string): Promise<Record<string, { taught: Array<{ el: { words: string[] } }> }>>;
              set(o: object): Promise<void>;
            };
          };
        };
      }
    ).chrome;
    const t = (await c.storage.local.get('taught')).taught!;
    t.taught[0]!.el.words = ['почтовый', 'ящик', 'получателя'];
    await c.storage.local.set({ taught: t });
  });
  await page.close();
  await expect(shadow(tab, '[data-qadam-field="email"]:not([data-qadam-taught])')).toHaveCount(1);
  await expect
    .poll(async () => (await qadamState(fresh, tab))?.fields.find((f) => f.id === 'email'))
    .toMatchObject({ found: true, taught: 'lost' });
  const popup = await popupFor(fresh, tab);
  await expect(popup.locator('[data-qadam-taught-lost]')).toBeVisible();
});

const SECRETS = ['Sekret-Parol-4417', '770101300123', 'tainaya.pochta@example.kz'];

test('record a two-step guide, export it, import it in a fresh browser and be guided; nothing typed is kept', async ({ fresh, server }) => {
  const tab = await fresh.context.newPage();
  await tab.goto(at('login-div-ru.html', LOGIN_URL));
  await waitForStep(fresh, tab, ['sign-in', 'select-certificate']);
  expect(await tell(fresh, tab, { type: 'qadam:record', action: 'start' })).toEqual({ recording: true });
  await expect(shadow(tab, '[data-qadam-recording]')).toBeVisible();
  await tab.locator('[data-expect="password"]').pressSequentially(SECRETS[0]!, { delay: 5 });
  await tab.locator('[data-expect="password"]').blur();
  await tab.locator('[data-expect="select-certificate"]').click();
  await expect(shadow(tab, '[data-qadam-recording] li')).toHaveCount(2);

  await tab.goto(at('change-email-div-ru.html', CHANGE_EMAIL_URL));
  await expect(shadow(tab, '[data-qadam-recording]')).toBeVisible();
  await tab.locator('[data-expect="login"]').pressSequentially(SECRETS[1]!, { delay: 5 });
  await tab.locator('[data-expect="email"]').pressSequentially(SECRETS[2]!, { delay: 5 });
  await tab.locator('[data-expect="email"]').blur();
  await expect(shadow(tab, '[data-qadam-recording] li')).toHaveCount(2);
  await screenshot(tab, 'guides-recording-panel');

  const answer = await tell<{
    guide: {
      id: string;
      steps: Array<{
        id: string;
        match: { path?: string[]; hash?: string[] };
        fields: Array<{ kind: string; labels: string[]; inputTypes?: string[] }>;
      }>;
    };
  }>(fresh, tab, {
    type: 'qadam:record',
    action: 'stop',
    title: 'Смена e-mail в ЭСФ',
  });
  const guide = answer!.guide;
  expect(guide.id).toMatch(/^guide\./);
  expect(guide.steps.map((s) => s.id)).toEqual(['step-1', 'step-2']);
  expect(guide.steps[0]!.fields.map((f) => [f.kind, f.inputTypes?.[0] ?? null])).toEqual([
    ['input', 'password'],
    ['action', null],
  ]);
  expect(guide.steps[1]!.match.hash?.[0]).toContain('change-email');
  expect(guide.steps[1]!.fields.map((f) => f.inputTypes?.[0])).toEqual(['text', 'email']);
  await expect(shadow(tab, '[data-qadam-recording]')).toHaveCount(0);

  // neither storage nor the exported file holds a typed value or a query string
  const stored = JSON.stringify(await dumpStorage(fresh));
  for (const s of [...SECRETS, 'qadam-fixture']) expect(stored, `storage holds no ${s}`).not.toContain(s);
  const options = await fresh.context.newPage();
  await options.goto(`chrome-extension://${fresh.extensionId}/options.html`);
  await expect(options.locator(`[data-guide-id="${guide.id}"]`)).toBeVisible();
  const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-qadam-guide-export]').click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-guides-')), 'qadam-guides.json');
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  for (const s of [...SECRETS, 'qadam-fixture']) expect(text, `the file holds no ${s}`).not.toContain(s);
  expect(JSON.parse(text)).toMatchObject({ format: 'qadam-guide', version: 1, guides: [{ id: guide.id }] });

  // a fresh browser: import, follow it, and it guides the same pages
  const other = await launch(server);
  try {
    const opt = await other.context.newPage();
    await opt.goto(`chrome-extension://${other.extensionId}/options.html`);
    await opt.locator('[data-qadam-guide-import]').setInputFiles(file);
    await expect(opt.locator('[role="status"]').filter({ hasText: '1' })).toBeVisible();
    await expect(opt.locator(`[data-guide-id="${guide.id}"]`)).toBeVisible();
    const popup = await openPopup(other);
    await popup.locator('select[data-qadam-select-procedure]').selectOption(guide.id);
    await expect(popup.locator(`[data-procedure-id="${guide.id}"]`)).toBeVisible();
    await expect(popup.locator('[data-step-id="step-2"]')).toBeVisible();
    const t2 = await other.context.newPage();
    await t2.goto(at('login-div-ru.html', LOGIN_URL));
    const s1 = await waitForStep(other, t2, ['step-1']);
    expect(s1.procedure).toBe(guide.id);
    await expect(shadow(t2, '[data-qadam-field="field-1"]')).toHaveCount(1);
    await expect(shadow(t2, '[data-qadam-field="field-2"]')).toHaveCount(1);
    await t2.goto(at('change-email-div-ru.html', CHANGE_EMAIL_URL));
    const s2 = await waitForStep(other, t2, ['step-2']);
    expect(s2.fields.map((f) => f.found)).toEqual([true, true]);
    await expect(shadow(t2, '[data-qadam-field="field-2"]')).toHaveCount(1);
    await screenshot(t2, 'guides-imported-guide-step-2');
  } finally {
    await other.close();
  }
});

test('the popup starts a recording, shows it running and stops it with a name', async ({ fresh }) => {
  const tab = await fresh.context.newPage();
  await tab.goto(at('change-email-div-ru.html', CHANGE_EMAIL_URL));
  await waitForStep(fresh, tab, ['change-email']);
  const popup = await popupFor(fresh, tab);
  await popup.locator('[data-qadam-record]').click();
  await expect(shadow(tab, '[data-qadam-recording]')).toBeVisible();
  await tab.locator('[data-expect="email"]').pressSequentially(SECRETS[2]!, { delay: 5 });
  await tab.locator('[data-expect="email"]').blur();
  await expect(shadow(tab, '[data-qadam-recording] li')).toHaveCount(1);
  await popup.close();
  const again = await popupFor(fresh, tab);
  await again.locator('[data-qadam-record-title]').fill('Новый e-mail');
  await again.locator('[data-qadam-record-title]').scrollIntoViewIfNeeded();
  await screenshot(again, 'guides-popup-recording');
  await again.locator('[data-qadam-record-stop]').click();
  await expect(again.locator('.record [role="status"]')).toContainText('Новый e-mail');
  await expect(shadow(tab, '[data-qadam-recording]')).toHaveCount(0);
  const stored = await dumpStorage(fresh);
  expect(JSON.stringify(stored)).not.toContain(SECRETS[2]!);
  expect((stored.guides as { guides: Array<{ title: Record<string, string> }> }).guides.map((g) => Object.values(g.title)[0])).toEqual([
    'Новый e-mail',
  ]);
});

const JOURNAL_GUIDE = {
  format: 'qadam-guide',
  version: 1,
  guides: [
    {
      id: 'guide.esf-create-invoice',
      portal: 'esf',
      title: { ru: 'Выписать ЭСФ', kk: 'ЭШФ жазу', en: 'Issue an e-invoice' },
      steps: [
        {
          id: 'journal',
          title: { ru: 'Журнал счетов-фактур' },
          match: { path: ['^/esf-web/'], hash: ['^/invoice/journal'], text: [['Журнал счетов-фактур']] },
          fields: [
            {
              id: 'create',
              kind: 'action',
              labels: ['Создать ЭСФ'],
              hint: { ru: 'Нажмите «Создать ЭСФ», чтобы выписать новый счёт-фактуру.', en: 'Press «Создать ЭСФ» (create an e-invoice).' },
            },
          ],
        },
      ],
    },
  ],
};

test('a guide for a procedure that is not built in: the picker offers it and its fields are ringed with its own words', async ({
  fresh,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-guides-'));
  const file = path.join(dir, 'journal.json');
  fs.writeFileSync(file, JSON.stringify(JOURNAL_GUIDE));
  const opt = await fresh.context.newPage();
  await opt.goto(`chrome-extension://${fresh.extensionId}/options.html`);
  await opt.locator('[data-qadam-guide-import]').setInputFiles(file);
  await expect(opt.locator('[data-guide-id="guide.esf-create-invoice"]')).toBeVisible();
  const popup = await openPopup(fresh, 'ru');
  await popup.locator('select[data-qadam-select-procedure]').selectOption('guide.esf-create-invoice');
  await expect(popup.locator('[data-procedure-id="guide.esf-create-invoice"] h2')).toHaveText('Выписать ЭСФ');
  const tab = await fresh.context.newPage();
  await tab.goto(at('journal-div-ru.html', 'https://esf.gov.kz:8443/esf-web/#!/invoice/journal?direction=INBOUND'));
  const s = await waitForStep(fresh, tab, ['journal']);
  expect(s.procedure).toBe('guide.esf-create-invoice');
  await expect(shadow(tab, '[data-qadam-field="create"]')).toHaveCount(1);
  await expect(shadow(tab, '[role="tooltip"][data-for="create"]')).toContainText('Нажмите «Создать ЭСФ»');
  await screenshot(tab, 'guides-journal-guide');

  // the options page edits it: a hint in another language, saved after the file check
  await opt.reload();
  const edit = opt.locator('[data-guide-edit="guide.esf-create-invoice"]');
  await edit.locator('summary').click();
  await edit.locator('[data-guide-hint="create:ru"]').fill('Новая подсказка: кнопка «Создать ЭСФ» над журналом.');
  await edit.locator('[data-guide-save]').click();
  await expect(edit.locator('[role="status"]')).toBeVisible();
  await screenshot(opt, 'guides-options-editor');
  await tab.reload();
  await expect(shadow(tab, '[role="tooltip"][data-for="create"]')).toContainText('Новая подсказка', { timeout: 10_000 });
});

/** a guide of two steps with texts in some languages only (the others fall back to English) */
const HANDOUT_GUIDE = {
  format: 'qadam-guide',
  version: 1,
  guides: [
    {
      id: 'guide.esf-email-change',
      portal: 'esf',
      title: { ru: 'Сменить e-mail в ЭСФ', en: 'Change the e-mail in ESF' },
      steps: [
        {
          // a step id the catalogue also has: a guide still gets no replica page
          id: 'login',
          title: { ru: 'Вход в ЭСФ', en: 'Sign in to ESF' },
          match: { path: ['^/esf-web/login'] },
          fields: [
            {
              id: 'iin',
              kind: 'input',
              labels: ['ИИН'],
              rule: 'iin',
              hint: { ru: 'Введите ваш ИИН — 12 цифр.', en: 'Type your IIN: 12 digits.' },
            },
            { id: 'enter', kind: 'action', labels: ['Войти'] },
          ],
        },
        {
          id: 'new-email',
          title: { en: 'New e-mail' },
          match: { hash: ['^/change-email'] },
          fields: [
            {
              id: 'email',
              kind: 'input',
              labels: ['Новый e-mail', 'Email'],
              rule: 'email',
              hint: { en: 'The address where ESF will write to you.' },
            },
          ],
        },
      ],
    },
  ],
};

test("an imported guide prints as a handout and shows in the sandbox as cards, in the user's language with fallback", async ({ fresh }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-guides-'));
  const file = path.join(dir, 'email.json');
  fs.writeFileSync(file, JSON.stringify(HANDOUT_GUIDE));
  const opt = await fresh.context.newPage();
  await opt.goto(`chrome-extension://${fresh.extensionId}/options.html`);
  await opt.locator('[data-qadam-guide-import]').setInputFiles(file);
  await expect(opt.locator('[data-guide-id="guide.esf-email-change"]')).toBeVisible();
  const base = `chrome-extension://${fresh.extensionId}`;

  // the handout: every step in order, its title and its field hints from the guide (text only)
  const handout = await fresh.context.newPage();
  await handout.goto(`${base}/handout.html?lang=ru#/guide.esf-email-change`);
  await expect(handout.locator('body[data-qadam-ready="true"]')).toHaveCount(1);
  expect(await handout.locator('[data-step-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).toEqual([
    'login',
    'new-email',
  ]);
  await expect(handout.locator('h1')).toHaveText('Сменить e-mail в ЭСФ');
  await expect(handout.locator('[data-step-id="login"] h2')).toContainText('Вход в ЭСФ');
  await expect(handout.locator('[data-step-id="login"] [data-guide-field="iin"]')).toHaveText('ИИН — Введите ваш ИИН — 12 цифр.');
  await expect(handout.locator('[data-step-id="login"] [data-guide-field="enter"]')).toHaveText('Войти');
  // no Russian text for the second step: the guide's English
  await expect(handout.locator('[data-step-id="new-email"] h2')).toContainText('New e-mail');
  await expect(handout.locator('[data-step-id="new-email"] [data-guide-field="email"]')).toHaveText(
    'Email — The address where ESF will write to you.',
  );
  await expect(handout.locator('[data-qadam-guide]')).toBeVisible();
  // no replica picture of the catalogue's «login» page for the guide's step of that name
  await expect(handout.locator('figure iframe')).toHaveCount(0);
  await screenshot(handout, 'guides-handout');

  // the sandbox: each step a card, the bar naming the guide and the step
  const sandbox = await fresh.context.newPage();
  await sandbox.goto(`${base}/sandbox.html?lang=ru#/guide.esf-email-change/login`);
  const bar = sandbox.locator('qadam-sandbox >> .bar');
  await expect(bar).toHaveAttribute('data-procedure-id', 'guide.esf-email-change');
  await expect(bar).toHaveAttribute('data-step-id', 'login');
  await expect(sandbox.locator('body[data-qadam-shown="guide.esf-email-change/login"]')).toHaveCount(1);
  const card = sandbox.locator('qadam-sandbox >> [data-qadam-guide][data-qadam-manual="login"]');
  await expect(card.locator('h1')).toHaveText('Вход в ЭСФ');
  await expect(card.locator('[data-guide-field="iin"]')).toHaveText('ИИН — Введите ваш ИИН — 12 цифр.');
  // no replica page was put in: the page holds the sandbox only
  expect(await sandbox.evaluate(() => document.querySelectorAll('body input, body form').length)).toBe(0);
  await expect(sandbox.locator('qadam-sandbox >> select[data-qadam-sandbox-procedure]')).toHaveValue('guide.esf-email-change');
  await screenshot(sandbox, 'guides-sandbox-card');
  await sandbox.locator('qadam-sandbox >> [data-qadam-next]').click();
  await expect(bar).toHaveAttribute('data-step-id', 'new-email');
  await expect(sandbox.locator('qadam-sandbox >> [data-qadam-manual="new-email"] [data-guide-field="email"]')).toContainText(
    'The address where ESF will write to you.',
  );
  expect(sandbox.url()).toContain('#/guide.esf-email-change/new-email');
  await screenshot(sandbox, 'guides-sandbox-card-2');

  // a guide's step that does not exist, and a guide that is not there, are said so
  await sandbox.goto(`${base}/sandbox.html?lang=ru#/guide.not-imported/login`);
  await expect(sandbox.locator('qadam-sandbox >> [data-qadam-unknown="guide.not-imported"]')).toBeVisible();
  await expect(sandbox.locator('qadam-sandbox >> .bar')).not.toHaveAttribute('data-procedure-id', /.+/);
});

test(
  'a guide naming another government site: «Allow Qadam on <host>» in the options page, nothing asked ' + 'or registered before the click',
  async ({ fresh }) => {
    // The click's browser prompt (permissions.request) cannot be answered from a test: what follows
    // the answer is the next test (and tests/unit/guide-host.test.ts); here: the manifest asks for no
    // broad host at install, the button is offered, and nothing is granted or registered until the click.
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions).toContain('scripting');
    const withHost = structuredClone(JOURNAL_GUIDE) as unknown as { guides: Array<Record<string, unknown>> };
    withHost.guides[0]!.id = 'guide.new-site';
    withHost.guides[0]!.host = 'new.gov.kz';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-guides-'));
    const file = path.join(dir, 'host.json');
    fs.writeFileSync(file, JSON.stringify(withHost));
    const opt = await fresh.context.newPage();
    await opt.goto(`chrome-extension://${fresh.extensionId}/options.html`);
    await opt.locator('[data-qadam-guide-import]').setInputFiles(file);
    const allow = opt.locator('[data-guide-id="guide.new-site"] [data-qadam-allow-host="new.gov.kz"]');
    await expect(allow).toBeVisible();
    await expect(allow).toContainText('new.gov.kz');
    await allow.scrollIntoViewIfNeeded();
    await screenshot(opt, 'guides-allow-host');
    const sw = await fresh.serviceWorker();
    const state = await sw.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: {
            permissions: { contains(p: object): Promise<boolean> };
            scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
          };
        }
      ).chrome;
      return {
        granted: await c.permissions.contains({ origins: ['https://new.gov.kz/*'] }),
        scripts: await c.scripting.getRegisteredContentScripts(),
      };
    });
    expect(state).toEqual({ granted: false, scripts: [] });

    // a file naming a host outside the government zones is refused whole
    withHost.guides[0]!.host = 'example.com';
    fs.writeFileSync(file, JSON.stringify(withHost));
    await opt.locator('[data-qadam-guide-import]').setInputFiles(file);
    await expect(opt.locator('[role="alert"]')).toContainText('guides[0].host');
  },
);

test(
  "after the user allowed a guide's host: the portal script is registered for that origin and runs " + 'that guide there, only that one',
  async ({ server }) => {
    // The browser's «Allow» cannot be clicked from a test: a copy of the build whose manifest already
    // holds the one origin stands for the user's answer (permissions.contains is then true).
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-host-ext-'));
    fs.cpSync(EXTENSION_DIR, copy, { recursive: true });
    const mf = path.join(copy, 'manifest.json');
    fs.writeFileSync(mf, JSON.stringify({ ...JSON.parse(fs.readFileSync(mf, 'utf8')), host_permissions: ['https://new.gov.kz/*'] }));
    const q = await launch(server, {
      extensionDir: copy,
      extraArgs: [`--host-resolver-rules=${server.hostResolverRules}, MAP new.gov.kz 127.0.0.1:${server.port}`],
    });
    try {
      const withHost = structuredClone(JOURNAL_GUIDE) as unknown as { guides: Array<Record<string, unknown>> };
      withHost.guides[0]!.id = 'guide.new-site';
      withHost.guides[0]!.host = 'new.gov.kz';
      // the same guide without a host, first in the file: it stays on the ESF hosts and is not followed here
      withHost.guides.unshift(structuredClone(JOURNAL_GUIDE.guides[0]) as Record<string, unknown>);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-guides-'));
      const file = path.join(dir, 'host.json');
      fs.writeFileSync(file, JSON.stringify(withHost));
      const opt = await q.context.newPage();
      await opt.goto(`chrome-extension://${q.extensionId}/options.html`);
      await opt.locator('[data-qadam-guide-import]').setInputFiles(file);
      await expect(opt.locator('[data-guide-id="guide.new-site"] [data-qadam-host-allowed="new.gov.kz"]')).toBeVisible();
      const sw = await q.serviceWorker();
      await expect
        .poll(() =>
          sw.evaluate(async () =>
            (
              await (
                globalThis as unknown as {
                  chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> } };
                }
              ).chrome.scripting.getRegisteredContentScripts()
            ).map((x) => [x.id, x.matches]),
          ),
        )
        .toEqual([['qadam-guide-host-new.gov.kz', ['https://new.gov.kz/*']]]);
      const tab = await q.context.newPage();
      await tab.goto(at('journal-div-ru.html', 'https://new.gov.kz/esf-web/#!/invoice/journal?direction=INBOUND'));
      const s = await waitForStep(q, tab, ['journal']);
      expect(s.procedure).toBe('guide.new-site');
      await expect(shadow(tab, '[data-qadam-field="create"]')).toHaveCount(1);
      await expect(shadow(tab, '[role="tooltip"][data-for="create"]')).toContainText('Press «Создать ЭСФ» (create an e-invoice).');
      await screenshot(tab, 'guides-own-host');
    } finally {
      await q.close();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  },
);

test('a hostile guide file is refused with an alert naming what is wrong, and storage is unchanged', async ({ fresh }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-guides-'));
  const opt = await fresh.context.newPage();
  await opt.goto(`chrome-extension://${fresh.extensionId}/options.html`);
  await opt.locator('[data-qadam-guide-import]').waitFor({ state: 'attached' });
  const before = JSON.stringify(await dumpStorage(fresh));
  const bad = structuredClone(JOURNAL_GUIDE) as unknown as { guides: Array<{ steps: Array<{ match: { path: string[] } }> }> };
  bad.guides[0]!.steps[0]!.match.path = ['^(a+)+$'];
  const file = path.join(dir, 'bad.json');
  fs.writeFileSync(file, JSON.stringify(bad));
  await opt.locator('[data-qadam-guide-import]').setInputFiles(file);
  await expect(opt.locator('[role="alert"]')).toContainText('guides[0].steps[0].match.path[0]');
  await screenshot(opt, 'guides-import-refused');
  expect(JSON.stringify(await dumpStorage(fresh))).toBe(before);
  await expect(opt.locator('[data-guide-id]')).toHaveCount(0);
});

test('a guide preloaded by policy (key guides) appears in the options page and the popup', async ({ server }) => {
  test.skip(!canWritePolicies(), `no write access to ${POLICY_DIR}: run as root to test managed policies`);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-managed-ext-'));
  fs.cpSync(EXTENSION_DIR, copy, { recursive: true });
  const id = extensionIdOf(copy);
  const policyFile = path.join(POLICY_DIR, `qadam-e2e-guides-${id}.json`);
  fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: { guides: JOURNAL_GUIDE.guides } } } }));
  const q = await launch(server, { extensionDir: copy });
  try {
    const opt = await q.context.newPage();
    await opt.goto(`chrome-extension://${id}/options.html`);
    await expect(opt.locator('[data-guide-id="guide.esf-create-invoice"][data-from-policy]')).toBeVisible({ timeout: 20_000 });
    const popup = await q.context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await expect(popup.locator('select[data-qadam-select-procedure] option[value="guide.esf-create-invoice"]')).toHaveCount(1);
  } finally {
    await q.close();
    fs.rmSync(policyFile, { force: true });
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
