import { describe, expect, it } from 'vitest';
import type { FieldDef, PageStep, Procedure } from '../../procedures/types';
import { proceduresOfPortal } from '../../procedures';
import { readPageText } from '../../content-scripts/page-text';
import { locateFields, visibleTarget } from '../../content-scripts/locate';
import { chosenCaption } from '../../content-scripts/choice';
import { openModal, readPage } from '../../content-scripts/modal';
import './replicas'; // the `:modal` shim of the test DOM

/** Choices (content-scripts/choice.ts) and modals (content-scripts/modal.ts) on small hand-made shapes. */

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
}

const role: FieldDef = {
  id: 'role',
  kind: 'input',
  labels: ['Выберите роль', 'Роль', 'Rol', 'Role'],
  choose: ['Common For Head'],
  names: ['role'],
  inputTypes: ['select-one', 'radio'],
};
const userType: FieldDef = {
  id: 'user-type',
  kind: 'input',
  labels: ['Тип пользователя'],
  choose: ['Юридическое лицо', 'Yuridik shaxs', 'Legal entity'],
  inputTypes: ['radio', 'select-one'],
  optional: true,
};
const step: PageStep = { id: 'choose', kind: 'page', match: { fields: ['role'] }, fields: [userType, role] };

function locate(doc: Document, s: PageStep = step) {
  const found = locateFields(s, readPageText(doc.body), doc);
  const at = (id: string) => {
    const el = found.get(id);
    return el ? (visibleTarget(el) ?? el) : undefined;
  };
  return { found, at };
}

