/**
 * Profiles with the built extension: created in the options page, switched in the popup,
 * progress kept per profile across a browser restart, the first enterprise named on the ESF
 * registration data page, the wrong-company and already-registered warnings in the overlay,
 * export then import, refused imports that change nothing, and no typed value in storage.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launch } from './browser';
import {
  dumpStorage,
  expect,
  fixtureUrl,
  iinCheckDigit,
  loadCases,
  openPopup,
  screenshot,
  test,
  typeInto,
  waitForStep,
  type Case,
  type Qadam,
} from './harness';

const kz = (first11: string) => first11 + String(iinCheckDigit(first11));
/** the replica of ESF «Шаг 2 - регистрационные данные»: BIN 190540028173, head's IIN 781105301459 */
const PAGE_BIN = '190540028173';
const HEAD = '781105301459';
const OTHER_BIN = kz('10044000123');

const esfCase = (file: string): Case => loadCases('esf').find((c) => c.file === file)!;
const caseOf = (dir: string, file: string): Case => loadCases(dir).find((c) => c.file === file)!;

async function openOptions(q: Qadam): Promise<Page> {
  const page = await q.context.newPage();
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.goto(`chrome-extension://${q.extensionId}/options.html`);
  await page.locator('[data-qadam-new-profile]').waitFor();
  return page;
}

/** put values into chrome.storage.local from an extension page (a state a user could have made) */
async function seed(q: Qadam, items: Record<string, unknown>): Promise<void> {
  const page = await q.context.newPage();
  try {
    await page.goto(`chrome-extension://${q.extensionId}/popup.html`);
    await page.evaluate(async (v) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(x: unknown): Promise<void> } } } }).chrome;
      await c.storage.local.set(v);
    }, items);
  } finally {
    await page.close();
  }
}

const profile = (id: string, name: string, identifier: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  country: 'KZ',
  kind: 'legal',
  identifier,
  facts: {},
  createdAt: 1,
  ...extra,
});

async function seedProfiles(q: Qadam, list: unknown[], active: string, followed?: string, lang = 'ru'): Promise<void> {
  await seed(q, {
    profiles: { list, active },
    profiles$: { v: 1 },
    progress: {
      byProfile: followed
        ? { [active]: { active: followed, procedures: { [followed]: { step: null, seenAt: null, done: {} } }, notice: null } }
        : {},
      notice: null,
    },
    progress$: { v: 2 },
    settings: { lang },
  });
}

/**
 * The overlay's warnings: kind → text. The text is drawn in the warning's private frame (an
 * extension page the portal page cannot read, issue 15): read there, as the user sees it.
 */
async function warnings(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const boxes = page.locator('qadam-overlay [data-qadam-warning]');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const kind = (await box.getAttribute('data-qadam-warning').catch(() => null)) ?? '?';
    out[kind] =
      (await box
        .locator('iframe[data-qadam-private]')
        .contentFrame()
        .locator('body')
        .textContent({ timeout: 5000 })
        .catch(() => '')) ?? '';
  }
  return out;
}

async function addProfile(
  page: Page,
  p: { name: string; kind?: string; country?: string; identifier: string; headId?: string; headName?: string },
): Promise<void> {
  await page.locator('[data-qadam-new-profile]').click();
  const form = page.locator('[data-qadam-profile-form]');
  await form.locator('input[name=name]').fill(p.name);
  if (p.country) await form.locator('select[name=country]').selectOption(p.country);
  if (p.kind) await form.locator('select[name=kind]').selectOption(p.kind);
  await form.locator('input[name=identifier]').fill(p.identifier);
  if (p.headName) await form.locator('input[name=head-name]').fill(p.headName);
  if (p.headId) await form.locator('input[name=head-id]').fill(p.headId);
  await form.locator('[data-qadam-save-profile]').click();
  await expect(form).toHaveCount(0);
}

