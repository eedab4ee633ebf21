#!/usr/bin/env node
/**
 * node bench/idle.mjs — splits what Qadam costs on the busy bench page (a finding tool, not a figure):
 *   active        the extension's browser on the bench page (the content script runs and watches);
 *   injected-idle the same browser on the same page at a path no procedure has (/zzz/): the content
 *                 script is injected and reads its settings, then observes nothing (no step can be there);
 *   none          a browser without the extension.
 * active − injected-idle is the engine's work; injected-idle − none is what being injected costs.
 * FORMLESS=1 adds both browsers on the page without its form (cycles=0): what watching a busy page
 * costs when no step ever shows (the engine isolates the journal and waits).
 * Main-thread task time of the bench's window, median of N (default 9) rounds in rotating order.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { startServer } = await import('../tests/e2e/server.ts');
const { launch, assertBuilt } = await import('../tests/e2e/browser.ts');
const { windowTaskMs, busyUrl } = await import('./busy-page.mjs');
const { median, bootstrapRatio, r3 } = await import('./stats.mjs');

assertBuilt();
const server = await startServer({ dirs: [here] });
const withExt = await launch(server, { extension: true });
const without = await launch(server, { extension: false });

const once = (q, url) => windowTaskMs(q, { url });

const formless = busyUrl().replace(/cycles=\d+/, 'cycles=0');
const configs = {
  active: [withExt, busyUrl()],
  'injected-idle': [withExt, busyUrl().replace('/esf-web/', '/zzz/')],
  none: [without, busyUrl()],
  ...(process.env.FORMLESS ? { 'active-formless': [withExt, formless], 'none-formless': [without, formless] } : {}),
};
const out = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
try {
  for (const [q, url] of Object.values(configs)) await once(q, url); // warm-up
  const keys = Object.keys(configs);
  for (let i = 0; i < Number(process.env.N ?? 9); i++) {
    for (const k of keys.map((_, j) => keys[(j + i) % keys.length])) {
      const r = await once(...configs[k]);
      if (!k.startsWith('active') && r.overlays) throw new Error(`${k}: the overlay was drawn; the configuration is not what it says`);
      out[k].push(r.ms);
    }
    process.stderr.write(`  ${i + 1}: ${keys.map((k) => `${k} ${out[k].at(-1).toFixed(0)}`).join('  ')}\n`);
  }
} finally {
  await withExt.close();
  await without.close();
  await server.close();
}
for (const [k, v] of Object.entries(out)) {
  const { p5, p95 } = bootstrapRatio(v, out.none);
  console.log(`${k.padEnd(14)} ${median(v).toFixed(0).padStart(6)} ms  ×${r3(median(v) / median(out.none))} (90 %: ×${r3(p5)}–${r3(p95)})`);
}
