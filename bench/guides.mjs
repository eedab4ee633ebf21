/**
 * Guides are data (issue 14): with 50 imported guides for ESF, none of which matches the bench page,
 * the ring scenarios of bench/rings.mjs are timed again and compared with no guide.
 * Alone, after a build: node --import tsx bench/guides.mjs   (BENCH_RUNS, default 10)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRings } from './rings.mjs';

/** 50 guides of 3 steps, 4 fields each, on ESF routes the bench page does not have */
export function fiftyGuides() {
  return Array.from({ length: 50 }, (_, i) => ({
    id: `guide.bench-${i}`,
    portal: 'esf',
    title: { ru: `Инструкция ${i}` },
    steps: Array.from({ length: 3 }, (_, s) => ({
      id: `step-${s + 1}`,
      match: { path: ['^/esf-web/'], hash: [`^/bench-${i}-${s}(\\?|$)`], text: [[`Раздел ${i}-${s}`]] },
      fields: Array.from({ length: 4 }, (_, f) => ({
        id: `field-${f + 1}`,
        kind: f ? 'input' : 'action',
        labels: [`Поле ${i}-${s}-${f}`],
        hint: { ru: 'Подсказка' },
      })),
    })),
  }));
}

export async function storeGuides(q, guides) {
  const page = await q.context.newPage();
  try {
    await page.goto(`chrome-extension://${q.extensionId}/options.html`);
    await page.evaluate(async (g) => {
      await globalThis.chrome.storage.local.set({ guides: { v: 1, guides: g } });
    }, guides);
  } finally {
    await page.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startServer } = await import('../tests/e2e/server.ts');
  const { launch } = await import('../tests/e2e/browser.ts');
  const server = await startServer({ dirs: [path.dirname(fileURLToPath(import.meta.url))] });
  const q = await launch(server, { extension: true });
  const runs = Number(process.env.BENCH_RUNS ?? 10);
  try {
    // both orders, so that neither is favoured by coming first
    const none1 = await benchRings(q, runs);
    await storeGuides(q, fiftyGuides());
    const fifty1 = await benchRings(q, runs);
    const fifty2 = await benchRings(q, runs);
    await storeGuides(q, []);
    const none2 = await benchRings(q, runs);
    const mean = (a, b) =>
      Object.fromEntries(
        Object.keys(a).map((k) => [
          k,
          { ...a[k], p50: Math.round(((a[k].p50 + b[k].p50) / 2) * 10) / 10, max: Math.max(a[k].max, b[k].max), met: a[k].met && b[k].met },
        ]),
      );
    const none = mean(none1, none2);
    const fifty = mean(fifty1, fifty2);
    const rows = Object.keys(none).map((k) => ({
      scenario: k,
      'p50 no guide': none[k].p50,
      'p50 50 guides': fifty[k].p50,
      'max no guide': none[k].max,
      'max 50 guides': fifty[k].max,
      target: JSON.stringify(none[k].target),
      met: fifty[k].met,
    }));
    console.table(rows);
  } finally {
    await q.close();
    await server.close();
  }
}
