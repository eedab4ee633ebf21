#!/usr/bin/env node
/**
 * node bench/profile.mjs — where Qadam's main-thread time goes on the busy bench page: a sampling
 * CPU profile (CDP Profiler) over the bench's window with the built extension, self time summed by
 * function for the extension's scripts and by script for the rest (bench/own-time.mjs). A tool for
 * finding costs; the bench reports the extension's total of it. QADAM_NO_MINIFY=1 npm run build first
 * for readable names (then build again before anything else).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { startServer } = await import('../tests/e2e/server.ts');
const { launch, assertBuilt } = await import('../tests/e2e/browser.ts');
const { profileWindow } = await import('./own-time.mjs');

assertBuilt();
const server = await startServer({ dirs: [here] });
const q = await launch(server, { extension: process.env.NO_EXT ? false : true });
const runs = Number(process.env.RUNS ?? 2);
const byFn = new Map();
const byEntry = new Map();
let total = 0;
const add = (into, from) => {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v / runs);
};
try {
  await profileWindow(q); // warm-up
  for (let i = 0; i < runs; i++) {
    const p = await profileWindow(q, { depth: Number(process.env.DEPTH ?? 4), skip: Number(process.env.SKIP ?? 0) });
    add(byFn, p.byFn);
    add(byEntry, p.byEntry);
    total += p.total / runs;
  }
} finally {
  await q.close();
  await server.close();
}
const rows = [...byFn].sort((a, b) => b[1] - a[1]);
const ext = rows.filter(([k]) => k.startsWith('EXT')).reduce((s, [, v]) => s + v, 0);
console.log(`sampled non-idle ${total.toFixed(0)} ms per run; extension scripts ${ext.toFixed(1)} ms`);
for (const [k, v] of rows.slice(0, Number(process.env.TOP ?? 40))) console.log(v.toFixed(1).padStart(8), k);

console.log('--- by entry (outermost extension frames)');
for (const [k, v] of [...byEntry].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40)))
  console.log(v.toFixed(1).padStart(8), k);
