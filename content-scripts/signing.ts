import type { FieldDef, Handover, Lang, PageStep, PortalId, Procedure } from '../procedures/types';
import type { SignerState } from '../lib/signers';
import { fit, norm, normWords } from '../lib/text';
import { t } from './strings';
import { portalById } from '../procedures/portals';
import { sendToBackground } from '../lib/messages';
import CSS from './signing.css?inline';
import { controlBoxes, overlap, type Box } from './place';

/**
 * The hand-over card (`data-qadam-signing="ncalayer|e-imzo"`): when the user presses the button of
 * a signing step, the signing program opens its own window outside the page. The card says that
 * (and how to bring the window forward), which key to choose for THIS step, that the password asked
 * is the key's, and what to do when nothing opens (with the program's readiness, asked from the
 * background: a version query only). It never covers the portal's controls, closes with × or
 * Escape, and goes when the page moves on.
 */

export type Program = 'ncalayer' | 'e-imzo';
const NAMES: Record<Program | 'kaztoken', string> = { ncalayer: 'NCALayer', 'e-imzo': 'E-IMZO', kaztoken: 'KAZTOKEN' };
const DOWNLOADS: Record<Program, string> = {
  ncalayer: 'https://pki.gov.kz/index.php/ru/ncalayer',
  'e-imzo': 'https://e-imzo.uz/main/downloads/',
};
/** what a press is on: the control around the element clicked */
const PRESSABLE = 'button,a[href],input[type=button],input[type=submit],[role=button],[role=menuitem],select';
const GAP = 12;
/** tried in turn: the usual card, a narrow one for a margin beside a form, wide ones for a band under it */
const WIDTHS = [380, 256, 560, 760];

export function programOf(procedure: Procedure, portal: PortalId): Program {
  return procedure.signer ?? portalById(portal).signer;
}

/**
 * The hand-over a press starts: the pressed field's, or the step's own (a button that is not one of
 * its fields, found by its caption). Null when the press hands over nothing.
 */
export function handoverOf(step: PageStep, field: FieldDef | undefined, target: EventTarget | null): Handover | null {
  if (field?.handover) return field.handover;
  if (!step.handover || !(target instanceof Element)) return null;
  const control = target.closest(PRESSABLE);
  if (!control) return null;
  const caption = norm(
    (control as HTMLInputElement).value && control instanceof HTMLInputElement ? control.value : (control.textContent ?? '').slice(0, 200),
  );
  return normWords(step.handover.labels).some((w) => fit(caption, w) > 0) ? { key: step.handover.key } : null;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

/** the place for a w×h card, in the viewport, where it covers the fewest of the page's controls */
export function placeClear(
  w: number,
  h: number,
  anchor: Box | null,
  obstacles: readonly Box[],
  vw: number,
  vh: number,
): { x: number; y: number; cost: number } {
  const spots: { x: number; y: number }[] = [
    { x: vw - w - GAP, y: vh - h - GAP },
    { x: GAP, y: vh - h - GAP },
    { x: vw - w - GAP, y: GAP },
    { x: GAP, y: GAP },
  ];
  if (anchor)
    spots.unshift(
      { x: anchor.right + GAP, y: anchor.top },
      { x: anchor.left - w - GAP, y: anchor.top },
      { x: anchor.left, y: anchor.bottom + GAP },
      { x: anchor.left, y: anchor.top - h - GAP },
    );
  let best = { ...spots[0]!, cost: Infinity };
  let bestCost = Infinity;
  for (const s of spots) {
    const x = Math.max(GAP / 2, Math.min(s.x, vw - w - GAP / 2));
    const y = Math.max(GAP / 2, Math.min(s.y, vh - h - GAP / 2));
    const box = { left: x, top: y, right: x + w, bottom: y + h };
    let cost = 0;
    for (const o of obstacles) cost += overlap(box, o) * (o.weight ?? 1);
    if (cost < bestCost) {
      bestCost = cost;
      best = { x, y, cost };
      if (!cost) break;
    }
  }
  return best;
}

/**
 * What Qadam's own boxes must keep clear of: the page's visible controls in the viewport (bounded),
 * and, counting less, Qadam's hints in `layer`.
 */
export function obstacleBoxes(layer: Element | null, vw: number, vh: number): Box[] {
  // the portal's controls count far more than Qadam's hints: covering a button is the worse fault
  const out = controlBoxes(vw, vh, 8);
  for (const o of layer?.querySelectorAll('.tip:not([hidden]),.panel,.warning') ?? []) {
    const r = o.getBoundingClientRect();
    out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, weight: 0.25 });
  }
  return out;
}

export class SigningCard {
  private card: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  /** the page (address and step) the card belongs to */
  private page = '';
  private anchor: Element | null = null;
  private round = 0;
  private frame = 0;
  /** the page scrolled or resized under the card: place it again (once a frame at most) */
  private onResize = () => {
    if (!this.frame) this.frame = requestAnimationFrame(() => ((this.frame = 0), this.place()));
  };

  constructor(
    private mount: (el: HTMLElement) => void,
    private lang: () => Lang,
  ) {}

  get shown(): boolean {
    return !!this.card;
  }

