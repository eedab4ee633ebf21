import { browser } from 'wxt/browser';
import type { FrameSpec, WhoseAnswer, WhoseRequest } from '../lib/private-messages';
import { FRAME_CLOSE, FRAME_SIZE, PRIVATE_PAGE } from '../lib/private-page';
import { sendToBackground } from '../lib/messages';

/**
 * The content script's side of keeping profiles out of the portal page (issue 15). Anything that
 * names a profile is drawn by a frame of an extension page (`data-qadam-private`), which the page's
 * scripts cannot read; its address carries a random token only, and its size is fixed per kind, so
 * nothing the page can measure depends on the profiles. The content script itself never reads
 * profiles: it asks the background whose an identifier is.
 */

export function whose(ids: string[], registersOn: WhoseRequest['registersOn']): Promise<WhoseAnswer | undefined> {
  const req: WhoseRequest = { type: 'qadam:whose', ids: ids.slice(0, 8), registersOn };
  return sendToBackground(req);
}

/** a frame for this spec (its content arrives from the background by token); `onClose`: the user closed it inside */
export function privateFrame(spec: FrameSpec, title: string, onClose?: () => void): HTMLIFrameElement {
  const token = crypto.randomUUID();
  const frame = document.createElement('iframe');
  frame.setAttribute('data-qadam-private', '');
  frame.title = title;
  frame.className = `private ${spec.kind}`;
  frame.style.height = `${FRAME_SIZE[spec.kind]}px`;
  frame.setAttribute('allowtransparency', 'true');
  // the spec reaches the background first, then the frame asks for it by token
  void sendToBackground({ type: 'qadam:private-open', token, spec })
    .then(() => {
      frame.src = `${browser.runtime.getURL(PRIVATE_PAGE as '/popup.html')}?t=${token}`;
    })
    .catch(() => {});
  if (onClose) {
    const onMessage = (e: MessageEvent): void => {
      // only this frame's own window can be the source: a page cannot forge it
      if (!frame.isConnected) return window.removeEventListener('message', onMessage);
      if (e.source !== frame.contentWindow || (e.data as { type?: unknown } | null)?.type !== FRAME_CLOSE) return;
      window.removeEventListener('message', onMessage);
      onClose();
    };
    window.addEventListener('message', onMessage);
  }
  return frame;
}
