import type { FieldDef, Lang, PageStep } from '../procedures/types';
import { checkRule, checkSame, type RuleProblem } from '../lib/rules';
import type { Overlay } from './overlay';
import { t } from './strings';

/**
 * Validation: what the user types now, checked against the field's rule (or the field it must
 * repeat). The value is read when asked and never kept, stored or sent; only the verdict leaves.
 */

export type Located = ReadonlyMap<string, Element>;

/** the rule's verdict on the value typed now; undefined when empty or nothing to check */
export function judge(f: FieldDef, located: Located): RuleProblem | null | undefined {
  const el = located.get(f.id);
  if (!el || !('value' in el)) return undefined;
  const value = String((el as HTMLInputElement).value ?? '');
  if (!value) return undefined;
  if (f.sameAs) {
    const other = located.get(f.sameAs) as HTMLInputElement | undefined;
    return other ? checkSame(value, other.value) : undefined;
  }
  return f.rule ? checkRule(f.rule, value) : undefined;
}

/** the overlay's problem line for a field: the problem's words, null when it passes, undefined to leave it */
export function problemLine(p: RuleProblem | null | undefined, lang: Lang, showOk = true): string | null | undefined {
  return p ? t(lang, `rules.${p.key}`, p.params) : p === null && showOk ? null : undefined;
}

/** check one field and show its verdict */
export function validate(overlay: Pick<Overlay, 'setProblem'>, f: FieldDef, located: Located, lang: Lang): void {
  overlay.setProblem(f.id, problemLine(judge(f, located), lang));
}

/** check every field of the step that has something to check */
export function validateAll(overlay: Pick<Overlay, 'setProblem'>, step: PageStep, located: Located, lang: Lang): void {
  for (const f of step.fields) if (f.rule || f.sameAs) validate(overlay, f, located, lang);
}

/** the fields to check again when `id` changed: itself, and those that must repeat it */
export function dependants(step: PageStep, id: string): FieldDef[] {
  return step.fields.filter((f) => (f.id === id && (f.rule || f.sameAs)) || f.sameAs === id);
}

/** the step's required fields are filled and no field's rule fails */
export function stepReady(step: PageStep, located: Located): boolean {
  return step.fields
    .filter((f) => !f.silent)
    .every((f) => {
      const el = located.get(f.id);
      if (!el || f.kind === 'action') return true;
      if (judge(f, located)) return false;
      if (f.optional) return true;
      const input = el as HTMLInputElement;
      return input.type === 'checkbox' || input.type === 'radio'
        ? input.checked || !!el.closest('form')?.querySelector(`input[name="${CSS.escape(input.name)}"]:checked`)
        : !!input.value;
    });
}

/** the hint to show: the focused field, else the first with a problem, else the first not done */
export function pickField(step: PageStep, located: Located, used: ReadonlySet<string>, focused: string | null): string | null {
  if (focused) return focused;
  const fields = step.fields.filter((f) => !f.silent && located.has(f.id));
  const bad = fields.find((f) => judge(f, located));
  if (bad) return bad.id;
  const open = fields.find((f) => {
    if (f.kind === 'action') return !used.has(f.id);
    const el = located.get(f.id) as HTMLInputElement;
    return !el.value;
  });
  return (open ?? fields[fields.length - 1])?.id ?? null;
}
