import type { Procedure } from '../../procedures/types';

/**
 * A small made-up procedure for the unit tests of the engine's parts: two page steps on
 * https://demo.example/reg (a form with an IIN, a password and its repetition; a summary page) and
 * a manual step. Its texts are never shown to anyone; the parts only need its shape.
 */
export const DEMO: Procedure = {
  id: 'esf.demo',
  portal: 'esf',
  registers: { portal: 'esf', step: 'form' },
  steps: [
    {
      id: 'form',
      kind: 'page',
      match: { path: ['/reg'], text: [['Регистрация']] },
      done: { path: ['/reg'], text: [['Заявка принята']] },
      fields: [
        { id: 'iin', kind: 'input', labels: ['ИИН'], rule: 'iin', subject: true },
        { id: 'password', kind: 'input', labels: ['Пароль'], inputTypes: ['password'] },
        { id: 'password-repeat', kind: 'input', labels: ['Повторите пароль'], inputTypes: ['password'], sameAs: 'password' },
        { id: 'agree', kind: 'input', labels: ['Согласен'], inputTypes: ['checkbox'], optional: true },
        { id: 'next', kind: 'action', labels: ['Далее'] },
      ],
    },
    { id: 'summary', kind: 'page', match: { path: ['/reg'], text: [['Проверьте данные']] }, fields: [] },
    { id: 'visit', kind: 'manual' },
  ],
};

export const FORM_HTML = `<h1>Регистрация</h1><form>
  <label for="f-iin">ИИН</label><input id="f-iin" name="iin">
  <label for="f-pw">Пароль</label><input id="f-pw" type="password">
  <label for="f-pw2">Повторите пароль</label><input id="f-pw2" type="password">
  <label><input type="checkbox" id="f-agree"> Согласен</label>
  <button type="button">Далее</button></form>`;

export const SUMMARY_HTML = '<h1>Проверьте данные</h1><p>Заявка принята</p>';
export const HERE = { pathname: '/reg', hash: '' };
