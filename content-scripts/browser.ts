/**
 * `wxt/browser` for the portal content script only (wxt.config.ts aliases it there; the other
 * entrypoints keep webextension-polyfill). The polyfill is ~10 KB (2.8 KB gzip) of wrappers
 * the content script does not need (issue 13, size): Firefox's content scripts have the promise
 * `browser` natively, and Chromium's MV3 `chrome.*` return promises for what the content script
 * calls (storage, runtime.sendMessage, getURL, i18n). What only the polyfill gave is kept here:
 * a `runtime.onMessage` listener may answer by returning a promise (its value is the response;
 * a rejection answers as the polyfill does, so that the sender's polyfill rejects too).
 */
type Listener = (message: unknown, sender: unknown) => unknown;
type ChromeListener = (message: unknown, sender: unknown, respond: (r: unknown) => void) => boolean;
interface ChromeEvent {
  addListener(l: ChromeListener): void;
  removeListener(l: ChromeListener): void;
  hasListener(l: ChromeListener): boolean;
}
type Api = { runtime: { id?: string; onMessage: ChromeEvent } & Record<string, unknown> } & Record<string, unknown>;

const g = globalThis as unknown as { browser?: Api; chrome?: Api };

/** chrome.runtime.onMessage whose listeners may return a promise of their answer */
export function promiseListeners(event: ChromeEvent): {
  addListener(l: Listener): void;
  removeListener(l: Listener): void;
  hasListener(l: Listener): boolean;
} {
  const wrapped = new WeakMap<Listener, ChromeListener>();
  return {
    addListener(l) {
      if (wrapped.has(l)) return;
      const w: ChromeListener = (message, sender, respond) => {
        const r = l(message, sender) as PromiseLike<unknown> | undefined;
        if (!r || typeof r.then !== 'function') return false;
        r.then(respond, (e: unknown) =>
          respond({ __mozWebExtensionPolyfillReject__: true, message: e instanceof Error ? e.message : String(e) }),
        );
        return true;
      };
      wrapped.set(l, w);
      event.addListener(w);
    },
    removeListener(l) {
      const w = wrapped.get(l);
      if (w) event.removeListener(w);
      wrapped.delete(l);
    },
    hasListener: (l) => wrapped.has(l),
  };
}

function fromChrome(chrome: Api): Api {
  const onMessage = promiseListeners(chrome.runtime.onMessage);
  const bound = <T extends object>(target: T, own: Record<string, unknown>): T =>
    new Proxy(target, {
      get(t, k) {
        if (typeof k === 'string' && k in own) return own[k];
        const v = Reflect.get(t, k) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
    });
  return bound(chrome, { runtime: bound(chrome.runtime, { onMessage }) });
}

/** Firefox's own `browser` (a Chromium that names `chrome` `browser` too still gets the listener wrapper) */
const native = g.browser?.runtime?.id && g.browser !== g.chrome ? g.browser : null;
export const browser = (native ?? (g.chrome?.runtime ? fromChrome(g.chrome) : g.chrome)) as unknown as typeof import('wxt/browser').browser;
