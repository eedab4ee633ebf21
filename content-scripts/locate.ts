import type { FieldDef, PageStep } from '../procedures/types';
import { bestFit, norm, normWords } from '../lib/text';
import { hiddenByMarkup, type PageText } from './page-text';
import { choiceCandidates, scoreChoiceControl } from './choice';

/**
 * Field locators: find each field of a step on the page by what a person reads next to it.
 * A ladder, strongest first: aria-label / aria-labelledby, <label for> and wrapping labels,
 * placeholder and title, the neighbouring table cell, the text just before it, then name/id
 * tokens. Buttons, tabs and links by their caption. Generated ids are never relied upon.
 */

export type Located = Map<string, Element>;

const TEXT_INPUT_TYPES = new Set(['', 'text', 'password', 'email', 'tel', 'number', 'search', 'url']);
const CLICKABLE = 'button,a,[role=button],[role=tab],[role=menuitem],[role=link],[role=option],summary,li,.gwt-TabBarItem,[onclick],[tabindex]';
const MAX_LABEL = 120;

/**
 * What a person sees and clicks for a form control. JSF/PrimeFaces and Angular Material draw
 * checkboxes, radios and selects over a hidden native input: the visible box stands for it. MUI lays
 * a transparent input over its radio and checkbox icons: their span stands for it.
 */
export const WIDGET = '.ui-chkbox,.ui-radiobutton,.ui-selectonemenu,.ui-selectbooleancheckbox,mat-checkbox,mat-radio-button,mat-select,.mat-mdc-checkbox,.mat-mdc-select,.MuiRadio-root,.MuiCheckbox-root';
const WIDGET_BOX = '.ui-chkbox-box,.ui-radiobutton-box,.mdc-checkbox,.mdc-radio';

export function visibleTarget(el: Element): Element | null {
  const widget = el.parentElement?.closest(WIDGET);
  if (!widget) return isShown(el) ? el : null;
  const box = widget.querySelector(WIDGET_BOX) ?? widget;
  return isShown(box) ? box : null;
}

/** shown on screen as far as style says (no layout is forced) */
export function isShown(el: Element): boolean {
  const cv = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof cv === 'function') return cv.call(el, { visibilityProperty: true });
  for (let e: Element | null = el; e; e = e.parentElement) if (hiddenByMarkup(e)) return false;
  return true;
}

/** the caption a person reads on an element: icon ligatures and other aria-hidden parts left out */
function captionOf(el: Element): string {
  if (!el.querySelector('[aria-hidden="true"],mat-icon,.material-icons')) return short(el.textContent);
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : (n as Element).matches('[aria-hidden="true"],mat-icon,.material-icons')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  for (let n = walker.nextNode(); n && text.length < MAX_LABEL * 2; n = walker.nextNode()) text += ` ${n.nodeValue ?? ''}`;
  return short(text);
}

function short(s: string | null | undefined): string {
  if (!s) return '';
  const t = s.length > MAX_LABEL * 2 ? s.slice(0, MAX_LABEL * 2) : s;
  return norm(t).slice(0, MAX_LABEL);
}

/** the text just before `el`: previous siblings (elements or text), climbing a few levels */
function textBefore(el: Element, levels = 3): { text: string; depth: number } | null {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < levels; depth++) {
    for (let s = cur.previousSibling, hops = 0; s && hops < 3; s = s.previousSibling) {
      if (s.nodeType === Node.ELEMENT_NODE) {
        const e = s as Element;
        if (hiddenByMarkup(e)) continue;
        hops++;
        if (e.matches('input,select,textarea,button')) return null; // another control sits between
        const t = short(e.textContent);
        if (t) return { text: t, depth };
      } else if (s.nodeType === Node.TEXT_NODE) {
        const t = short(s.nodeValue);
        if (t) return { text: t, depth };
      }
    }
    cur = cur.parentElement;
    if (cur && cur.matches('form,body,fieldset,table,tbody')) break;
  }
  return null;
}

/** texts that name an input, strongest first, with their strength */
export function inputLabels(input: Element): Array<{ text: string; strength: number }> {
  const out: Array<{ text: string; strength: number }> = [];
  const add = (t: string, strength: number) => {
    if (t) out.push({ text: t, strength });
  };
  add(short(input.getAttribute('aria-label')), 10);
  const lb = input.getAttribute('aria-labelledby');
  if (lb) for (const id of lb.split(/\s+/)) add(short(input.ownerDocument.getElementById(id)?.textContent), 10);
  const labels = (input as HTMLInputElement).labels;
  if (labels) for (const l of Array.from(labels)) add(short(l.textContent), 10);
  add(short(input.getAttribute('placeholder')), 9);
  add(short(input.getAttribute('title')), 8);
  const cell = input.closest('td,th');
  if (cell) {
    // the cell before it in the row, else the cell above it in the column
    let prev = cell.previousElementSibling;
    while (prev && !short(prev.textContent)) prev = prev.previousElementSibling;
    if (prev) add(short(prev.textContent), 8);
    // a grid: the header of the column
    const table = cell.closest('table');
    const col = cell.parentElement ? Array.prototype.indexOf.call(cell.parentElement.children, cell) : -1;
    const head = col >= 0 ? table?.querySelector(':scope > thead > tr')?.children[col] : undefined;
    if (head) add(short(head.textContent), 8);
    if (!prev) {
      const row = cell.parentElement;
      const above = row?.previousElementSibling;
      const idx = row ? Array.prototype.indexOf.call(row.children, cell) : -1;
      if (above && idx >= 0) add(short(above.children[idx]?.textContent), 7);
    }
  }
  const widget = input.parentElement?.closest(WIDGET);
  const anchor = widget ?? input;
  if (widget) {
    // the caption inside the widget (PrimeFaces: <span class="ui-chkbox-label">)
    add(short(widget.textContent), 9);
    // PrimeFaces: <div class="ui-chkbox">…</div><label for="…">text</label> beside the widget
    const next = widget.nextElementSibling;
    if (next && !next.matches('input,select,textarea,button')) add(short(next.textContent), 9);
  }
  const before = textBefore(anchor);
  if (before) add(before.text, 7 - before.depth);
  if (input instanceof HTMLInputElement && (input.type === 'checkbox' || input.type === 'radio')) {
    // a box's caption usually follows it
    const after = (widget ?? input).nextSibling;
    const t = after ? short(after.textContent) : '';
    if (t) add(t, 8);
  }
  return out;
}

