import type { FieldDef, PageStep } from '../procedures/types';
import { bestFit, norm, normWords } from '../lib/text';
import { hiddenByMarkup, type PageText } from './page-text';
import { choiceCandidates, scoreChoiceControl } from './choice';
import { labelsOf, queryAll } from './scope';

/**
 * Field locators: find each field of a step on the page by what a person reads next to it.
 * A ladder, strongest first: aria-label / aria-labelledby, <label for> and wrapping labels,
 * placeholder and title, the neighbouring table cell, the text just before it, then name/id
 * tokens. Buttons, tabs and links by their caption. Generated ids are never relied upon.
 */

export type Located = Map<string, Element>;

const TEXT_INPUT_TYPES = new Set(['', 'text', 'password', 'email', 'tel', 'number', 'search', 'url']);
const CLICKABLE =
  'button,a,[role=button],[role=tab],[role=menuitem],[role=link],[role=option],summary,li,.gwt-TabBarItem,[onclick],[tabindex]';
const MAX_LABEL = 120;

/**
 * What a person sees and clicks for a form control. JSF/PrimeFaces and Angular Material draw
 * checkboxes, radios and selects over a hidden native input: the visible box stands for it. MUI lays
 * a transparent input over its radio and checkbox icons: their span stands for it.
 */
export const WIDGET =
  '.ui-chkbox,.ui-radiobutton,.ui-selectonemenu,.ui-selectbooleancheckbox,mat-checkbox,' +
  'mat-radio-button,mat-select,.mat-mdc-checkbox,.mat-mdc-select,.MuiRadio-root,.MuiCheckbox-root';
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

/**
 * the caption a person reads on an element: element boundaries as word breaks (a caption split
 * across nested spans), icon ligatures and other aria-hidden parts left out
 */
function captionOf(el: Element): string {
  return textOf(el);
}

function short(s: string | null | undefined): string {
  if (!s) return '';
  const t = s.length > MAX_LABEL * 2 ? s.slice(0, MAX_LABEL * 2) : s;
  return norm(t).slice(0, MAX_LABEL);
}

/** the caption named by `aria-labelledby` (several ids: their texts in order); hidden targets count, as for a screen reader */
function labelledBy(el: Element, ids: string): string {
  const doc = el.ownerDocument;
  return short(
    ids
      .split(/\s+/)
      .map((id) => (id ? doc.getElementById(id) : null))
      .map((e) => (e ? textOf(e) || short(e.textContent) : ''))
      .join(' '),
  );
}

/** nodes `textOf` reads at most */
const MAX_NODES = 300;
/** inline formatting that never splits a word: `<b>Р</b>егистрация` is one word */
const INLINE = new Set(['B', 'STRONG', 'I', 'EM', 'U', 'S', 'SMALL', 'BIG', 'SUB', 'SUP', 'MARK', 'FONT', 'ABBR', 'WBR']);
/** never a caption: code, option lists, the controls' own values */
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'TEXTAREA', 'SVG', 'QADAM-OVERLAY']);
/** MUI's outlined field repeats its caption in a hidden `<fieldset><legend><span>` notch: never read twice */
const NOTCH = '[class*="notchedOutline"],[class*="NotchedOutline"]';
/** icon ligatures (`<mat-icon>login</mat-icon>`) are no caption */
const NOT_READ = `${NOTCH},mat-icon,.material-icons,.material-icons-outlined,.material-symbols-outlined`;

/**
 * The text a person reads in an element, with element boundaries as word breaks: script-built
 * pages (GWT, JSF, Angular) put no white space between tags, and `<div>Логин:</div><div>Введите…</div>`
 * read with `textContent` is «логин:введите…», in which no whole word «логин» stands. Hidden parts
 * (aria-hidden, hidden, inline display:none) and MUI's notch copy of the label are left out.
 */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  let length = 0;
  let budget = MAX_NODES; // a caption is short: never walk a whole section looking for one
  const walk = (e: Element) => {
    for (let n = e.firstChild; n && length < MAX_LABEL * 2 && budget-- > 0; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE) {
        const v = n.nodeValue ?? '';
        parts.push(v);
        length += v.length;
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        const c = n as Element;
        if (NO_TEXT.has(c.tagName.toUpperCase()) || hiddenByMarkup(c) || c.matches(NOT_READ)) continue;
        // inline formatting is glued to the text around it; any other element is a word break
        const glued = INLINE.has(c.tagName.toUpperCase());
        if (!glued) parts.push(' ');
        walk(c);
        if (!glued) parts.push(' ');
      }
    }
  };
  walk(el);
  return short(parts.join(''));
}

