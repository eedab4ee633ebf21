import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BIG_CONTAINER } from './page-text';
import { holdsCount, setAside, setAsideRegion } from './scope';

/**
 * The page watcher: one MutationObserver, and when to scan. EVERY record of a batch is sorted
 * (cheaply, each changed element looked at once) into "may change what Qadam shows" or not. A
 * relevant change is scanned at once, inside the observer's callback, so the ring is drawn before
 * the next paint; a second relevant change within the same frame waits for the next animation
 * frame. A busy page whose changes are irrelevant (a journal ticking) costs a rescan at most once a
 * second, and a region that changes all the time is left unobserved for a while (isolated); while
 * it holds nothing to type in or click, scans leave it out too (scope.ts).
 * Navigation (hash, history, WXT's `wxt:locationchange`) asks for a scan too.
 */

/** elements whose arrival or change can change the step or its fields */
export const RELEVANT =
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]),select,textarea,button,[role=tab],' +
  '[role=button],[role=dialog],[role=menuitem],label,legend,h1,h2,h3,h4,h5,h6,.gwt-TabBarItem';
/** where a change of text alone can change the step (captions, tabs, headings) */
export const CAPTION = 'h1,h2,h3,h4,h5,h6,legend,label,button,caption,th,[role=tab],[role=heading],[role=dialog],.gwt-TabBarItem';
/** a batch this large comes from a region that changes all the time (a journal ticking) */
export const STORM = 300;
/** how long such a region stays unobserved before it is looked at again */
export const ISOLATE_MS = 3000;
/**
 * While a region is isolated its changes are not observed; every this many frames (half a second
 * at 60 frames a second) it is asked whether a form control arrived or left inside it (a count by
 * tag: Chromium keeps it while no element comes or goes in the region)
 */
export const COUNT_FRAMES = 30;
/**
 * The ancestors of an isolated region are looked at each frame by their last child and number of
 * children only; every this many frames wholly (every child, the observed attributes)
 */
export const FULL_LOOK_FRAMES = 8;
/**
 * After ISOLATE_MS a set-aside region is observed again; if it is still storming it is isolated
 * again at once and stays set aside, without a scan. If no storm comes within this time (it went
 * quiet), it is given back to the scans and the page is scanned.
 */
export const PROBATION_MS = 250;
const FORM_CONTROLS = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]),select,textarea';
const controlsIn = (el: Element): number => el.querySelectorAll(FORM_CONTROLS).length;
const FULL: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'aria-selected', 'open', 'disabled'],
};
export const SLOW_SCAN_MS = 1000;
/** two relevant changes closer than this share one scan (the second in the next frame) */
const FRAME_MS = 8;

/** what the watcher needs of WXT's content-script context (an extension page gives its own) */
export type WatchContext = Pick<ContentScriptContext, 'isInvalid' | 'addEventListener'>;

export interface WatchHooks {
  /** look at the page now (the watcher decided it is time) */
  scan(): void;
  /** the address the page is at now (a training page stands for a portal address) */
  href(): string;
  /** is this removed element, or one inside it, something shown now (a located field)? */
  holds(el: Element): boolean;
  /** every batch, as it comes (portal messages are looked for in it) */
  note?(records: MutationRecord[]): void;
  /** the observer started (a message already on the page is looked for) */
  observing?(): void;
  /** the page changed where no record is taken (an isolated region's ancestors, looked at each frame) */
  unseen?(): void;
  /** the page navigated (hash, history); `trusted`: the browser said so, not a page script */
  navigated?(trusted: boolean): void;
}

export class PageWatcher {
  private observer: MutationObserver | null = null;
  private frame = 0;
  private lastScan = -Infinity;
  /** the address at the last scan */
  private href = '';
  private relevant = false;
  private slowTimer: number | null = null;
  private isolated: Element | null = null;
  private isolateTimer: number | null = null;
  /** while a region is isolated: its ancestors, looked at each animation frame */
  private lineage: Lineage | null = null;
  private lineageFrame = 0;
  /** a set-aside region observed again: is it still storming? (timer: give it back if not) */
  private probation: number | null = null;
  private ready = false;
  private stopped = false;

  constructor(
    private ctx: WatchContext,
    private hooks: WatchHooks,
  ) {}

