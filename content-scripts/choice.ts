import type { FieldDef } from '../procedures/types';
import { bestFit, indexOfWord, norm, normWords } from '../lib/text';
import type { PageText } from './page-text';
import { hiddenByMarkup } from './page-text';
import { labelsOf, queryAll } from './scope';

/**
 * Choices: a field with `choose` words names the option to pick (the legal entity rather than the
 * individual, «Common For Head»). What carries those words is ringed, whatever draws the choice:
 * - a radio (native, PrimeFaces `selectOneRadio`, Angular Material `mat-radio-button`, MUI `Radio`)
 *   whose own caption carries them; a radio captioned with another choice never gets the field,
 *   whatever its `name` says;
 * - a native `select` (also the hidden one under a PrimeFaces `selectOneMenu`) with such an option:
 *   the select is ringed and the hint names the option;
 * - an open list (`[role=listbox]` of MUI / Angular Material `mat-option` / PrimeFaces
 *   `.ui-selectonemenu-item`): the option itself, as that is what the user clicks now;
 * - a closed custom select (`[role=combobox]`, `[aria-haspopup=listbox]`, `mat-select`) named by
 *   the field's labels or showing the option already;
 * - a row or list item that carries the words (a list of roles), when the page asks the question
 *   (the field's labels are on it).
 * Pure functions of the DOM; no layout is read.
 */

/** how much a choice that names the option outranks a control found by its label only */
export const NAMES_OPTION = 100;
/** an option of an open list: what the user acts on now */
const OPEN_OPTION = 200;
const MAX_CAPTION = 240;

const ROW = 'li,[role=radio],[role=menuitemradio],[role=row],.list-group-item,tr[onclick],tr[tabindex]';
const OPTION = '[role=option],mat-option,.ui-selectonemenu-item,.ui-selectoneradio-item';
const COMBO = '[role=combobox],[aria-haspopup=listbox],mat-select';
const CONTROL = 'input:not([type=hidden]),select,textarea';

function caption(s: string | null | undefined): string {
  if (!s) return '';
  return norm(s.length > MAX_CAPTION * 2 ? s.slice(0, MAX_CAPTION * 2) : s).slice(0, MAX_CAPTION);
}

/**
 * The text of an element with a space between its parts: «SAVDO<br>Common For Head» and
 * «<b>OOO</b><span>Common…</span>» must not glue into one word.
 */
function spaced(el: Element): string {
  if (!el.firstElementChild) return el.textContent ?? '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < MAX_CAPTION * 2; n = walker.nextNode()) out += ` ${n.nodeValue ?? ''}`;
  return out;
}

function fitsChoice(text: string, field: FieldDef): number {
  return field.choose && text ? bestFit(text, normWords(field.choose)) : 0;
}

/** the caption of a radio or checkbox itself: its labels, aria, the text beside it, its own row */
export function ownCaption(input: Element): string {
  const parts: string[] = [];
  const al = input.getAttribute('aria-label');
  if (al) parts.push(al);
  const lb = input.getAttribute('aria-labelledby');
  if (lb) for (const id of lb.split(/\s+/)) parts.push(input.ownerDocument.getElementById(id)?.textContent ?? '');
  for (const l of labelsOf(input)) parts.push(spaced(l));
  if (!parts.join('').trim()) {
    // the row that holds this control and no other: its text is the control's caption
    for (let e = input.parentElement, depth = 0; e && depth < 4; e = e.parentElement, depth++) {
      if (e.matches('form,body,fieldset,table,tbody,ul,ol,[role=radiogroup],[role=listbox]')) break;
      if (e.querySelectorAll(CONTROL).length > 1) break;
      const t = spaced(e);
      if (t.trim()) {
        parts.push(t);
        break;
      }
    }
  }
  return caption(parts.join(' '));
}

/** the option of a native select that names the choice, or null */
export function optionOf(select: HTMLSelectElement, field: FieldDef): HTMLOptionElement | null {
  let best: HTMLOptionElement | null = null;
  let bestF = 0;
  for (const o of Array.from(select.options)) {
    const f = fitsChoice(caption(o.textContent), field);
    if (f > bestF) {
      best = o;
      bestF = f;
    }
  }
  return best;
}

/**
 * The score of a native control for a choice field, or null to let the ordinary label ladder judge
 * it (a select named by the question). 0: never this field.
 */
