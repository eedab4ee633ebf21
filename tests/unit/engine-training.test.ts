import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fillSample, startTraining, trainingHandle, type TrainingPort } from '../../content-scripts/training';
import { scanPage } from '../../content-scripts/scanner';
import { stringsFor } from '../../lib/strings';
import type { FieldDef, Lang, PageStep } from '../../procedures/types';
import { DEMO, FORM_HTML, HERE } from './engine-parts';

/** The sandbox's training adapter: the API the training page drives the engine with. */
const step = DEMO.steps[0] as PageStep;
const sample = (f: FieldDef) => (f.rule === 'iin' ? '850312400128' : f.id === 'password' ? 'Sample-1' : null);

describe('training adapter', () => {
  let port: TrainingPort & { rescans: number; revalidated: number };
  beforeEach(() => {
    document.body.innerHTML = FORM_HTML;
    const r = scanPage({ procedures: [DEMO], where: HERE, followed: null });
    if (r.kind !== 'step') throw new Error('not recognised');
    port = {
      rescans: 0,
      revalidated: 0,
      rescan() {
        this.rescans++;
      },
      shown: () => ({ step: r.rec.step, located: r.located }),
      fieldOf: (t) => (t instanceof Element ? ([...r.located].find(([, el]) => el === t || el.contains(t))?.[0] ?? null) : null),
      rings: () => 5,
      revalidate() {
        this.revalidated++;
      },
    };
  });

  it('fills what is empty as a person would: events seen by the page, a repetition equal to its first entry', () => {
    const events: string[] = [];
    document.addEventListener('input', (e) => events.push(`input:${(e.target as Element).id}`));
    (document.getElementById('f-iin') as HTMLInputElement).readOnly = false;
    const n = fillSample(
      step,
      new Map([
        ...['iin', 'password', 'password-repeat', 'agree'].map(
          (id) =>
            [
              id,
              document.getElementById(
                id === 'iin' ? 'f-iin' : id === 'password' ? 'f-pw' : id === 'password-repeat' ? 'f-pw2' : 'f-agree',
              )!,
            ] as const,
        ),
      ]),
      sample,
    );
    expect(n).toBe(4);
    expect((document.getElementById('f-iin') as HTMLInputElement).value).toBe('850312400128');
    expect((document.getElementById('f-pw2') as HTMLInputElement).value).toBe('Sample-1');
    expect((document.getElementById('f-agree') as HTMLInputElement).checked).toBe(true);
    expect(events).toEqual(['input:f-iin', 'input:f-pw', 'input:f-pw2', 'input:f-agree']);
  });

  it('a handle: which field an element is, the step’s readiness, fill then check again', () => {
    const h = trainingHandle(port);
    expect(h.fieldAt(document.querySelector('button'))).toEqual({ id: 'next', kind: 'action', optional: false });
    expect(h.fieldAt(document.getElementById('f-agree'))).toEqual({ id: 'agree', kind: 'input', optional: true });
    expect(h.fieldAt(document.querySelector('h1'))).toBeNull();
    expect(h.status()).toEqual({ step: 'form', ready: false, actions: 1, rings: 5 });
    expect(h.fillSample(sample)).toBe(4);
    expect(port.revalidated).toBe(1);
    expect(h.status().ready).toBe(true);
    h.rescan();
    expect(port.rescans).toBe(1);
    expect(trainingHandle({ ...port, shown: () => null }).status()).toEqual({ step: null, ready: false, actions: 0, rings: 0 });
  });
});

describe('the engine driven by the adapter (an extension page’s context)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      const m = msg as { type: string; portal: string; lang: Lang };
      return m.type === 'qadam:strings'
        ? Promise.resolve({ strings: stringsFor(m.portal, m.lang), en: stringsFor(m.portal, 'en') })
        : undefined;
    });
  });
  afterEach(() => document.querySelector('qadam-overlay')?.remove());

  it('shows the step the replica stands for, records nothing, and looks again when the page is swapped', async () => {
    const sent: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => void sent.push((msg as { type: string }).type));
    document.body.innerHTML = '<p>loading</p>';
    const h = startTraining({
      portal: 'esf',
      record: false,
      lang: 'ru',
      where: () => ({ href: 'https://esf.gov.kz:8443/esf-web/#!/journal', pathname: '/esf-web/', hash: '#!/journal' }),
    })!;
    await new Promise((r) => setTimeout(r, 20));
    expect(h.status().step).toBeNull();
    document.body.innerHTML = `<div class="reg"><table><tbody>
      <tr><td colspan="2"><div class="gwt-Label">Шаг 2 - регистрационные данные</div></td></tr>
      <tr><td><div class="gwt-Label">ИИН</div></td><td><input type="text" readonly value="850312400128"></td></tr>
      <tr><td><div class="gwt-Label">Пароль</div></td><td><input type="password" id="pw"></td></tr>
      <tr><td></td><td><button type="button">Далее</button></td></tr></tbody></table></div>`;
    h.rescan();
    await new Promise((r) => setTimeout(r, 50));
    expect(h.status()).toMatchObject({ step: 'registration-data', ready: false, rings: 1 });
    expect(h.fieldAt(document.getElementById('pw'))).toEqual({ id: 'password', kind: 'input', optional: false });
    expect(h.fillSample(() => 'Sample-1')).toBe(1);
    expect(h.status().ready).toBe(true);
    expect(sent.filter((t) => t === 'qadam:progress-ops' || t === 'qadam:whose')).toEqual([]); // nothing recorded, no profile asked
  });
});