  /** listen for navigation (before the first scan: a navigation meanwhile is not lost) */
  listen(): void {
    const navigated = (e: Event) => {
      this.request(true);
      this.hooks.navigated?.(e.isTrusted === true);
    };
    this.ctx.addEventListener(window, 'hashchange', navigated);
    this.ctx.addEventListener(window, 'popstate', navigated);
    // history.pushState/replaceState (no event of the page's own): WXT's location watcher
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.request(true));
  }

  /** the engine is ready: scan now, and from now on whenever the page changes */
  begin(): void {
    this.ready = true;
    this.request(true, true);
  }

  /** a region that changes all the time is isolated now */
  get isolatedRegion(): Element | null {
    return this.isolated;
  }

  get observing(): boolean {
    return !!this.observer;
  }

  /**
   * Ask for a scan: `now` (a relevant change was just seen) scans at once unless a scan already ran
   * in this frame; otherwise in the next animation frame (relevant = certainly rescan).
   */
  request(relevant: boolean, now = false): void {
    if (relevant) this.relevant = true;
    if (!this.ready || this.stopped || this.ctx.isInvalid) return;
    if (now && this.relevant && performance.now() - this.lastScan >= FRAME_MS) {
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.relevant = false;
      this.run();
      return;
    }
    if (this.frame) return;
    // not ctx.requestAnimationFrame: it adds an abort listener per call that is never removed (one
    // a frame on a busy page); stop() cancels the one frame pending instead
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.ctx.isInvalid) return;
      const hrefChanged = this.hooks.href() !== this.href;
      if (this.relevant || hrefChanged) {
        this.relevant = false;
        this.run();
      } else this.slow();
    });
  }

  private run(): void {
    if (this.ctx.isInvalid) return;
    this.lastScan = performance.now();
    this.href = this.hooks.href();
    this.hooks.scan();
  }

  private slow(): void {
    if (this.slowTimer !== null) return;
    this.slowTimer = window.setTimeout(() => {
      this.slowTimer = null;
      this.request(true);
    }, SLOW_SCAN_MS);
  }

  /** observe the page (on) or not at all (off: nothing of ours can be on this address) */
  observe(on: boolean): void {
    if (on && !this.observer) {
      this.observer = new MutationObserver((records) => this.onMutations(records));
      this.observer.observe(document.documentElement, FULL);
      this.hooks.observing?.();
    } else if (!on && this.observer) {
      this.unisolate(false);
      this.endProbation();
      setAside(null);
      this.observer.disconnect();
      this.observer = null;
    }
  }

  /** for good: no observer, no frame, no timer */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.slowTimer !== null) window.clearTimeout(this.slowTimer);
    this.slowTimer = null;
    this.observe(false);
  }

  /**
   * A region that changes every frame (a data grid) would make the browser build thousands of
   * mutation records a frame for us to ignore. Observe everything but that region instead: the
   * other children of its ancestors fully; after ISOLATE_MS look at the whole page again.
   * The ancestors themselves are not observed but looked at once a frame (`Lineage`): an observer
   * registered on an element is consulted by the browser for every change beneath it, so one on
   * each ancestor of a grid that changes 2,000 cells a frame costs the page's own script time
   * (about 1% of the main thread on the bench page). A child added to an ancestor (a dialog
   * appended to the body) is therefore seen one frame later at most.
   */
  private isolate(records: MutationRecord[]): void {
    const noisy = noisyRegion(records);
    this.endProbation();
    if (!noisy || !this.observer) return this.giveBack();
    const mo = this.observer;
    mo.disconnect();
    this.isolated = noisy;
    for (let el: Element = noisy; el.parentElement; el = el.parentElement) {
      const parent = el.parentElement;
      for (const sib of Array.from(parent.children)) if (sib !== el) mo.observe(sib, FULL);
    }
    this.isolateTimer = window.setTimeout(() => this.unisolate(true, true), ISOLATE_MS);
    // nothing in it to type in or click: scans leave it out (scope.ts) until one appears in it
    const aside = holdsCount(noisy) === 0;
    const prev = setAsideRegion();
    setAside(aside ? noisy : null);
    if (prev && prev !== setAsideRegion()) this.request(true); // a region given back is looked at again
    // a form that appears inside the region itself: seen within COUNT_FRAMES, not ISOLATE_MS
    this.lineage = new Lineage(noisy, aside ? holdsCount : controlsIn);
    this.watchLineage();
  }

  /** the set-aside region is looked at by scans again (and the page is scanned) */
  private giveBack(): void {
    this.endProbation();
    if (!setAsideRegion()) return;
    setAside(null);
    this.request(true);
  }

  private endProbation(): void {
    if (this.probation !== null) window.clearTimeout(this.probation);
    this.probation = null;
  }

  /**
   * Observe the isolated region again (`observeAll`) or stop observing altogether. `timer`: its
   * time is up, nothing was seen arriving in it; a set-aside region stays aside on probation.
   */
  private unisolate(observeAll: boolean, timer = false): void {
    if (!this.isolated) return;
    const region = this.isolated;
    this.isolated = null;
    if (this.isolateTimer !== null) window.clearTimeout(this.isolateTimer);
    this.isolateTimer = null;
    if (this.lineageFrame) cancelAnimationFrame(this.lineageFrame);
    this.lineageFrame = 0;
    this.lineage = null;
    if (!observeAll || !this.observer) {
      this.endProbation();
      setAside(null);
      return;
    }
    this.observer.disconnect();
    this.observer.observe(document.documentElement, FULL);
    if (timer && setAsideRegion() === region && region.isConnected) {
      // still storming: the next batch isolates it again, no scan; else it is given back
      this.probation = window.setTimeout(() => this.giveBack(), PROBATION_MS);
      return;
    }
    if (setAsideRegion()) setAside(null);
    this.request(true); // what changed inside the region meanwhile
  }

  /**
   * While a region is isolated, its ancestors are looked at each frame: a new child is observed
   * (fully) from now on, and scanned if it may change what Qadam shows, as a record of it would be.
   */
  private watchLineage(): void {
    // no ctx.isInvalid here (it asks the extension API, a cost each frame): invalidation stops us
    this.lineageFrame = requestAnimationFrame(() => {
      this.lineageFrame = 0;
      const lineage = this.lineage;
      const noisy = this.isolated;
      if (!lineage || !noisy || !this.observer) return;
      const change = lineage.look();
      if (!noisy.isConnected || lineage.holdsOther()) return this.unisolate(true);
      if (change) {
        for (const el of change.added) this.observer.observe(el, FULL);
        this.hooks.unseen?.();
        const holds = (el: Element) => this.hooks.holds(el);
        if (change.attributes || change.added.some(mayShow) || change.removed.some((el) => mayShow(el) || holds(el))) {
          this.request(true, true);
        }
      }
      this.watchLineage();
    });
  }

  private onMutations(all: MutationRecord[]): void {
    if (this.isolated) {
      if (!this.isolated.isConnected) this.unisolate(true);
    } else if (all.length > STORM) this.isolate(all);
    else if (this.probation !== null) this.giveBack(); // the set-aside region went quiet
    // what happened inside a set-aside region cannot change what Qadam shows (it holds nothing to
    // type in or click, and a big container is no caption): its records are not looked at one by one
    const aside = setAsideRegion();
    const records = aside ? all.filter((r) => !aside.contains(r.target)) : all;
    if (!records.length) return;
    this.hooks.note?.(records);
    if (this.relevant) return this.request(true, true);
    this.request(
      anyRelevant(records, (el) => this.hooks.holds(el)),
      true,
    );
  }
}

