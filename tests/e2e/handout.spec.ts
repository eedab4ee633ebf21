/**
 * Printable handouts (handout.html#/<procedure>): every step in order with its text, a picture of
 * each page step with its ring, A4 PDF with no picture cut by a page break.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROCEDURES } from '../../procedures';
import { expect, screenshot, SCREENSHOTS, test } from './harness';

const ru = JSON.parse(fs.readFileSync(path.resolve('locales/ru.json'), 'utf8')) as {
  procedures: Record<string, Record<string, { steps: Record<string, { title: string }> }>>;
};
/** A4 at 96 dpi minus the 12 mm margins of @page */
const PRINTABLE_HEIGHT_PX = ((297 - 24) / 25.4) * 96;

for (const proc of PROCEDURES) {
  test(`handout of ${proc.id}: every step in order, pictures with rings, A4 PDF`, async ({ qadam }) => {
    const page = await qadam.context.newPage();
    await page.goto(`chrome-extension://${qadam.extensionId}/handout.html?lang=ru#/${proc.id}`);
    await expect(page.locator('body[data-qadam-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
    const ids = await page.locator('[data-step-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')));
    expect(ids).toEqual(proc.steps.map((s) => s.id));
    const [portal, name] = proc.id.split('.') as [string, string];
    for (const s of proc.steps) {
      await expect(page.locator(`[data-step-id="${s.id}"] h2`)).toContainText(ru.procedures[portal]![name]!.steps[s.id]!.title);
    }
    // each page step's picture shows the replica with its ring(s)
    const pictures = page.locator('figure iframe');
    const n = await pictures.count();
    expect(n).toBe(proc.steps.filter((s) => s.kind === 'page').length);
    for (let i = 0; i < n; i++) {
      const frame = await (await pictures.nth(i).elementHandle())!.contentFrame();
      const rings = await frame!.evaluate(
        () => document.querySelector('qadam-overlay')?.shadowRoot?.querySelectorAll('[data-qadam-field]').length ?? 0,
      );
      const stepId = await pictures.nth(i).evaluate((f) => f.closest('[data-step-id]')!.getAttribute('data-step-id'));
      const step = proc.steps.find((s) => s.id === stepId)!;
      if (step.kind === 'page' && step.fields.some((f) => !f.optional && !f.silent))
        expect(rings, `rings in the picture of ${stepId}`).toBeGreaterThan(0);
    }
    // print: every picture fits a page and may not be split
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1000 }); // the printable width of A4 at 96 dpi
    const figures = await page
      .locator('figure')
      .evaluateAll((els) => els.map((e) => ({ h: e.getBoundingClientRect().height, brk: getComputedStyle(e).breakInside })));
    for (const f of figures) {
      expect(f.h).toBeLessThan(PRINTABLE_HEIGHT_PX);
      expect(f.brk).toMatch(/avoid/);
    }
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOTS, `handout-${proc.id}.pdf`), pdf);
    if (proc.id === 'oneid.register-individual' || proc.id === 'oofd.connect-kkm-wired') {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 900, height: 1200 });
      await screenshot(page, `handout-${proc.id}`);
    }
  });
}

test('the handout follows a change of its hash: a trainer editing #/<procedure> gets that handout', async ({ qadam }) => {
  const [a, b] = [PROCEDURES[0]!, PROCEDURES.find((p) => p.portal !== PROCEDURES[0]!.portal)!];
  const page = await qadam.context.newPage();
  await page.goto(`chrome-extension://${qadam.extensionId}/handout.html?lang=ru#/${a.id}`);
  await expect(page.locator('body[data-qadam-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  await page.evaluate((id) => (location.hash = `#/${id}`), b.id);
  await expect(page.locator('body[data-qadam-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
  await expect
    .poll(() => page.locator('[data-step-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id'))))
    .toEqual(b.steps.map((s) => s.id));
  const [portal, name] = b.id.split('.') as [string, string];
  const title = (
    JSON.parse(fs.readFileSync(path.resolve('locales/ru.json'), 'utf8')) as {
      procedures: Record<string, Record<string, { title: string }>>;
    }
  ).procedures[portal]![name]!.title;
  await expect(page.locator('h1')).toHaveText(title);
  await page.close();
});
