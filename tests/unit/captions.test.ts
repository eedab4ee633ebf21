import { describe, expect, it } from 'vitest';
import type { FieldDef, PageStep } from '../../procedures/types';
import { readPageText } from '../../content-scripts/page-text';
import { locateFields, textOf } from '../../content-scripts/locate';
import { pageFacts, stepMatches } from '../../content-scripts/recognise';

/**
 * Captions the engine reads however a portal writes them: button-like inputs' values, `title`,
 * `aria-labelledby`, captions split across nested spans, icon buttons with text, MUI and Angular
 * Material floating labels (the hidden MUI notch copy never read twice); an action ring goes only
 * to something clickable, never to a heading.
 */

function page(html: string) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const text = readPageText(doc.body);
  return { doc, text };
}

const action = (id: string, labels: string[]): FieldDef => ({ id, kind: 'action', labels });
const input = (id: string, labels: string[], inputTypes?: string[]): FieldDef => ({
  id,
  kind: 'input',
  labels,
  ...(inputTypes ? { inputTypes } : {}),
});
const step = (fields: FieldDef[], match: PageStep['match'] = {}): PageStep => ({ id: 's', kind: 'page', match, fields });

function located(html: string, fields: FieldDef[]) {
  const { doc, text } = page(html);
  const found = locateFields(step(fields), text, doc);
  return { doc, text, at: (id: string) => found.get(id)?.getAttribute('data-t') ?? null };
}

describe('captions the engine reads', () => {
  it('a submit or button input by its value', () => {
    const { at } = located('<form><input type="submit" value="Войти с ЭЦП" data-t="ok"></form>', [action('go', ['Войти с ЭЦП'])]);
    expect(at('go')).toBe('ok');
  });

  it('an icon button by its title or aria-label', () => {
    const r = located(
      '<button type="button" title="Подписать" data-t="t"><svg></svg></button><a href="#" ' +
        'aria-label="Выйти" data-t="a"><i class="fa fa-sign-out"></i></a>',
      [action('sign', ['Подписать']), action('out', ['Выйти'])],
    );
    expect(r.at('sign')).toBe('t');
    expect(r.at('out')).toBe('a');
  });

  it('a button and an input by aria-labelledby (several ids, in order)', () => {
    const r = located(
      '<span id="l1">Құпия</span><span id="l2">сөз</span><input type="password" aria-labelledby="l1 l2" data-t="pw">' +
        '<div id="cap" hidden>Тіркелу</div><div role="button" tabindex="0" aria-labelledby="cap" data-t="reg"><svg></svg></div>',
      [input('pw', ['Құпия сөз'], ['password']), action('reg', ['Тіркелу'])],
    );
    expect(r.at('pw')).toBe('pw');
    expect(r.at('reg')).toBe('reg');
  });

  it('a caption split across nested spans, with no white space between them', () => {
    const html = '<button type="button" data-t="b"><span class="mat-button-wrapper"><span>Войти</span><span>по ЭЦП</span></span></button>';
    expect(textOf(page(html).doc.querySelector('button'))).toBe('войти по эцп');
    expect(located(html, [action('go', ['Войти по ЭЦП'])]).at('go')).toBe('b');
  });

  it('inline formatting does not split a word', () => {
    expect(textOf(page('<label><b>Р</b>егистрация</label>').doc.querySelector('label'))).toBe('регистрация');
  });

  it('an icon button with text: the icon ligature is no caption', () => {
    const html =
      '<button class="mat-mdc-raised-button" data-t="b"><mat-icon>login</mat-icon>Кіру</button><button ' +
      'data-t="x"><span class="material-icons">close</span></button>';
    const r = located(html, [action('in', ['Кіру']), action('close', ['close'])]);
    expect(r.at('in')).toBe('b');
    expect(r.at('close')).toBeNull();
  });

  it('an MUI outlined field: label[for] read once, the hidden notch copy never', () => {
    const html =
      '<div class="MuiFormControl-root css-1u3bzj6-MuiFormControl-root"><label class="MuiInputLabel-root" ' +
      'for=":r1:" id=":r1:-label">Login</label>' +
      '<div class="MuiInputBase-root MuiOutlinedInput-root"><input id=":r1:" type="text" class="MuiInputBase-input" data-t="login">' +
      '<fieldset aria-hidden="true" class="MuiOutlinedInput-notchedOutline ' +
      'css-1d3z3hw-MuiOutlinedInput-notchedOutline"><legend class="css-14lo706"><span>Login</span></legend>' +
      '</fieldset></div></div>';
    const r = located(html, [input('login', ['Login'])]);
    expect(r.at('login')).toBe('login');
    expect(r.text.chunks.filter((c) => c.text === 'login')).toHaveLength(1);
    // the notch copy is no label of its own: the field's whole visible text is the caption once
    expect(textOf(r.doc.querySelector('.MuiFormControl-root'))).toBe('login');
    // an MUI build whose notch is not marked aria-hidden: still read once
    const bare = page(html.replace(' aria-hidden="true"', ''));
    expect(bare.text.chunks.filter((c) => c.text === 'login')).toHaveLength(1);
  });

  it('an Angular Material field: the floating label, with or without `for`, four levels above the input', () => {
    const field = (withFor: boolean) =>
      '<mat-form-field class="mat-mdc-form-field"><div class="mat-mdc-text-field-wrapper"><div class="mat-mdc-form-field-flex">' +
      `<div class="mat-mdc-form-field-infix"><label ` +
      `class="mdc-floating-label"${withFor ? ' for="storage-password"' : ''}><mat-label>Пароль</mat-label>` +
      '<span aria-hidden="true" class="mat-mdc-form-field-required-marker">*</span></label>' +
      '<div><div><div><input id="storage-password" type="password" class="mat-mdc-input-element" ' +
      'data-t="pw"></div></div></div></div></div></div></mat-form-field>';
    for (const withFor of [true, false]) expect(located(field(withFor), [input('pw', ['Пароль'], ['password'])]).at('pw')).toBe('pw');
  });

  it('step words: a field named only by its placeholder or aria-label still names the page', () => {
    const s = step([], { text: [['Серия и номер паспорта']] });
    for (const attr of ['placeholder', 'aria-label']) {
      const { doc, text } = page(`<form><input type="text" ${attr}="Серия и номер паспорта"></form>`);
      expect(stepMatches(s, pageFacts({ pathname: '/', hash: '' }, text, doc))).toBe(true);
    }
  });
});

describe('an action ring goes only to something clickable', () => {
  it('never to a heading with the same words; the button below it instead', () => {
    const r = located(
      '<h2 data-t="h">Регистрация юридического лица</h2><p>…</p><a class="btn btn-success" href="#" ' +
        'data-t="a">Регистрация юридического лица</a>',
      [action('reg', ['Регистрация юридического лица'])],
    );
    expect(r.at('reg')).toBe('a');
  });
  it('a heading or a panel title alone is not ringed', () => {
    const r = located(
      '<div class="panel"><div class="panel-heading" data-t="p">Регистрация юридического лица</div><h3 data-t="h">Войти</h3></div>',
      [action('reg', ['Регистрация юридического лица']), action('in', ['Войти'])],
    );
    expect(r.at('reg')).toBeNull();
    expect(r.at('in')).toBeNull();
  });
});
