/**
 * Portal messages explained (content-scripts/explain.ts), in happy-dom: every catalogued message
 * injected through every message surface of the contract gets its explanation
 * (`data-qadam-explain="<id>"`, in the overlay's shadow root, in the user's language); an unknown
 * message gets none but is kept, masked, for diagnostics; a message of another portal or step is
 * left alone; the watcher looks only when a surface appears or changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PORTAL_MESSAGES } from '../../procedures/messages';
import type { Lang, PortalId } from '../../procedures/types';
import { LANGS } from '../../procedures/types';
import { has, t } from '../../lib/strings';

vi.mock('../../content-scripts/strings', async () => {
  const m = await import('../../lib/strings');
  return { t: m.t, has: m.has, loadStrings: async () => {} };
});
const { MessageWatch, SURFACE, maskText, matchMessage } = await import('../../content-scripts/explain');

/**
 * A real text of each catalogued message, as the portal shows it (see `source` in
 * procedures/messages.ts), with the portal and step it appears on.
 */
const SAMPLES: Record<string, { portal: PortalId; step?: string; text: string }> = {
  'eimzo-not-installed': { portal: 'oneid', text: 'Ошибка соединения с E-IMZO. Возможно у вас не установлен модуль E-IMZO.' },
  'eimzo-browser-websocket': {
    portal: 'oneid',
    text: 'Браузер не поддерживает технологию WebSocket. Установите последнюю версию браузера.',
  },
  'ncalayer-canceled': { portal: 'esf', text: 'Ошибка NCALayer: action.canceled' },
  'ncalayer-wrong-password': { portal: 'singlewindow', text: 'Ошибка: WRONG_PASSWORD' },
  'ncalayer-empty-keys': { portal: 'oofd', text: 'Ошибка NCALayer: EMPTY_KEY_LIST' },
  'ncalayer-not-running': {
    portal: 'esf',
    text:
      'Ошибка взаимодействия с NCALayer. В том случае, если на вашем компьютере не установлен NCALayer, ' +
      'пожалуйста установите его c портала НУЦ РК.',
  },
  'kaztoken-not-connected': { portal: 'oofd', text: 'Не удалось подключиться к программе KAZTOKEN Mobile!' },
  'esf-password-mismatch': { portal: 'esf', step: 'registration-data', text: 'Неверный пароль' },
  'singlewindow-bin-registered': { portal: 'singlewindow', text: 'Организация с данным БИН уже зарегистрирована в системе' },
};

/** the message surfaces of contract.md, each as a portal's framework draws it */
const SURFACES: Record<string, (text: string) => string> = {
  'role=alert': (x) => `<div role="alert"><span>${x}</span></div>`,
  'role=alertdialog': (x) => `<div role="alertdialog" aria-modal="true"><h2>Ошибка</h2><p>${x}</p><button>OK</button></div>`,
  'PrimeFaces growl': (x) =>
    `<div class="ui-growl ui-widget"><div class="ui-growl-item-container ui-state-highlight ` +
    `ui-corner-all ui-shadow ui-growl-error"><div class="ui-growl-item"><div class="ui-growl-icon-close ` +
    `ui-icon ui-icon-closethick"></div><span class="ui-growl-image ui-growl-image-error"></span><div ` +
    `class="ui-growl-message"><span class="ui-growl-title">Ошибка</span><p>${x}</p></div></div></div>` +
    `</div>`,
  'PrimeFaces ui-messages': (x) =>
    `<div class="ui-messages ui-widget"><div class="ui-messages-error ui-corner-all"><span ` +
    `class="ui-messages-error-icon"></span><ul><li><span class="ui-messages-error-summary">${x}</span>` +
    `</li></ul></div></div>`,
  'Angular Material snack-bar': (x) =>
    `<div class="cdk-overlay-container"><div class="cdk-global-overlay-wrapper"><mat-snack-bar-container ` +
    `class="mat-mdc-snack-bar-container mdc-snackbar"><div class="mdc-snackbar__surface"><div ` +
    `class="mat-mdc-snack-bar-label mdc-snackbar__label">${x}</div></div></mat-snack-bar-container></div>` +
    `</div>`,
  'Angular Material mat-error': (x) =>
    `<mat-form-field><input type="password"><div class="mat-mdc-form-field-subscript-wrapper"><mat-error ` +
    `class="mat-mdc-form-field-error">${x}</mat-error></div></mat-form-field>`,
  'Bootstrap alert': (x) =>
    `<div class="alert alert-danger alert-dismissible">${x}<button type="button" class="btn-close" aria-label="Close"></button></div>`,
  'jQuery UI dialog': (x) =>
    `<div class="ui-dialog ui-corner-all ui-widget ui-widget-content ui-front" role="dialog" ` +
    `style="display: block"><div class="ui-dialog-titlebar ui-widget-header"><span ` +
    `class="ui-dialog-title">Ошибка</span><button class="ui-dialog-titlebar-close">Close</button></div>` +
    `<div class="ui-dialog-content ui-widget-content">${x}</div><div class="ui-dialog-buttonpane">` +
    `<button>OK</button></div></div>`,
  'native dialog': (x) => `<dialog open><p>${x}</p><form method="dialog"><button>OK</button></form></dialog>`,
};