/**
 * Does any record of the batch change what Qadam may show? Every record is looked at (no sample:
 * a form's insertion may come after thousands of a grid's records), each changed node once.
 */
export function anyRelevant(records: readonly MutationRecord[], holds: (el: Element) => boolean): boolean {
  const seen = new Set<Node>();
  for (const r of records) {
    if (r.type !== 'childList') {
      if (seen.has(r.target)) continue;
      seen.add(r.target);
    }
    if (isRelevant(r, holds)) return true;
  }
  return false;
}

function isRelevant(r: MutationRecord, holds: (el: Element) => boolean): boolean {
  const target = r.target;
  if (r.type === 'childList') {
    for (const list of [r.addedNodes, r.removedNodes]) {
      for (let i = 0; i < list.length; i++) {
        const node = list[i]!;
        if (node.nodeType === Node.ELEMENT_NODE) {
          const el = node as Element;
          if (mayShow(el)) return true;
          if (list === r.removedNodes && holds(el)) return true;
        } else if (node.nodeType === Node.TEXT_NODE && target instanceof Element && target.closest(CAPTION)) return true;
      }
    }
    return false;
  }
  const el = r.type === 'characterData' ? target.parentElement : (target as Element);
  if (!el) return false;
  if (r.type === 'characterData') return !!el.closest(CAPTION);
  return el.matches(RELEVANT) || (el.childElementCount > 0 && el.childElementCount <= BIG_CONTAINER && !!el.querySelector(RELEVANT));
}

