import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lang } from '../procedures/types';
import type { WhoseAnswer } from '../lib/private-messages';
import { identifiersIn } from '../lib/identifiers';
import { profileWarnings } from '../lib/warnings';
import type { Overlay, WarningSpec } from './overlay';
import type { Recognised } from './recognise';
import { privateFrame, whose } from './private-frame';
import { stringsVersion, t } from './strings';

/**
 * The profile warnings on a portal page (the wrong-company guard, registrations already done):
 * the identifiers the page shows are sent to the background, whose answer (a profile is active,
 * the number is its own or not, it is registered) decides, with lib/warnings.ts, what is shown;
 * what names a profile is drawn in a private frame. Asked at most once per WARN_MS (issue 15: no
 * fast probing by a page script).
 */

/** warnings are evaluated at most this often (issue 15: no fast probing by a page script) */
export const WARN_MS = 300;

export type WarnContext = Pick<ContentScriptContext, 'setTimeout'>;

export interface WarnSource {
  /** the step shown now, with its located fields */
  current(): { rec: Recognised; located: ReadonlyMap<string, Element> } | null;
  lang(): Lang;
  /** the active profile, as the background's opaque tag */
  profileTag(): string;
}

export class ProfileWarnings {
  /** the identifiers the page showed when warnings were last evaluated, and the background's answer */
  private verdict: { ids: string[]; answer: WhoseAnswer } | null = null;
  private lastWarn = -Infinity;
  private timer: number | null = null;
  private stopped = false;

  constructor(
    private ctx: WarnContext,
    private overlay: Pick<Overlay, 'setWarnings'>,
    private src: WarnSource,
  ) {}

  /** what was answered is for a step no longer shown */
  forget(): void {
    this.verdict = null;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Ask the background whose the identifiers the page shows now are (issue 15): on a step shown
   * anew, on the user's own input, on navigation and on a profile change, never on a page script's
   * synthetic event, and at most once per WARN_MS.
   */
  evaluate(): void {
    if (this.stopped || this.timer !== null) return;
    const wait = this.lastWarn + WARN_MS - performance.now();
    if (wait > 0) {
      this.timer = this.ctx.setTimeout(() => {
        this.timer = null;
        this.evaluate();
      }, wait);
      return;
    }
    const cur = this.src.current();
    if (!cur) return;
    this.lastWarn = performance.now();
    const ids = subjectIds(cur.rec, cur.located);
    const reg = cur.rec.procedure.registers;
    void whose(ids, reg?.portal ?? null)
      .then((answer) => {
        // the same step still shown (a rescan meanwhile makes a new `current` of the same step)
        const now = this.src.current()?.rec;
        if (!answer || this.stopped || now?.procedure !== cur.rec.procedure || now.step !== cur.rec.step) return;
        this.verdict = { ids, answer };
        this.render();
      })
      .catch(() => {});
  }

  /** show the warnings of the last answer (in the language now) */
  render(): void {
    this.overlay.setWarnings(this.specs());
  }

  private specs(): WarningSpec[] {
    const cur = this.src.current();
    const v = this.verdict;
    if (!cur || !v) return [];
    const L = this.src.lang();
    const tag = this.src.profileTag();
    const procedure = cur.rec.procedure.id;
    const kinds = profileWarnings({
      procedure: cur.rec.procedure,
      stepIndex: cur.rec.index,
      active: v.answer.active,
      registered: v.answer.registered,
      shownIds: v.ids,
      verdict: v.answer.verdict,
    });
    return kinds.map((kind): WarningSpec => {
      if (kind === 'already-registered') {
        return {
          kind,
          key: `reg/${tag}/${procedure}/${L}/${stringsVersion()}`,
          make: (close) => privateFrame({ kind: 'already-registered', lang: L, procedure }, t(L, 'overlay.alreadyRegisteredTitle'), close),
        };
      }
      const shown = v.ids.slice(0, 8);
      return {
        kind,
        key: `wrong/${tag}/${shown.join(',')}/${L}/${stringsVersion()}`,
        make: (close) => privateFrame({ kind: 'wrong-company', lang: L, procedure, shown }, t(L, 'overlay.wrongCompanyTitle'), close),
      };
    });
  }
}

/**
 * The identifiers the page shows for whose registration it is: the value (or the chosen option,
 * the checked radio's caption) of the step's `subject` fields. Read now, kept nowhere.
 */
export function subjectIds(rec: Recognised, located: ReadonlyMap<string, Element>): string[] {
  const out: string[] = [];
  for (const f of rec.step.fields) {
    const el = f.subject ? located.get(f.id) : undefined;
    if (el) out.push(...identifiersIn(shownValue(el)));
  }
  return out;
}

/** what a field shows: its value, its chosen option's caption, the checked radio's caption */
export function shownValue(el: Element): string {
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.textContent ?? '';
  if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
    const group =
      el.name && el.form
        ? Array.from(el.form.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]`))
        : [el];
    const checked = group.find((r) => r.checked);
    return checked ? (checked.closest('label')?.textContent ?? checked.value) : '';
  }
  if ('value' in el) return String((el as HTMLInputElement).value ?? '');
  return el.textContent ?? '';
}
