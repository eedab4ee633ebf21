#!/usr/bin/env node
/**
 * node bench/profile.mjs — where Qadam's main-thread time goes on the busy bench page: a sampling
 * CPU profile (CDP Profiler) over the bench's window with the built extension, self time summed by
 * function for the extension's scripts and by script for the rest. A tool for finding costs, not a
 * figure to report (the bench reports).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { startServer } = await import('../tests/e2e/server.ts');
const { launch, assertBuilt } = await import('../tests/e2e/browser.ts');
const { openBusy, runWindow } = await import('./busy-page.mjs');

assertBuilt();
const server = await startServer({ dirs: [here] });
const q = await launch(server, { extension: process.env.NO_EXT ? false : true });
const runs = Number(process.env.RUNS ?? 2);
const byFn = new Map();
const byEntry = new Map();
let total = 0;
try {
  for (let i = 0; i < runs + 1; i++) {
    const { page, cdp } = await openBusy(q);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await runWindow(page);
    const { profile } = await cdp.send('Profiler.stop');
    await page.close();
    if (i === 0) continue; // warm-up
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    /** the nearest frame with a script address: a native call is charged to its caller */
    const owner = (id) => {
      for (let p = id; p !== undefined; p = parent.get(p)) if (nodes.get(p).callFrame.url) return nodes.get(p);
      return null;
    };
    const dt = new Map();
    for (let k = 0; k < profile.samples.length; k++)
      dt.set(profile.samples[k], (dt.get(profile.samples[k]) ?? 0) + (profile.timeDeltas[k] ?? 0));
    for (const [id, us] of dt) {
      const n = nodes.get(id);
      const f = n.callFrame;
      if (f.functionName === '(idle)') continue;
      const o = owner(id);
      const u = o?.callFrame.url ?? '';
      const url = u.startsWith('chrome-extension://') ? 'EXT ' + u.split('/').pop() : u ? 'page' : '?';
      const of = o && o !== n ? ` in ${o.callFrame.functionName || '(anon)'}:${o.callFrame.columnNumber}` : '';
      const key = `${url} ${f.functionName || '(anon)'}:${f.lineNumber}:${f.columnNumber}${of}`;
      byFn.set(key, (byFn.get(key) ?? 0) + us / 1000 / runs);
      // the entry: the outermost extension frame above this sample, and what it calls just below
      let entry = null;
      for (let p = id; p !== undefined; p = parent.get(p)) if (nodes.get(p).callFrame.url.startsWith('chrome-extension://')) entry = p;
      if (entry !== null) {
        const path = [];
        for (let p = id; p !== undefined; p = parent.get(p)) {
          path.unshift(p);
          if (p === entry) break;
        }
        const names = path
          .slice(Number(process.env.SKIP ?? 0), Number(process.env.DEPTH ?? 4))
          .map((p) => nodes.get(p).callFrame.functionName || '(anon)');
        const k2 = names.join(' > ');
        byEntry.set(k2, (byEntry.get(k2) ?? 0) + us / 1000 / runs);
      }
      total += us / 1000 / runs;
    }
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
