import { boxOf, clipRect, follow, outside, overlap, position, viewport, type Box, type Placement } from './place';
import type { Lang, PortalId } from '../procedures/types';
import { PORTAL_MESSAGES, type PortalMessage } from '../procedures/messages';
import { indexOfWord, norm, normWords } from '../lib/text';
import { t } from './strings';
import { obstacleBoxes } from './signing';
import CSS from './explain.css?inline';
import { queryAll } from './scope';

/**
 * Portal messages explained: when the portal shows a message (contract.md «Portal messages») whose
 * text is in the catalogue (procedures/messages.ts), an explanation `data-qadam-explain="<id>"`
 * stands beside it in the overlay. Cheap: the engine's one MutationObserver hands its records to
 * `note()`, which only asks whether a message surface appeared or changed; the page is looked at
 * (a bounded query) at most every SCAN_MS after that. Message texts are never stored; the texts of
 * unknown ones are kept in memory, masked and bounded, for «Copy diagnostics».
 */

/**
 * the message surfaces: ARIA alerts, PrimeFaces growl/messages, Angular Material snack-bar and errors,
 * Bootstrap alerts, jQuery UI dialogs, native dialogs
 */
export const SURFACE = [
  '[role=alert]',
  '[role=alertdialog]',
  '.ui-growl-item',
  '.ui-messages',
  '.ui-message',
  'mat-snack-bar-container',
  '.mat-mdc-snack-bar-container',
  '.mat-snack-bar-container',
  'mat-error',
  '.mat-error',
  '.mat-mdc-form-field-error',
  '.alert',
  '.ui-dialog',
  'dialog',
].join(',');
const SCAN_MS = 120;
const MAX_SURFACES = 40;
const MAX_SHOWN = 3;
const TEXT_LIMIT = 1000;
/** unknown messages kept for diagnostics, and how long each may be */
const UNKNOWN_KEEP = 5;
const UNKNOWN_LEN = 200;
/** beside the message, tried in turn: the first that covers no control (nor the message) wins */
const PLACEMENTS: readonly Placement[] = ['bottom-start', 'right-start', 'top-start', 'top-end', 'bottom-end', 'left-start'];

export function matchMessage(
  text: string,
  portal: PortalId,
  step: string | null,
  catalogue: readonly PortalMessage[] = PORTAL_MESSAGES,
): PortalMessage | null {
  const n = norm(text);
  if (!n) return null;
  for (const m of catalogue) {
    if (!m.portals.includes(portal) || (m.steps && (!step || !m.steps.includes(step)))) continue;
    if (m.match.every((group) => normWords(group).some((w) => indexOfWord(n, w) >= 0))) return m;
  }
  return null;
}

/**
 * A message's text as support may see it: what the user typed into the page's fields, numbers of
 * four digits or more and e-mail addresses masked; bounded.
 */
export function maskText(text: string, typed: readonly string[]): string {
  let s = text.replace(/\s+/g, ' ').trim();
  for (const v of typed) if (v.length >= 3) s = s.split(v).join('…');
  s = s.replace(/[^\s@]+@[^\s@]+/g, '[e-mail]').replace(/\d[\d\s-]{2,}\d/g, (m) => (m.replace(/\D/g, '').length >= 4 ? '#' : m));
  return s.length > UNKNOWN_LEN ? `${s.slice(0, UNKNOWN_LEN - 1)}…` : s;
}

/** the text of a surface, its parts kept apart («Ошибка» title, message, «OK» button), bounded */
function textOf(el: Element): string {
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walk.nextNode(); n && out.length < TEXT_LIMIT; n = walk.nextNode()) {
    const p = n.parentElement;
    if (p && (p.localName === 'script' || p.localName === 'style')) continue;
    out += ` ${n.nodeValue ?? ''}`;
  }
  return out.slice(0, TEXT_LIMIT);
}

