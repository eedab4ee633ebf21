import {
  boxOf,
  clipRect,
  controlBoxes,
  fitsSide,
  follow,
  outside,
  position,
  positionClear,
  readThenWrite,
  viewport,
  type Box,
  type Placement,
  type Rect,
  type Update,
} from './place';
import css from './overlay.css?inline';
import { WIDGET } from './locate';
import { labelsOf } from './scope';

/**
 * Everything Qadam draws in a portal page: one <qadam-overlay> host with an open shadow root,
 * holding a ring per located field (data-qadam-field) and one tooltip per ring (role="tooltip"),
 * of which the active one is shown. Page text is never parsed as HTML (textContent only).
 * Positions come from place.ts; `follow` tracks scrolling, resizing and the fields' sizes.
 */

export interface RingSpec {
  id: string;
  /** what the ring goes around: the field, or the visible box drawn over a hidden input */
  el: Element;
  /** the field itself (its value, its events) */
  source: Element;
  /** 1-based place of the field in the step */
  n: number;
  hint: string;
  important: boolean;
  /** a private frame completing the hint (a profile's name: issue 15), made once per key */
  extra?: { key: string; make: () => HTMLElement };
  /** the user taught Qadam this element (content-scripts/teach.ts): said in the tip, with an undo */
  taught?: { label: string; undo: string; onUndo: () => void };
}

export interface WarningSpec {
  kind: 'wrong-company' | 'already-registered';
  /** what makes it this warning (a closed one stays closed while the key is the same); never in the DOM */
  key: string;
  /**
   * its content: a private frame (issue 15), which names the profile where the page cannot read it;
   * `close` removes the warning (the user pressed × inside the frame)
   */
  make: (close: () => void) => HTMLElement;
}

export interface OverlayTexts {
  brand: string;
  stepLine: string;
  close: string;
  reopen: string;
  important: string;
}

interface Ring {
  spec: RingSpec;
  ring: HTMLElement;
  tip: HTMLElement;
  hint: HTMLElement;
  problem: HTMLElement;
  extra: { key: string; el: HTMLElement } | null;
  stopRing: () => void;
  stopTip: (() => void) | null;
  closed: boolean;
  /** where its tip stands, chosen when the tip is shown (clear of the other fields), kept while it follows */
  tipPlace?: Placement;
  tipSize?: string;
}

const PAD = 3;
/**
 * Rings and tips follow scrolling, resizing and the field's own size (place.ts `follow`). No
 * IntersectionObserver per ring for layout shifts (floating-ui's `layoutShift`: the browser
 * recomputes it every frame on a busy page, measured +0.45 s of main thread in 5 s on the benchmark
 * journal): shifts are caught by one ResizeObserver on the document and the engine's rescans (`reposition`).
 */
/** a field with its caption around it: a label, or a widget drawn over a hidden input (one list: locate.ts) */
const CAPTIONED = `label,${WIDGET}`;
/** how far below a field the tooltip may reach (px) */
const REACH = 180;

/** the tooltip's places beside the field, tried in turn */
const TIP_PLACES = ['right-start', 'bottom-start', 'top-start', 'left-start'] as const;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

export class Overlay {
  private host: HTMLElement | null = null;
  private layer: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  private rings = new Map<string, Ring>();
  private active: string | null = null;
  private texts: OverlayTexts | null = null;
  /** trainer mode: big rings and hints for a projector (set before the first ring) */
  presenter = false;
  /** styles the sandbox adds (trainer mode: overlay-presenter.css); none on a portal page */
  extraCss = '';
  /** how much of the viewport's bottom tooltips keep clear of (the training bar), in px */
  keepClearBottom: () => number = () => 0;

  get size(): number {
    return this.rings.size;
  }

  private pageResize: ResizeObserver | null = null;

  /** place every ring and the shown tooltip again (after the page's layout changed) */
  reposition(): void {
    // every box is read before anything is written: one layout, not one per ring
    const parts: Update[] = [];
    for (const r of this.rings.values()) {
      parts.push(() => this.measureRing(r));
      if (!r.tip.hidden) parts.push(() => this.measureTip(r));
    }
    readThenWrite(parts);
  }

