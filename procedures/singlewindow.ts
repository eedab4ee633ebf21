import type { FieldDef, PageStep, Procedure } from './types';
import { subjectIdField } from './subject';

/**
 * «Single Window» for export and import, eokno.gov.kz / sw.gov.kz (seed 001). A JSF + PrimeFaces
 * app: `.xhtml` pages, generated ids (`j_idt14`), checkboxes and selects drawn over hidden inputs
 * (the engine rings the visible box). Captions in Russian, Kazakh and English.
 */

const W = {
  selfRegistration: ['Саморегистрация', 'Өздігінен тіркелу', 'Өзін-өзі тіркеу', 'Self-registration'],
  securityPolicy: ['политик* безопасности', 'политикой безопасности', 'қауіпсіздік саясат*', 'security policy'],
  accept: ['ознакомлен*', 'принимаю', 'согласен', 'танысты*', 'келісемін', 'қабылдаймын', 'I have read', 'I accept', 'I agree', 'accept'],
  userType: [
    'Тип пользователя',
    'Пайдаланушы түрі',
    'User type',
    'Органы по сертификации',
    'Сертификаттау органдары',
    'Certification bodies',
  ],
  userTypeField: [
    'Тип пользователя',
    'Пайдаланушы түрі',
    'User type',
    'Выберите тип',
    'Түрін таңдаңыз',
    'Select type',
    'Органы по сертификации',
    'Сертификаттау органдары',
    'Certification bodies',
  ],
  eds: [
    'Выбрать ЭЦП',
    'Выберите ЭЦП',
    'ЭЦҚ таңдау',
    'ЭЦҚ-ны таңдау',
    'Select EDS',
    'Choose EDS',
    'Выбрать сертификат',
    'Сертификатты таңдау',
  ],
  edsPage: ['ЭЦП', 'ЭЦҚ', 'EDS'],
  email: ['E-mail', 'Email', 'Электронная почта', 'Адрес электронной почты', 'Электрондық пошта*', 'Эл. пошта', 'Электрондық поштасы'],
  phone: ['Телефон', 'Рабочий телефон', 'Номер телефона', 'Телефон нөмірі', 'Жұмыс телефоны', 'Phone', 'Phone number', 'Work phone'],
  mobile: ['Мобильный телефон', 'Мобильный', 'Ұялы телефон', 'Ұялы байланыс', 'Mobile phone', 'Mobile'],
  username: ['Имя пользователя', 'Логин', 'Пайдаланушы аты', 'Username', 'Login', 'User name'],
  password: ['Пароль*', 'Құпия сөз*', 'Password'],
  repeat: ['повтор*', 'подтвер*', 'қайта*', 'растау', 'repeat*', 'confirm*'],
  request: [
    'Есептік жазба құруға өтінім жіберу',
    'Сделать запрос на учетную запись пользователя',
    'Отправить заявку на создание учетной записи',
    'Запрос на учетную запись',
    'Make a request for a user account',
    'Пайдаланушы тіркелгісіне сұрау жасау',
    'Тіркелгі құруға өтінім жіберу',
  ],
  signIn: ['Войти', 'Кіру', 'Log in', 'Sign in', 'Login'],
  signInPage: ['Вход в систему', 'Жүйеге кіру', 'Sign in', 'Log in', 'Авторизация'],
  companyProfile: ['Профиль компании', 'Компания профилі', 'Company profile'],
  staff: ['Сотрудники', 'Қызметкерлер', 'Staff', 'Employees'],
  invite: ['Пригласить пользователя', 'Пайдаланушыны шақыру', 'Invite the user', 'Invite user'],
  activate: ['Активировать', 'Белсендіру', 'Activate'],
  role: ['Роль', 'Рөл', 'Рөлі', 'Role'],
} as const;

const APP = '(^/|\\.xhtml$)';

const emailField: FieldDef = {
  id: 'email',
  kind: 'input',
  labels: W.email,
  names: ['email', 'mail'],
  rule: 'email',
  inputTypes: ['email', 'text'],
};

const accountData: PageStep = {
  id: 'account-data',
  kind: 'page',
  match: { path: [APP], fields: ['username', 'password', 'mobile'] },
  fields: [
    emailField,
    {
      id: 'phone',
      kind: 'input',
      labels: W.phone,
      notLabels: ['мобильн*', 'ұялы', 'mobile'],
      names: ['phone', 'tel'],
      rule: 'phone-kz',
      inputTypes: ['tel', 'text'],
    },
    { id: 'mobile', kind: 'input', labels: W.mobile, names: ['mobile', 'cell'], rule: 'phone-kz', inputTypes: ['tel', 'text'] },
    { id: 'username', kind: 'input', labels: W.username, names: ['username', 'login'], inputTypes: ['text'] },
    { id: 'password', kind: 'input', labels: W.password, notLabels: W.repeat, inputTypes: ['password'], names: ['password'] },
  ],
  source: [
    'seed:001 (data filled from the state databases; e-mail, phones incl. mobile, username and password)',
    'inferred: the field captions and the page URL',
  ],
};

