import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { isStringsRequest, sendToBackground, type Answer, type BackgroundRequest } from '../../lib/messages';
import { onPrivateMessage } from '../../lib/private-background';
import { stringsFor } from '../../lib/strings';

/**
 * One typed message map (lib/messages.ts) at both ends: the content script's sender and the
 * background's receivers; the receiver still allow-lists every message by its shape.
 */
describe('typed messages, content script → background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    const sender = { id: browser.runtime.id, url: 'https://esf.gov.kz/' };
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => onPrivateMessage(msg, sender));
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      if (!isStringsRequest(msg)) return undefined;
      const answer: Answer<'qadam:strings'> = { strings: stringsFor(msg.portal, msg.lang), en: stringsFor(msg.portal, 'en') };
      return Promise.resolve(answer);
    });
  });

  it('each request gets its answer, typed by the message', async () => {
    const progress = await sendToBackground({ type: 'qadam:progress-get' });
    expect(progress?.tag).toMatch(/^[\w-]{16,}$/);
    expect(progress?.progress.active).toBeNull();
    const whose = await sendToBackground({ type: 'qadam:whose', ids: ['850312400128'], registersOn: 'esf' });
    expect(whose).toEqual({ active: false, verdict: 'none', registered: false });
    const ops = await sendToBackground({
      type: 'qadam:progress-ops',
      ops: [{ op: 'record', procedure: 'esf.ie-after-individual', step: 'registration-data', stepDone: false }],
    });
    expect(ops).toEqual({ ok: true });
    const words = await sendToBackground({ type: 'qadam:strings', portal: 'esf', lang: 'kk' });
    expect(words?.strings).toBeTruthy();
  });

  it('a message of another shape is not answered (allow-listed at the receiver)', async () => {
    const forged = { type: 'qadam:whose', ids: ['850312400128'], registersOn: 'esf', extra: 1 } as unknown as BackgroundRequest;
    expect(await sendToBackground(forged)).toBeUndefined();
    const wrong = { type: 'qadam:strings', portal: 'esf', lang: 'de' } as unknown as BackgroundRequest;
    expect(await sendToBackground(wrong)).toBeUndefined();
  });
});