function nameTokens(el: Element): string {
  return `${el.getAttribute('name') ?? ''} ${el.id} ${el.getAttribute('autocomplete') ?? ''}`.toLowerCase();
}

function scoreInput(field: FieldDef, el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, labels: Array<{ text: string; strength: number }>): number {
  const type = el.type.toLowerCase(); // 'text' for an unknown input type, 'select-one' for a select
  if (field.inputTypes && !field.inputTypes.includes(type)) return 0;
  const words = normWords(field.labels);
  const not = field.notLabels ? normWords(field.notLabels) : null;
  let best = 0;
  for (const { text, strength } of labels) {
    if (not && bestFit(text, not) > 0) continue;
    const f = bestFit(text, words);
    if (f > 0) best = Math.max(best, strength * 4 + f);
  }
  if (!best && field.names) {
    const tokens = nameTokens(el);
    if (field.names.some((n) => tokens.includes(n)) && !(not && not.some((n) => tokens.includes(n)))) best = 8;
  }
  if (best && field.inputTypes?.length === 1) best += 2; // a password box for a password field
  return best;
}

/** the element a person clicks for a caption: the button, tab or link around the text */
function clickableOf(el: Element): Element {
  const c = el.closest(CLICKABLE);
  // do not climb into a whole menu or page: the clickable must hold little more than the caption
  if (c && (c.textContent?.length ?? 0) <= MAX_LABEL) return c;
  return el;
}

function scoreAction(field: FieldDef, caption: string, el: Element): number {
  const f = bestFit(caption, normWords(field.labels));
  if (!f) return 0;
  const clickable = el.matches(CLICKABLE) || el instanceof HTMLInputElement;
  return f * 4 + (clickable ? 2 : 0);
}

interface Candidate {
  field: FieldDef;
  el: Element;
  score: number;
  order: number;
}

/**
 * Locate the fields of a step. Each element serves one field at most; the best-scoring pairs win,
 * and on a tie the element earlier in the page.
 */
export function locateFields(step: PageStep, text: PageText, root: ParentNode = document): Located {
  const cands: Candidate[] = [];
  const inputs = step.fields.filter((f) => f.kind === 'input');
  const actions = step.fields.filter((f) => f.kind === 'action');
  let order = 0;
  if (inputs.length) {
    for (const el of Array.from(root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input,select,textarea'))) {
      order++;
      const type = el.type.toLowerCase();
      if (el instanceof HTMLInputElement && !TEXT_INPUT_TYPES.has(type) && !inputs.some((f) => f.inputTypes?.includes(type))) continue;
      let labels: ReturnType<typeof inputLabels> | null = null;
      for (const field of inputs) {
        labels ??= inputLabels(el);
        const score = field.choose ? (scoreChoiceControl(field, el) ?? scoreInput(field, el, labels)) : scoreInput(field, el, labels);
        if (score > 0) cands.push({ field, el, score, order });
      }
    }
    // choices drawn without native controls: open options, custom selects, rows (choice.ts)
    for (const field of inputs) {
      if (!field.choose) continue;
      for (const c of choiceCandidates(field, text, root, isShown)) cands.push({ field, el: c.el, score: c.score, order: ++order });
    }
  }
  if (actions.length) {
    const seen = new Set<Element>();
    for (const chunk of text.chunks) {
      if (chunk.text.length > MAX_LABEL) continue;
      const el = chunk.el instanceof HTMLInputElement ? chunk.el : clickableOf(chunk.el);
      if (seen.has(el)) continue;
      seen.add(el);
      order++;
      const caption = el instanceof HTMLInputElement ? chunk.text : captionOf(el) || chunk.text;
      const alt = short(el.getAttribute('aria-label') ?? el.getAttribute('title'));
      for (const field of actions) {
        const score = Math.max(scoreAction(field, caption, el), alt ? scoreAction(field, alt, el) : 0);
        if (score > 0) cands.push({ field, el, score, order });
      }
    }
  }
  cands.sort((a, b) => b.score - a.score || a.order - b.order);
  const out: Located = new Map();
  const used = new Set<Element>();
  for (const c of cands) {
    if (out.has(c.field.id) || used.has(c.el)) continue;
    if (!visibleTarget(c.el)) continue;
    out.set(c.field.id, c.el);
    used.add(c.el);
  }
  return out;
}
