import { describe, expect, it, vi } from 'vitest';
import { promiseListeners } from '../../content-scripts/browser';

/** content-scripts/browser.ts: the content script's `browser` without webextension-polyfill */
function fakeEvent() {
  const list = new Set<(m: unknown, s: unknown, r: (x: unknown) => void) => boolean>();
  return {
    list,
    addListener: (l: (m: unknown, s: unknown, r: (x: unknown) => void) => boolean) => void list.add(l),
    removeListener: (l: (m: unknown, s: unknown, r: (x: unknown) => void) => boolean) => void list.delete(l),
    hasListener: (l: (m: unknown, s: unknown, r: (x: unknown) => void) => boolean) => list.has(l),
    /** what Chromium does: each listener gets the message; true keeps the channel open for an answer */
    fire(m: unknown, respond: (x: unknown) => void): boolean[] {
      return [...list].map((l) => l(m, {}, respond));
    },
  };
}

describe('browser (content script): onMessage listeners answer by a promise', () => {
  it('a promise: the channel stays open and its value is the answer', async () => {
    const ev = fakeEvent();
    const on = promiseListeners(ev);
    const l = (m: unknown) => (m === 'state?' ? Promise.resolve({ step: 'x' }) : undefined);
    on.addListener(l);
    const respond = vi.fn();
    expect(ev.fire('state?', respond)).toEqual([true]);
    await Promise.resolve();
    await Promise.resolve();
    expect(respond).toHaveBeenCalledWith({ step: 'x' });
    // not its message: no answer, the channel is not held
    expect(ev.fire('other', respond)).toEqual([false]);
    expect(on.hasListener(l)).toBe(true);
    on.removeListener(l);
    expect(ev.list.size).toBe(0);
    expect(on.hasListener(l)).toBe(false);
  });

  it('a rejection answers as webextension-polyfill does (the sender rejects with its message)', async () => {
    const ev = fakeEvent();
    promiseListeners(ev).addListener(() => Promise.reject(new Error('no')));
    const respond = vi.fn();
    ev.fire('x', respond);
    await new Promise((r) => setTimeout(r, 0));
    expect(respond).toHaveBeenCalledWith({ __mozWebExtensionPolyfillReject__: true, message: 'no' });
  });

  it('one listener added twice is registered once', () => {
    const ev = fakeEvent();
    const on = promiseListeners(ev);
    const l = () => undefined;
    on.addListener(l);
    on.addListener(l);
    expect(ev.list.size).toBe(1);
  });
});
