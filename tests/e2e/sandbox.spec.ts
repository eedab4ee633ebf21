/**
 * Trainer mode: the sandbox (sandbox.html#/<procedure>/<step>) shows the replica of every page step
 * with the same rings as on the portal, validates with the same rules, moves on as the portal
 * would, records nothing of the user's; presenter mode is driven by the keyboard at projector size.
 */
import type { Page } from '@playwright/test';
import { PROCEDURES } from '../../procedures';
import { dumpStorage, expect, overlay, screenshot, test, typeInto, type Qadam } from './harness';

async function openSandbox(q: Qadam, proc: string, step: string, query = 'lang=ru', size = { width: 1280, height: 800 }): Promise<Page> {
  const page = await q.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${q.extensionId}/sandbox.html?${query}#/${proc}/${step}`);
  await expect(page.locator(`body[data-qadam-shown="${proc}/${step}"]`)).toHaveCount(1, { timeout: 15_000 });
  return page;
}

const rings = async (page: Page) => (await overlay(page)).rings.map((r) => r.field);

for (const proc of PROCEDURES) {
  test(`sandbox: every page step of ${proc.id} is shown with its rings`, async ({ qadam }) => {
    for (const s of proc.steps) {
      const page = await openSandbox(qadam, proc.id, s.id);
      await expect(page.locator('qadam-sandbox')).toHaveCount(1);
      const banner = await page.evaluate(
        () => document.querySelector('qadam-sandbox')?.shadowRoot?.querySelector('[data-qadam-training-banner]')?.textContent ?? '',
      );
      expect(banner, 'the training banner').toMatch(/Учебная копия/);
      if (s.kind === 'page') {
        const required = s.fields.filter((f) => !f.optional && !f.silent).map((f) => f.id);
        const shown = await rings(page);
        for (const id of required) expect(shown, `${proc.id}/${s.id}: ring ${id}`).toContain(id);
      } else {
        const card = await page.evaluate(() =>
          document.querySelector('qadam-sandbox')?.shadowRoot?.querySelector('[data-qadam-manual]')?.getAttribute('data-qadam-manual'),
        );
        expect(card).toBe(s.id);
      }
      await page.close();
    }
  });
}

test('sandbox: in each language the rings and tooltips speak it; a rule flips invalid; the step moves on', async ({ fresh }) => {
  for (const [lang, word] of [
    ['kk', /Құпия|құпия/],
    ['ru', /пароль/i],
    ['en', /password/i],
    ['uz', /parol/i],
  ] as const) {
    const page = await openSandbox(fresh, 'esf.recover-access', 'new-password', `lang=${lang}`);
    await expect(page.locator('qadam-overlay [role=tooltip]:not([hidden])')).toContainText(word);
    await page.close();
  }
  const page = await openSandbox(fresh, 'esf.recover-access', 'change-email');
  await typeInto(page, '[data-expect="email"]', 'not-an-address');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await overlay(page)).rings.find((r) => r.field === 'email')?.invalid).toBeTruthy();
  // a bad address stops the form from moving on
  const submit = page.getByRole('button', { name: /Подписать и отправить/ });
  await submit.click();
  await page.waitForTimeout(600);
  await expect(page.locator('body[data-qadam-shown="esf.recover-access/change-email"]')).toHaveCount(1);
  await screenshot(page, 'sandbox-change-email-invalid');
  // sample data (fictitious, valid) fixes it, and the portal's button moves on, as on the portal
  await page.locator('[data-expect="email"]').fill('');
  await page.locator('qadam-sandbox').locator('[data-qadam-sample]').click();
  await expect.poll(async () => (await overlay(page)).rings.filter((r) => r.invalid).length).toBe(0);
  await submit.click();
  await expect(page.locator('body[data-qadam-shown="esf.recover-access/reset-password"]')).toHaveCount(1, { timeout: 10_000 });
  const before = JSON.stringify(await dumpStorage(fresh));
  expect(before, 'the sandbox records nothing of the user').not.toContain('change-email');
});

