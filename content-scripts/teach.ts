import type { ElementDescription, Taught } from '../lib/guide-model';
import { norm } from '../lib/text';
import { inputLabels, visibleTarget } from './locate';

/**
 * Teaching a field (contract.md «Teach a field»): the user points at the element; what is kept
 * DESCRIBES it — caption words near it, tag, role, input type, its place among the form's
 * controls — never its value. On every scan a taught field is looked for by that description;
 * when nothing fits any more, the built-in locators take over again and the popup says so.
 */

const CONTROLS = 'input:not([type=hidden]),select,textarea,button,a[href],[role=button],[role=tab],[role=menuitem],[role=link]';
const PICKABLE = `${CONTROLS},label,summary,[onclick]`;
const MAX_WORDS = 8;

function wordsOf(s: string | null | undefined): string[] {
  if (!s) return [];
  return norm(s.slice(0, 240))
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 1)
    .slice(0, MAX_WORDS);
}

const isField = (el: Element) => el.matches('input,select,textarea');

/** the words a person reads for an element: a field's label, a button's caption (never a value) */
function captionWords(el: Element): string[] {
  if (isField(el)) {
    const input = el as HTMLInputElement;
    // a submit/button input's caption is its value attribute as the page wrote it, not typed
    if (input.type === 'submit' || input.type === 'button') return wordsOf(input.getAttribute('value'));
    const best = [...inputLabels(el)].sort((a, b) => b.strength - a.strength)[0];
    return wordsOf(best?.text);
  }
  return wordsOf(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent);
}

function scopeOf(el: Element): ParentNode {
  return el.closest('form') ?? el.ownerDocument;
}

function controlsLike(scope: ParentNode, tag: string): Element[] {
  return Array.from(scope.querySelectorAll(CONTROLS)).filter((e) => e.localName === tag);
}

/** the control a click on `target` stands for (a label stands for its field) */
export function pickable(target: Element | null): Element | null {
  const el = target?.closest(PICKABLE) ?? null;
  if (el instanceof HTMLLabelElement && el.control) return el.control;
  return el ?? target;
}

export function describe(el: Element): ElementDescription {
  const tag = el.localName;
  const same = controlsLike(scopeOf(el), tag);
  return {
    tag,
    role: el.getAttribute('role') ?? '',
    type:
      el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? el.type.toLowerCase() : '',
    words: captionWords(el),
    index: Math.max(0, same.indexOf(el)),
    count: same.length,
  };
}

/**
 * The element a description fits best in `root`, or null. Words must mostly agree (at least half
 * of them) when any were kept; without words, the same place in a form of the same size.
 */
export function findDescribed(d: ElementDescription, root: ParentNode = document): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  const candidates = Array.from(root.querySelectorAll(CONTROLS)).filter((e) => e.localName === d.tag);
  for (const el of candidates) {
    if (d.type && (el as HTMLInputElement).type?.toLowerCase() !== d.type) continue;
    if (!visibleTarget(el)) continue;
    const words = captionWords(el);
    const shared = d.words.filter((w) => words.includes(w)).length;
    let score = 0;
    if (d.words.length) {
      if (shared * 2 < d.words.length) continue;
      score = (10 * shared) / d.words.length;
    }
    const same = controlsLike(scopeOf(el), d.tag);
    const samePlace = same.indexOf(el) === d.index;
    if (samePlace && same.length === d.count) score += 3;
    else if (samePlace) score += 1;
    if (!d.words.length && !(samePlace && same.length === d.count)) continue;
    if ((el.getAttribute('role') ?? '') === d.role) score += 0.5;
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Put taught elements in place of what the built-in locators found, for one step. Returns the
 * fields taught here and those taught but not found any more (the built-in location stands).
 */
export function applyTaught(
  list: readonly Taught[],
  procedure: string,
  step: string,
  located: Map<string, Element>,
  root: ParentNode = document,
): { taught: Set<string>; lost: Set<string> } {
  const taught = new Set<string>();
  const lost = new Set<string>();
  for (const t of list) {
    if (t.procedure !== procedure || t.step !== step) continue;
    const el = findDescribed(t.el, root);
    if (!el) {
      lost.add(t.field);
      continue;
    }
    // the element serves this field only
    for (const [id, other] of located) if (other === el && id !== t.field) located.delete(id);
    located.set(t.field, el);
    taught.add(t.field);
  }
  return { taught, lost };
}