describe('a choice rings what carries the option', () => {
  it('a radio named by its `name` only never takes the field from a caption that names another choice', () => {
    const doc = page(`<h3>Выберите роль</h3>
      <label><input type="radio" name="role" value="IND" checked> Физическое лицо</label>
      <label><input type="radio" name="role" value="LE" id="le"> Юридическое лицо</label>`);
    const { found, at } = locate(doc);
    expect(found.has('role'), 'no radio says «Common For Head»: role is not found rather than found wrong').toBe(false);
    expect(at('user-type')).toBe(doc.getElementById('le'));
  });

  it('a native select with the option: the select, and the hint names the option as the page writes it', () => {
    const doc = page(
      `<label for="r">Роль</label><select id="r" name="r"><option>ERGASHEV AZIZ — физическое лицо</option>` +
        `<option>OOO “SAMARQAND SAVDO” — Common  For Head</option></select>`,
    );
    const { found, at } = locate(doc);
    expect(at('role')).toBe(doc.getElementById('r'));
    expect(chosenCaption(role, found.get('role')!)).toBe('OOO “SAMARQAND SAVDO” — Common For Head');
  });

  it('a select whose options do not name it yet is still found by its question, with no option named', () => {
    const doc = page(`<label for="r">Роль</label><select id="r"><option>—</option></select>`);
    const { found } = locate(doc);
    expect(found.get('role')).toBe(doc.getElementById('r'));
    expect(chosenCaption(role, found.get('role')!)).toBeNull();
  });

  it('PrimeFaces selectOneMenu: the widget over the hidden select; an open panel: its item', () => {
    const closed =
      `<label for="f:role_input">Роль</label><div id="f:role" class="ui-selectonemenu ui-widget"><div ` +
      `class="ui-helper-hidden-accessible"><select id="f:role_input" name="f:role_input" tabindex="-1">` +
      `<option value="1">Физическое лицо</option><option value="2">ТОО «Ромашка» — Common For Head</option>` +
      `</select></div><label class="ui-selectonemenu-label">Физическое лицо</label><div ` +
      `class="ui-selectonemenu-trigger"><span class="ui-icon"></span></div></div>`;
    const doc = page(closed);
    expect(locate(doc).at('role')).toBe(doc.getElementById('f:role'));
    const open = page(
      `${closed}<div id="f:role_panel" class="ui-selectonemenu-panel"><ul class="ui-selectonemenu-items" ` +
        `role="listbox"><li class="ui-selectonemenu-item" role="option" data-label="Физическое ` +
        `лицо">Физическое лицо</li><li class="ui-selectonemenu-item" role="option" id="item">ТОО «Ромашка» — ` +
        `Common For Head</li></ul></div>`,
    );
    expect(locate(open).at('role')).toBe(open.getElementById('item'));
  });

  it('PrimeFaces selectOneRadio: the box of the radio whose label names the choice', () => {
    const doc = page(`<div>Тип пользователя</div><table id="f:type" class="ui-selectoneradio"><tr>
      <td><div class="ui-radiobutton">
        <div class="ui-helper-hidden-accessible"><input id="f:type:0" name="f:type" type="radio" value="IND"></div>
        <div class="ui-radiobutton-box" id="box0"></div></div></td><td><label for="f:type:0">Физическое лицо</label></td>
      <td><div class="ui-radiobutton">
        <div class="ui-helper-hidden-accessible"><input id="f:type:1" name="f:type" type="radio" value="LE"></div>
        <div class="ui-radiobutton-box" id="box1"></div></div></td><td><label for="f:type:1">Юридическое лицо</label></td>
      </tr></table>`);
    expect(locate(doc).at('user-type')).toBe(doc.getElementById('box1'));
  });

  it('Angular Material: a closed mat-select by its mat-label; the open panel: the mat-option', () => {
    const field =
      `<mat-form-field class="mat-mdc-form-field"><mat-label>Роль</mat-label><mat-select role="combobox" ` +
      `aria-haspopup="listbox" id="mat-select-0" class="mat-mdc-select"><div class="mat-mdc-select-value">` +
      `<span class="mat-mdc-select-placeholder">Выберите</span></div></mat-select></mat-form-field>`;
    const doc = page(field);
    expect(locate(doc).at('role')).toBe(doc.getElementById('mat-select-0'));
    const open = page(
      `${field}<div class="cdk-overlay-container"><div class="cdk-overlay-backdrop ` +
        `cdk-overlay-transparent-backdrop cdk-overlay-backdrop-showing"></div><div class="cdk-overlay-pane">` +
        `<div role="listbox" class="mat-mdc-select-panel"><mat-option role="option" ` +
        `class="mat-mdc-option">Физическое лицо</mat-option><mat-option role="option" class="mat-mdc-option" ` +
        `id="opt">ТОО «Ромашка» — Common For Head</mat-option></div></div></div>`,
    );
    expect(locate(open).at('role')).toBe(open.getElementById('opt'));
    expect(openModal(open), 'a select panel is no modal').toBeNull();
    expect(chosenCaption(role, open.getElementById('opt')!)).toBe('ТОО «Ромашка» — Common For Head');
  });

  it('a list of rows: the row that carries the option, only where the page asks the question', () => {
    const rows =
      `<ul class="list-group"><li class="list-group-item" onclick="">ERGASHEV AZIZ<br>Физическое лицо</li>` +
      `<li class="list-group-item" id="le" onclick="">OOO “SAMARQAND SAVDO”<br>Common For Head</li></ul>`;
    const asked = page(`<h3>Выберите роль</h3>${rows}`);
    expect(locate(asked).at('role')).toBe(asked.getElementById('le'));
    const news = page(`<h3>Новости</h3>${rows}`);
    expect(locate(news).found.has('role')).toBe(false);
  });

  it('the OneID catalogue carries the choice as data (no engine code per page)', () => {
    const steps = proceduresOfPortal('oneid').flatMap((p: Procedure) => p.steps);
    const choose = steps.find((s): s is PageStep => s.kind === 'page' && s.id === 'choose-role')!;
    expect(choose.fields.find((f) => f.id === 'role')?.choose).toContain('Common For Head');
    expect(choose.fields.find((f) => f.id === 'user-type')?.choose).toContain('Юридическое лицо');
  });
});

