import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderStep, stepView } from '../../content-scripts/renderer';
import { scanPage } from '../../content-scripts/scanner';
import { Overlay } from '../../content-scripts/overlay';
import { loadStrings, t } from '../../content-scripts/strings';
import { stringsFor } from '../../lib/strings';
import { proceduresOfPortal } from '../../procedures';
import type { Lang, PageStep, Procedure } from '../../procedures/types';
import { DEMO, FORM_HTML, HERE, SUMMARY_HTML } from './engine-parts';

/** The renderer on its own: a scan's result mapped onto the overlay (overlay.ts stays the widget). */
const ESF_FORM = `<div class="reg"><table><tbody>
  <tr><td colspan="2"><div class="gwt-Label">Шаг 2 - регистрационные данные</div></td></tr>
  <tr><td><div class="gwt-Label">ИИН</div></td><td><input type="text" readonly value="850312400128"></td></tr>
  <tr><td><div class="gwt-Label">Пароль</div></td><td><input type="password" id="pw"></td></tr>
  <tr><td></td><td><button type="button">Далее</button></td></tr></tbody></table></div>`;
const ESF_WHERE = { pathname: '/esf-web/', hash: '#!/journal' };

function scanned(procedures: readonly Procedure[], where: { pathname: string; hash: string }) {
  const r = scanPage({ procedures, where, followed: null });
  if (r.kind !== 'step') throw new Error('not recognised');
  return r;
}

beforeAll(async () => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    const m = msg as { type: string; portal: string; lang: Lang };
    return m.type === 'qadam:strings'
      ? Promise.resolve({ strings: stringsFor(m.portal, m.lang), en: stringsFor(m.portal, 'en') })
      : undefined;
  });
  await loadStrings('esf', 'ru');
});
afterEach(() => document.querySelector('qadam-overlay')?.remove());

describe('renderer', () => {
  it('a ring per located field that is not silent, numbered by its place, with the field’s hint in the language', () => {
    document.body.innerHTML = ESF_FORM;
    const r = scanned(proceduresOfPortal('esf'), ESF_WHERE);
    const view = stepView({ rec: r.rec, located: r.located, lang: 'ru', privateFrames: true });
    expect(view.rings.map((x) => x.id)).toEqual(['password']); // the subject field is read, never ringed
    const ring = view.rings[0]!;
    expect(ring.source).toBe(document.getElementById('pw'));
    expect(ring.n).toBe(r.rec.step.fields.findIndex((f) => f.id === 'password') + 1);
    const base = `procedures.${r.rec.procedure.id}.steps.${r.rec.step.id}`;
    expect(ring.hint).toBe(t('ru', `${base}.fields.password`));
    expect(ring.hint.length).toBeGreaterThan(10);
    expect(view.panel).toBeNull();
    expect(view.texts.stepLine).toContain(t('ru', `${base}.title`));
    expect(view.texts.stepLine).toContain(String(r.rec.index + 1));
  });

  it('drawn on the overlay: the ring around the field in the shadow root', () => {
    document.body.innerHTML = ESF_FORM;
    const r = scanned(proceduresOfPortal('esf'), ESF_WHERE);
    const overlay = new Overlay();
    renderStep(overlay, { rec: r.rec, located: r.located, lang: 'ru', privateFrames: false });
    const root = document.querySelector('qadam-overlay')?.shadowRoot;
    expect(root?.querySelector('[data-qadam-field="password"]')).toBeTruthy();
    expect(overlay.size).toBe(1);
    overlay.destroy();
  });

  it('a step without a field to ring: its text in a panel', () => {
    document.body.innerHTML = SUMMARY_HTML.replace('<p>Заявка принята</p>', '');
    const r = scanned([DEMO], HERE);
    expect(r.rec.step.id).toBe('summary');
    const view = stepView({ rec: r.rec, located: r.located, lang: 'ru', privateFrames: true });
    expect(view.rings).toEqual([]);
    expect(view.panel?.key).toBe('esf.demo/summary');
  });

  it('the first enterprise’s name goes in a private frame, only where frames may be shown; a taught field says so', () => {
    const withFirst: Procedure = {
      ...DEMO,
      steps: [
        {
          ...(DEMO.steps[0] as PageStep),
          fields: (DEMO.steps[0] as PageStep).fields.map((f) => (f.id === 'iin' ? { ...f, firstRegistered: 'esf' as const } : f)),
        },
      ],
    };
    document.body.innerHTML = FORM_HTML;
    const r = scanned([withFirst], HERE);
    const taught = { label: 'taught', undo: 'undo', onUndo: () => {} };
    const on = stepView({
      rec: r.rec,
      located: r.located,
      lang: 'ru',
      privateFrames: true,
      taught: (_p, _s, f) => (f === 'password' ? taught : undefined),
    });
    expect(on.rings.find((x) => x.id === 'iin')?.extra?.key).toMatch(/^first\/esf\.demo\/form\/iin\/ru\//);
    expect(on.rings.find((x) => x.id === 'password')?.taught).toBe(taught);
    expect(on.rings.find((x) => x.id === 'iin')?.taught).toBeUndefined();
    const off = stepView({ rec: r.rec, located: r.located, lang: 'ru', privateFrames: false });
    expect(off.rings.find((x) => x.id === 'iin')?.extra).toBeUndefined();
    expect(off.rings.map((x) => x.id)).toEqual(['iin', 'password', 'password-repeat', 'agree', 'next']);
  });
});
