import type { FieldDef, Lang, PageStep, PortalId } from '../procedures/types';
import { stepReady } from './validation';
import { startEngine, type EngineContext } from './engine';
import presenterCss from './overlay-presenter.css?inline';

/**
 * The sandbox's training adapter: how the training page (entrypoints/sandbox) runs the SAME engine
 * as a portal page, on a replica, and drives it: look again after the page was swapped, which field
 * an element is, whether the step is ready, fill sample values. Nothing is recorded or sent.
 */

/** where the page is: the real location, or the portal address a training page stands for */
export interface Where {
  href: string;
  pathname: string;
  hash: string;
}

/**
 * How the engine runs somewhere other than a portal page (the training sandbox): which portal and
 * address the page stands for, the procedure and language to use, and to record nothing.
 */
export interface EngineOptions {
  portal: PortalId;
  where: () => Where;
  /** the procedure to follow, instead of the user's */
  follow?: string;
  lang?: Lang;
  /** false: write no progress, read no profile (a demonstration changes nothing of the user's) */
  record?: boolean;
  /** bigger rings and hints, readable on a projector */
  presenter?: boolean;
  /** styles added to the overlay's shadow root (startTraining: the trainer mode's) */
  css?: string;
  /** px at the bottom of the window that tooltips keep clear of (a bar of the page's own) */
  keepClearBottom?: () => number;
  /** the step the page is shown for, when it is several at once */
  step?: () => string | null;
}

export interface FieldAt {
  id: string;
  kind: 'input' | 'action';
  optional: boolean;
}

export interface StepStatus {
  step: string | null;
  ready: boolean;
  actions: number;
  rings: number;
}

export interface EngineHandle {
  /** look at the page again now (after the page was swapped) */
  rescan(): void;
  /** the step's field an element is (or is inside), with its kind */
  fieldAt(target: EventTarget | null): FieldAt | null;
  /** the step shown, and whether its required fields are filled and pass their rules */
  status(): StepStatus;
  /** fill the step's empty fields with sample values (training only); returns how many */
  fillSample(valueFor: (f: FieldDef) => string | null): number;
}

/** what the adapter needs of the engine */
export interface TrainingPort {
  rescan(): void;
  /** the step shown now and its located fields */
  shown(): { step: PageStep; located: ReadonlyMap<string, Element> } | null;
  /** the ringed field an element is (or is inside) */
  fieldOf(target: EventTarget | null): string | null;
  /** how many rings are drawn */
  rings(): number;
  /** check every field again (after values were filled) */
  revalidate(): void;
}

/** an extension page has no content-script context: this one lives as long as the page */
export function trainingContext(): EngineContext {
  return {
    isInvalid: false,
    onInvalidated: () => () => {},
    addEventListener: ((t: EventTarget, type: string, fn: EventListener, o?: AddEventListenerOptions) =>
      t.addEventListener(type, fn, o)) as EngineContext['addEventListener'],
    setTimeout: ((fn: () => void, ms?: number) => window.setTimeout(fn, ms)) as EngineContext['setTimeout'],
  };
}

export function trainingHandle(port: TrainingPort): EngineHandle {
  return {
    rescan: () => port.rescan(),
    fieldAt(target) {
      const id = port.fieldOf(target);
      const f = id ? port.shown()?.step.fields.find((x) => x.id === id) : undefined;
      return f ? { id: f.id, kind: f.kind, optional: !!f.optional } : null;
    },
    status() {
      const cur = port.shown();
      if (!cur) return { step: null, ready: false, actions: 0, rings: 0 };
      const fields = cur.step.fields.filter((f) => !f.silent);
      return {
        step: cur.step.id,
        ready: stepReady(cur.step, cur.located),
        actions: fields.filter((f) => f.kind === 'action' && !f.optional).length,
        rings: port.rings(),
      };
    },
    fillSample(valueFor) {
      const cur = port.shown();
      if (!cur) return 0;
      const n = fillSample(cur.step, cur.located, valueFor);
      port.revalidate();
      return n;
    },
  };
}

/**
 * Fill the step's empty fields as a person would (the page's own listeners see input and change):
 * a box is checked, a confirmation repeats its first entry, a read-only or filled field is left.
 */
export function fillSample(step: PageStep, located: ReadonlyMap<string, Element>, valueFor: (f: FieldDef) => string | null): number {
  let n = 0;
  const values = new Map<string, string>();
  for (const f of step.fields) {
    const el = located.get(f.id) as HTMLInputElement | undefined;
    if (!el || f.kind !== 'input' || f.silent || !('value' in el)) continue;
    if (el.type === 'checkbox' || el.type === 'radio') {
      if (!el.checked) el.click();
      n++;
      continue;
    }
    if (el.value || el.readOnly || el.disabled) continue;
    const v = f.sameAs ? (values.get(f.sameAs) ?? null) : valueFor(f);
    if (v === null) continue;
    values.set(f.id, v);
    const proto =
      el instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : el instanceof HTMLSelectElement
          ? HTMLSelectElement.prototype
          : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    n++;
  }
  return n;
}

/** the engine on a sandbox page, driven through the training adapter */
export function startTraining(opts: EngineOptions, ctx: EngineContext = trainingContext()): EngineHandle | null {
  const port = startEngine(ctx, { css: presenterCss, ...opts });
  return port && trainingHandle(port);
}
