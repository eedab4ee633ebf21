import type { ManualStep, PageStep, Procedure } from './types';

/**
 * Connecting a legacy cash register (KKM) to the OFD, oofd.kz (seed 004). The personal cabinet
 * runs on subdomains (org.oofd.kz) as an Angular app with hash routes. Kazakh and Russian.
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
} as const;

const registerPortal: PageStep = {
  id: 'register-portal',
  kind: 'page',
  signature: true,
  match: { hash: ['^/(landing/)?(eds-login|registration|register|sign-up)'] },
  fields: [],
  // «Выбрать сертификат» logs in with the EDS (tests/fixtures/oofd/eds-login-card-*.html)
  handover: { key: 'auth', labels: ['Выбрать сертификат', 'Сертификатты таңдау', ...W.register.filter((w) => w.includes('ЭЦ'))] },
};

const signContract: PageStep = {
  id: 'sign-contract',
  kind: 'page',
  signature: true,
  match: { text: [W.contract], notText: W.kkmSection, fields: ['sign'] },
  fields: [{ id: 'sign', kind: 'action', labels: W.sign, handover: { key: 'sign' } }],
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
};

const token: PageStep = {
  id: 'token',
  kind: 'page',
  match: { text: [['Токен', 'Token']], fields: ['token'] },
  fields: [{ id: 'token', kind: 'action', labels: W.token }],
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
      },
      { id: 'channel', kind: 'manual' },
      token,
      firstReceipt,
    ],
  },
];
