/**
 * What of the page a scan looks at: all of it, except a region the page watcher has set aside
 * (`setAside`): a big container that changes all the time (a journal ticking) and holds nothing a
 * person can type in or click. Such a region is no caption (readPageText skips big containers
 * anyway), no field, no modal and no obstacle for a hint, yet a query of the whole document walks
 * every one of its thousands of cells on every scan. `queryAll` answers as `querySelectorAll`
 * would, in document order, without entering the region.
 *
 * The watcher keeps the set-aside region honest (page-watcher.ts): it is set aside only while it
 * holds none of `HOLDS` and it is given back as soon as one appears in it.
 */

/** what a set-aside region must not hold (tag names: each is counted without a selector match) */
export const HOLDS = ['input', 'select', 'textarea', 'button', 'a'] as const;

let aside: Element | null = null;

/** leave this region out of scans (null: look at the whole page again) */
export function setAside(el: Element | null): void {
  aside = el;
}

export function setAsideRegion(): Element | null {
  return aside;
}

/** how many elements the region holds that a person can type in or click (tags only: cheap) */
export function holdsCount(el: Element): number {
  let n = 0;
  for (const tag of HOLDS) n += el.getElementsByTagName(tag).length;
  return n;
}

/** root.querySelectorAll(selector) without the set-aside region, in document order */
export function queryAll<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  const skip = aside;
  if (!skip || !skip.isConnected || skip === root || !root.contains(skip)) return Array.from(root.querySelectorAll<E>(selector));
  const out: E[] = [];
  // down the path from root to the region: each element on it matched itself, its other children whole
  const walk = (parent: ParentNode): void => {
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (c === skip) continue;
      if (c.matches(selector)) out.push(c as E);
      if (c.contains(skip)) walk(c);
      else if (c.firstElementChild) for (const e of Array.from(c.querySelectorAll<E>(selector))) out.push(e);
    }
  };
  walk(root);
  return out;
}

/**
 * The labels of a control, as `control.labels` gives them (its `<label for>` and the `<label>`
 * around it, in document order) but without `labels`' walk of the whole document each time the
 * page has changed (Chromium's list is rebuilt after any change: on a page that ticks, a walk of
 * every element per control per scan). During a reading (`reading`) the document's `label[for]`
 * are listed once, outside the set-aside region.
 */
export function labelsOf(control: Element): HTMLLabelElement[] {
  const id = control.id;
  const out: HTMLLabelElement[] = [];
  if (id) {
    const root = control.getRootNode() as Document | ShadowRoot;
    const list = root === document && forIds ? (forIds.get(id) ?? []) : queryAll<HTMLLabelElement>(root, 'label[for]');
    for (const l of list) if (l.htmlFor === id && l.control === control) out.push(l);
  }
  for (let a = control.parentElement; a; a = a.parentElement) {
    if (a.localName === 'label' && !a.hasAttribute('for') && (a as HTMLLabelElement).control === control) out.push(a as HTMLLabelElement);
  }
  if (out.length > 1) out.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return out;
}

/** the document's `label[for]` by the id they name, while a reading lasts */
let forIds: Map<string, HTMLLabelElement[]> | null = null;

/**
 * Read the page (a scan: nothing on the page changes meanwhile): what is listed once for the
 * reading is kept until it ends.
 */
export function reading<T>(read: () => T): T {
  if (forIds) return read();
  forIds = new Map();
  for (const l of queryAll<HTMLLabelElement>(document, 'label[for]')) {
    const list = forIds.get(l.htmlFor);
    if (list) list.push(l);
    else forIds.set(l.htmlFor, [l]);
  }
  try {
    return read();
  } finally {
    forIds = null;
  }
}