let host: HTMLElement;
let layer: HTMLElement;
const watches: InstanceType<typeof MessageWatch>[] = [];

beforeEach(() => {
  document.body.innerHTML = '<main><h1>Портал</h1><form><input name="iin"></form></main>';
  host = document.createElement('qadam-overlay');
  layer = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(layer);
  document.body.append(host);
});
afterEach(() => {
  for (const w of watches.splice(0)) w.stop();
  document.body.innerHTML = '';
});

function watch(portal: PortalId, step: string | null = null, lang: Lang = 'ru') {
  const w = new MessageWatch(
    portal,
    (el) => layer.append(el),
    () => lang,
    () => step,
  );
  watches.push(w);
  return w;
}
function inject(html: string): Element {
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  return box;
}
const explained = () => Array.from(layer.querySelectorAll('[data-qadam-explain]'), (e) => e.getAttribute('data-qadam-explain'));

describe('the catalogue', () => {
  it('every message has a sample here, a source, match words and its texts in kk, ru, en and uz', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(PORTAL_MESSAGES.map((m) => m.id).sort());
    for (const m of PORTAL_MESSAGES) {
      expect(m.source.length, m.id).toBeGreaterThan(0);
      expect(m.match.length, m.id).toBeGreaterThan(0);
      for (const L of LANGS)
        for (const part of ['means', 'todo']) expect(has(L, `explain.${m.id}.${part}`), `${L} explain.${m.id}.${part}`).toBe(true);
    }
  });
  it('ids are unique and links are https', () => {
    expect(new Set(PORTAL_MESSAGES.map((m) => m.id)).size).toBe(PORTAL_MESSAGES.length);
    for (const m of PORTAL_MESSAGES) if (m.link) expect(m.link).toMatch(/^https:\/\//);
  });
  it('the E-IMZO message links to the downloads named in seed 002', () => {
    expect(PORTAL_MESSAGES.find((m) => m.id === 'eimzo-not-installed')?.link).toBe('https://e-imzo.uz/main/downloads/');
  });
  it.each(Object.entries(SAMPLES))('%s: its real text is recognised on its portal only', (id, s) => {
    expect(matchMessage(s.text, s.portal, s.step ?? null)?.id).toBe(id);
    const other: PortalId = s.portal === 'oneid' ? 'esf' : 'oneid';
    expect(matchMessage(s.text, other, s.step ?? null)).toBeNull();
  });
  it('a wording too common to explain everywhere only on its step', () => {
    expect(matchMessage('Неверный пароль', 'esf', 'sign-in')).toBeNull();
    expect(matchMessage('Неверный пароль', 'esf', 'registration-data')?.id).toBe('esf-password-mismatch');
  });
  it('the Single Window message needs both: «already registered» and the company', () => {
    expect(matchMessage('Пользователь уже зарегистрирован', 'singlewindow', null)).toBeNull();
    expect(matchMessage('Company with this BIN is already registered', 'singlewindow', null)?.id).toBe('singlewindow-bin-registered');
  });
});

describe('every catalogued message through every message surface', () => {
  for (const [surface, make] of Object.entries(SURFACES)) {
    it.each(Object.entries(SAMPLES))(`${surface}: %s`, (id, s) => {
      const w = watch(s.portal, s.step ?? null);
      inject(make(s.text));
      w.scan();
      expect(explained()).toEqual([id]);
      const box = layer.querySelector(`[data-qadam-explain="${id}"]`)!;
      expect(box.querySelector('.means')?.textContent).toBe(t('ru', `explain.${id}.means`));
      expect(box.querySelector('.todo')?.textContent).toBe(t('ru', `explain.${id}.todo`));
      expect(box.querySelector('button.close')?.getAttribute('aria-label')).toBeTruthy();
      expect(w.unknown()).toEqual([]);
    });
  }
});