  /** the modal open now (modal.ts): a native modal dialog holds the overlay while it is open */
  private modal: Element | null = null;

  /**
   * Where the host lives: in <body>, or inside the open native modal dialog (all outside it is
   * inert then: our buttons would not take a click). Its layer is a manual popover in the top
   * layer, shown again when a modal opens so that it stands above it (a later top-layer entry is
   * drawn over an earlier one); without the popover API the host's z-index is all there is.
   */
  setModal(modal: Element | null): void {
    const changed = modal !== this.modal;
    this.modal = modal;
    const host = this.host;
    if (!host || !this.layer) return;
    const parent = this.hostParent();
    if (host.parentElement !== parent) parent.append(host);
    else if (!changed) return;
    this.promote();
  }

  private hostParent(): Element {
    const m = this.modal;
    if (m && m.localName === 'dialog' && m.isConnected) return m;
    return document.body ?? document.documentElement;
  }

  /** (re)enter the top layer, above whatever entered it before */
  private promote(): void {
    const layer = this.layer as (HTMLElement & { showPopover?: () => void; hidePopover?: () => void }) | null;
    if (!layer?.isConnected || typeof layer.showPopover !== 'function' || !layer.hasAttribute('popover')) return;
    try {
      if (layer.matches(':popover-open')) layer.hidePopover?.();
      layer.showPopover();
    } catch {
      /* not in a document that can show it: the z-index still holds */
    }
  }

