import { readCases, readReplica } from '../../replicas/files';
import type { ReplicaCase } from '../../replicas/schema';

/** The replica pages of replicas/<portal>/ and their manifest (cases.json, checked by replicas/schema.ts). */
export type { ReplicaCase };

export function replicaCases(portal: string): ReplicaCase[] {
  return readCases(portal);
}

/**
 * happy-dom opens a dialog with showModal() but knows no `:modal` (it matches nothing): a shim, so
 * that content-scripts/modal.ts sees here what it sees in a browser.
 */
const modalDialogs = new WeakSet<Element>();
const dialogProto = (globalThis as { HTMLDialogElement?: typeof HTMLDialogElement }).HTMLDialogElement?.prototype;
if (dialogProto && !(dialogProto as unknown as { qadamShim?: boolean }).qadamShim) {
  (dialogProto as unknown as { qadamShim?: boolean }).qadamShim = true;
  const showModal = dialogProto.showModal;
  dialogProto.showModal = function (this: HTMLDialogElement) {
    showModal.call(this);
    modalDialogs.add(this);
  };
  const close = dialogProto.close;
  dialogProto.close = function (this: HTMLDialogElement, v?: string) {
    modalDialogs.delete(this);
    close.call(this, v);
  };
  const matches = Element.prototype.matches;
  Element.prototype.matches = function (this: Element, sel: string) {
    if (sel === ':modal') return modalDialogs.has(this) && this.hasAttribute('open');
    return matches.call(this, sel);
  };
}

/**
 * Parse a replica into a document of the test window (so instanceof checks hold) with its late
 * content (<template data-late>) put in place, as the page's own script does in a browser.
 */
export function loadReplica(portal: string, file: string): Document {
  const html = readReplica(portal, file);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const t of Array.from(doc.querySelectorAll('template[data-late]'))) {
    t.replaceWith((t as HTMLTemplateElement).content.cloneNode(true));
  }
  for (const s of Array.from(doc.querySelectorAll('script'))) s.remove();
  // what the page's own script does on load: open its modal question (showModal())
  for (const d of Array.from(doc.querySelectorAll<HTMLDialogElement>('dialog[data-show-modal]'))) d.showModal();
  return doc;
}

export function whereOf(url: string) {
  const u = new URL(url);
  return { pathname: u.pathname, hash: u.hash };
}