/** an element added or removed: is it, or does it hold, something Qadam may show? (not our overlay) */
function mayShow(el: Element): boolean {
  return el.localName !== 'qadam-overlay' && (el.matches(RELEVANT) || (!!el.childElementCount && !!el.querySelector(RELEVANT)));
}

/**
 * An isolated region's ancestors (and the region's own attributes), compared each frame with the
 * last look: which children came or went, whether an observed attribute changed. Each ancestor
 * holds a handful of children (the region's thousands are not looked at): a few microseconds.
 */
export class Lineage {
  private chain: Element[] = [];
  private kids: Element[][];
  private attrs: string;
  private count: number;
  private frame = 0;

  constructor(
    private region: Element,
    private counter: (region: Element) => number,
  ) {
    for (let el = region.parentElement; el; el = el.parentElement) this.chain.push(el);
    this.kids = this.chain.map(kidsOf);
    this.attrs = attrsOf(region, this.chain);
    this.count = counter(region);
  }

  /** every COUNT_FRAMES looks: does the region hold more or fewer controls than when it was isolated? */
  holdsOther(): boolean {
    return this.frame % COUNT_FRAMES === 0 && this.counter(this.region) !== this.count;
  }

  /**
   * What changed since the last look, or null (our own overlay coming or going is no change). Each
   * frame an ancestor's number of children and last child are compared (two reads each: a dialog
   * appended to the body); every FULL_LOOK_FRAMES, or when those differ, every child and attribute.
   */
  look(): { added: Element[]; removed: Element[]; attributes: boolean } | null {
    const full = ++this.frame % FULL_LOOK_FRAMES === 0;
    const { chain, kids } = this;
    if (!full && chain.every((el, i) => el.childElementCount === kids[i]!.length && el.lastElementChild === (kids[i]!.at(-1) ?? null))) {
      return null;
    }
    const added: Element[] = [];
    const removed: Element[] = [];
    const theirs = (el: Element) => el.localName !== 'qadam-overlay' && !el.contains(this.region);
    chain.forEach((el, i) => {
      const before = kids[i]!;
      const now = el.children;
      let same = now.length === before.length;
      for (let k = 0; same && k < before.length; k++) same = now[k] === before[k];
      if (same) return;
      const after = (kids[i] = kidsOf(el));
      added.push(...after.filter((c) => !before.includes(c) && theirs(c)));
      removed.push(...before.filter((c) => !after.includes(c) && theirs(c)));
    });
    let attributes = false;
    if (full) {
      const attrs = attrsOf(this.region, chain);
      attributes = attrs !== this.attrs;
      this.attrs = attrs;
    }
    return attributes || added.length || removed.length ? { added, removed, attributes } : null;
  }
}

const kidsOf = (el: Element): Element[] => Array.from(el.children);
function attrsOf(region: Element, chain: readonly Element[]): string {
  let s = '';
  for (const el of [region, ...chain]) for (const a of FULL.attributeFilter!) s += (el.getAttribute(a) ?? '\u0000') + '\u0001';
  return s;
}

/**
 * The big container (a grid of more than BIG_CONTAINER rows) that most of the batch's records
 * come from, or null. Sampled: a status line ticking elsewhere does not hide the grid.
 */
export function noisyRegion(records: readonly MutationRecord[]): Element | null {
  const root = document.documentElement;
  const step = Math.max(1, Math.floor(records.length / 64));
  const counts = new Map<Element, number>();
  // childElementCount counts each time (a grid: thousands of children): once per element here
  const big = new Map<Element, boolean>();
  const isBig = (el: Element): boolean => {
    let b = big.get(el);
    if (b === undefined) big.set(el, (b = el.childElementCount > BIG_CONTAINER));
    return b;
  };
  let n = 0;
  for (let i = 0; i < records.length; i += step) {
    const t = records[i]!.target;
    let el: Element | null = t.nodeType === Node.ELEMENT_NODE ? (t as Element) : t.parentElement;
    while (el && el !== root && !isBig(el)) el = el.parentElement;
    n++;
    if (el && el !== root && el !== document.body) counts.set(el, (counts.get(el) ?? 0) + 1);
  }
  let best: Element | null = null;
  let most = 0;
  for (const [el, c] of counts) if (c > most) [best, most] = [el, c];
  return best && most >= n * 0.8 ? best : null;
}
