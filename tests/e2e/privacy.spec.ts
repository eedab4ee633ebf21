/**
 * Nothing typed into a portal field is kept, and nothing in the portal's own DOM is changed.
 */
import type { Page } from '@playwright/test';
import {
  dumpStorage,
  expect,
  expectRingEncloses,
  fixtureName,
  fixtureSource,
  fixtureUrl,
  loadCases,
  overlay,
  test,
  waitForStep,
  type Case,
  type Qadam,
} from './harness';

const cases = loadCases();
const pick = (step: string, fields: string[]): Case | undefined =>
  cases.find((c) => c.lang === 'ru' && c.steps.includes(step) && fields.every((f) => (c.fields[step] ?? []).includes(f))) ??
  cases.find((c) => c.steps.includes(step) && fields.every((f) => (c.fields[step] ?? []).includes(f)));

const SECRET = 'Zq-secret-123!';
const IIN = '900101300097'; // check digit 7, see rules.spec.ts
const EMAIL = 'zq.private.mailbox@example.kz';

async function fill(page: Page, field: string, value: string): Promise<void> {
  const sel = `[data-expect="${field}"]`;
  const tag = await page
    .locator(sel)
    .first()
    .evaluate((e) => e.tagName);
  const input = page.locator(/^(INPUT|TEXTAREA)$/.test(tag) ? sel : `${sel} input`).first();
  await input.click();
  await input.pressSequentially(value, { delay: 5 });
  await input.blur();
}

async function visit(q: Qadam, c: Case, step: string, values: Record<string, string>): Promise<Page> {
  const page = await q.context.newPage();
  await page.goto(fixtureUrl(c));
  await waitForStep(q, page, [step], 15_000);
  for (const [field, value] of Object.entries(values)) {
    await expectRingEncloses(page, field, 10_000);
    await fill(page, field, value);
  }
  return page;
}

test('chrome.storage holds none of the values typed into portal fields', async ({ fresh }) => {
  const account = pick('change-email', ['login', 'email']) ?? pick('reset-password', ['login', 'email']);
  const newPassword = pick('new-password', ['password', 'password-repeat']);
  const registration = pick('registration-data', ['password']);
  expect(
    account && newPassword && registration,
    'replicas of change-email/reset-password, new-password and registration-data',
  ).toBeTruthy();

  const pages = [
    await visit(fresh, registration!, 'registration-data', { password: SECRET }),
    await visit(fresh, account!, account!.steps.includes('change-email') ? 'change-email' : 'reset-password', { login: IIN, email: EMAIL }),
    await visit(fresh, newPassword!, 'new-password', { password: SECRET, 'password-repeat': SECRET }),
  ];
  // the progress of these visits is written (so we look at the right storage, after the writes)
  await expect.poll(async () => JSON.stringify(await dumpStorage(fresh))).toContain('new-password');
  await pages[2]!.waitForTimeout(1_000);

  for (const page of pages) {
    const o = await overlay(page);
    const shown = JSON.stringify(o);
    for (const v of [SECRET, IIN, EMAIL]) expect(shown, `the overlay never shows the typed ${v}`).not.toContain(v);
    const pageStores = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
    );
    for (const v of [SECRET, IIN, EMAIL]) expect(pageStores, `the page's storage does not get ${v}`).not.toContain(v);
  }
  for (const page of pages) await page.close();

  const local = JSON.stringify(await dumpStorage(fresh));
  const others = await (async () => {
    const page = await fresh.context.newPage();
    await page.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
    const text = await page.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<unknown> } | undefined> } }).chrome;
      const out: unknown[] = [];
      for (const area of ['session', 'sync']) out.push(await c.storage[area]?.get(null).catch(() => null));
      return JSON.stringify(out);
    });
    await page.close();
    return text;
  })();
  for (const v of [SECRET, IIN, EMAIL, 'zq.private', 'Zq-secret']) {
    expect(local, `chrome.storage.local must not hold ${v}`).not.toContain(v);
    expect(others, `chrome.storage.session/sync must not hold ${v}`).not.toContain(v);
  }
});

test.describe('the portal DOM is left as it was (only <qadam-overlay> is added)', () => {
  // pages without scripts of their own: their DOM must serialise exactly as the HTML source parses
  const seen = new Set<string>();
  const statics = cases.filter((c) => {
    if (!c.steps.length || /<script\b/i.test(fixtureSource(c))) return false;
    const key = `${c.steps[0]}:${c.lang}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  test('the replica set has static pages', () => {
    expect(statics.length).toBeGreaterThan(0);
  });

  for (const c of statics) {
    test(`${fixtureName(c)}: no attribute, node or style of the page changes`, async ({ qadam, portal }) => {
      await portal.goto(fixtureUrl(c));
      const state = await waitForStep(qadam, portal, c.steps, 15_000);
      for (const f of c.fields[state.step!] ?? []) await expectRingEncloses(portal, f, 10_000);
      // focus and type where there are inputs, so that the rules run too
      for (const f of c.fields[state.step!] ?? []) {
        const isInput = await portal
          .locator(`[data-expect="${f}"]`)
          .first()
          .evaluate((e) => e instanceof HTMLInputElement);
        if (isInput) {
          await portal.locator(`[data-expect="${f}"]`).first().pressSequentially('12345', { delay: 5 });
        }
      }
      const { now, ref, hosts } = await portal.evaluate((src) => {
        const clone = document.documentElement.cloneNode(true) as HTMLElement;
        const hosts = clone.querySelectorAll('qadam-overlay').length;
        clone.querySelectorAll('qadam-overlay').forEach((e) => e.remove());
        const parsed = new DOMParser().parseFromString(src, 'text/html').documentElement;
        return { now: clone.outerHTML, ref: parsed.outerHTML, hosts };
      }, fixtureSource(c));
      expect(hosts).toBe(1);
      expect(now, 'the page DOM, less <qadam-overlay>, equals the parsed replica').toBe(ref);
    });
  }
});
