import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lang, PortalId } from '../procedures/types';
import type { Overlay } from './overlay';
import type { Recognised } from './recognise';
import { handoverOf, programOf, type SigningCard } from './signing';
import { dependants, pickField, validate } from './validation';

/**
 * The user on the page: focus moves the hint to the field, typing is checked as it comes, a press
 * on one of the step's actions (a tab, a button) asks for a scan, a press that opens the signing
 * program shows the hand-over card, Escape closes what Qadam opened. Only the user's own (trusted)
 * events hand over or evaluate warnings; a page script's synthetic ones never do.
 */

export interface UserHost {
  overlay: Overlay;
  signing: SigningCard;
  portal: PortalId;
  current(): { rec: Recognised; located: ReadonlyMap<string, Element> } | null;
  lang(): Lang;
  /** the page's address (the hand-over card goes when it changes) */
  href(): string;
  /** the profile warnings may have changed (a `subject` field typed in) */
  warn(): void;
  /** the page probably changes (an action pressed) */
  rescan(): void;
}

export class UserEvents {
  /** the step's actions the user pressed (their hint is not picked again) */
  private used = new Set<string>();

  constructor(private host: UserHost) {}

  listen(ctx: Pick<ContentScriptContext, 'addEventListener'>): void {
    const capture = { capture: true };
    ctx.addEventListener(document, 'focusin', (e) => this.onFocus(e), capture);
    ctx.addEventListener(document, 'input', (e) => this.onInput(e), capture);
    ctx.addEventListener(document, 'change', (e) => this.onInput(e), capture);
    ctx.addEventListener(document, 'focusout', (e) => this.onInput(e), capture);
    ctx.addEventListener(document, 'click', (e) => this.onClick(e), capture);
    ctx.addEventListener(
      document,
      'keydown',
      (e) => {
        if ((e as KeyboardEvent).key === 'Escape' && e.isTrusted && !this.host.signing.close()) this.host.overlay.closeActive();
      },
      capture,
    );
  }

  /** another step is shown: no action of it was pressed yet */
  newStep(): void {
    this.used.clear();
  }

  /** the hint to show: the focused field, else the first with a problem, else the first not done */
  pickActive(): void {
    const cur = this.host.current();
    if (!cur) return;
    const { overlay } = this.host;
    const pick = pickField(cur.rec.step, cur.located, this.used, overlay.fieldOf(document.activeElement));
    if (pick) overlay.activate(pick);
  }

  private fieldOf(target: EventTarget | null) {
    const cur = this.host.current();
    const id = this.host.overlay.fieldOf(target);
    return id && cur ? cur.rec.step.fields.find((f) => f.id === id) : undefined;
  }

  private onInput(e: Event): void {
    // a key chosen in the page's list (E-IMZO): its program asks the key's password next
    if (e.type === 'change' && e.isTrusted && e.target instanceof HTMLSelectElement) this.handover(e);
    const cur = this.host.current();
    const f = this.fieldOf(e.target);
    if (!cur || !f) return;
    // the field, and a confirmation that depends on it
    for (const g of dependants(cur.rec.step, f.id)) validate(this.host.overlay, g, cur.located, this.host.lang());
    if (e.type === 'focusout' || e.type === 'change') this.pickActive();
    // the user's own typing or choice only: a page script's synthetic events never evaluate warnings
    if (f.subject && e.type !== 'focusout' && e.isTrusted) this.host.warn();
  }

  private onFocus(e: Event): void {
    const { overlay } = this.host;
    const id = overlay.fieldOf(e.target);
    if (id && id !== overlay.activeId) overlay.activate(id);
  }

  private onClick(e: Event): void {
    if (e.isTrusted) this.handover(e);
    const f = this.fieldOf(e.target);
    if (f?.kind !== 'action') return;
    this.used.add(f.id);
    this.pickActive();
    this.host.rescan(); // a tab or button usually changes the page
  }

  /** a press (by the user, not a script) on a button that opens the signing program's window */
  private handover(e: Event): void {
    const cur = this.host.current();
    if (!cur) return;
    const { overlay } = this.host;
    const id = overlay.fieldOf(e.target);
    const h = handoverOf(cur.rec.step, this.fieldOf(e.target), e.target);
    if (!h) return;
    const anchor = (id && overlay.elementOf(id)) || (e.target as Element);
    this.host.signing.show(
      programOf(cur.rec.procedure, this.host.portal),
      h,
      anchor,
      `${this.host.href()}|${cur.rec.procedure.id}/${cur.rec.step.id}`,
    );
  }
}
