/**
 * Where the overlay's parts stand (rings, tooltips, explanations), in window coordinates: the
 * overlay's layer is fixed at the window's corner (a popover in the top layer, or a fixed host).
 * The few steps of floating-ui the overlay used (placement with an offset, flip to fallback
 * placements, shift inside the window, hide when the field is clipped away, autoUpdate), written
 * out here (issue 13): floating-ui put ~16 KB (6 KB gzip) into the content script, and its
 * autoUpdate kept scroll and resize listeners on every scrolling ancestor of every ring, each
 * scroll event recomputing the positions at once. Here one listener serves all parts and
 * their updates run once per frame, before it is painted (tests/unit/place.test.ts).
 */
import { queryAll } from './scope';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export type Side = 'top' | 'right' | 'bottom' | 'left';
export type Placement = `${Side}-start` | `${Side}-end`;
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const rect = (r: DOMRectReadOnly | Rect): Rect => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });

/** the window's visible area (without scroll bars) */
export function viewport(): Rect {
  const html = document.documentElement;
  return { left: 0, top: 0, right: html.clientWidth || window.innerWidth, bottom: html.clientHeight || window.innerHeight };
}

const CLIPS = /auto|scroll|overlay|hidden|clip/;

/**
 * The part of the window in which this element can be seen: the window, cut by each ancestor
 * that clips its content (overflow other than visible). An ancestor that does not position the
 * element (static, while the element is absolute) does not clip it; nothing above a fixed one does.
 */
export function clipRect(el: Element): Rect {
  const out = viewport();
  let position = getComputedStyle(el).position;
  for (let p = parentOf(el); p && position !== 'fixed'; p = parentOf(p)) {
    if (p === document.body || p === document.documentElement) break;
    const s = getComputedStyle(p);
    const positioned = s.position !== 'static' || s.transform !== 'none' || s.contain === 'paint';
    if (position === 'absolute' && !positioned) continue;
    position = s.position;
    if (s.display !== 'inline' && s.display !== 'contents' && CLIPS.test(s.overflow + s.overflowX + s.overflowY)) {
      const b = p.getBoundingClientRect();
      const left = b.left + p.clientLeft;
      const top = b.top + p.clientTop;
      out.left = Math.max(out.left, left);
      out.top = Math.max(out.top, top);
      out.right = Math.min(out.right, left + p.clientWidth);
      out.bottom = Math.min(out.bottom, top + p.clientHeight);
    }
  }
  return out;
}

/** the parent across shadow roots */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** the box lies wholly outside the area on some side (floating-ui's hide(): referenceHidden) */
export function outside(box: Rect, area: Rect): boolean {
  return box.bottom <= area.top || box.top >= area.bottom || box.right <= area.left || box.left >= area.right;
}

/** the top-left corner of a box of this size placed on that side of the reference, `gap` away */
export function at(ref: Rect, width: number, height: number, placement: Placement, gap: number): { x: number; y: number } {
  const [side, align] = placement.split('-') as [Side, 'start' | 'end'];
  if (side === 'top' || side === 'bottom') {
    return { x: align === 'start' ? ref.left : ref.right - width, y: side === 'top' ? ref.top - height - gap : ref.bottom + gap };
  }
  return { x: side === 'left' ? ref.left - width - gap : ref.right + gap, y: align === 'start' ? ref.top : ref.bottom - height };
}

/** how far the box reaches past each side of the area (less its padding); negative: room left */
function overflow(x: number, y: number, width: number, height: number, area: Rect, pad: Padding): Record<Side, number> {
  return {
    top: area.top + pad.top - y,
    left: area.left + pad.left - x,
    bottom: y + height - (area.bottom - pad.bottom),
    right: x + width - (area.right - pad.right),
  };
}

/**
 * The box beside the reference: the first placement whose own side stays inside the area (else
 * the one that overflows least), then moved along that side to stay inside it (the start wins).
 */
export function position(
  ref: Rect,
  width: number,
  height: number,
  placements: readonly Placement[],
  gap: number,
  area: Rect,
  pad: Padding,
): { x: number; y: number; placement: Placement } {
  let best: { x: number; y: number; placement: Placement; over: number } | null = null;
  for (const placement of placements) {
    const p = at(ref, width, height, placement, gap);
    const over = overflow(p.x, p.y, width, height, area, pad)[placement.split('-')[0] as Side];
    if (over <= 0) {
      best = { ...p, placement, over };
      break;
    }
    if (!best || Math.max(0, over) < best.over) best = { ...p, placement, over: Math.max(0, over) };
  }
  const b = best!;
  const o = overflow(b.x, b.y, width, height, area, pad);
  const side = b.placement.split('-')[0];
  if (side === 'left' || side === 'right') b.y = Math.max(b.y + o.top, Math.min(b.y, b.y - o.bottom));
  else b.x = Math.max(b.x + o.left, Math.min(b.x, b.x - o.right));
  return { x: b.x, y: b.y, placement: b.placement };
}

/** does the box, placed on that side of the reference, stay inside the area on that side */
export function fitsSide(ref: Rect, width: number, height: number, placement: Placement, gap: number, area: Rect, pad: Padding): boolean {
  const p = at(ref, width, height, placement, gap);
  return overflow(p.x, p.y, width, height, area, pad)[placement.split('-')[0] as Side] <= 0;
}

/** a box to keep clear of, counting `weight` times its area (1 when not said) */
export type Box = Rect & { weight?: number };

/** the area two boxes share */
export const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** the portal's own controls, which Qadam's boxes (hints, cards, explanations) must not cover */
const CONTROLS =
  'a[href],button,input:not([type=hidden]),select,textarea,[role=button],[role=link],[role=tab],' +
  '[role=menuitem],[role=checkbox],[role=radio],[role=combobox],[contenteditable=true]';
const MAX_CONTROLS = 400;

/**
 * The page's visible controls in the window (bounded), each counting `weight`; with `pictures`,
 * its images and canvases too (a captcha a hint must not hide); `skip`: elements not to count.
 */
export function controlBoxes(
  vw: number,
  vh: number,
  weight: number,
  opts: { pictures?: boolean; skip?: (e: Element) => boolean } = {},
): Box[] {
  const out: Box[] = [];
  const controls = queryAll(document, opts.pictures ? `${CONTROLS},img,canvas` : CONTROLS);
  for (let i = 0; i < controls.length && out.length < MAX_CONTROLS; i++) {
    const e = controls[i]!;
    if (opts.skip?.(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width && r.height && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw)
      out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, weight });
  }
  return out;
}

