import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  anyRelevant,
  ISOLATE_MS,
  COUNT_FRAMES,
  FULL_LOOK_FRAMES,
  noisyRegion,
  PageWatcher,
  PROBATION_MS,
  SLOW_SCAN_MS,
  STORM,
  type WatchHooks,
} from '../../content-scripts/page-watcher';
import { setAsideRegion } from '../../content-scripts/scope';

/**
 * The page watcher on its own (content-scripts/page-watcher.ts): which mutation records make a
 * scan, when (inside the observer's callback, or the next frame), region isolation, navigation.
 * Animation frames are queued and run only when a test says so: what is seen before a frame ran
 * happened before the next paint.
 */

const FORM = '<form><label>ИИН <input name="iin"></label><button type="button">Далее</button></form>';

let frames: FrameRequestCallback[] = [];
const raf = globalThis.requestAnimationFrame;
const caf = globalThis.cancelAnimationFrame;
/** the page's clock: a frame is 16.7 ms (no test depends on how fast this machine is) */
let clock = 1000;
function runFrame(): void {
  clock += 16.7;
  const due = frames;
  frames = [];
  for (const f of due) f(clock);
}
/** let observer callbacks and promises run (no frame, no timer) */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
/** a frame, then a storm of records from the grid (every row's last cell): the grid is isolated */
async function stormGrid(): Promise<HTMLElement> {
  runFrame();
  const grid = document.getElementById('grid')!;
  for (const c of Array.from(grid.querySelectorAll('.r span:last-child'))) c.textContent = 'z';
  await settle();
  expect(watcher.isolatedRegion).toBe(grid);
  return grid;
}

let ctx: ContentScriptContext;
let scans = 0;
let href = 'https://esf.gov.kz/esf-web/#!/a';
let hooks: WatchHooks & { navigations: boolean[] };
let watcher: PageWatcher;

beforeEach(() => {
  fakeBrowser.reset();
  frames = [];
  clock = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  globalThis.requestAnimationFrame = ((cb: FrameRequestCallback) => frames.push(cb)) as typeof requestAnimationFrame;
  globalThis.cancelAnimationFrame = ((id: number) => {
    if (id > 0 && id <= frames.length) frames[id - 1] = () => {};
  }) as typeof cancelAnimationFrame;
  document.body.innerHTML = '<div id="slot"></div><div id="grid"></div><p id="status">0</p>';
  document.getElementById('grid')!.innerHTML = Array.from(
    { length: 400 },
    (_, i) => `<div class="r"><span>${i}</span><span>x</span></div>`,
  ).join('');
  scans = 0;
  href = 'https://esf.gov.kz/esf-web/#!/a';
  ctx = new ContentScriptContext('portal');
  const navigations: boolean[] = [];
  hooks = { navigations, scan: () => void scans++, href: () => href, holds: () => false, navigated: (t) => navigations.push(t) };
  watcher = new PageWatcher(ctx, hooks);
  watcher.listen();
  watcher.observe(true);
  watcher.begin();
  expect(scans).toBe(1); // the first scan at once
});

afterEach(() => {
  watcher.stop();
  ctx.notifyInvalidated();
  globalThis.requestAnimationFrame = raf;
  globalThis.cancelAnimationFrame = caf;
  vi.restoreAllMocks();
});

