#!/usr/bin/env node
/**
 * node bench/ab.mjs <dirA> <dirB> — two builds of the extension on the busy bench page, runs
 * alternating in one process (median of AB_RUNS each, and the page without any extension): for
 * deciding between two ways of doing something, not a figure to report.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const [dirA, dirB] = process.argv.slice(2).map((d) => path.resolve(d));
const RUNS = Number(process.env.AB_RUNS ?? 7);
const { windowTaskMs } = await import('./busy-page.mjs');
const { median: med } = await import('./stats.mjs');
const { startServer } = await import('../tests/e2e/server.ts');
const server = await startServer({ dirs: [here] });
const { launch } = await import('../tests/e2e/browser.ts');
const browserWith = (dir) => launch(server, dir ? { extension: true, extensionDir: dir } : { extension: false });
const once = async (q) => (await windowTaskMs(q)).ms;
const qs = { A: await browserWith(dirA), B: await browserWith(dirB), none: await browserWith(null) };
const out = { A: [], B: [], none: [] };
try {
  for (const k of Object.keys(qs)) await once(qs[k]);
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? ['B', 'none', 'A'] : ['A', 'none', 'B'];
    for (const k of order) out[k].push(await once(qs[k]));
    process.stderr.write(
      `  ${i + 1}/${RUNS}: A ${out.A.at(-1).toFixed(0)}  B ${out.B.at(-1).toFixed(0)}  none ${out.none.at(-1).toFixed(0)}\n`,
    );
  }
} finally {
  for (const q of Object.values(qs)) await q.close();
  await server.close();
}
const line = (k) => `${k} ${med(out[k]).toFixed(0)} ms (×${(med(out[k]) / med(out.none)).toFixed(3)})`;
console.log(`${line('A')}  ${line('B')}  none ${med(out.none).toFixed(0)} ms`);