describe('unknown messages and what is left alone', () => {
  it('an unknown message gets no explanation; its text is kept for diagnostics with typed values, numbers and e-mails masked', () => {
    const w = watch('esf');
    (document.querySelector('input[name=iin]') as HTMLInputElement).value = 'Karasu';
    inject(SURFACES['role=alert']!('Сервис временно недоступен для Karasu, БИН 190540028173, пишите на help@example.kz'));
    w.scan();
    expect(explained()).toEqual([]);
    const [text] = w.unknown();
    expect(text).toContain('Сервис временно недоступен');
    expect(text).not.toContain('Karasu');
    expect(text).not.toContain('190540028173');
    expect(text).not.toContain('help@example.kz');
  });
  it('kept texts are bounded: at most 5, each at most 200 characters', () => {
    const w = watch('esf');
    for (let i = 0; i < 8; i++)
      inject(`<div class="alert alert-warning">Сообщение номер ${'abc'[i % 3]}${i} ${'длинный текст '.repeat(40)}</div>`);
    w.scan();
    expect(w.unknown().length).toBeLessThanOrEqual(5);
    for (const t of w.unknown()) expect(t.length).toBeLessThanOrEqual(200);
  });
  it('maskText masks values typed in the page', () => {
    expect(maskText('Логин ivanov занят', ['ivanov'])).toBe('Логин … занят');
  });
  it('a hidden surface or a closed dialog is not explained', () => {
    const w = watch('oneid');
    inject(
      `<div role="alert" hidden>${SAMPLES['eimzo-not-installed']!.text}</div><dialog>` +
        `<p>${SAMPLES['eimzo-not-installed']!.text}</p></dialog><div class="alert" ` +
        `style="display:none">${SAMPLES['eimzo-not-installed']!.text}</div>`,
    );
    w.scan();
    expect(explained()).toEqual([]);
  });
  it('the same text outside a message surface (a help page) is not explained', () => {
    const w = watch('oneid');
    inject(`<article><p>${SAMPLES['eimzo-not-installed']!.text}</p></article>`);
    w.scan();
    expect(explained()).toEqual([]);
    expect(w.unknown()).toEqual([]);
  });
  it('the explanation goes with its message; × closes it and it stays closed for that message', () => {
    const w = watch('oofd');
    const box = inject(SURFACES['Bootstrap alert']!(SAMPLES['kaztoken-not-connected']!.text));
    w.scan();
    expect(explained()).toEqual(['kaztoken-not-connected']);
    (layer.querySelector('[data-qadam-explain] button.close') as HTMLButtonElement).click();
    expect(explained()).toEqual([]);
    w.scan();
    expect(explained()).toEqual([]);
    box.remove();
    inject(SURFACES['Bootstrap alert']!(SAMPLES['kaztoken-not-connected']!.text));
    w.scan();
    expect(explained()).toEqual(['kaztoken-not-connected']); // a new message: explained again
    document.querySelector('.alert')!.remove();
    w.scan();
    expect(explained()).toEqual([]);
  });
  it.each(LANGS)("written in the user's language [%s]", (L) => {
    const w = watch('oneid', null, L);
    inject(SURFACES['role=alert']!(SAMPLES['eimzo-not-installed']!.text));
    w.scan();
    const box = layer.querySelector('[data-qadam-explain]')!;
    expect(box.querySelector('.means')?.textContent?.length).toBeGreaterThan(20);
    expect(box.querySelector('a')?.getAttribute('href')).toBe('https://e-imzo.uz/main/downloads/');
    expect(box.textContent).not.toMatch(/explain\./);
  });
});

describe('watching cheaply', () => {
  it('only records that touch a message surface make it look', async () => {
    const w = watch('esf');
    const scan = vi.spyOn(w, 'scan');
    const mo = new MutationObserver((r) => w.note(r));
    mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const p = document.createElement('p');
    p.textContent = 'Журнал обновлён';
    document.querySelector('main')!.append(p);
    await new Promise((r) => setTimeout(r, 200));
    expect(scan).not.toHaveBeenCalled();
    inject(SURFACES['PrimeFaces growl']!(SAMPLES['ncalayer-canceled']!.text));
    await vi.waitFor(() => expect(explained()).toEqual(['ncalayer-canceled']));
    mo.disconnect();
  });
  it('a message that arrives after a grid’s thousand records in the same batch is still seen', async () => {
    const w = watch('esf');
    const grid = document.createElement('div');
    grid.innerHTML = Array.from({ length: 1000 }, (_, i) => `<span>${i}</span>`).join('');
    document.querySelector('main')!.append(grid);
    const mo = new MutationObserver((r) => w.note(r));
    mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    for (const c of Array.from(grid.children)) c.textContent = 'x'; // 1,000 records first
    inject(SURFACES['PrimeFaces growl']!(SAMPLES['ncalayer-canceled']!.text)); // the message last
    await vi.waitFor(() => expect(explained()).toEqual(['ncalayer-canceled']));
    mo.disconnect();
  });
  it('the surface selector lists every surface of the contract', () => {
    for (const s of [
      '[role=alert]',
      '[role=alertdialog]',
      '.ui-growl-item',
      '.ui-messages',
      'mat-snack-bar-container',
      'mat-error',
      '.alert',
      '.ui-dialog',
      'dialog',
    ])
      expect(SURFACE).toContain(s);
  });
});
