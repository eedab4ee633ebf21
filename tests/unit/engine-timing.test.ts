import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEngine, type EngineContext } from '../../content-scripts/engine';
import { stringsFor, RESOURCES } from '../../lib/strings';
import type { Lang } from '../../procedures/types';

/**
 * When the engine looks (issue 13): a relevant change is scanned inside the observer's callback,
 * before the next frame, even when it comes after a thousand of irrelevant records in one batch.
 * No animation frame is let run in these tests: a ring that needs one does not appear.
 */
const FORM = `<div class="reg"><table><tbody>
  <tr><td colspan="2"><div class="gwt-Label">Шаг 2 - регистрационные данные</div></td></tr>
  <tr><td><div class="gwt-Label">ИИН</div></td><td><input type="text" readonly value="850312400128"></td></tr>
  <tr><td><div class="gwt-Label">Пароль</div></td><td><input type="password" id="pw"></td></tr>
  <tr><td></td><td><button type="button">Далее</button></td></tr></tbody></table></div>`;

const invalidate: (() => void)[] = [];
function context(): EngineContext {
  return {
    isInvalid: false,
    onInvalidated: (cb: () => void) => {
      invalidate.push(cb);
      return () => {};
    },
    addEventListener: ((target: EventTarget, type: string, cb: EventListener, o?: AddEventListenerOptions) =>
      target.addEventListener(type, cb, o)) as EngineContext['addEventListener'],
  } as unknown as EngineContext;
}

const rings = () =>
  Array.from(document.querySelector('qadam-overlay')?.shadowRoot?.querySelectorAll('[data-qadam-field]') ?? []).map((r) =>
    r.getAttribute('data-qadam-field'),
  );
/** let promises and observer callbacks run, but no animation frame or timer */
async function microtasks(n = 30): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

describe('engine timing', () => {
  let frames = 0;
  const raf = globalThis.requestAnimationFrame;
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      const m = msg as { type: string; portal: string; lang: Lang };
      if (m.type === 'qadam:strings') return Promise.resolve({ strings: stringsFor(m.portal, m.lang), en: stringsFor(m.portal, 'en') });
      return undefined;
    });
    frames = 0;
    // frames are counted, never run: what the test sees happened before the next paint
    globalThis.requestAnimationFrame = (() => ++frames) as typeof requestAnimationFrame;
    document.body.innerHTML = '<div id="slot"></div><div id="grid"></div>';
    const grid = document.getElementById('grid')!;
    grid.innerHTML = Array.from({ length: 1000 }, (_, i) => `<div class="r"><span>${i}</span><span>x</span></div>`).join('');
  });
  afterEach(() => {
    invalidate.splice(0).forEach((f) => f());
    globalThis.requestAnimationFrame = raf;
    document.querySelector('qadam-overlay')?.remove();
  });

  async function started(): Promise<void> {
    startEngine(context(), {
      portal: 'esf',
      record: false,
      lang: 'ru',
      where: () => ({ href: 'https://esf.gov.kz:8443/esf-web/#!/journal', pathname: '/esf-web/', hash: '#!/journal' }),
    });
    await new Promise((r) => setTimeout(r, 20)); // storage and the first scan
    expect(RESOURCES.ru).toBeTruthy();
    expect(rings()).toEqual([]);
  }

  it('a form inserted after 1,000 irrelevant records of the same batch is ringed before the next frame', async () => {
    await started();
    const cells = Array.from(document.querySelectorAll('#grid .r span:last-child'));
    for (const c of cells) c.textContent = 'y'; // 1,000 records first
    document.getElementById('slot')!.innerHTML = FORM; // the form's insertion last
    const before = frames;
    await microtasks();
    expect(rings()).toContain('password');
    // seen in the observer's callback: no frame was needed (at most requested for later)
    expect(frames - before).toBeLessThanOrEqual(1);
  });

  it('a ring needs no answer from the background first: the words follow', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners?.();
    let answer: ((v: unknown) => void) | null = null;
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      // the step followed comes at once; the words are held back
      if ((msg as { type: string }).type === 'qadam:progress-get')
        return Promise.resolve({ progress: { active: null, procedures: {}, notice: null }, tag: 't' });
      return new Promise((r) => (answer = r));
    });
    document.getElementById('slot')!.innerHTML = FORM;
    startEngine(context(), {
      portal: 'esf',
      record: false,
      lang: 'ru',
      where: () => ({ href: 'https://esf.gov.kz:8443/esf-web/#!/journal', pathname: '/esf-web/', hash: '#!/journal' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(rings()).toContain('password');
    const tip = () =>
      document.querySelector('qadam-overlay')!.shadowRoot!.querySelector('[role=tooltip][data-for="password"] .hint')?.textContent ?? '';
    // no raw key meanwhile: the hint is empty until the strings come
    expect(tip()).not.toMatch(/procedures\.|\.fields\./);
    expect(answer).not.toBeNull();
    answer!({ strings: stringsFor('esf', 'ru'), en: stringsFor('esf', 'en') });
    await new Promise((r) => setTimeout(r, 20));
    expect(tip().length).toBeGreaterThan(10);
  });
});
