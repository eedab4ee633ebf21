import type { Procedure } from '../procedures/types';
import { isShown } from './locate';
import { readPageText } from './page-text';
import { pageFacts, recogniseAll, type PageFacts, type Recognised, type Where } from './recognise';
import { queryAll } from './scope';

/**
 * Modals: while a modal is open the user can act only on it (a native `showModal()` dialog makes
 * everything else inert; script-built ones cover the page with a mask). The page is then
 * recognised from the modal first: its text and its controls. Detection is a few selector queries
 * per scan, no layout is read (visibility as style says: `isShown`).
 *
 * Shapes (what each framework leaves in the DOM while its modal is open):
 * - HTML `<dialog>` opened with `showModal()`: `dialog:modal` (top layer);
 * - WAI-ARIA: `[aria-modal=true]` (MUI, Bootstrap 5, Angular Material, PrimeFaces ≥ 8);
 * - PrimeFaces / jQuery UI: a shown `.ui-dialog` while a mask `.ui-widget-overlay` is shown;
 * - GWT: a shown `.gwt-DialogBox` while the glass `.gwt-PopupPanelGlass` is shown (ESF is GWT);
 * - Angular CDK: a `.cdk-overlay-pane` holding a dialog, with a backdrop in the overlay container;
 * - MUI: `.MuiDialog-root [role=dialog]` (the paper inside the modal root).
 */

const ARIA = '[aria-modal="true"]';
const MASKED: ReadonlyArray<{ dialog: string; mask: string }> = [
  { dialog: '.ui-dialog', mask: '.ui-widget-overlay' },
  { dialog: '.gwt-DialogBox', mask: '.gwt-PopupPanelGlass' },
  { dialog: '.cdk-overlay-pane', mask: '.cdk-overlay-backdrop' },
];
const DIALOG_INSIDE = '[role=dialog],[role=alertdialog],mat-dialog-container,.mat-mdc-dialog-container';
const MUI = '.MuiDialog-root [role=dialog],.MuiModal-root [role=dialog]';
const ANY = ['dialog[open]', ARIA, MUI, ...MASKED.map((m) => m.dialog)].join(',');

let modalPseudo: boolean | null = null;
/** a `<dialog>` shown with showModal() (not show()); where `:modal` is unknown, any open dialog */
export function isModalDialog(d: Element): boolean {
  if (modalPseudo !== false) {
    try {
      const m = d.matches(':modal');
      modalPseudo = true;
      return m;
    } catch {
      modalPseudo = false;
    }
  }
  return d.hasAttribute('open');
}

function shown(el: Element): boolean {
  return el.isConnected && isShown(el);
}

/**
 * The modal the user acts on now, or null: a native modal dialog first (it is in the top layer),
 * else the last shown one in document order (frameworks append each new modal at the end of body).
 */
export function openModal(doc: Document = document): Element | null {
  // one walk of the document for every shape (issue 13: a query per shape walked a busy grid's rows each time)
  const all = queryAll(doc, ANY);
  if (!all.length) return null;
  let native: Element | null = null;
  for (const d of all) if (d.localName === 'dialog' && d.hasAttribute('open') && isModalDialog(d) && shown(d)) native = d;
  if (native) return native;
  const found: Element[] = [];
  for (const el of all) if (el.localName !== 'dialog' && el.matches(ARIA) && shown(el)) found.push(el);
  for (const el of all) if (el.matches(MUI) && shown(el)) found.push(el);
  for (const { dialog, mask } of MASKED) {
    const dialogs = all.filter((el) => el.matches(dialog));
    if (!dialogs.length) continue;
    if (!queryAll(doc, mask).some(shown)) continue;
    for (const el of dialogs) {
      if (dialog === '.cdk-overlay-pane' && !el.querySelector(DIALOG_INSIDE)) continue; // a select's panel is no modal
      if (el.getAttribute('aria-hidden') !== 'true' && shown(el)) found.push(el);
    }
  }
  if (!found.length) return null;
  // the last in document order; an element inside another found one stands for it
  found.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  let top = found[found.length - 1]!;
  for (const el of found) if (el !== top && el.contains(top)) top = el;
  return top;
}

export interface PageReading {
  facts: PageFacts;
  all: Recognised[];
  /** the open modal, whether or not the page was recognised from it */
  modal: Element | null;
  /** the steps were recognised from the modal alone */
  fromModal: boolean;
}

/**
 * Recognise the page from what the user can act on now: the open modal's text and controls first;
 * when nothing of the catalogue is in the modal (a notice of its own), the whole page as before.
 */
export function readPage(procedures: readonly Procedure[], where: Where, doc: Document = document): PageReading {
  const modal = openModal(doc);
  if (modal) {
    const facts = pageFacts(where, readPageText(modal), modal);
    const all = recogniseAll(procedures, facts);
    if (all.length) return { facts, all, modal, fromModal: true };
  }
  const facts = pageFacts(where, readPageText(doc.body ?? doc.documentElement), doc);
  return { facts, all: recogniseAll(procedures, facts), modal, fromModal: false };
}