describe('page watcher', () => {
  it('scans inside the observer callback when a form arrives after 1,000 irrelevant records of the same batch', async () => {
    runFrame();
    const before = scans;
    const cells = Array.from(document.querySelectorAll('#grid .r span:last-child')).slice(0, 250);
    for (let k = 0; k < 4; k++) for (const c of cells) c.textContent = `y${k}`; // 1,000 records first
    document.getElementById('slot')!.innerHTML = FORM; // the form's insertion last
    await settle();
    expect(scans).toBe(before + 1); // in the callback: no frame was needed
  });

  it('irrelevant changes make no scan now; the next frame looks only whether the address changed', async () => {
    runFrame();
    const before = scans;
    document.getElementById('status')!.textContent = '1';
    await settle();
    expect(scans).toBe(before);
    expect(frames.length).toBe(1);
    runFrame();
    expect(scans).toBe(before); // same address: a slow rescan later, not now
    document.getElementById('status')!.textContent = '2';
    await settle();
    href = 'https://esf.gov.kz/esf-web/#!/b';
    runFrame();
    expect(scans).toBe(before + 1); // the address changed: scanned in that frame
  });

  it('at most one scan per frame: a second relevant change in the same frame waits for the next', async () => {
    runFrame();
    const before = scans;
    document.getElementById('slot')!.innerHTML = FORM;
    await settle();
    expect(scans).toBe(before + 1);
    document.getElementById('slot')!.insertAdjacentHTML('beforeend', '<input name="second">');
    await settle();
    expect(scans).toBe(before + 1);
    expect(frames.length).toBe(1);
    runFrame();
    expect(scans).toBe(before + 2);
  });

  it('a removed element holding a shown field is relevant, even without form controls', async () => {
    runFrame();
    const box = document.createElement('div');
    box.innerHTML = '<span>plain</span>';
    document.body.append(box);
    await settle();
    runFrame();
    const before = scans;
    hooks.holds = (el) => el === box;
    box.remove();
    await settle();
    expect(scans).toBe(before + 1);
  });

  it('every record is looked at, each changed node once', () => {
    const el = document.getElementById('status')!;
    const mo = new MutationObserver(() => {});
    mo.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['class'] });
    for (let i = 0; i < 500; i++) el.className = `c${i}`;
    const records = mo.takeRecords();
    mo.disconnect();
    expect(records.length).toBe(500);
    const matches = vi.spyOn(el, 'matches');
    expect(anyRelevant(records, () => false)).toBe(false);
    expect(matches).toHaveBeenCalledTimes(1);
    // a relevant record at the very end of a long batch is found
    const input = document.createElement('input');
    document.body.append(input);
    const mo2 = new MutationObserver(() => {});
    mo2.observe(document.body, { attributes: true, childList: true, subtree: true, attributeFilter: ['class'] });
    for (let i = 0; i < 2000; i++) el.className = `d${i}`;
    input.className = 'late';
    const late = mo2.takeRecords();
    mo2.disconnect();
    expect(anyRelevant(late, () => false)).toBe(true);
  });

  it('a storm from one big region isolates it; a form beside it is still scanned at once', async () => {
    const grid = await stormGrid(); // 400 records
    runFrame();
    const before = scans;
    const notes: MutationRecord[][] = [];
    hooks.note = (r) => void notes.push(r);
    // the region's own changes are no longer observed: no records, no scan (now or in a frame)
    for (const c of Array.from(grid.querySelectorAll('.r span:last-child'))) c.textContent = 'w';
    await settle();
    runFrame();
    expect(notes).toEqual([]);
    expect(scans).toBe(before);
    document.getElementById('slot')!.innerHTML = FORM;
    await settle();
    expect(scans).toBe(before + 1);
  });

  it('a form that appears inside the isolated region is seen at the next count (COUNT_FRAMES), not after ISOLATE_MS', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      const grid = await stormGrid();
      runFrame();
      const before = scans;
      grid.querySelector('.r')!.insertAdjacentHTML('beforeend', FORM); // inside the region: not observed
      await settle();
      runFrame();
      expect(scans).toBe(before);
      expect(watcher.isolatedRegion).toBe(grid); // a frame later: not counted yet
      // the region's controls are counted in the frame loop, every COUNT_FRAMES frames
      for (let i = 2; i <= COUNT_FRAMES; i++) runFrame();
      expect(watcher.isolatedRegion).toBeNull();
      await settle();
      runFrame();
      expect(setAsideRegion()).toBeNull(); // scans look at it again: the form is in it
      expect(scans).toBe(before + 1);
      expect(COUNT_FRAMES * 16.7).toBeLessThan(ISOLATE_MS);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a storming region that holds nothing to type in or click is set aside for scans; its records are not looked at', async () => {
    const notes: MutationRecord[][] = [];
    hooks.note = (r) => void notes.push(r);
    const grid = await stormGrid();
    expect(setAsideRegion()).toBe(grid);
    // the storm's own records went to nobody (nothing else changed in that batch)
    expect(notes.flat().filter((r) => grid.contains(r.target))).toEqual([]);
    const before = scans;
    runFrame();
    runFrame();
    expect(scans).toBe(before); // and no later scan
  });

  it('while a region is isolated, no observer sits on its ancestors or on it (each would be asked about every change in it)', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const grid = await stormGrid();
    const targets = observe.mock.calls.map(([t]) => t as Node);
    expect(targets.filter((t) => t.contains(grid))).toEqual([]);
    expect(targets).toContain(document.getElementById('slot')); // the ancestors' other children are observed
    expect(targets).toContain(document.head);
  });

  it('while a region is isolated, its ancestors are looked at each frame: a dialog is scanned, a plain box noted', async () => {
    let unseen = 0;
    hooks.unseen = () => void unseen++;
    const grid = await stormGrid();
    runFrame();
    const before = scans;
    // our own overlay coming is no change
    document.documentElement.append(document.createElement('qadam-overlay'));
    runFrame();
    expect(unseen).toBe(0);
    // a box with nothing to type in: the message watch is told, no scan
    const box = document.createElement('div');
    box.textContent = 'Сохранено';
    document.body.append(box);
    runFrame();
    expect(unseen).toBe(1);
    expect(scans).toBe(before);
    // a dialog with a form: scanned in the frame it is seen
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    runFrame();
    expect(scans).toBe(before + 1);
    // from then on it is observed like any other part of the page: a field in it is scanned at once
    runFrame();
    dialog.innerHTML = FORM;
    await settle();
    expect(scans).toBe(before + 2);
    // an ancestor's class changing (a modal state on the body) is seen at the next full look
    runFrame();
    document.body.className = 'modal-open';
    for (let i = 0; i < FULL_LOOK_FRAMES; i++) runFrame();
    expect(scans).toBe(before + 3);
    // a located field's container removed from an ancestor is scanned
    hooks.holds = (el) => el === box;
    runFrame();
    box.remove();
    runFrame();
    expect(scans).toBe(before + 4);
    // a child replaced in the middle (the same number of children, the same last): at the next full look
    const slot = document.getElementById('slot')!;
    const panel = document.createElement('div');
    panel.innerHTML = FORM;
    runFrame();
    slot.replaceWith(panel);
    runFrame();
    expect(scans).toBe(before + 4);
    for (let i = 0; i < FULL_LOOK_FRAMES; i++) runFrame();
    expect(scans).toBe(before + 5);
    panel.append(document.createElement('input')); // observed since
    await settle();
    expect(scans).toBe(before + 6);
    expect(watcher.isolatedRegion).toBe(grid); // all the while, the grid stayed isolated
  });

  it('an isolated region taken out of the page ends its isolation at the next look', async () => {
    const grid = await stormGrid();
    grid.remove();
    runFrame();
    expect(watcher.isolatedRegion).toBeNull();
  });

  it('a storming region with a link or a control in it is isolated but not set aside', async () => {
    runFrame();
    const grid = document.getElementById('grid')!;
    grid.children[3]!.insertAdjacentHTML('beforeend', '<a href="#r3">ESF-3</a>');
    await settle();
    runFrame();
    for (const c of Array.from(grid.querySelectorAll('.r span:last-child'))) c.textContent = 'z';
    await settle();
    expect(watcher.isolatedRegion).toBe(grid);
    expect(setAsideRegion()).toBeNull();
  });

  it('a set-aside region storming after ISOLATE_MS is isolated again, no scan; gone quiet, it is given back and scanned', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      runFrame();
      const grid = document.getElementById('grid')!;
      const storm = (t: string) => {
        for (const c of Array.from(grid.querySelectorAll('.r span:last-child'))) c.textContent = t;
      };
      storm('a');
      await settle();
      runFrame();
      const before = scans;
      vi.advanceTimersByTime(ISOLATE_MS);
      expect(watcher.isolatedRegion).toBeNull(); // observed whole again…
      expect(setAsideRegion()).toBe(grid); // …still aside, on probation
      storm('b');
      await settle();
      expect(watcher.isolatedRegion).toBe(grid);
      expect(setAsideRegion()).toBe(grid);
      vi.advanceTimersByTime(ISOLATE_MS - 1);
      runFrame();
      expect(scans).toBe(before); // no scan for a region that only ticked
      expect(ISOLATE_MS - 1).toBeGreaterThan(SLOW_SCAN_MS); // (not even a slow one)
      // its time is up again, and it has gone quiet: given back, the page scanned
      vi.advanceTimersByTime(1);
      expect(setAsideRegion()).toBe(grid);
      vi.advanceTimersByTime(PROBATION_MS);
      expect(setAsideRegion()).toBeNull();
      runFrame();
      expect(scans).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('noisyRegion names the container most records come from, and none for a scattered batch', () => {
    const grid = document.getElementById('grid')!;
    const mo = new MutationObserver(() => {});
    mo.observe(document.body, { characterData: true, childList: true, subtree: true });
    for (const c of Array.from(grid.querySelectorAll('.r span:last-child'))) c.textContent = 'q';
    const records = mo.takeRecords();
    expect(records.length).toBeGreaterThan(STORM);
    expect(noisyRegion(records)).toBe(grid);
    for (let i = 0; i < 50; i++) document.body.append(document.createElement('div'));
    expect(noisyRegion(mo.takeRecords())).toBeNull();
    mo.disconnect();
  });

  it('navigation asks for a scan: hash and history (trusted or not), and WXT’s wxt:locationchange', async () => {
    runFrame();
    const before = scans;
    window.dispatchEvent(new Event('hashchange'));
    expect(hooks.navigations).toEqual([false]); // a script's event (not trusted): no warnings are evaluated for it
    runFrame();
    expect(scans).toBe(before + 1);
    window.dispatchEvent(new Event(`${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:locationchange`));
    runFrame();
    expect(scans).toBe(before + 2);
  });

  it('observing nothing (an address of no step): mutations make no scan; stop ends everything', async () => {
    runFrame();
    watcher.observe(false);
    expect(watcher.observing).toBe(false);
    const before = scans;
    document.getElementById('slot')!.innerHTML = FORM;
    await settle();
    expect(scans).toBe(before);
    watcher.observe(true);
    watcher.stop();
    document.getElementById('slot')!.innerHTML = `${FORM}${FORM}`;
    await settle();
    watcher.request(true, true);
    runFrame();
    expect(scans).toBe(before);
  });

  it('an invalidated context scans no more', async () => {
    runFrame();
    const before = scans;
    ctx.notifyInvalidated();
    document.getElementById('slot')!.innerHTML = FORM;
    await settle();
    runFrame();
    expect(scans).toBe(before);
  });
});
