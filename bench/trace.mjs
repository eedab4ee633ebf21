#!/usr/bin/env node
/**
 * node bench/trace.mjs — a Chromium trace of the busy bench page's window with and without the
 * extension, summed by event name on the page's main thread (with − without). Finds where the
 * main-thread time Qadam adds goes (script, style, layout, paint…). A finding tool, not a figure.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { startServer } = await import('../tests/e2e/server.ts');
const { launch, assertBuilt } = await import('../tests/e2e/browser.ts');
const { openBusy, runWindow, busyUrl } = await import('./busy-page.mjs');
const RUNS = Number(process.env.RUNS ?? 3);

async function traceOnce(q, url) {
  const { page, cdp } = await openBusy(q, url ? { url } : {});
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'cc'] },
    transferMode: 'ReportEvents',
  });
  await runWindow(page);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  // the renderer main thread of the page: the thread named CrRendererMain with the most RunTask time
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const per = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask') continue;
    const k = `${e.pid}:${e.tid}`;
    if (names.get(k) !== 'CrRendererMain') continue;
    per.set(k, (per.get(k) ?? 0) + (e.dur ?? 0));
  }
  const main = [...per].sort((a, b) => b[1] - a[1])[0]?.[0];
  const sums = new Map();
  const counts = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || `${e.pid}:${e.tid}` !== main) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  }
  return { sums, counts };
}

assertBuilt();
const server = await startServer({ dirs: [here] });
const withExt = await launch(server, { extension: true });
// SAME_BROWSER=1: «without» is the same browser, extension installed, on an address its content script
// does not match (127.0.0.1): what the content script costs, apart from the installed extension
const same = !!process.env.SAME_BROWSER;
const without = same ? withExt : await launch(server, { extension: false });
const withoutUrl = same ? busyUrl().replace('https://esf.gov.kz:8443', `https://127.0.0.1:${server.port}`) : undefined;
const acc = { with: new Map(), without: new Map() };
// how many times each event ran: not moved by the machine's speed (a pass the browser runs more often shows here)
const cnt = { with: new Map(), without: new Map() };
try {
  await traceOnce(withExt);
  await traceOnce(without, withoutUrl);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, q, url] of [
      ['with', withExt],
      ['without', without, withoutUrl],
    ]) {
      const { sums, counts } = await traceOnce(q, url);
      for (const [n, v] of sums) acc[k].set(n, (acc[k].get(n) ?? 0) + v / RUNS);
      for (const [n, v] of counts) cnt[k].set(n, (cnt[k].get(n) ?? 0) + v / RUNS);
    }
  }
} finally {
  await withExt.close();
  if (!same) await without.close();
  await server.close();
}
const all = new Set([...acc.with.keys(), ...acc.without.keys()]);
const rows = [...all].map((n) => [n, acc.with.get(n) ?? 0, acc.without.get(n) ?? 0]).filter((r) => Math.max(r[1], r[2]) > 3);
rows.sort((a, b) => Math.abs(b[1] - b[2]) - Math.abs(a[1] - a[2]));
const n0 = (k, n) => Math.round(cnt[k].get(n) ?? 0);
console.log('event'.padEnd(48), 'with'.padStart(9), 'without'.padStart(9), 'diff'.padStart(8), '   count with / without');
for (const [n, a, b] of rows.slice(0, Number(process.env.TOP ?? 40)))
  console.log(
    n.slice(0, 48).padEnd(48),
    a.toFixed(1).padStart(9),
    b.toFixed(1).padStart(9),
    (a - b).toFixed(1).padStart(8),
    `   ${n0('with', n)} / ${n0('without', n)}`,
  );