function shownNow(el: Element): boolean {
  if (el.localName === 'dialog' && !(el as HTMLDialogElement).open) return false;
  if (el.closest('[hidden],[aria-hidden="true"]')) return false;
  const cs = getComputedStyle(el);
  return cs.display !== 'none' && cs.visibility !== 'hidden';
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

interface Shown {
  id: string;
  box: HTMLElement;
  stop: () => void;
}

export class MessageWatch {
  private timer: number | null = null;
  private shown = new Map<Element, Shown>();
  private closed = new WeakMap<Element, string>();
  private unknownTexts: string[] = [];
  private style: HTMLStyleElement | null = null;
  private live: HTMLElement | null = null;
  private catalogue: readonly PortalMessage[];
  private stopped = false;
  /** whether an element stands in a message surface (a ticking cell is asked once, not every frame) */
  private inSurface = new WeakMap<Element, boolean>();

  constructor(
    private portal: PortalId,
    private mount: (el: HTMLElement) => void,
    private lang: () => Lang,
    private step: () => string | null,
  ) {
    this.catalogue = PORTAL_MESSAGES.filter((m) => m.portals.includes(portal));
  }

  /** the engine's mutation records: does a message surface appear or change? (tiny work per record) */
  note(records: readonly MutationRecord[]): void {
    if (this.timer !== null || this.stopped) return;
    if (this.shown.size) return this.soon(); // an explanation may have to go with its message
    // every record (a message shown after a grid's thousand records must still be seen), each
    // changed node once per batch, as the engine's own relevance check does
    const seen = new Set<Node>();
    for (const r of records) {
      if (r.type !== 'childList') {
        if (seen.has(r.target)) continue;
        seen.add(r.target);
      }
      if (this.touches(r)) return this.soon();
    }
  }

  private touches(r: MutationRecord): boolean {
    const target = r.target;
    if (r.type === 'attributes') return (target as Element).matches(SURFACE);
    const el = r.type === 'characterData' ? target.parentElement : (target as Element);
    if (el && this.within(el)) return true;
    if (r.type !== 'childList') return false;
    const added = r.addedNodes;
    for (let i = 0; i < added.length; i++) {
      const node = added[i]!;
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const e = node as Element;
      if (e.localName === 'qadam-overlay') continue;
      if (e.matches(SURFACE) || (e.firstElementChild && e.querySelector(SURFACE))) return true;
    }
    return false;
  }

  /**
   * inside a message surface (the element or an ancestor), remembered per element: an ancestor's
   * answer serves its descendants (a grid's thousands of cells ask their row once, not `closest` each)
   */
  private within(el: Element): boolean {
    const path: Element[] = [];
    let inside: boolean | undefined;
    for (let e: Element | null = el; e; e = e.parentElement) {
      inside = this.inSurface.get(e);
      if (inside !== undefined) break;
      if (e.matches(SURFACE)) {
        inside = true;
        path.push(e);
        break;
      }
      path.push(e);
    }
    const v = !!inside;
    for (const e of path) this.inSurface.set(e, v);
    return v;
  }

  /** look at the page soon (coalesced) */
  soon(): void {
    if (this.timer !== null || this.stopped) return;
    this.timer = window.setTimeout(() => {
      this.timer = null;
      this.scan();
    }, SCAN_MS);
  }

  /** the messages shown now: explain the known ones, remember the unknown ones (masked) */
  scan(): void {
    if (this.stopped) return;
    const found = queryAll(document, SURFACE)
      .slice(0, MAX_SURFACES)
      .filter((el) => shownNow(el) && (el.textContent ?? '').trim());
    // the innermost surface carries the message (a growl item, not the growl; an alert in a dialog)
    const surfaces = found.filter((el) => !found.some((o) => o !== el && el.contains(o)));
    const want = new Map<Element, PortalMessage>();
    for (const el of surfaces) {
      const text = textOf(el);
      const m = matchMessage(text, this.portal, this.step(), this.catalogue);
      if (m) {
        if (want.size < MAX_SHOWN && this.closed.get(el) !== m.id) want.set(el, m);
      } else this.remember(text);
    }
    for (const [el, s] of this.shown) if (want.get(el)?.id !== s.id) this.drop(el);
    for (const [el, m] of want) if (!this.shown.has(el)) this.add(el, m);
  }

  private remember(text: string): void {
    const typed = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input,textarea'), (i) =>
      i.type === 'checkbox' || i.type === 'radio' ? '' : i.value,
    );
    const s = maskText(text, typed);
    if (!s || this.unknownTexts.includes(s)) return;
    this.unknownTexts.push(s);
    if (this.unknownTexts.length > UNKNOWN_KEEP) this.unknownTexts.shift();
  }

  /** unknown message texts seen on this page (for diagnostics) */
  unknown(): string[] {
    return [...this.unknownTexts];
  }

  private add(el: Element, m: PortalMessage): void {
    const L = this.lang();
    if (!this.style) this.style = h('style', undefined, CSS);
    this.mount(this.style);
    const box = h('div', 'qexp');
    box.setAttribute('data-qadam-explain', m.id);
    box.setAttribute('role', 'note');
    const title = h('span', 'step', t(L, 'explain.title'));
    title.id = `qadam-explain-${m.id}`;
    box.setAttribute('aria-labelledby', title.id);
    const close = h('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', t(L, 'overlay.close'));
    close.title = t(L, 'overlay.close');
    close.addEventListener('click', () => {
      this.closed.set(el, m.id);
      this.drop(el);
    });
    const head = h('div', 'head');
    head.append(h('span', 'brand', 'Qadam'), title, close);
    const means = h('p', 'means', t(L, `explain.${m.id}.means`));
    const todo = h('p', 'todo', t(L, `explain.${m.id}.todo`));
    box.append(head, means, todo);
    if (m.link) {
      const p = h('p');
      const a = h('a', undefined, t(L, 'explain.link'));
      a.href = m.link;
      a.target = '_blank';
      a.rel = 'noreferrer';
      p.append(a);
      box.append(p);
    }
    this.mount(box);
    const stop = follow(el, box, () => this.place(el, box));
    this.shown.set(el, { id: m.id, box, stop });
    if (!this.live) {
      this.live = h('div', 'sr');
      this.live.setAttribute('aria-live', 'polite');
    }
    this.mount(this.live);
    const say = `${means.textContent} ${todo.textContent}`;
    requestAnimationFrame(() => {
      if (this.live) this.live.textContent = say;
    });
  }

  private place(el: Element, box: HTMLElement): void {
    if (!el.isConnected || !box.isConnected) return;
    const view = viewport();
    const vw = view.right;
    const vh = view.bottom;
    const { width, height } = box.getBoundingClientRect();
    const m = boxOf(el);
    const obstacles: Box[] = [...obstacleBoxes(box.parentElement, vw, vh), { ...m, weight: 2 }];
    const hidden = outside(m, clipRect(el));
    let best: { x: number; y: number; cost: number; hidden: boolean } | null = null;
    for (const placement of PLACEMENTS) {
      const { x, y } = position(m, width, height, [placement], 8, view, { top: 8, right: 8, bottom: 8, left: 8 });
      const r = { left: x, top: y, right: x + width, bottom: y + height };
      // what falls outside the window cannot be read: that costs most
      let cost = (width * height - overlap(r, { left: 0, top: 0, right: vw, bottom: vh })) * 3;
      for (const o of obstacles) cost += overlap(r, o) * (o.weight ?? 1);
      if (!best || cost < best.cost) best = { x, y, cost, hidden };
      if (!cost) break;
    }
    if (!best || !box.isConnected) return;
    box.style.transform = `translate(${Math.round(best.x)}px, ${Math.round(best.y)}px)`;
    if (best.hidden) box.setAttribute('data-hidden', '');
    else box.removeAttribute('data-hidden');
  }

  private drop(el: Element): void {
    const s = this.shown.get(el);
    if (!s) return;
    s.stop();
    s.box.remove();
    this.shown.delete(el);
  }

  /** the language changed: explanations are written again */
  refresh(): void {
    for (const el of [...this.shown.keys()]) this.drop(el);
    this.soon();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) window.clearTimeout(this.timer);
    for (const el of [...this.shown.keys()]) this.drop(el);
  }
}