test('profiles are created in the options page, identifiers are checked and explained', async ({ fresh }) => {
  const page = await openOptions(fresh);
  // a wrong check digit is refused with the reason, and nothing is saved
  await page.locator('[data-qadam-new-profile]').click();
  const form = page.locator('[data-qadam-profile-form]');
  await form.locator('input[name=name]').fill('Broken LLP');
  await form.locator('input[name=identifier]').fill('190540028174');
  await expect(form.locator('#pf-id-help')).toContainText(/last digit/i);
  await form.locator('[data-qadam-save-profile]').click();
  await expect(form).toBeVisible();
  await screenshot(page, 'options-profile-invalid');
  await form.locator('input[name=identifier]').fill(PAGE_BIN);
  await expect(form.locator('#pf-id-help')).toContainText('05.2019');
  await form.locator('button', { hasText: /cancel/i }).click();

  await addProfile(page, { name: 'Karasu Logistic LLP', identifier: PAGE_BIN, headId: HEAD, headName: 'Akhmetov Yerzhan' });
  await addProfile(page, { name: 'Akhmetov Yerzhan', kind: 'individual', identifier: HEAD });
  await addProfile(page, { name: 'Samarqand Savdo', country: 'UZ', identifier: '305123456' });
  const cards = page.locator('[data-profile-id]');
  await expect(cards).toHaveCount(3);
  // the first one created is active; a person's IIN is decoded to birth date and sex
  await expect(cards.filter({ hasText: 'Karasu Logistic LLP' })).toHaveAttribute('data-active', 'true');
  await expect(cards.filter({ hasText: 'Akhmetov Yerzhan' }).filter({ hasText: 'IIN' })).toContainText('05/11/1978');
  await expect(cards.filter({ hasText: 'Karasu' })).toContainText(/resident legal entity, head office/);
  // search and sort
  await page.locator('[data-qadam-profile-search]').fill('3051');
  await expect(cards).toHaveCount(1);
  await page.locator('[data-qadam-profile-search]').fill('');
  await page.locator('[data-qadam-profile-sort]').selectOption('identifier');
  await expect(cards.first()).toContainText('190540028173');
  await screenshot(page, 'options-profiles');
  const stored = JSON.stringify(await dumpStorage(fresh));
  expect(stored).toContain('Karasu Logistic LLP');
  expect(stored).not.toContain('190540028174');
});

test('the popup switches the active profile and keeps progress per profile across a restart', async ({ server }) => {
  const first = await launch(server);
  let second: Awaited<ReturnType<typeof launch>> | null = null;
  try {
    await seedProfiles(
      first,
      [profile('p-alpha', 'Alpha LLP', PAGE_BIN), profile('p-beta', 'Beta LLP', OTHER_BIN)],
      'p-alpha',
      undefined,
      'en',
    );
    const popup = await openPopup(first);
    await expect(popup.locator('[data-active-profile="p-alpha"]')).toContainText('Alpha LLP');
    await popup.locator('select[data-qadam-select-procedure]').selectOption('oofd.connect-kkm-wireless');
    await popup.locator('[data-step-id="check-coverage"] input[type=checkbox]').check();
    await expect(popup.locator('.step-for')).toContainText('Alpha LLP');

    // switch by typing part of the BIN and pressing Enter
    const filter = popup.locator('[data-qadam-profile-filter]');
    await filter.fill(OTHER_BIN.slice(0, 6));
    await expect(popup.locator('[data-profile-option]')).toHaveCount(1);
    await filter.press('ArrowDown');
    await filter.press('Enter');
    await expect(popup.locator('[data-active-profile="p-beta"]')).toBeVisible();
    await popup.locator('select[data-qadam-select-procedure]').selectOption('oofd.connect-kkm-wireless');
    await expect(popup.locator('[data-step-id="check-coverage"]')).not.toHaveAttribute('data-done', 'true');
    await popup.locator('[data-step-id="buy-kkm"] input[type=checkbox]').check();
    await popup.evaluate(() => window.scrollTo(0, 0));
    await screenshot(popup, 'popup-profile-switched');
    await first.closeKeepingProfile();

    second = await launch(server, { userDataDir: first.userDataDir });
    const again = await openPopup(second);
    await expect(again.locator('[data-active-profile="p-beta"]')).toBeVisible();
    await expect(again.locator('[data-step-id="buy-kkm"]')).toHaveAttribute('data-done', 'true');
    await expect(again.locator('[data-step-id="check-coverage"]')).not.toHaveAttribute('data-done', 'true');
    await again.locator('[data-qadam-profile-filter]').fill('alpha');
    await again.locator('[data-profile-option="p-alpha"]').click();
    await expect(again.locator('[data-active-profile="p-alpha"]')).toBeVisible();
    await expect(again.locator('[data-step-id="check-coverage"]')).toHaveAttribute('data-done', 'true');
    await expect(again.locator('[data-step-id="buy-kkm"]')).not.toHaveAttribute('data-done', 'true');
  } finally {
    await (second ?? first).close();
  }
});