/**
 * As `position`, keeping clear of obstacles (other ringed fields, the page's controls): of the
 * placements that fit, the first that covers none, else the one that covers least (by area ×
 * weight); when none fits, `position`'s choice.
 */
export function positionClear(
  ref: Rect,
  width: number,
  height: number,
  placements: readonly Placement[],
  gap: number,
  area: Rect,
  pad: Padding,
  obstacles: readonly Box[],
): { x: number; y: number; placement: Placement } {
  let best: { x: number; y: number; placement: Placement; cost: number } | null = null;
  for (const placement of placements) {
    if (!fitsSide(ref, width, height, placement, gap, area, pad)) continue;
    const q = position(ref, width, height, [placement], gap, area, pad);
    const box = { left: q.x, top: q.y, right: q.x + width, bottom: q.y + height };
    let cost = 0;
    for (const o of obstacles) cost += overlap(box, o) * (o.weight ?? 1);
    if (!best || cost < best.cost) best = { ...q, cost };
    if (!cost) break;
  }
  return best ? { x: best.x, y: best.y, placement: best.placement } : position(ref, width, height, placements, gap, area, pad);
}

export const boxOf = (el: Element): Rect => rect(el.getBoundingClientRect());

interface Follower {
  ref: Element;
  /** the part, when its size is watched */
  floating: Element | null;
  update: Update;
}

/**
 * Places a part: reads what it needs and writes at once (returns nothing), or reads only and
 * returns its writes, which run after every part due at the same time has read (no layout is
 * forced between parts).
 */
export type Update = () => void | (() => void) | null;

/** run the updates: all reads first, then all writes */
export function readThenWrite(updates: Iterable<Update>): void {
  const writes: (() => void)[] = [];
  for (const u of updates) {
    const w = u();
    if (w) writes.push(w);
  }
  for (const w of writes) w();
}

const run = (list: Iterable<Follower>): void => readThenWrite(Array.from(list, (f) => f.update));

/**
 * Keep a part beside its element: `update` runs now, and again after a scroll of the page or of
 * a box holding the element or a resize of the window (once per frame, before it is painted), or
 * a change of the element's size or, with `watchSize`, of the part's own (at once, in the
 * ResizeObserver's callback: the layout is fresh there, reading it forces none). A part whose
 * update sets its own size (a ring) is not watched: that would loop. `now`: place it at once (else
 * its owner places it, with its other parts). Returns the function that stops it.
 */
export function follow(ref: Element, floating: Element, update: Update, watchSize = true, now = true): () => void {
  const f: Follower = { ref, floating: watchSize ? floating : null, update };
  followers.add(f);
  if (!observer && typeof ResizeObserver === 'function') {
    observer = new ResizeObserver((entries) => {
      const changed = new Set<Follower>();
      for (const e of entries) for (const x of followers) if (x.ref === e.target || x.floating === e.target) changed.add(x);
      for (const x of changed) due.delete(x);
      run(changed);
    });
  }
  observer?.observe(ref);
  if (watchSize) observer?.observe(floating);
  if (followers.size === 1) {
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onResize, { passive: true });
  }
  if (now) run([f]);
  return () => {
    if (!followers.delete(f)) return;
    due.delete(f);
    if (![...followers].some((x) => x.ref === ref || x.floating === ref)) observer?.unobserve(ref);
    if (watchSize && ![...followers].some((x) => x.ref === floating || x.floating === floating)) observer?.unobserve(floating);
    if (!followers.size) {
      document.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onResize);
    }
  };
}

const followers = new Set<Follower>();
const due = new Set<Follower>();
let observer: ResizeObserver | null = null;
let frame = 0;

function onScroll(e: Event): void {
  const t = e.target;
  // the page, or a box around a followed element (a scrolling grid elsewhere moves nothing of ours)
  for (const f of followers) if (t === document || t === document.documentElement || (t instanceof Node && t.contains(f.ref))) due.add(f);
  schedule();
}

function onResize(): void {
  for (const f of followers) due.add(f);
  schedule();
}

function schedule(): void {
  if (frame || !due.size) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const list = [...due];
    due.clear();
    run(list.filter((f) => followers.has(f)));
  });
}