test('presenter mode: the keyboard walks a whole procedure; projector-size screenshots', async ({ fresh }) => {
  const proc = PROCEDURES.find((p) => p.id === 'oneid.register-individual')!;
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    const page = await openSandbox(fresh, proc.id, proc.steps[0]!.id, 'lang=ru&presenter=1', size);
    const counter = () =>
      page.evaluate(() => document.querySelector('qadam-sandbox')?.shadowRoot?.querySelector('[data-qadam-counter]')?.textContent ?? '');
    for (let i = 0; i < proc.steps.length; i++) {
      const s = proc.steps[i]!;
      await expect(page.locator(`body[data-qadam-shown="${proc.id}/${s.id}"]`)).toHaveCount(1, { timeout: 15_000 });
      expect(await counter()).toContain(`${i + 1} из ${proc.steps.length}`);
      const narration = await page.evaluate(
        () => document.querySelector('qadam-sandbox')?.shadowRoot?.querySelector('[data-qadam-narration]')?.textContent ?? '',
      );
      expect(narration.length, 'the narration shows the step').toBeGreaterThan(10);
      if (i === 1 || i === 3) {
        // the open tooltip is readable: not under the training bar (at 720p it has to go above)
        await expect
          .poll(() =>
            page.evaluate(() => {
              const tip = Array.from(
                document.querySelector('qadam-overlay')?.shadowRoot?.querySelectorAll<HTMLElement>('[role="tooltip"]') ?? [],
              ).find((t) => !t.hidden && t.getBoundingClientRect().height > 0);
              const bar = document.querySelector('qadam-sandbox')?.shadowRoot?.querySelector('.bar');
              return tip && bar ? Math.round(bar.getBoundingClientRect().top - tip.getBoundingClientRect().bottom) : null;
            }),
          )
          .toBeGreaterThanOrEqual(0);
        await screenshot(page, `presenter-${size.width}x${size.height}-${s.id}`);
      }
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator(`body[data-qadam-shown="${proc.id}/${proc.steps.at(-2)!.id}"]`)).toHaveCount(1);
    await page.keyboard.press('r');
    await expect(page.locator(`body[data-qadam-shown="${proc.id}/${proc.steps[0]!.id}"]`)).toHaveCount(1);
    expect(await page.evaluate(() => document.querySelector('qadam-overlay')?.hasAttribute('data-presenter'))).toBe(true);
    await page.close();
  }
});

test('sandbox: the training bar marks the step on screen; an unknown procedure or step is said so, none other shown', async ({ fresh }) => {
  const bar = (page: Page) => page.locator('qadam-sandbox').locator('.bar');
  const page = await openSandbox(fresh, 'esf.recover-access', 'change-email');
  await expect(bar(page)).toHaveAttribute('data-procedure-id', 'esf.recover-access');
  await expect(bar(page)).toHaveAttribute('data-step-id', 'change-email');
  // the next step by the bar's button: the markers follow
  await page.locator('qadam-sandbox').locator('[data-qadam-next]').click();
  await expect(bar(page)).toHaveAttribute('data-step-id', 'reset-password');
  // an unknown step of a known procedure, then an unknown procedure, by editing the address
  for (const [hash, named] of [
    ['#/esf.recover-access/no-such-step', 'esf.recover-access/no-such-step'],
    ['#/no.such-procedure/sign-in', 'no.such-procedure'],
  ] as const) {
    await page.evaluate((x) => (location.hash = x), hash);
    const alert = page.locator('qadam-sandbox').locator('[role=alert][data-qadam-unknown]');
    await expect(alert).toHaveAttribute('data-qadam-unknown', named);
    await expect(alert).toContainText('Qadam не знает');
    await expect(alert).toContainText(named);
    await expect(bar(page)).not.toHaveAttribute('data-step-id', /.*/);
    await expect(bar(page)).not.toHaveAttribute('data-procedure-id', /.*/);
    await expect(page.locator('body[data-qadam-shown="unknown"]')).toHaveCount(1);
    // no replica, no ring of another step
    await expect(page.locator('[data-expect]')).toHaveCount(0);
    expect((await overlay(page)).rings).toEqual([]);
  }
  await screenshot(page, 'sandbox-unknown-address');
  // opened directly at an unknown address in another language: said in that language
  const uz = await fresh.context.newPage();
  await uz.goto(`chrome-extension://${fresh.extensionId}/sandbox.html?lang=uz#/esf.nope`);
  await expect(uz.locator('qadam-sandbox').locator('[role=alert]')).toContainText('Qadam bu manzilni bilmaydi');
  await uz.close();
  await page.close();
});