test('on the ESF registration data of a second enterprise, the hint names the first enterprise', async ({ fresh }) => {
  const at = Date.UTC(2025, 2, 12, 9);
  await seedProfiles(
    fresh,
    [
      profile('p-first', 'Alpha LLP', kz('17014000321'), { head: { id: HEAD }, facts: { esf: { at } } }),
      profile('p-karasu', 'Karasu Logistic LLP', PAGE_BIN, { head: { id: HEAD } }),
    ],
    'p-karasu',
    'esf.second-enterprise',
  );
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(esfCase('regdata-div-ru.html')));
  await waitForStep(fresh, tab, ['registration-data'], 15_000);
  const tip = tab.locator('qadam-overlay [role=tooltip]:not([hidden])');
  // the name and date are in the tooltip's private frame, not in the page
  const first = tip.locator('iframe[data-qadam-private]').contentFrame().locator('[role=status]');
  await expect(first).toContainText('«Alpha LLP»');
  await expect(first).toContainText('12.03.2025');
  await expect(tip).not.toContainText('Alpha LLP');
  expect(await warnings(tab), 'the page shows the active profile’s own BIN: no wrong-company warning').toEqual({});
  await screenshot(tab, 'esf-first-enterprise-hint');
});

test('a page showing another BIN warns and offers to switch to the matching profile', async ({ fresh }) => {
  await seedProfiles(
    fresh,
    [profile('p-other', 'Other LLP', OTHER_BIN), profile('p-karasu', 'Karasu Logistic LLP', PAGE_BIN)],
    'p-other',
    'esf.legal-entity-after-individual',
  );
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(esfCase('regdata-div-ru.html')));
  await waitForStep(fresh, tab, ['registration-data'], 15_000);
  await expect.poll(async () => (await warnings(tab))['wrong-company'] ?? '').toContain(PAGE_BIN);
  const w = tab.locator('qadam-overlay [data-qadam-warning="wrong-company"]');
  const inside = w.locator('iframe[data-qadam-private]').contentFrame();
  await expect(inside.locator('[role=alert]')).toContainText('Karasu Logistic LLP');
  await expect(w, 'the page’s side of the warning names no profile').not.toContainText('Karasu');
  await screenshot(tab, 'esf-wrong-company');
  // the switch is a button inside the frame: the user's own click
  await inside.locator('button.act').click();
  await expect.poll(async () => ((await dumpStorage(fresh)).profiles as { active: string }).active).toBe('p-karasu');
  await expect.poll(async () => Object.keys(await warnings(tab))).toEqual([]);
  // the BIN the page showed is compared, never stored
  const stored = JSON.stringify(await dumpStorage(fresh));
  expect(stored.split(PAGE_BIN).length - 1, 'the BIN is stored once: as the profile’s own identifier').toBe(1);
});

test('OneID: choosing another legal entity than the active profile’s is flagged', async ({ fresh }) => {
  await seed(fresh, {
    profiles: {
      list: [{ id: 'p-uz', name: 'Toshkent Savdo', country: 'UZ', kind: 'legal', identifier: '301999888', facts: {}, createdAt: 1 }],
      active: 'p-uz',
    },
    profiles$: { v: 1 },
    settings: { lang: 'uz' },
  });
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(caseOf('oneid', 'role-select-ru.html')));
  await waitForStep(fresh, tab, ['choose-role'], 15_000);
  expect(await warnings(tab), 'the individual role is chosen: nothing to compare').toEqual({});
  // chosen by keyboard, as a user does: warnings follow trusted input only (Playwright's selectOption
  // dispatches synthetic events, which a page script could forge too)
  await tab.locator('select#roleId').focus();
  await tab.keyboard.press('ArrowDown');
  await expect(tab.locator('select#roleId')).not.toHaveValue(
    (await tab.locator('select#roleId option').first().getAttribute('value')) ?? '',
  );
  await expect.poll(async () => (await warnings(tab))['wrong-company'] ?? '').toContain('305123456');
  await screenshot(tab, 'oneid-wrong-company');
});