export function scoreChoiceControl(field: FieldDef, el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): number | null {
  if (field.inputTypes && !field.inputTypes.includes(el.type.toLowerCase())) return 0;
  if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
    const f = fitsChoice(ownCaption(el), field);
    return f ? NAMES_OPTION + f : 0;
  }
  if (el instanceof HTMLSelectElement) {
    const o = optionOf(el, field);
    if (o) return NAMES_OPTION + fitsChoice(caption(o.textContent), field);
  }
  return null;
}

export interface ChoiceCandidate {
  el: Element;
  score: number;
}

/** the texts that name a custom select, each on its own (a short caption «Rol» must stay whole) */
function labelled(el: Element): string[] {
  const parts: string[] = [el.getAttribute('aria-label') ?? ''];
  const lb = el.getAttribute('aria-labelledby');
  if (lb) for (const id of lb.split(/\s+/)) if (id !== el.id) parts.push(el.ownerDocument.getElementById(id)?.textContent ?? '');
  // MUI / Angular Material: the floating label of the form field around it (not the legend copy)
  const field = el.closest('.MuiFormControl-root,mat-form-field,.mat-mdc-form-field');
  const label = field?.querySelector('label,mat-label');
  if (label) parts.push(label.textContent ?? '');
  return parts.map(caption).filter(Boolean);
}

/** is one of the field's labels (the question: «Выберите роль») on the page */
function asked(field: FieldDef, text: PageText): boolean {
  return normWords(field.labels).some((w) => indexOfWord(text.joined, w) >= 0);
}

/**
 * Custom (not native) elements that carry a choice field's option: open options, comboboxes,
 * rows. Native selects and radios are scored with the inputs (`scoreChoiceControl`).
 */
export function choiceCandidates(field: FieldDef, text: PageText, root: ParentNode, shown: (el: Element) => boolean): ChoiceCandidate[] {
  const out: ChoiceCandidate[] = [];
  for (const el of queryAll(root, OPTION)) {
    if (el instanceof HTMLOptionElement || hiddenByMarkup(el)) continue;
    const f = fitsChoice(caption(spaced(el)), field);
    if (f && shown(el)) out.push({ el, score: OPEN_OPTION + f });
  }
  for (const el of queryAll(root, COMBO)) {
    if (el.matches(CONTROL) || hiddenByMarkup(el)) continue;
    const value = fitsChoice(caption(spaced(el)), field);
    const named = Math.max(0, ...labelled(el).map((t) => bestFit(t, normWords(field.labels))));
    const score = value ? NAMES_OPTION + value : named ? 40 + named : 0;
    if (score && shown(el)) out.push({ el, score });
  }
  if (asked(field, text)) {
    for (const el of queryAll(root, ROW)) {
      if (el.querySelector(CONTROL) || el.matches(OPTION) || hiddenByMarkup(el)) continue;
      if ((el.textContent?.length ?? 0) > MAX_CAPTION) continue;
      const f = fitsChoice(caption(spaced(el)), field);
      if (f && shown(el)) out.push({ el, score: NAMES_OPTION - 1 + f });
    }
  }
  return out;
}

/** the caption of the option the hint names, as the page writes it (null: the page does not show it) */
export function chosenCaption(field: FieldDef, el: Element): string | null {
  if (!field.choose) return null;
  let text = '';
  if (el instanceof HTMLSelectElement) text = optionOf(el, field)?.textContent ?? '';
  else if (el instanceof HTMLInputElement) text = fitsChoice(ownCaption(el), field) ? ownTextOf(el) : '';
  else if (fitsChoice(caption(spaced(el)), field)) text = spaced(el);
  const t = text.replace(/\s+/g, ' ').trim();
  return t ? (t.length > 80 ? `${t.slice(0, 79)}…` : t) : null;
}

/** a radio's caption as written (case kept) */
function ownTextOf(input: HTMLInputElement): string {
  const labels = labelsOf(input);
  if (labels.length) return labels.map(spaced).join(' ');
  const al = input.getAttribute('aria-label');
  if (al) return al;
  for (let e = input.parentElement, depth = 0; e && depth < 4; e = e.parentElement, depth++) {
    if (e.querySelectorAll(CONTROL).length > 1) break;
    const t = spaced(e);
    if (t.trim()) return t;
  }
  return '';
}
