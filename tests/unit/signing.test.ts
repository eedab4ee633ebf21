/**
 * The hand-over card's data and placement (content-scripts/signing.ts): every step that signs says
 * which key its button hands over for; the card's place covers none of the page's controls when
 * there is room; its texts exist in kk, ru, en and uz.
 */
import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../procedures';
import type { PageStep } from '../../procedures/types';
import { LANGS } from '../../procedures/types';
import { has, t } from '../../lib/strings';
import { handoverOf, placeClear, programOf } from '../../content-scripts/signing';

const pageSteps = PROCEDURES.flatMap((p) => p.steps.filter((s): s is PageStep => s.kind === 'page').map((s) => ({ p, s })));

describe('which key, as data in the catalogue', () => {
  it.each(pageSteps.filter(({ s }) => s.signature).map(({ p, s }) => [`${p.id}/${s.id}`, p, s] as const))(
    '%s: a signing step hands over with a key',
    (_, p, s) => {
      const keys = [...s.fields.map((f) => f.handover?.key), s.handover?.key].filter(Boolean);
      expect(keys.length).toBeGreaterThan(0);
      expect(['ncalayer', 'e-imzo']).toContain(programOf(p, p.portal));
    },
  );
  it('logging in takes the authentication key, signing the signing key (seeds 000, 001)', () => {
    const key = (proc: string, step: string, field?: string) => {
      const s = PROCEDURES.find((p) => p.id === proc)!.steps.find((x) => x.id === step) as PageStep;
      return field ? s.fields.find((f) => f.id === field)?.handover?.key : s.handover?.key;
    };
    expect(key('esf.ie-after-individual', 'sign-in', 'select-certificate')).toBe('auth');
    expect(key('esf.second-enterprise', 'select-certificate', 'select-certificate')).toBe('auth');
    expect(key('esf.recover-access', 'new-password', 'send')).toBe('sign');
    expect(key('singlewindow.self-registration', 'select-eds', 'eds')).toBe('sign');
    expect(key('oofd.connect-kkm-wired', 'register-portal')).toBe('auth');
    expect(key('oofd.connect-kkm-wired', 'sign-contract', 'sign')).toBe('sign');
  });
  it('OneID hands over to E-IMZO, the Kazakh portals to NCALayer', () => {
    const oneid = PROCEDURES.find((p) => p.id === 'oneid.verify-with-eds')!;
    const esf = PROCEDURES.find((p) => p.id === 'esf.second-enterprise')!;
    expect(programOf(oneid, 'oneid')).toBe('e-imzo');
    expect(programOf(esf, 'esf')).toBe('ncalayer');
  });
  it('a step-level hand-over is found by the caption of the control pressed, not by any text', () => {
    const step = PROCEDURES.find((p) => p.id === 'oofd.connect-kkm-wired')!.steps[0] as PageStep;
    document.body.innerHTML =
      '<button id="b"><span class="mat-button-wrapper"><mat-icon>vpn_key</mat-icon> Выбрать сертификат ' +
      '</span></button><button id="c">Отмена</button><p id="p">Выбрать сертификат</p>';
    expect(handoverOf(step, undefined, document.querySelector('#b mat-icon'))).toEqual({ key: 'auth' });
    expect(handoverOf(step, undefined, document.getElementById('c'))).toBeNull();
    expect(handoverOf(step, undefined, document.getElementById('p'))).toBeNull();
  });
  it.each(LANGS)("the card's texts exist [%s]", (L) => {
    for (const k of [
      'title',
      'behind',
      'keyAuth',
      'keySign',
      'keyEimzo',
      'company',
      'companyEimzo',
      'password',
      'nothing',
      'checking',
      'running',
      'notRunning',
      'unknown',
      'kaztoken',
      'download',
    ])
      expect(has(L, `signing.${k}`), `${L} signing.${k}`).toBe(true);
    expect(has(L, 'ui.signerKaztoken')).toBe(true);
  });
  it('Uzbek joins its suffixes to the program name («{{name}}ni» → «E-IMZOni»)', () => {
    expect(t('uz', 'signing.nothing', { name: 'E-IMZO' })).toContain('E-IMZOni ');
    expect(t('uz', 'explain.eimzo-not-installed.todo')).toContain('E-IMZOni ');
  });
});

describe('placement', () => {
  const box = (left: number, top: number, w: number, h: number) => ({ left, top, right: left + w, bottom: top + h });
  const overlaps = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  it('beside the pressed button when that is clear', () => {
    const button = box(100, 100, 120, 36);
    const p = placeClear(300, 200, button, [button], 1280, 800);
    expect(overlaps(box(p.x, p.y, 300, 200), button)).toBe(false);
  });
  it('away from a form that fills the right half, and from the button', () => {
    const controls = [box(700, 50, 500, 40), box(700, 120, 500, 40), box(700, 700, 500, 60), box(20, 740, 200, 40)];
    const p = placeClear(360, 260, controls[2]!, controls, 1280, 800);
    for (const c of controls) expect(overlaps(box(p.x, p.y, 360, 260), c)).toBe(false);
  });
  it('stays in the viewport', () => {
    const p = placeClear(360, 260, box(1200, 780, 60, 20), [], 1280, 800);
    expect(p.x).toBeGreaterThanOrEqual(0);
    expect(p.y + 260).toBeLessThanOrEqual(800);
  });
});
