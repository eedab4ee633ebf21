import { beforeEach, describe, expect, it } from 'vitest';
import { scanPage } from '../../content-scripts/scanner';
import { proceduresOfPortal } from '../../procedures';
import { DEMO, FORM_HTML, HERE, SUMMARY_HTML } from './engine-parts';

/** The scanner on its own: recognise + locate into a plain result; it changes nothing on the page. */
describe('scanner', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('an address no step can be on: elsewhere, without reading the page', () => {
    document.body.innerHTML = FORM_HTML;
    expect(scanPage({ procedures: [DEMO], where: { pathname: '/news', hash: '' }, followed: null })).toEqual({ kind: 'elsewhere' });
  });

  it('the step and its fields, located to the page’s own elements', () => {
    document.body.innerHTML = FORM_HTML;
    const before = document.body.innerHTML;
    const r = scanPage({ procedures: [DEMO], where: HERE, followed: null });
    expect(r.kind).toBe('step');
    if (r.kind !== 'step') return;
    expect(r.rec.procedure.id).toBe('esf.demo');
    expect(r.rec.step.id).toBe('form');
    expect(r.rec.index).toBe(0);
    expect(r.located.get('iin')).toBe(document.getElementById('f-iin'));
    expect(r.located.get('password')).toBe(document.getElementById('f-pw'));
    expect(r.located.get('password-repeat')).toBe(document.getElementById('f-pw2'));
    expect(r.located.get('next')).toBe(document.querySelector('button'));
    expect(r.done).toBe(false);
    expect(r.modal).toBeNull();
    expect(document.body.innerHTML).toBe(before); // read only
  });

  it('the right address but no step’s page: none', () => {
    document.body.innerHTML = '<h1>Новости</h1><p>Ничего</p>';
    const r = scanPage({ procedures: [DEMO], where: HERE, followed: 'esf.demo' });
    expect(r.kind).toBe('none');
  });

  it('the step last recorded shows its result: said, with the step shown now', () => {
    document.body.innerHTML = SUMMARY_HTML;
    const r = scanPage({ procedures: [DEMO], where: HERE, followed: 'esf.demo', lastStep: 'form' });
    expect(r.kind).toBe('step');
    if (r.kind !== 'step') return;
    expect(r.lastStepDone).toEqual({ procedure: 'esf.demo', step: 'form' });
    expect(r.rec.step.id).toBe('summary');
    // not followed: nothing to say about it
    const other = scanPage({ procedures: [DEMO], where: HERE, followed: null, lastStep: 'form' });
    expect(other.kind !== 'elsewhere' && other.lastStepDone).toBeNull();
  });

  it('a modal dialog open over the page is read first', () => {
    document.body.innerHTML = `<h1>Проверьте данные</h1><div role="dialog" aria-modal="true">${FORM_HTML}</div>`;
    const r = scanPage({ procedures: [DEMO], where: HERE, followed: null });
    expect(r.kind).toBe('step');
    if (r.kind !== 'step') return;
    expect(r.modal).toBe(document.querySelector('[role=dialog]'));
    expect(r.rec.step.id).toBe('form');
  });

  it('the catalogue: ESF’s registration page is recognised with its password field', () => {
    document.body.innerHTML = `<div class="reg"><table><tbody>
      <tr><td colspan="2"><div class="gwt-Label">Шаг 2 - регистрационные данные</div></td></tr>
      <tr><td><div class="gwt-Label">ИИН</div></td><td><input type="text" readonly value="850312400128"></td></tr>
      <tr><td><div class="gwt-Label">Пароль</div></td><td><input type="password" id="pw"></td></tr>
      <tr><td></td><td><button type="button">Далее</button></td></tr></tbody></table></div>`;
    const r = scanPage({ procedures: proceduresOfPortal('esf'), where: { pathname: '/esf-web/', hash: '#!/journal' }, followed: null });
    expect(r.kind).toBe('step');
    if (r.kind === 'step') {
      expect(r.rec.step.id).toBe('registration-data');
      expect(r.located.get('password')).toBe(document.getElementById('pw'));
    }
  });
});
