import type { ManualStep, PageStep, Procedure } from './types';

/**
 * Connecting a legacy cash register (KKM) to the OFD, oofd.kz (seed 004). The personal cabinet
 * runs on subdomains (org.oofd.kz) as an Angular app with hash routes. Kazakh and Russian.
 *
 * The EDS login (`org.oofd.kz/#/landing/eds-login`) is grounded in a public automation script
 * (find_string «org.oofd.kz»): it presses «Войти с ЭЦП», types the key's password into
 * `#storage-password`, picks an option of `#storage-type` (`p > span` items), answers NCALayer's
 * file dialog, presses «Проверить», then NCALayer's «Ввод пароля»; the cabinet that follows is
 * Angular Material (`mat-input-0`). Other hosts that script and public code name: `consumer.oofd.kz`
 * and `o.oofd.kz` (receipts), `oofd.kz`/`www.oofd.kz` (seed 004).
 */

const W = {
  register: ['Регистрация', 'Зарегистрироваться', 'Тіркелу', 'Тіркеу', 'Вход по ЭЦП', 'ЭЦҚ арқылы кіру', 'Войти с ЭЦП'],
  /** the public contract itself (the menu item «Договоры» / «Шарттар» is on every cabinet page) */
  contract: ['Публичный договор', 'публичного договора', 'публичному договору', 'Жария келісімшарт*'],
  sign: ['Подписать', 'Подписать ЭЦП', 'Қол қою', 'ЭЦҚ-мен қол қою', 'Sign'],
  kkmSection: ['Управление ККМ', 'БКМ басқару', 'ККМ басқару'],
  addKkm: ['Добавить ККМ', 'Добавить кассу', 'БКМ қосу', 'ККМ қосу'],
  /** the button, not the bare word: «Токен» also labels the value and FAQ lines */
  token: ['Получить токен', 'Показать токен', 'Токен алу', 'Токенді алу', 'Токенді көрсету', 'Get token', 'Show token'],
  orderConnection: ['Заказать подключение', 'Қосылуға тапсырыс беру'],
  /** the key storage type; a key file on the computer is «Персональный компьютер» (the hint says when to pick the token or the ID card) */
  storage: [
    'Тип хранилища',
    'Тип хранилища ключей',
    'Хранилище ключей',
    'Выберите тип хранилища',
    'Персональный компьютер',
    'Кілт сақтау орнының түрі',
    'Сақтау орнының түрі',
    'Кілттер қоймасы',
    'Қойма түрі',
    'Дербес компьютер',
    'Жеке компьютер',
  ],
  storagePassword: [
    'Пароль хранилища',
    'Пароль от хранилища',
    'Пароль ключа',
    'Пароль к ключу',
    'Пароль',
    'Қойманың құпия сөзі',
    'Кілттің құпия сөзі',
    'Құпия сөз',
  ],
  check: ['Проверить', 'Тексеру'],
  edsLogin: ['Войти с ЭЦП', 'Войти по ЭЦП', 'ЭЦҚ арқылы кіру', 'ЭЦҚ-мен кіру', 'Выбрать сертификат', 'Сертификатты таңдау'],
  registerButton: ['Зарегистрироваться', 'Регистрация', 'Тіркелу'],
} as const;

const registerPortal: PageStep = {
  id: 'register-portal',
  kind: 'page',
  signature: true,
  match: { hash: ['^/(landing/)?(eds-login|registration|register|sign-up)'] },
  // the EDS login form in the order the user meets it; a card with only the certificate button
  // shows just `eds-login`, the registration form just `register`
  fields: [
    { id: 'storage', kind: 'action', labels: W.storage, optional: true },
    {
      id: 'storage-password',
      kind: 'input',
      labels: W.storagePassword,
      names: ['storage-password', 'storagepassword'],
      inputTypes: ['password'],
      important: true,
      optional: true,
    },
    { id: 'check', kind: 'action', labels: W.check, optional: true, handover: { key: 'auth' } },
    { id: 'eds-login', kind: 'action', labels: W.edsLogin, optional: true, handover: { key: 'auth' } },
    { id: 'register', kind: 'action', labels: W.registerButton, optional: true },
  ],
  source: [
    'seed:004 (1: register on www.oofd.kz with an EDS)',

    'https://org.oofd.kz/#/landing/eds-login (public automation script, find_string «org.oofd.kz»: ' +
      '«Войти с ЭЦП», #storage-password, #storage-type, «Проверить»)',
    'inferred: the Kazakh captions and the registration route (#/landing/registration)',
  ],
  // «Выбрать сертификат» logs in with the EDS (replicas/oofd/eds-login-card-*.html)
  handover: { key: 'auth', labels: ['Выбрать сертификат', 'Сертификатты таңдау', ...W.register.filter((w) => w.includes('ЭЦ'))] },
};