/**
 * The separate captions inside a block that holds several (a caption and its hint, each in its
 * own element): the texts of its element children, at most three, when there are two or more.
 */
function captionParts(el: Element): string[] {
  const out: string[] = [];
  let run = ''; // text and inline formatting read together, up to the next block
  const flush = () => {
    const t = short(run);
    if (t) out.push(t);
    run = '';
  };
  for (let n = el.firstChild; n && out.length < 3; n = n.nextSibling) {
    if (n.nodeType === Node.TEXT_NODE) run += n.nodeValue ?? '';
    else if (n.nodeType === Node.ELEMENT_NODE) {
      const c = n as Element;
      if (INLINE.has(c.tagName.toUpperCase())) run += ` ${textOf(c)} `;
      else {
        flush();
        const t = textOf(c);
        if (t) out.push(t);
      }
    }
  }
  flush();
  return out.length > 1 ? out.slice(0, 3) : [];
}

/** the other text inputs of a drawn widget (PrimeFaces' `…_focus` input beside the hidden select) */
function widgetFocusInputs(widget: Element, self: Element): HTMLInputElement[] {
  return Array.from(widget.querySelectorAll<HTMLInputElement>('input:not([type=hidden])')).filter(
    (i) => i !== self && TEXT_INPUT_TYPES.has(i.type.toLowerCase()),
  );
}

/** a form control or button: text beyond it belongs to another control */
const CONTROL = 'input:not([type=hidden]),select,textarea,button';

/**
 * The texts just before `el`, nearest first: previous siblings (elements or text), climbing up
 * to `levels` ancestors (Angular Material nests an input about four deep, and a page may wrap
 * it more). Up to `max` texts: a hint between the caption and the control
 * (`<div>Логин:</div><div>Введите…</div><input>`) does not hide the caption. Stops at a sibling
 * that holds another control: text beyond it names that one.
 */
function textsBefore(el: Element, levels = 6, max = 2): Array<{ text: string; depth: number }> {
  const out: Array<{ text: string; depth: number }> = [];
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < levels; depth++) {
    for (let s = cur.previousSibling, hops = 0; s && hops < 3; s = s.previousSibling) {
      let t = '';
      if (s.nodeType === Node.ELEMENT_NODE) {
        const e = s as Element;
        if (hiddenByMarkup(e)) continue;
        hops++;
        if (e.matches(CONTROL) || e.querySelector(CONTROL)) return out; // another control sits between
        t = textOf(e);
      } else if (s.nodeType === Node.TEXT_NODE) {
        t = short(s.nodeValue);
      }
      if (t) {
        out.push({ text: t, depth });
        if (out.length >= max) return out;
      }
    }
    cur = cur.parentElement;
    if (cur && cur.matches('form,body,fieldset,table,tbody')) break;
  }
  return out;
}