test('Single Window self-registration warns before the start when the BIN is already registered there', async ({ fresh }) => {
  await seedProfiles(
    fresh,
    [profile('p-aral', 'Aral Export Trade', PAGE_BIN, { facts: { singlewindow: { at: Date.UTC(2024, 10, 5) } } })],
    'p-aral',
    'singlewindow.self-registration',
  );
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(caseOf('singlewindow', 'home-menu-ru.html')));
  await waitForStep(fresh, tab, ['open-self-registration'], 15_000);
  await expect.poll(async () => (await warnings(tab))['already-registered'] ?? '').toContain('Aral Export Trade');
  expect((await warnings(tab))['already-registered']).toMatch(/приглас/i);
  await screenshot(tab, 'singlewindow-already-registered');
  const popup = await openPopup(fresh);
  await expect(popup.locator('[data-qadam-warning="already-registered"]')).toContainText('Aral Export Trade');
});

test('export then import gives the same profiles; a faulty import is refused and changes nothing', async ({ fresh }) => {
  const page = await openOptions(fresh);
  await addProfile(page, { name: 'Karasu Logistic LLP', identifier: PAGE_BIN, headId: HEAD });
  await addProfile(page, { name: 'Samarqand Savdo', country: 'UZ', identifier: '305123456' });
  const before = (await dumpStorage(fresh)).profiles;

  const download = page.waitForEvent('download');
  await page.locator('[data-qadam-export]').click();
  const file = path.join(os.tmpdir(), `qadam-export-${process.pid}-${Date.now()}.json`);
  await (await download).saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; version: number; profiles: unknown[] };
  expect(exported).toMatchObject({ format: 'qadam-profiles', version: 1 });
  expect(exported.profiles).toHaveLength(2);

  // delete both, then import the file: the same profiles come back
  for (let i = 0; i < 2; i++) {
    await page.locator('[data-profile-id] [data-qadam-delete]').first().click();
    await page.locator('[role=alertdialog] button.danger').click();
  }
  await expect(page.locator('[data-profile-id]')).toHaveCount(0);
  await page.locator('[data-qadam-import]').setInputFiles(file);
  await expect(page.locator('[role=status].result')).toContainText('2');
  await expect(page.locator('[data-profile-id]')).toHaveCount(2);
  expect((await dumpStorage(fresh)).profiles).toEqual(before);

  // a CSV with a bad check digit in row 3: refused, storage exactly as before
  const snapshot = await dumpStorage(fresh);
  await page.locator('[data-qadam-import]').setInputFiles({
    name: 'list.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`name;identifier\nNew LLP;${OTHER_BIN}\nBroken LLP;190540028174\n`),
  });
  const alert = page.locator('[role=alert].result');
  await expect(alert).toContainText(/Row 3/);
  await screenshot(page, 'options-import-refused');
  expect(await dumpStorage(fresh)).toEqual(snapshot);
  fs.rmSync(file, { force: true });
});

test('with profiles active, typing into portal fields leaves no typed value in storage', async ({ fresh }) => {
  await seedProfiles(
    fresh,
    [profile('p-karasu', 'Karasu Logistic LLP', PAGE_BIN, { head: { id: HEAD } })],
    'p-karasu',
    'esf.second-enterprise',
  );
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(esfCase('regdata-div-ru.html')));
  await waitForStep(fresh, tab, ['registration-data'], 15_000);
  const typed = ['Zx9!secret-Pass', '+7 701 555 0199', 'typed.mail@example.kz'];
  await typeInto(tab, 'input[type=password]', typed[0]!);
  await typeInto(tab, 'input[type=tel]', typed[1]!);
  await typeInto(tab, 'input[id$="j_idt15"]', typed[2]!);
  await tab.keyboard.press('Tab');
  await expect.poll(async () => JSON.stringify(await dumpStorage(fresh))).toContain('registration-data');
  const stored = JSON.stringify(await dumpStorage(fresh));
  for (const v of typed) expect(stored).not.toContain(v);
});