const signContract: PageStep = {
  id: 'sign-contract',
  kind: 'page',
  signature: true,
  match: { text: [W.contract], notText: W.kkmSection, fields: ['sign'] },
  fields: [{ id: 'sign', kind: 'action', labels: W.sign, handover: { key: 'sign' } }],
  source: [
    'seed:004 (2: the public contract signed with the EDS)',
    'inferred: where the cabinet shows the contract and its button captions',
  ],
};

const registerKkm: PageStep = {
  id: 'register-kkm',
  kind: 'page',
  signature: true,
  match: { text: [W.kkmSection], fields: ['add-kkm'] },
  fields: [
    { id: 'kkm-section', kind: 'action', labels: W.kkmSection, optional: true },
    { id: 'add-kkm', kind: 'action', labels: W.addKkm },
    { id: 'sign', kind: 'action', labels: W.sign, optional: true, handover: { key: 'sign' } },
  ],
  source: [
    'seed:004 (8, 14: «БКМ басқару», register the KKM, sign the tariff order)',
    'inferred: the Russian «Управление ККМ» and the add button caption',
  ],
};

const token: PageStep = {
  id: 'token',
  kind: 'page',
  match: { text: [['Токен', 'Token']], fields: ['token'] },
  fields: [{ id: 'token', kind: 'action', labels: W.token }],
  source: ['seed:004 (9, 17: the token and ID shown on the portal)', 'inferred: the button captions'],
};

// the steps both ways of connecting share (procedures.md: «steps 1, 2, 4, 6 and 7 as above»)
const buyKkm: ManualStep = { id: 'buy-kkm', kind: 'manual', link: 'https://adilet.zan.kz/rus/docs/V080005453_' };
const registerKgd: ManualStep = { id: 'register-kgd', kind: 'manual' };
const firstReceipt: ManualStep = { id: 'first-receipt', kind: 'manual' };

export const OOFD: readonly Procedure[] = [
  {
    id: 'oofd.connect-kkm-wireless',
    portal: 'oofd',
    requires: ['nca.get-eds'],
    signer: 'ncalayer',
    registers: { portal: 'oofd', step: 'register-portal' },
    steps: [
      registerPortal,
      signContract,
      { id: 'check-coverage', kind: 'manual', link: 'https://altel.kz/' },
      buyKkm,
      { id: 'sim-card', kind: 'manual' },
      registerKgd,
      registerKkm,
      token,
      firstReceipt,
    ],
  },
  {
    id: 'oofd.connect-kkm-wired',
    portal: 'oofd',
    requires: ['nca.get-eds'],
    signer: 'ncalayer',
    registers: { portal: 'oofd', step: 'register-portal' },
    steps: [
      registerPortal,
      signContract,
      buyKkm,
      registerKgd,
      registerKkm,
      {
        id: 'order-connection',
        kind: 'page',
        match: { text: [W.kkmSection, ['ККМ', 'БКМ']], fields: ['order-connection'] },
        fields: [{ id: 'order-connection', kind: 'action', labels: W.orderConnection }],
        source: ['seed:004 (15: the link «Қосылуға тапсырыс беру»)', 'inferred: the Russian «Заказать подключение»'],
      },
      { id: 'channel', kind: 'manual' },
      token,
      firstReceipt,
    ],
  },
];
