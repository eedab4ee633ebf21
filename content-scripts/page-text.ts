import { norm } from '../lib/text';

/**
 * The visible text of a page as the recognisers and locators read it: headings, tab captions,
 * labels, buttons, wizard stage captions. One walk over the DOM that skips what cannot be a
 * caption (scripts, styles, hidden subtrees) and big repeated containers (data grids: a journal
 * of thousands of rows is never a caption), so its cost does not grow with the journal.
 */
export interface TextChunk {
  /** the element that holds the text */
  el: Element;
  /** normalised text */
  text: string;
  /** offset in `joined` */
  at: number;
}

export interface PageText {
  chunks: TextChunk[];
  /** all chunks' text, separated by " | " */
  joined: string;
  /** the chunk that holds the position `i` of `joined` */
  chunkAt(i: number): TextChunk | undefined;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'SELECT',
  'TEXTAREA',
  'QADAM-OVERLAY',
  'HEAD',
]);
/** a container with more children than this is a data grid or a long list, not a caption */
export const BIG_CONTAINER = 100;
/** text longer than this is an article or a cell, not a caption (still counted for recognition) */
const MAX_CHUNK = 400;
const SEP = ' | ';

/**
 * No caption: an icon font's ligature (`<mat-icon>login</mat-icon>`, `<span class="material-icons">
 * close</span>`), or MUI's notch copy of a field's label (`<fieldset class="…-notchedOutline">
 * <legend><span>Login</span>`), which is hidden and would count the label twice
 */
function notACaption(el: Element): boolean {
  if (el.tagName === 'MAT-ICON') return true;
  const c = el.classList;
  if (!c.length) return false;
  if (c.contains('material-icons') || c.contains('material-icons-outlined') || c.contains('material-symbols-outlined')) return true;
  return el.tagName === 'FIELDSET' && /notchedOutline/i.test(el.className);
}

/** cheap hiddenness that needs no style or layout: attributes and inline style only */
export function hiddenByMarkup(el: Element): boolean {
  if ((el as HTMLElement).hidden || el.getAttribute('aria-hidden') === 'true') return true;
  const st = (el as HTMLElement).style;
  return !!st && (st.display === 'none' || st.visibility === 'hidden');
}

const ATTRIBUTE_CAPTIONS = [
  'input[type=submit]',
  'input[type=button]',
  'input[type=reset]',
  'input[placeholder]',
  'input[aria-label]',
  'textarea[placeholder]',
  'textarea[aria-label]',
  'select[aria-label]',
  'button[aria-label]',
  'button[title]',
  'a[aria-label]',
  'a[title]',
  '[role=button][aria-label]',
  '[role=button][title]',
  'button[aria-labelledby]',
  'a[aria-labelledby]',
  '[role=button][aria-labelledby]',
  '[role=tab][aria-label]',
].join(',');

/** the caption an element carries in an attribute, normalised; '' when it has none (or shows text) */
function attributeCaption(el: Element): string {
  if (el.tagName === 'INPUT' || el.tagName === 'input') {
    const i = el as HTMLInputElement;
    const type = i.type.toLowerCase();
    if (type === 'hidden') return '';
    if (type === 'submit' || type === 'button' || type === 'reset') return norm(i.value || '');
  }
  if (el.matches('input,textarea,select')) return norm(el.getAttribute('aria-label') || el.getAttribute('placeholder') || '');
  // a clickable: only when it shows no text of its own (an icon button)
  if (el.textContent?.trim()) return '';
  const by = el.getAttribute('aria-labelledby');
  const named = by
    ? by
        .split(/\s+/)
        .map((id) => (id ? (el.ownerDocument.getElementById(id)?.textContent ?? '') : ''))
        .join(' ')
    : '';
  return norm(el.getAttribute('aria-label') || named || el.getAttribute('title') || '');
}

/** an element that may carry its caption in an attribute (ATTRIBUTE_CAPTIONS), told by its tag first */
const ATTRIBUTE_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A']);
const mayCarry = (el: Element): boolean =>
  (ATTRIBUTE_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('role')) && el.matches(ATTRIBUTE_CAPTIONS);

export function readPageText(root: ParentNode = document.body ?? document.documentElement): PageText {
  const chunks: TextChunk[] = [];
  const parts: string[] = [];
  let at = 0;
  const doc = (root as Node).ownerDocument ?? (root as Document);
  /**
   * the elements with a caption in an attribute, in document order, found by the same walk (issue 13:
   * a querySelectorAll of the whole document walked every row of a busy journal on each scan);
   * inside a subtree the walk skips for its text (hidden, a select, an icon) they are still looked
   * for, as before; inside a big container (a data grid) they are not: a grid's row buttons are no caption
   */
  const carriers: Element[] = [];
  const walker = doc.createTreeWalker(root as Node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (el.childElementCount > BIG_CONTAINER) return NodeFilter.FILTER_REJECT;
      if (SKIP.has(el.tagName.toUpperCase()) || hiddenByMarkup(el) || notACaption(el)) {
        if (el.tagName.toUpperCase() !== 'QADAM-OVERLAY') {
          if (mayCarry(el)) carriers.push(el);
          carriers.push(...Array.from(el.querySelectorAll(ATTRIBUTE_CAPTIONS)));
        }
        return NodeFilter.FILTER_REJECT;
      }
      if (mayCarry(el)) carriers.push(el);
      return NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const raw = n.nodeValue;
    if (!raw || !raw.trim()) continue;
    const text = norm(raw.length > MAX_CHUNK ? raw.slice(0, MAX_CHUNK) : raw);
    if (!text) continue;
    const el = n.parentElement;
    if (!el) continue;
    chunks.push({ el, text, at });
    parts.push(text);
    at += text.length + SEP.length;
  }
  // captions in attributes: button-like inputs carry theirs in value, a field whose label is only
  // its placeholder or aria-label names it there, an icon button in aria-label or title
  for (const el of carriers) {
    const text = attributeCaption(el);
    if (!text || hiddenByMarkup(el)) continue;
    chunks.push({ el, text, at });
    parts.push(text);
    at += text.length + SEP.length;
  }
  const joined = parts.join(SEP);
  return {
    chunks,
    joined,
    chunkAt(i) {
      let lo = 0;
      let hi = chunks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((chunks[mid]?.at ?? 0) <= i) lo = mid;
        else hi = mid - 1;
      }
      return chunks[lo];
    },
  };
}