/** a date `days` from today (the browser's calendar day) as YYYY-MM-DD */
const inDays = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('keys expiring within 30 days are listed soonest first in the popup and the options page, with a one-click renewal', async ({
  fresh,
}) => {
  const THIRD = kz('11024000789');
  const FOURTH = kz('12034000321');
  await seedProfiles(
    fresh,
    [
      profile('p-later', 'Later LLP', PAGE_BIN, { keysExpire: inDays(45) }),
      profile('p-soon', 'Soon LLP', OTHER_BIN, { keysExpire: inDays(12) }),
      profile('p-none', 'No Date LLP', THIRD),
      profile('p-gone', 'Expired LLP', FOURTH, { keysExpire: inDays(-3) }),
    ],
    'p-later',
    undefined,
    'ru',
  );
  const popup = await openPopup(fresh);
  const items = popup.locator('[data-keys-expiring]');
  await expect(items).toHaveCount(2);
  expect(
    await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-keys-expiring'), e.getAttribute('data-days-left')])),
  ).toEqual([
    ['p-gone', '-3'],
    ['p-soon', '12'],
  ]);
  await expect(items.first()).toContainText('Expired LLP');
  await screenshot(popup, 'popup-keys-expiring');

  // one click: that company becomes active and follows the renewal
  await popup.locator('[data-keys-expiring="p-soon"] [data-qadam-renew]').click();
  await expect(popup.locator('[data-active-profile]')).toHaveAttribute('data-active-profile', 'p-soon');
  await expect(popup.locator('[data-procedure-id]')).toHaveAttribute('data-procedure-id', 'nca.reissue-eds');
  const stored = (await dumpStorage(fresh)) as { progress: { byProfile: Record<string, { active: string }> } };
  expect(stored.progress.byProfile['p-soon']!.active).toBe('nca.reissue-eds');
  await screenshot(popup, 'popup-keys-renewal-started');

  // the options page: the same list; a CSV with keys_expire adds one; sorting by keys expiry
  const page = await openOptions(fresh);
  await expect(page.locator('[data-keys-expiring]')).toHaveCount(2);
  const FIFTH = kz('13044000555');
  const [y, m, d] = inDays(5).split('-');
  await page.locator('[data-qadam-import]').setInputFiles({
    name: 'keys.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`name;identifier;keys_expire\nFive Days LLP;${FIFTH};${d}.${m}.${y}\n`),
  });
  await expect(page.locator('[role=status].result')).toBeVisible();
  await expect(page.locator('[data-keys-expiring]')).toHaveCount(3);
  expect(await page.locator('[data-keys-expiring]').evaluateAll((els) => els.map((e) => e.getAttribute('data-days-left')))).toEqual([
    '-3',
    '5',
    '12',
  ]);
  await page.locator('[data-qadam-profile-sort]').selectOption('keys');
  const order = await page.locator('[data-profile-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-profile-id')));
  expect(order.slice(0, 2)).toEqual(['p-gone', expect.stringMatching(/^p-/)]);
  expect(order[order.length - 1]).toBe('p-none');
  await screenshot(page, 'options-keys-expiring');

  // an absurd date in a CSV is refused and changes nothing
  const snapshot = await dumpStorage(fresh);
  await page.locator('[data-qadam-import]').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`name;identifier;keys_expire\nBad LLP;${kz('14054000111')};9999-12-31\n`),
  });
  await expect(page.locator('[role=alert].result')).toContainText('9999-12-31');
  expect(await dumpStorage(fresh)).toEqual(snapshot);
});

test('a stored date out of range (1e20, as an old import could leave) neither crashes the list nor the edit form', async ({ fresh }) => {
  await seedProfiles(
    fresh,
    [profile('p-karasu', 'Karasu Logistic LLP', PAGE_BIN, { facts: { esf: { at: 1e20 }, oofd: { at: Date.UTC(2024, 1, 1) } } })],
    'p-karasu',
  );
  const page = await openOptions(fresh);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const card = page.locator('[data-profile-id="p-karasu"]');
  await expect(card).toContainText('Karasu Logistic LLP');
  await card.locator('[data-qadam-edit]').click();
  const form = page.locator('[data-qadam-profile-form]');
  await expect(form).toBeVisible();
  // the bad date is dropped alone; the good one is kept and shown
  await expect(form.locator('input[name=fact-esf]')).not.toBeChecked();
  await expect(form.locator('input[name="fact-oofd-date"]')).toHaveValue('2024-02-01');
  await expect(form.locator('input[name="fact-oofd-date"]')).toHaveAttribute('min', '2000-01-01');
  expect(errors).toEqual([]);
});
