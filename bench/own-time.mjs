/**
 * Qadam's own main-thread time on the busy bench page: a sampling CPU profile (CDP Profiler, 0.1 ms)
 * of the bench's window, self time charged to the extension's scripts (a native call such as a
 * forced layout is charged to the script that made it) or to the page. Far steadier from run to run
 * than the with/without ratio (which the page's own ±5 % moves), but it leaves out what Qadam makes
 * the browser do outside its scripts (mutation records, style and paint of the rings).
 * Used by `npm run bench` (run.mjs) for a figure and by profile.mjs to find where the time goes.
 */
import { openBusy, runWindow } from './busy-page.mjs';

/** one profiled window: self time (ms) per key, and which keys are the extension's */
export async function profileWindow(q, { depth = 4, skip = 0 } = {}) {
  const { page, cdp } = await openBusy(q);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await runWindow(page);
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
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
  const byFn = new Map();
  const byEntry = new Map();
  let total = 0;
  let ext = 0;
  for (const [id, us] of dt) {
    const n = nodes.get(id);
    const f = n.callFrame;
    if (f.functionName === '(idle)') continue;
    const ms = us / 1000;
    const o = owner(id);
    const u = o?.callFrame.url ?? '';
    const mine = u.startsWith('chrome-extension://');
    const url = mine ? 'EXT ' + u.split('/').pop() : u ? 'page' : '?';
    const of = o && o !== n ? ` in ${o.callFrame.functionName || '(anon)'}:${o.callFrame.columnNumber}` : '';
    const key = `${url} ${f.functionName || '(anon)'}:${f.lineNumber}:${f.columnNumber}${of}`;
    byFn.set(key, (byFn.get(key) ?? 0) + ms);
    total += ms;
    if (mine) ext += ms;
    // the entry: the outermost extension frame above this sample, and what it calls just below
    let entry = null;
    for (let p = id; p !== undefined; p = parent.get(p)) if (nodes.get(p).callFrame.url.startsWith('chrome-extension://')) entry = p;
    if (entry === null) continue;
    const path = [];
    for (let p = id; p !== undefined; p = parent.get(p)) {
      path.unshift(p);
      if (p === entry) break;
    }
    const k2 = path
      .slice(skip, depth)
      .map((p) => nodes.get(p).callFrame.functionName || '(anon)')
      .join(' > ');
    byEntry.set(k2, (byEntry.get(k2) ?? 0) + ms);
  }
  return { byFn, byEntry, total, ext };
}

/** `runs` profiled windows after one not counted: Qadam's own time and the sampled total, per window */
export async function ownTime(q, runs = 3) {
  await profileWindow(q);
  const own = [];
  const total = [];
  for (let i = 0; i < runs; i++) {
    const p = await profileWindow(q);
    own.push(p.ext);
    total.push(p.total);
  }
  return { own, total };
}