export const SINGLE_WINDOW: readonly Procedure[] = [
  {
    id: 'singlewindow.self-registration',
    portal: 'singlewindow',
    requires: ['nca.get-eds'],
    signer: 'ncalayer',
    registers: { portal: 'singlewindow', step: 'request-account' },
    steps: [
      {
        id: 'open-self-registration',
        kind: 'page',
        warning: true, // one BIN registers once: the head invites the staff instead
        // the tab stays in the menu on every page: the home page is where no later stage shows
        match: {
          path: [APP],
          notText: [
            ...W.securityPolicy,
            ...W.eds,
            ...W.request,
            'Органы по сертификации',
            'Сертификаттау органдары',
            'Certification bodies',
          ],
          fields: ['self-registration-tab'],
        },
        fields: [{ id: 'self-registration-tab', kind: 'action', labels: W.selfRegistration }],
        source: [
          'seed:001 (eokno.gov.kz or sw.gov.kz, the tab «SELF-REGISTRATION»)',
          'https://www.gov.kz/memleket/entities/kgd-vko/press/news/details/974498?lang=kk (the official KGD guide seed 001 quotes)',
          'https://eokno.gov.kz (public Selenium script, find_string «eokno.gov.kz»: language menu j_idt14, link «Войти»)',
          'inferred: the Russian/Kazakh tab captions',
        ],
      },
      {
        id: 'security-policy',
        kind: 'page',
        match: { path: [APP], text: [W.securityPolicy], fields: ['accept'] },
        fields: [{ id: 'accept', kind: 'input', labels: W.accept, inputTypes: ['checkbox'] }],
        source: [
          'seed:001 (a mark about acquaintance and agreement with the security policy)',
          'inferred: the page URL and the box caption',
        ],
      },
      {
        id: 'user-type',
        kind: 'page',
        match: { path: [APP], fields: ['user-type'] },
        fields: [{ id: 'user-type', kind: 'input', labels: W.userTypeField, inputTypes: ['radio', 'select-one'] }],
        source: [
          'seed:001 («Certification bodies», «Individuals», «Legal entities»)',
          'inferred: the Russian/Kazakh captions and the control (radio or select)',
        ],
      },
      {
        id: 'select-eds',
        kind: 'page',
        signature: true,
        warning: true, // the LEGAL ENTITY's key for a company
        match: { path: [APP], fields: ['eds'] },
        // seed 001: «select the EDS for signing (RSA file…)», for a company the LEGAL ENTITY's
        fields: [{ id: 'eds', kind: 'action', labels: W.eds, handover: { key: 'sign' } }, subjectIdField],
        source: [
          'seed:001 (select the EDS for signing, RSA file; the LEGAL ENTITY key for a company; NCALayer)',
          'inferred: the button caption',
        ],
      },
      accountData,
      {
        id: 'request-account',
        kind: 'page',
        match: { path: [APP], fields: ['submit'] },
        fields: [{ id: 'submit', kind: 'action', labels: W.request }],
        source: ['seed:001 («MAKE A REQUEST FOR A USER ACCOUNT»)', 'inferred: the Russian/Kazakh captions'],
      },
      { id: 'activate', kind: 'manual' },
      {
        id: 'sign-in',
        kind: 'page',
        match: { path: [APP], notText: W.request, fields: ['password', 'sign-in'] },
        fields: [
          { id: 'username', kind: 'input', labels: W.username, names: ['username', 'login'], inputTypes: ['text'], optional: true },
          { id: 'password', kind: 'input', labels: W.password, inputTypes: ['password'], optional: true },
          { id: 'sign-in', kind: 'action', labels: W.signIn },
        ],
        source: [
          'seed:001 (log in with the username and password chosen)',

          'https://eokno.gov.kz (public Selenium script, find_string «eokno.gov.kz»: link «Войти», inputs ' +
            'named login:username and login:password in form #login, a submit input)',
        ],
      },
    ],
  },
  {
    id: 'singlewindow.invite-staff',
    portal: 'singlewindow',
    steps: [
      {
        id: 'invite',
        kind: 'page',
        match: { path: [APP], text: [W.staff], fields: ['invite-button'] },
        fields: [
          { id: 'staff-tab', kind: 'action', labels: W.staff, optional: true },
          { id: 'invite-button', kind: 'action', labels: W.invite },
          { ...emailField, optional: true },
        ],
        source: [
          "seed:001 (the head invites employees to the company's personal account)",
          'seed:001 («Company profile» - «Staff» - «Invite the user»)',
          'inferred: the Russian/Kazakh captions of those tabs and buttons',
        ],
      },
      { id: 'employee-registers', kind: 'manual' },
      {
        id: 'activate-user',
        kind: 'page',
        match: { path: [APP], text: [W.staff], fields: ['role', 'activate'] },
        fields: [
          { id: 'role', kind: 'input', labels: W.role, inputTypes: ['select-one', 'radio'] },
          { id: 'activate', kind: 'action', labels: W.activate, optional: true },
        ],
        source: ['seed:001 (the head activates the new user and sets the role)', 'inferred: the captions and the page'],
      },
    ],
  },
];