describe('modals', () => {
  const login = `<form><label for="p">Пароль</label><input id="p" type="password"><button type="submit">Войти</button></form>`;
  const question = `Пользователь не зарегистрирован в системе. Пройти регистрацию?`;

  it('a dialog opened with showModal() is the modal; one opened with show() or closed is not', () => {
    const doc = page(`${login}<dialog id="d"><p>${question}</p><button>Да</button></dialog>`);
    const d = doc.getElementById('d') as HTMLDialogElement;
    expect(openModal(doc)).toBeNull();
    d.show();
    expect(openModal(doc), 'show() is not modal').toBeNull();
    d.close();
    d.showModal();
    expect(openModal(doc)).toBe(d);
    d.close();
    expect(openModal(doc)).toBeNull();
  });

  it('[aria-modal=true], MUI Dialog, a PrimeFaces dialog with its mask, a CDK dialog pane with its backdrop', () => {
    const aria = page(`${login}<div role="dialog" aria-modal="true" id="m"><p>${question}</p></div>`);
    expect(openModal(aria)).toBe(aria.getElementById('m'));
    const mui = page(
      `${login}<div role="presentation" class="MuiDialog-root MuiModal-root"><div class="MuiBackdrop-root">` +
        `</div><div class="MuiDialog-container"><div class="MuiPaper-root MuiDialog-paper" role="dialog" ` +
        `id="m">${question}</div></div></div>`,
    );
    expect(openModal(mui)).toBe(mui.getElementById('m'));
    const pfHidden = page(`${login}<div class="ui-dialog" role="dialog" aria-hidden="true" style="display:none">${question}</div>`);
    expect(openModal(pfHidden), 'a pre-rendered hidden dialog').toBeNull();
    const pfNoMask = page(`${login}<div class="ui-dialog" role="dialog" id="m">${question}</div>`);
    expect(openModal(pfNoMask), 'a dialog without a mask is not modal').toBeNull();
    const pf = page(`${login}<div class="ui-widget-overlay"></div><div class="ui-dialog" role="dialog" id="m">${question}</div>`);
    expect(openModal(pf)).toBe(pf.getElementById('m'));
    const cdk = page(
      `${login}<div class="cdk-overlay-container"><div class="cdk-overlay-backdrop ` +
        `cdk-overlay-dark-backdrop cdk-overlay-backdrop-showing"></div><div ` +
        `class="cdk-global-overlay-wrapper"><div class="cdk-overlay-pane" id="m"><mat-dialog-container ` +
        `class="mat-mdc-dialog-container">${question}</mat-dialog-container></div></div></div>`,
    );
    expect(openModal(cdk)).toBe(cdk.getElementById('m'));
  });

  it('the page is recognised from the modal: ESF confirm-registration, not sign-in', () => {
    const doc = page(`${login}<dialog id="d"><p>${question}</p><button id="yes">Да</button><button>Нет</button></dialog>`);
    (doc.getElementById('d') as HTMLDialogElement).showModal();
    const r = readPage(proceduresOfPortal('esf'), { pathname: '/esf-web/login/', hash: '' }, doc);
    expect(r.fromModal).toBe(true);
    expect([...new Set(r.all.map((x) => x.step.id))]).toEqual(['confirm-registration']);
    const step = r.all[0]!.step;
    expect(r.facts.located(step).get('yes')).toBe(doc.getElementById('yes'));
  });

  it('a modal that is no step of the catalogue leaves the page to be read as a whole', () => {
    const doc = page(`${login}<div role="dialog" aria-modal="true"><p>Технические работы с 22:00 до 23:00</p><button>OK</button></div>`);
    const r = readPage(proceduresOfPortal('esf'), { pathname: '/esf-web/login/', hash: '' }, doc);
    expect(r.fromModal).toBe(false);
    expect(r.modal).not.toBeNull();
    expect(r.all.map((x) => x.step.id)).toContain('sign-in');
  });
});
