import type { FieldDef, Lang } from '../procedures/types';
import { procKey } from '../lib/lookup';
import type { Overlay, OverlayTexts, RingSpec } from './overlay';
import type { Recognised } from './recognise';
import { visibleTarget } from './locate';
import { chosenCaption } from './choice';
import { privateFrame } from './private-frame';
import { has, stringsVersion, t } from './strings';

/**
 * The renderer: maps a scan's result (the step and its located fields) onto the overlay, in the
 * user's language. overlay.ts is the widget (rings, tips, the panel); this decides what it shows.
 */

export interface RenderInput {
  rec: Recognised;
  located: ReadonlyMap<string, Element>;
  lang: Lang;
  /** a private frame with the first enterprise's name and date may be shown (not in training) */
  privateFrames: boolean;
  /** what the user taught for a field (content-scripts/guides.ts), said in its tip */
  taught?: (procedure: string, step: string, field: string) => RingSpec['taught'] | undefined;
}

export interface StepView {
  rings: RingSpec[];
  /** no field to ring: the step's text in a panel */
  panel: { key: string; stepLine: string; text: string; close: string } | null;
  texts: OverlayTexts;
}

/** what the overlay is to show for this step */
export function stepView(input: RenderInput): StepView {
  const { rec, located, lang: L } = input;
  const { procedure, step, index } = rec;
  const base = `${procKey(procedure.id)}.steps.${step.id}`;
  const rings: RingSpec[] = [];
  step.fields.forEach((f, i) => {
    const el = located.get(f.id);
    if (!el || f.silent) return;
    const taught = input.taught?.(procedure.id, step.id, f.id);
    const spec: RingSpec = {
      id: f.id,
      el: visibleTarget(el) ?? el,
      source: el,
      n: i + 1,
      hint: hintOf(f, base, L, el),
      important: !!f.important || !!step.warning,
      ...(taught ? { taught } : {}),
    };
    // the first enterprise's name and date: in a private frame, on every such field (whether or not one is known)
    if (f.firstRegistered && input.privateFrames) {
      const fs = { kind: 'first' as const, lang: L, procedure: procedure.id, step: step.id, field: f.id };
      spec.extra = {
        key: `first/${procedure.id}/${step.id}/${f.id}/${L}/${stringsVersion()}`,
        make: () => privateFrame(fs, t(L, 'overlay.private.title')),
      };
    }
    rings.push(spec);
  });
  const stepLine = t(L, 'overlay.stepOf', { current: index + 1, total: procedure.steps.length, title: t(L, `${base}.title`) });
  return {
    rings,
    panel: rings.length ? null : { key: `${procedure.id}/${step.id}`, stepLine, text: t(L, `${base}.text`), close: t(L, 'overlay.close') },
    texts: { brand: 'Qadam', stepLine, close: t(L, 'overlay.close'), reopen: t(L, 'overlay.reopen'), important: t(L, 'overlay.important') },
  };
}

/** draw the step on the overlay */
export function renderStep(overlay: Pick<Overlay, 'setPanel' | 'set'>, input: RenderInput): void {
  const view = stepView(input);
  overlay.setPanel(view.panel);
  overlay.set(view.rings, view.texts);
}

/** a field's hint: its own text, else the step's; a choice names the option as the page writes it */
function hintOf(f: FieldDef, base: string, L: Lang, el: Element): string {
  const key = `${base}.fields.${f.id}`;
  const text = has(L, key) || has('en', key) ? t(L, key) : t(L, `${base}.text`);
  // a choice: name the option as the page writes it (choice.ts)
  const option = f.choose ? chosenCaption(f, el) : null;
  return option ? `${t(L, 'overlay.chooseOption', { option })} ${text}` : text;
}