  private ensureHost(): HTMLElement {
    if (this.host?.isConnected && this.layer) return this.layer;
    if (this.host && this.layer) {
      // taken out with a modal that was removed: put back, with its rings
      this.hostParent().append(this.host);
      this.promote();
      return this.layer;
    }
    if (!this.pageResize) {
      // content added above a field moves it and grows the page: one observer for all rings
      this.pageResize = new ResizeObserver(() => this.reposition());
      this.pageResize.observe(document.documentElement);
      if (document.body) this.pageResize.observe(document.body);
    }
    const host = document.createElement('qadam-overlay');
    // our own element: fixed, zero-sized, above everything, untouched by the page's styles
    host.setAttribute('style', 'all:initial;position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;');
    if (this.presenter) host.setAttribute('data-presenter', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css + this.extraCss;
    const layer = h('div', 'layer');
    if (typeof (layer as HTMLElement & { showPopover?: unknown }).showPopover === 'function') layer.setAttribute('popover', 'manual');
    const live = h('div', 'sr');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    shadow.append(style, layer, live);
    this.host = host;
    this.layer = layer;
    this.live = live;
    this.hostParent().append(host);
    this.promote();
    return layer;
  }

  /** a part drawn by another module (the signing card, explanations) goes into the same layer */
  mount(el: HTMLElement): void {
    const layer = this.ensureHost();
    if (el.parentElement !== layer) layer.append(el);
  }

  private panel: HTMLElement | null = null;
  private panelClosed = '';

  /**
   * A step with nothing to ring (a success notice, a page to read) still says where the user is
   * and what comes next: a small card in the corner, closable. Null removes it.
   */
  setPanel(p: { key: string; stepLine: string; text: string; close: string } | null): void {
    if (!p || this.panelClosed === p.key) {
      this.panel?.remove();
      this.panel = null;
      return;
    }
    const layer = this.ensureHost();
    if (!this.panel) {
      const panel = h('div', 'panel');
      panel.setAttribute('role', 'note');
      const head = h('div', 'head');
      const brand = h('span', 'brand', 'Qadam');
      const step = h('span', 'step');
      const close = h('button', 'close', '×');
      close.type = 'button';
      head.append(brand, step, close);
      panel.append(head, h('p', 'hint'));
      layer.append(panel);
      this.panel = panel;
    }
    const panel = this.panel;
    (panel.querySelector('.step') as HTMLElement).textContent = p.stepLine;
    (panel.querySelector('.hint') as HTMLElement).textContent = p.text;
    const close = panel.querySelector('.close') as HTMLButtonElement;
    close.setAttribute('aria-label', p.close);
    close.onclick = (e) => {
      if (!e.isTrusted) return; // the user's own click only: a page script cannot press Qadam's buttons
      this.panelClosed = p.key;
      this.setPanel(null);
    };
    if (this.live && this.live.textContent !== p.text) this.live.textContent = p.text;
  }

  private warnings: HTMLElement | null = null;
  private warningsClosed = new Set<string>();
  /** the key of each warning shown (kept here, never written into the page) */
  private warningKeys = new WeakMap<Element, string>();

  /**
   * Warnings about the page as a whole (`data-qadam-warning="<kind>"`): another company's BIN on
   * the page, a registration already done. Stacked top right; each holds a private frame of fixed
   * size that says the rest and has its × (issue 15). A closed warning stays closed while its key
   * is the same. An empty list removes them.
   */
  setWarnings(list: readonly WarningSpec[]): void {
    const shown = list.filter((w) => !this.warningsClosed.has(w.key));
    if (!shown.length) {
      this.warnings?.remove();
      this.warnings = null;
      return;
    }
    const layer = this.ensureHost();
    if (!this.warnings?.isConnected) {
      this.warnings = h('div', 'warnings');
      layer.append(this.warnings);
    }
    const box = this.warnings;
    const keep = new Set(shown.map((w) => w.key));
    for (const el of Array.from(box.children)) if (!keep.has(this.warningKeys.get(el) ?? '')) el.remove();
    for (const w of shown) {
      if (Array.from(box.children).some((c) => this.warningKeys.get(c) === w.key)) continue; // the same warning: left as it is
      const el = h('div', 'warning');
      this.warningKeys.set(el, w.key);
      el.setAttribute('data-qadam-warning', w.kind);
      el.append(
        w.make(() => {
          this.warningsClosed.add(w.key);
          el.remove();
          if (!box.childElementCount) this.setWarnings([]);
        }),
      );
      box.append(el);
    }
  }

  /** show rings for exactly these fields (kept rings keep their state, targets are re-anchored) */
  set(specs: readonly RingSpec[], texts: OverlayTexts): void {
    this.texts = texts;
    const want = new Map(specs.map((s) => [s.id, s]));
    let changed = false;
    for (const [id, r] of this.rings) {
      const s = want.get(id);
      if (!s || s.el !== r.spec.el) {
        this.drop(id);
        changed = true;
      }
    }
    for (const s of specs) {
      const r = this.rings.get(s.id);
      if (r) {
        r.spec = s;
        this.fill(r);
      } else {
        this.add(s);
        changed = true;
      }
    }
    if (!this.rings.size) {
      this.active = null;
      return;
    }
    if (!this.active || !this.rings.has(this.active)) this.activate(specs[0]!.id, false, false);
    // other fields were ringed or went: the shown tip chooses its place again, clear of them
    else if (changed) this.rings.get(this.active)!.tipPlace = undefined;
    // the fields may have moved too (the change that made the page be scanned): all placed at once
    this.reposition();
  }

  private add(spec: RingSpec): void {
    const layer = this.ensureHost();
    const ring = h('div', 'ring');
    ring.dataset.qadamField = spec.id;
    const badge = h('span', 'badge', String(spec.n));
    badge.setAttribute('aria-hidden', 'true');
    const reopen = h('button', 'reopen', '?');
    reopen.type = 'button';
    reopen.hidden = true;
    ring.append(badge, reopen);
    const tip = h('div', 'tip');
    tip.setAttribute('role', 'tooltip');
    tip.id = `qadam-tip-${spec.id}`;
    tip.dataset.for = spec.id;
    tip.hidden = true;
    const head = h('div', 'head');
    const brand = h('span', 'brand');
    const step = h('span', 'step');
    const close = h('button', 'close', '×');
    close.type = 'button';
    head.append(brand, step, close);
    const flag = h('span', 'flag');
    const hint = h('p', 'hint');
    const problem = h('p', 'problem');
    tip.append(head, flag, hint, problem);
    layer.append(ring, tip);
    const r: Ring = { spec, ring, tip, hint, problem, extra: null, stopRing: () => {}, stopTip: null, closed: false };
    // the user's own clicks only (issue 15): a page script's forged click does nothing
    close.addEventListener('click', (e) => e.isTrusted && this.close(spec.id));
    reopen.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      r.closed = false;
      this.activate(spec.id, true);
    });
    this.rings.set(spec.id, r);
    this.fill(r);
    // the ring's size is set by its placement: not watched (place.ts follow)
    r.stopRing = follow(spec.el, ring, () => this.measureRing(r), false, false); // placed by set()
  }

  private fill(r: Ring): void {
    const t = this.texts!;
    const { ring, tip, spec } = r;
    (ring.querySelector('.badge') as HTMLElement).textContent = String(spec.n);
    const reopen = ring.querySelector('.reopen') as HTMLButtonElement;
    reopen.setAttribute('aria-label', t.reopen);
    reopen.title = t.reopen;
    toggle(ring, 'important', spec.important);
    toggle(tip, 'important', spec.important);
    (tip.querySelector('.brand') as HTMLElement).textContent = t.brand;
    (tip.querySelector('.step') as HTMLElement).textContent = t.stepLine;
    const close = tip.querySelector('.close') as HTMLButtonElement;
    close.setAttribute('aria-label', t.close);
    close.title = t.close;
    const flag = tip.querySelector('.flag') as HTMLElement;
    flag.textContent = spec.important ? t.important : '';
    flag.hidden = !spec.important;
    if ((r.extra?.key ?? '') !== (spec.extra?.key ?? '')) {
      r.extra?.el.remove();
      r.extra = spec.extra ? { key: spec.extra.key, el: spec.extra.make() } : null;
      if (r.extra) r.hint.after(r.extra.el);
    }
    fillTaught(ring, tip, spec);
    if (r.hint.textContent !== spec.hint) {
      r.hint.textContent = spec.hint;
      if (this.active === spec.id) this.announce(r);
    }
  }

  /** the ring around the field: its box is the field's box grown by PAD on each side; hidden while the field is clipped away */
  private measureRing(r: Ring): (() => void) | null {
    if (!r.spec.el.isConnected) return null;
    // read…
    const b = boxOf(r.spec.el);
    const w = b.right - b.left + 2 * PAD;
    const hidden = w <= 2 * PAD || outside(b, clipRect(r.spec.el));
    // …then write (place.ts runs the writes of all parts after all their reads)
    return () => {
      Object.assign(r.ring.style, {
        transform: `translate(${Math.round(b.left - PAD)}px, ${Math.round(b.top - PAD)}px)`,
        width: `${Math.round(w)}px`,
        height: `${Math.round(b.bottom - b.top + 2 * PAD)}px`,
      });
      toggle(r.ring, 'hidden', hidden);
    };
  }

  /**
   * The tooltip stands beside the field, clear of the other ringed fields near it: its reference
   * is the field's box stretched to the right edge of the ringed fields within reach below it
   * (a narrow button above a wide input must not get a tooltip over that input).
   */
  private tipReference(r: Ring): Rect {
    const el = r.spec.el;
    const b = boxOf(el);
    let right = b.right;
    // a box with its caption beside it (a checkbox or radio and its label), an input with a hint
    // after it inside its label: clear what stands on the field's row, not the label's whole box (an
    // inline label holding a block caption spans the form's width, and a tip pushed past it would
    // fall below the field, over the next one)
    const src = r.spec.source;
    const captions = [src.closest(CAPTIONED), el.closest(CAPTIONED), ...labelsOf(src)];
    for (const c of captions) if (c) right = Math.max(right, rowRight(c, b));
    for (const o of this.rings.values()) {
      if (o === r) continue;
      const ob = o.spec.el.getBoundingClientRect();
      if (ob.top < b.bottom + REACH && ob.bottom > b.top - 8 && ob.left < b.right + 40) right = Math.max(right, ob.right);
    }
    return { ...b, right };
  }

  /** what a tip must keep clear of: the other ringed fields and the page's controls and pictures in view */
  private tipObstacles(r: Ring): Box[] {
    const own = [r.spec.el, r.spec.source];
    const mine = (e: Element) => own.some((o) => o === e || o.contains(e) || e.contains(o));
    const out: Box[] = [];
    for (const o of this.rings.values()) if (o !== r && !mine(o.spec.el)) out.push({ ...boxOf(o.spec.el), weight: 8 });
    return out.concat(controlBoxes(window.innerWidth, window.innerHeight, 1, { pictures: true, skip: mine }));
  }

  private measureTip(r: Ring): (() => void) | null {
    if (!r.spec.el.isConnected) return null;
    const pad = { top: 8, left: 8, right: 8, bottom: 8 + Math.max(0, this.keepClearBottom()) };
    // inside a modal dialog the layer is in the top layer: the dialog's box does not clip it, the window does
    const area =
      this.host?.parentElement?.localName === 'dialog'
        ? { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }
        : viewport();
    const ref = this.tipReference(r);
    const w = r.tip.offsetWidth;
    const hgt = r.tip.offsetHeight;
    // beside the field first: below it would cover the next field of the form; a tall hint that fits
    // beside the field but not below its top moves up (shift), not over the form. The place is chosen
    // when the tip is shown, clear of the other ringed fields and the page's controls where one fits
    // (a wide field with the next ones under it: above it); scrolling keeps it while it still fits.
    const size = `${w}x${hgt}`;
    if (!r.tipPlace || r.tipSize !== size || !fitsSide(ref, w, hgt, r.tipPlace, 12, area, pad)) {
      r.tipPlace = positionClear(ref, w, hgt, TIP_PLACES, 12, area, pad, this.tipObstacles(r)).placement;
      r.tipSize = size; // chosen for this size: a tip that grows (a rule's message) chooses again
    }
    const { x, y } = position(ref, w, hgt, [r.tipPlace], 12, area, pad);
    const hidden = outside(ref, clipRect(r.spec.el));
    return () => {
      Object.assign(r.tip.style, { transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)` });
      toggle(r.tip, 'hidden', hidden);
    };
  }

  /** show the tooltip of this field (and only it) */
  activate(id: string, focusClose = false, now = true): void {
    const r = this.rings.get(id);
    if (!r) return;
    if (this.active === id && r.stopTip && !r.tip.hidden) {
      // already shown and followed: a rescan does not restart it
      if (focusClose) (r.tip.querySelector('.close') as HTMLElement).focus();
      return;
    }
    if (this.active && this.active !== id) {
      const old = this.rings.get(this.active);
      if (old) this.hideTip(old);
    }
    this.active = id;
    for (const x of this.rings.values()) toggle(x.ring, 'active', x === r);
    if (r.closed) return;
    r.tip.hidden = false;
    r.tipPlace = undefined;
    (r.ring.querySelector('.reopen') as HTMLElement).hidden = true;
    r.stopTip?.();
    r.stopTip = follow(r.spec.el, r.tip, () => this.measureTip(r), true, now);
    this.announce(r);
    if (focusClose) (r.tip.querySelector('.close') as HTMLElement).focus();
  }

  get activeId(): string | null {
    return this.active;
  }

  private hideTip(r: Ring): void {
    r.tip.hidden = true;
    r.stopTip?.();
    r.stopTip = null;
  }

  /** the user closed the hint: hide it, keep the ring, offer a "?" to reopen */
  close(id: string): void {
    const r = this.rings.get(id);
    if (!r) return;
    r.closed = true;
    this.hideTip(r);
    const reopen = r.ring.querySelector('.reopen') as HTMLElement;
    reopen.hidden = false;
  }

  closeActive(): boolean {
    if (!this.active) return false;
    const r = this.rings.get(this.active);
    if (!r || r.tip.hidden) return false;
    this.close(this.active);
    return true;
  }

  /** a rule result for what is typed: message null = fine, undefined = nothing to judge (empty) */
  setProblem(id: string, message: string | null | undefined): void {
    const r = this.rings.get(id);
    if (!r) return;
    const invalid = typeof message === 'string';
    if (invalid) r.ring.dataset.qadamInvalid = id;
    else delete r.ring.dataset.qadamInvalid;
    toggle(r.tip, 'invalid', invalid);
    toggle(r.ring, 'ok', message === null);
    const text = invalid ? message : '';
    if (r.problem.textContent !== text) {
      r.problem.textContent = text;
      if (invalid) {
        if (r.closed) {
          r.closed = false;
        }
        this.activate(id);
        this.announce(r);
      }
    }
  }

  private announce(r: Ring): void {
    if (!this.live) return;
    const text = [r.spec.hint, r.problem.textContent].filter(Boolean).join(' ');
    if (this.live.textContent !== text) this.live.textContent = text;
  }

  private drop(id: string): void {
    const r = this.rings.get(id);
    if (!r) return;
    r.stopRing();
    r.stopTip?.();
    r.ring.remove();
    r.tip.remove();
    this.rings.delete(id);
    if (this.active === id) this.active = null;
  }

  clear(): void {
    for (const id of [...this.rings.keys()]) this.drop(id);
    this.setPanel(null);
    this.setWarnings([]);
    if (this.live) this.live.textContent = '';
  }

  destroy(): void {
    this.clear();
    this.pageResize?.disconnect();
    this.pageResize = null;
    this.host?.remove();
    this.host = this.layer = this.live = null;
  }

  /** which field a page element is (for focus and input events) */
  fieldOf(target: EventTarget | null): string | null {
    if (!(target instanceof Element)) return null;
    for (const [id, r] of this.rings) {
      const { el, source } = r.spec;
      if (el === target || el.contains(target) || source === target || source.contains(target)) return id;
      // a label or widget part that acts for the field (clicking the text of a checkbox)
      if (target instanceof HTMLLabelElement && target.control === source) return id;
    }
    return null;
  }

  /** the shadow root's layer, for the pointing and recording panels (content-scripts/guides.ts) */
  layerForGuides(): HTMLElement {
    return this.ensureHost();
  }

  elementOf(id: string): Element | undefined {
    return this.rings.get(id)?.spec.el;
  }
}

/** «taught by you» and its undo in the tip; `data-qadam-taught` on the ring */
/** the right edge of what an element shows on a row (the boxes of its text and children beside it) */
function rowRight(el: Element, row: Rect): number {
  const range = document.createRange();
  range.selectNodeContents(el);
  let right = row.right;
  for (const r of Array.from(range.getClientRects()))
    if (r.width > 0 && r.bottom > row.top && r.top < row.bottom) right = Math.max(right, r.right);
  return right;
}

function fillTaught(ring: HTMLElement, tip: HTMLElement, spec: RingSpec): void {
  toggle(ring, 'qadam-taught', !!spec.taught);
  let line = tip.querySelector<HTMLElement>('.taught');
  if (!spec.taught) {
    line?.remove();
    return;
  }
  if (!line) {
    line = h('p', 'taught');
    line.setAttribute('style', 'margin:6px 0 0;font-size:12px;color:#334155;');
    line.append(h('span'), document.createTextNode(' '), h('button', 'undo'));
    tip.append(line);
  }
  const { label, undo, onUndo } = spec.taught;
  (line.firstChild as HTMLElement).textContent = label;
  const btn = line.querySelector('button') as HTMLButtonElement;
  btn.type = 'button';
  btn.textContent = undo;
  btn.setAttribute('data-qadam-untaught', spec.id);
  btn.setAttribute('style', 'font:inherit;color:#0f766e;background:none;border:0;padding:0;text-decoration:underline;cursor:pointer;');
  btn.onclick = onUndo;
}

function toggle(el: HTMLElement, flag: string, on: boolean): void {
  if (on) el.setAttribute(`data-${flag}`, '');
  else el.removeAttribute(`data-${flag}`);
}