  /** the user pressed a button that hands over to `program` */
  show(program: Program, handover: Handover, anchor: Element, page: string): void {
    this.close();
    const L = this.lang();
    const name = NAMES[program];
    const card = h('section', 'qcard');
    card.setAttribute('data-qadam-signing', program);
    card.setAttribute('role', 'region');
    const title = h('span', 'step', t(L, 'signing.title', { name }));
    title.id = 'qadam-signing-title';
    card.setAttribute('aria-labelledby', title.id);
    const close = h('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', t(L, 'overlay.close'));
    close.title = t(L, 'overlay.close');
    close.addEventListener('click', () => this.close());
    const head = h('div', 'head');
    head.append(h('span', 'brand', 'Qadam'), title, close);
    const list = h('ul');
    const item = (part: string, text: string) => {
      const li = h('li', undefined, text);
      li.dataset.part = part;
      list.append(li);
      return li;
    };
    const behind = item('behind', t(L, 'signing.behind', { name }));
    const keyText = program === 'e-imzo' ? t(L, 'signing.keyEimzo') : t(L, handover.key === 'auth' ? 'signing.keyAuth' : 'signing.keySign');
    item('key', keyText);
    item('company', t(L, program === 'e-imzo' ? 'signing.companyEimzo' : 'signing.company'));
    const password = item('password', t(L, 'signing.password', { name }));
    const nothing = item('nothing', t(L, 'signing.nothing', { name }));
    const state = h('span', 'state', t(L, 'signing.checking', { name }));
    state.dataset.part = 'state';
    nothing.append(state);
    card.append(h('style', undefined, CSS), head, list);
    this.card = card;
    this.page = page;
    this.anchor = anchor;
    this.mount(card);
    this.place();
    window.addEventListener('resize', this.onResize);
    window.addEventListener('scroll', this.onResize, { capture: true, passive: true });
    // announced politely (the user's attention is on the program's window); focus stays put
    if (!this.live) {
      this.live = h('div', 'sr');
      this.live.setAttribute('aria-live', 'polite');
    }
    this.mount(this.live);
    const say = `${title.textContent} ${keyText}`;
    requestAnimationFrame(() => {
      if (this.live && this.card === card) this.live.textContent = say;
    });
    const round = ++this.round;
    void this.readiness(program).then((s) => {
      if (round !== this.round || !this.card) return;
      if (s?.state === 'running' && s.id === 'kaztoken') {
        // KAZTOKEN on NCALayer's port: its window, its device and PIN instead of a key file's password
        const k = NAMES.kaztoken;
        title.textContent = t(L, 'signing.title', { name: k });
        behind.textContent = t(L, 'signing.behind', { name: k });
        password.textContent = t(L, 'signing.kaztoken');
        nothing.firstChild!.textContent = t(L, 'signing.nothing', { name: k });
      }
      this.showState(state, program, s);
      this.place();
    });
  }

  private async readiness(program: Program): Promise<SignerState | null> {
    try {
      return (await sendToBackground({ type: 'qadam:signer', id: program })) ?? null;
    } catch {
      return null;
    }
  }

  private showState(el: HTMLElement, program: Program, s: SignerState | null): void {
    const L = this.lang();
    const name = NAMES[program];
    el.dataset.state = s?.state ?? 'unknown';
    if (s?.state === 'running' && s.id === 'kaztoken')
      el.textContent = t(L, 'signing.running', { name: NAMES.kaztoken, version: s.version ?? '' });
    else if (s?.state === 'running') el.textContent = t(L, 'signing.running', { name, version: s.version ?? '' });
    else if (s?.state === 'not-running') {
      el.textContent = `${t(L, 'signing.notRunning', { name })} `;
      const a = h('a', undefined, t(L, 'signing.download', { name }));
      a.href = DOWNLOADS[program];
      a.target = '_blank';
      a.rel = 'noreferrer';
      el.append(a);
    } else el.textContent = t(L, 'signing.unknown', { name });
  }

  /** where the card covers none of the page's controls (the pressed button included) */
  private place(): void {
    const card = this.card;
    if (!card) return;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = document.documentElement.clientHeight || window.innerHeight;
    const obstacles = obstacleBoxes(card.parentElement, vw, vh);
    const a = this.anchor?.isConnected ? this.anchor.getBoundingClientRect() : null;
    // a narrow card first; wider (and so lower) ones fit the free band under a form
    let best: { x: number; y: number; cost: number; w: number } | null = null;
    for (const want of WIDTHS) {
      const w = Math.min(want, vw - 2 * GAP);
      card.style.width = `${w}px`;
      const { height } = card.getBoundingClientRect();
      const p = placeClear(w, height, a, obstacles, vw, vh);
      if (!best || p.cost < best.cost) best = { ...p, w };
      if (!p.cost) break;
    }
    card.style.width = `${best!.w}px`;
    card.style.transform = `translate(${Math.round(best!.x)}px, ${Math.round(best!.y)}px)`;
  }

  /** the page shown now (address and step): the card goes when it is another one */
  follow(page: string): void {
    if (this.card && page !== this.page) this.close();
  }

  close(): boolean {
    if (!this.card) return false;
    this.round++;
    this.card.remove();
    this.card = null;
    this.anchor = null;
    if (this.live) this.live.textContent = '';
    window.removeEventListener('resize', this.onResize);
    window.removeEventListener('scroll', this.onResize, { capture: true });
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    return true;
  }
}