/** texts that name an input, strongest first, with their strength */
export function inputLabels(input: Element): Array<{ text: string; strength: number }> {
  const out: Array<{ text: string; strength: number }> = [];
  const add = (t: string, strength: number) => {
    if (t) out.push({ text: t, strength });
  };
  const addParts = (el: Element, whole: string, strength: number) => {
    add(whole, strength);
    for (const p of captionParts(el)) if (p !== whole) add(p, strength);
  };
  add(short(input.getAttribute('aria-label')), 10);
  const lb = input.getAttribute('aria-labelledby');
  if (lb) add(labelledBy(input, lb), 10);
  for (const l of labelsOf(input)) add(textOf(l), 10);
  add(short(input.getAttribute('placeholder')), 9);
  add(short(input.getAttribute('title')), 8);
  const cell = input.closest('td,th');
  if (cell) {
    // the cell before it in the row, else the cell above it in the column; a cell that holds
    // the caption and a hint (`<td><div>ИИН</div><div>12 цифр</div></td>`) counts each part too
    let prev = cell.previousElementSibling;
    let prevText = '';
    while (prev && !(prevText = textOf(prev))) prev = prev.previousElementSibling;
    if (prev) addParts(prev, prevText, 8);
    // a grid: the header of the column
    const table = cell.closest('table');
    const col = cell.parentElement ? Array.prototype.indexOf.call(cell.parentElement.children, cell) : -1;
    const head = col >= 0 ? table?.querySelector(':scope > thead > tr')?.children[col] : undefined;
    if (head) addParts(head, textOf(head), 8);
    if (!prev) {
      const row = cell.parentElement;
      const above = row?.previousElementSibling;
      const idx = row ? Array.prototype.indexOf.call(row.children, cell) : -1;
      const up = idx >= 0 ? above?.children[idx] : undefined;
      if (up) addParts(up, textOf(up), 7);
    }
  }
  const widget = input.parentElement?.closest(WIDGET);
  const anchor = widget ?? input;
  if (widget) {
    // the caption inside the widget (PrimeFaces: <span class="ui-chkbox-label">)
    add(textOf(widget), 9);
    // PrimeFaces: <div class="ui-chkbox">…</div><label for="…">text</label> beside the widget
    const next = widget.nextElementSibling;
    if (next && !next.matches('input,select,textarea,button')) add(textOf(next), 9);
    // PrimeFaces: the widget's focus input (`…_focus`) carries the label, aria-label or placeholder
    for (const other of widgetFocusInputs(widget, input)) {
      add(short(other.getAttribute('aria-label')), 9);
      add(short(other.getAttribute('placeholder')), 9);
      for (const l of labelsOf(other)) add(textOf(l), 9);
    }
  }
  // the nearest text before the control, then the one before it (a hint may stand between)
  textsBefore(anchor).forEach((b, i) => add(b.text, Math.max(7 - b.depth, 3) - i));
  if (input instanceof HTMLInputElement && (input.type === 'checkbox' || input.type === 'radio')) {
    // a box's caption usually follows it
    const after = (widget ?? input).nextSibling;
    const t = !after ? '' : after.nodeType === Node.ELEMENT_NODE ? textOf(after as Element) : short(after.nodeValue);
    if (t) add(t, 8);
  }
  return out;
}

function nameTokens(el: Element): string {
  return `${el.getAttribute('name') ?? ''} ${el.id} ${el.getAttribute('autocomplete') ?? ''}`.toLowerCase();
}

function scoreInput(
  field: FieldDef,
  el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  labels: Array<{ text: string; strength: number }>,
): number {
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

/**
 * Can a person click it: a button, link, tab, menu item, a button-like input, an element with a
 * click handler or tab stop, or a framework's button/menu item drawn with classes (GWT, PrimeFaces,
 * ExtJS, Material). Headings, panel titles and plain text are not.
 */
const CLICKABLE_CLASSES =
  '.gwt-MenuItem,.gwt-Anchor,.gwt-Button,.x-btn,.ui-button,.ui-menuitem-link,.ui-tabs-header,' +
  '.mat-mdc-tab,.mdc-tab,.mat-tab-label,.MuiButtonBase-root,[class*="btn"],[class*="button"],' +
  '[role=radio],[role=checkbox],[role=switch],[role=treeitem],label';
function isClickable(el: Element): boolean {
  if (el instanceof HTMLInputElement) return true;
  if (/^H[1-6]$/i.test(el.tagName) || el.matches('legend,caption,[role=heading]')) return false;
  return el.matches(CLICKABLE) || el.matches(CLICKABLE_CLASSES);
}

/** a clickable's caption in its attributes: aria-label, aria-labelledby, title */
function altCaption(el: Element): string {
  const lb = el.getAttribute('aria-labelledby');
  return short(el.getAttribute('aria-label')) || (lb ? labelledBy(el, lb) : '') || short(el.getAttribute('title'));
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
    for (const el of queryAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(root, 'input,select,textarea')) {
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
      // an action ring goes only to something a person can click: never to a heading or plain text
      if (!isClickable(el)) continue;
      const caption = el instanceof HTMLInputElement ? chunk.text : captionOf(el) || chunk.text;
      const alt = altCaption(el);
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
