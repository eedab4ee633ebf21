import type { FieldDef, PageStep, Procedure } from './types';

/**
 * OneID. Two generations, one portal (procedures/portals.ts):
 * - id.gov.uz (seed 002): pages under /oid/ (`main.do`, `cmn/regUser/register.do`, …),
 *   `?locale=ru|uz|en`. The registration wizard changes its stage inside one URL: each stage is
 *   recognised by what is shown.
 * - id.egov.uz, today's OneID: a React + MUI single-page app (`#root`), the language first in the
 *   path (`/oz` Uzbek Latin, `/uz` Uzbek Cyrillic, `/ru`, `/en`: public scripts open `/oz`,
 *   `/oz/personal`, `/oz/settings` and rewrite `/uz|oz|ru|en?client_id=…`), sign-in by login and
 *   password, by phone and SMS code, or by EDS through E-IMZO (its API names the methods
 *   LOGINPASSMETHOD, PKCSMETHOD, MOBILEIDMETHOD and answers «SMS code needed»). Its captions and
 *   the registration route are INFERRED (no public capture of the page text): the seeds' Russian
 *   wording, the Uzbek of public guides, in Latin and Cyrillic. See README «Evidence».
 */

const W = {
  offer: ['оферт*', 'правила и требования', 'oferta*', 'ofertasi', 'qoidalar*', 'offer', 'terms of registration'],
  accept: ['Принимаю', 'Я принимаю', 'Согласен', 'ознакомился', 'Qabul qilaman', 'Roziman', 'tanishdim', 'I accept', 'I agree', 'Accept'],
  method: ['Метод регистрации', 'Roʻyxatdan oʻtish usuli', 'Registration method'],
  pinfl: ['ПИН ФЛ', 'ПИНФЛ', 'Персональный идентификационный номер', 'JSHSHIR', 'PINFL', 'Personal identification number'],
  passport: ['Серия и номер паспорта', 'Pasport seriyasi va raqami', 'Pasport seriyasi', 'Passport series and number', 'Passport number'],
  next: ['Далее', 'Keyingi', 'Davom etish', 'Next'],
  confirmData: ['Подтверждение данных', 'Необходимо подтвердить данные', 'Maʼlumotlarni tasdiqlash', 'Confirm data', 'Data confirmation'],
  birthDate: ['Дата рождения', 'Tugʻilgan sana', 'Date of birth'],
  contactData: ['Ввод контактных данных', 'Aloqa maʼlumotlarini kiritish', 'Contact details', 'Contact data'],
  login: ['Логин', 'Login'],
  password: ['Пароль*', 'Parol*', 'Password'],
  repeat: ['еще раз', 'повтор*', 'qayta*', 'takror*', 'again', 'repeat*', 'confirm*'],
  address: ['Адрес по прописке', 'Doimiy yashash manzili', 'Roʻyxatdagi manzil', 'Registered address', 'Address of registration'],
  email: ['Адрес электронной почты', 'Электронная почта', 'Elektron pochta manzili', 'Elektron pochta', 'E-mail', 'Email'],
  captcha: ['Ввод защитного кода', 'Защитный код', 'Himoya kodi', 'Himoya kodini kiriting', 'Security code', 'Captcha'],
  phone: ['Номер телефона', 'Telefon raqami', 'Phone number', 'Mobile phone'],
  sendCode: ['Выслать код подтверждения', 'Tasdiqlash kodini yuborish', 'Send confirmation code', 'Send code'],
  code: ['Код подтверждения', 'Tasdiqlash kodi', 'Confirmation code'],
  registered: [
    'Успешная регистрация',
    'Поздравляем, вы зарегистрировались',
    'вы зарегистрировались',
    'Muvaffaqiyatli roʻyxatdan oʻtdingiz',
    'roʻyxatdan oʻtdingiz',
    'Registration successful',
    'You have registered',
  ],
  /** seed 002: the login form reads «Логин | Пароль | Вход | Зарегистрироваться» */
  signInButton: ['Войти', 'Вход', 'Kirish', 'Log in', 'Sign in'],
  edsRegistration: [
    'Регистрация ЭЦП',
    'ЭЦП регистрация',
    'EIMZO roʻyxatdan oʻtkazish',
    'ERI roʻyxatdan oʻtkazish',
    'EDS registration',
    'Register EDS',
  ],
  key: [
    'Цифровая подпись',
    'Электронная цифровая подпись',
    'Выберите ключ',
    'Raqamli imzo',
    'Elektron raqamli imzo',
    'Kalitni tanlang',
    'Digital signature',
    'Select key',
  ],
  leRegistration: [
    'Регистрация юридического лица',
    'Yuridik shaxsni roʻyxatdan oʻtkazish',
    'Legal entity registration',
    'Register a legal entity',
  ],
  registerLe: [
    'Зарегистрировать юридическое лицо',
    'Добавить юридическое лицо',
    'Указать юридическое лицо',
    'Yuridik shaxsni roʻyxatdan oʻtkazish',
    'Yuridik shaxsni qoʻshish',
    'Register a legal entity',
    'Register legal entity',
    'Add legal entity',
  ],
  /** the question of the role page; the legal entity's entry carries «Common For Head», the head's role */
  role: ['Выберите роль', 'Роль', 'Rolni tanlang', 'Rol', 'Select role', 'Choose role', 'Role'],
  /** the role to pick (procedures.md `choose-role`): the head of the legal entity */
  headRole: ['Common For Head'],
  /** the question «individual or legal entity» some role pages ask first (inferred: no public capture shows its caption) */
  userType: [
    'Тип пользователя',
    'Тип лица',
    'Вы входите как',
    'Foydalanuvchi turi',
    'Shaxs turi',
    'Фойдаланувчи тури',
    'User type',
    'Sign in as',
    'Type of person',
  ],
  /** the legal entity, not the individual («Физическое лицо» / «Jismoniy shaxs») */
  legalEntity: ['Юридическое лицо', 'Yuridik shaxs', 'Юридик шахс', 'Legal entity'],
  // id.egov.uz (inferred captions; Uzbek in Latin and in Cyrillic)
  passwordTab: [
    'Логин и пароль',
    'Логин/пароль',
    'По логину',
    'Login va parol',
    'Login/parol',
    'Логин ва парол',
    'Логин/парол',
    'Login and password',
    'Login & password',
  ],
  edsTab: [
    'ЭЦП',
    'Электронная цифровая подпись',
    'Вход с ЭЦП',
    'Вход по ЭЦП',
    'ERI',
    'ЭРИ',
    'Elektron raqamli imzo',
    'Электрон рақамли имзо',
    'ERI orqali',
    'ЭРИ орқали',
    'E-IMZO',
    'EDS',
    'Digital signature',
  ],
  phoneEgov: ['Номер телефона', 'Телефон', 'Telefon raqami', 'Телефон рақами', 'Phone number', 'Mobile phone'],
  sendCodeEgov: [
    'Получить код',
    'Отправить код',
    'Kod olish',
    'Kodni olish',
    'Kodni yuborish',
    'Код олиш',
    'Кодни олиш',
    'Кодни юбориш',
    'Get code',
    'Send code',
  ],
  smsCode: [
    'Код из SMS',
    'SMS-код',
    'Код подтверждения',
    'Код',
    'SMS kod',
    'SMS-kod',
    'Tasdiqlash kodi',
    'Тасдиқлаш коди',
    'SMS код',
    'Verification code',
    'SMS code',
    'Code',
  ],
  signInEgov: ['Войти', 'Kirish', 'Кириш', 'Tizimga kirish', 'Тизимга кириш', 'Log in', 'Sign in'],
  offerEgov: ['оферт*', 'oferta*', 'Оммавий оферта', 'Ommaviy oferta', 'public offer', 'terms of use'],
  acceptEgov: ['Я принимаю', 'Принимаю', 'Согласен', 'Qabul qilaman', 'Roziman', 'Қабул қиламан', 'Розиман', 'I accept', 'I agree'],
  keyEgov: [
    'Выберите ключ',
    'Ключ ЭЦП',
    'Выберите ключ ЭЦП',
    'Kalitni tanlang',
    'ERI kalitini tanlang',
    'ERI kaliti',
    'Калитни танланг',
    'ЭРИ калитини танланг',
    'ЭРИ калити',
    'Select key',
    'Select EDS key',
    'EDS key',
  ],
} as const;

const REGISTER = '^/(oid/)?cmn/regUser/register\\.do';
const LOGIN = '^/(oid/)?cmn/LoginPage\\.do';
const OID = '^/(oid/)?';
/** id.egov.uz: the sign-in page is the language root (`/ru`, `/oz?client_id=…`) or a login route under it (inferred) */
const EGOV_SIGN_IN = '^/((oz|uz|ru|en)/?)?((login|auth|sign-?in)/?)?$';
/** id.egov.uz: the registration route (inferred: no public capture names it) */
const EGOV_REGISTER = '^/(oz|uz|ru|en)/(registration|register|sign-?up)(/|$)';

const loginFields: FieldDef[] = [
  { id: 'login', kind: 'input', labels: W.login, names: ['login', 'username'], rule: 'login-oneid', inputTypes: ['text'] },
  { id: 'password', kind: 'input', labels: W.password, notLabels: W.repeat, inputTypes: ['password'], names: ['password'] },
];

/** id.egov.uz: the EDS tab of the sign-in form, read to know the page (never ringed on sign-in) */
const edsTab: FieldDef = { id: 'eds-tab', kind: 'action', labels: W.edsTab, silent: true };

const signIn: PageStep = {
  id: 'sign-in',
  kind: 'page',
  match: [
    { path: [LOGIN], fields: ['password'] },
    { path: [OID], text: [W.signInButton], fields: ['login', 'password'], notText: W.contactData },
    // id.egov.uz: the form with its method tabs (MUI `button[role=tab]`); the open tab's panel alone is in the DOM
    { path: [EGOV_SIGN_IN], fields: ['password-tab', 'eds-tab'] },
  ],
  fields: [
    ...loginFields,
    { id: 'sign-in', kind: 'action', labels: W.signInEgov, optional: true },
    {
      id: 'phone',
      kind: 'input',
      labels: W.phoneEgov,
      names: ['phone', 'tel', 'mobile'],
      rule: 'phone-uz',
      inputTypes: ['tel', 'text'],
      optional: true,
    },
    { id: 'send-code', kind: 'action', labels: W.sendCodeEgov, optional: true },
    {
      id: 'sms-code',
      kind: 'input',
      labels: W.smsCode,
      notLabels: W.phoneEgov,
      names: ['code', 'otp', 'sms'],
      inputTypes: ['text', 'number', 'tel'],
      optional: true,
    },
    // the method tabs: read to know the page, never ringed (the user picks the way to sign in; the open tab is guided)
    { id: 'password-tab', kind: 'action', labels: W.passwordTab, silent: true },
    edsTab,
  ],
  source: [
    'seed:002',
    'https://id.gov.uz/cmn/LoginPage.do (seed 002, step 7)',

    'id.egov.uz: public scripts (find_string «id.egov.uz»: an LMS client posting login+password to ' +
      'id.egov.uz/api/identity/auth/login with X-Authorization-Method LOGINPASSMETHOD and confirming an ' +
      'SMS code; a Selenium script reading id.egov.uz/oz/personal under #root/main; a WebView rewriting ' +
      'id.egov.uz/uz|oz|ru|en)',
    'inferred: the captions of the id.egov.uz tabs and fields (no public capture of its text)',
  ],
};

export const ONEID: readonly Procedure[] = [
  {
    id: 'oneid.register-individual',
    portal: 'oneid',
    registers: { portal: 'oneid', step: 'contact-data' },
    steps: [
      {
        id: 'accept-offer',
        kind: 'page',
        match: [
          { path: [REGISTER], text: [W.offer], fields: ['accept'] },
          // id.egov.uz: the registration entry, the offer box first (MUI FormControlLabel)
          { path: [EGOV_REGISTER], text: [W.offerEgov], fields: ['accept'] },
        ],
        fields: [{ id: 'accept', kind: 'input', labels: [...W.accept, ...W.acceptEgov], inputTypes: ['checkbox'] }],
        source: [
          'seed:002',
          'https://id.gov.uz/oid/cmn/regUser/register.do (seed 002, step 1)',
          'inferred: the id.egov.uz registration route and its captions (the offer box kept from seed 002)',
        ],
      },
      {
        id: 'identification',
        kind: 'page',
        match: [
          { path: [REGISTER], fields: ['pinfl', 'passport'] },
          { path: [EGOV_REGISTER], fields: ['pinfl', 'passport'] },
        ],
        source: [
          'seed:002',
          'https://id.gov.uz/oid/cmn/regUser/register.do (seed 002, step 2)',

          'http://kompy.info/toshkent-davlat-agrar-universiteti-s-m-aminov-s-i-muxamadiyev.html?page=68 (Uzbek ' +
            'guide: PINFL and passport series)',
        ],
        fields: [
          { id: 'pinfl', kind: 'input', labels: W.pinfl, names: ['pinfl', 'pin'], rule: 'pinfl', inputTypes: ['text', 'number', 'tel'] },
          {
            id: 'passport',
            kind: 'input',
            labels: W.passport,
            names: ['passport', 'docnum', 'serial'],
            rule: 'passport-uz',
            inputTypes: ['text'],
          },
          { id: 'next', kind: 'action', labels: W.next },
        ],
      },
      {
        id: 'confirm-data',
        kind: 'page',
        // every stage shows all stage captions; the registry's data (birth date) is this stage's own
        match: { path: [REGISTER], text: [W.birthDate], fields: ['next'] },
        fields: [{ id: 'next', kind: 'action', labels: W.next }],
        source: ['seed:002', 'https://id.gov.uz/oid/cmn/regUser/register.do (seed 002, step 3)'],
      },
      {
        id: 'contact-data',
        kind: 'page',
        match: { path: [REGISTER], fields: ['login', 'password', 'phone'] },
        fields: [
          { id: 'login', kind: 'input', labels: W.login, names: ['login'], rule: 'login-oneid', inputTypes: ['text'] },
          {
            id: 'password',
            kind: 'input',
            labels: W.password,
            notLabels: W.repeat,
            inputTypes: ['password'],
            names: ['password'],
            rule: 'password-oneid',
          },
          { id: 'password-repeat', kind: 'input', labels: [...W.repeat, 'Пароль еще раз'], inputTypes: ['password'], sameAs: 'password' },
          { id: 'address', kind: 'input', labels: W.address, inputTypes: ['text'], optional: true },
          { id: 'email', kind: 'input', labels: W.email, names: ['email', 'mail'], rule: 'email', inputTypes: ['email', 'text'] },
          { id: 'captcha', kind: 'input', labels: W.captcha, inputTypes: ['text'], optional: true },
          { id: 'phone', kind: 'input', labels: W.phone, names: ['phone', 'tel', 'mobile'], rule: 'phone-uz', inputTypes: ['tel', 'text'] },
          { id: 'send-code', kind: 'action', labels: W.sendCode, optional: true },
          { id: 'code', kind: 'input', labels: W.code, inputTypes: ['text', 'number', 'tel'], optional: true },
        ],
        source: ['seed:002', 'https://id.gov.uz/oid/cmn/regUser/register.do (seed 002, step 4)'],
      },
      {
        id: 'registered',
        kind: 'page',
        match: { path: [OID], text: [W.registered] },
        fields: [],
        source: ['seed:002 (step 5: «Поздравляем, вы зарегистрировались…», status «неподлинный»)'],
      },
    ],
  },
  {
    id: 'oneid.get-eds',
    portal: 'oneid',
    steps: [
      { id: 'pay', kind: 'manual' },
      { id: 'visit', kind: 'manual' },
      { id: 'documents', kind: 'manual', link: 'https://my.soliq.uz/main/howtogeteds' },
    ],
  },
  {
    id: 'oneid.verify-with-eds',
    portal: 'oneid',
    requires: ['oneid.register-individual', 'oneid.get-eds'],
    signer: 'e-imzo',
    steps: [
      signIn,
      {
        id: 'open-eds-registration',
        kind: 'page',
        match: [
          { path: ['^/(oid/)?reg/regPki\\.do'], notText: W.key },
          { path: [OID], fields: ['eds-menu'] },
        ],
        fields: [{ id: 'eds-menu', kind: 'action', labels: W.edsRegistration, optional: true }],
        source: ['seed:002', 'https://id.gov.uz/oid/reg/regPki.do (seed 002, step 7: «Пользователям > Регистрация ЭЦП»)'],
      },
      {
        id: 'choose-key',
        kind: 'page',
        signature: true,
        match: [
          { path: ['^/(oid/)?reg/regPki\\.do'], fields: ['key'] },
          // id.egov.uz: the EDS tab of the sign-in form lists the keys E-IMZO finds; signing in with one confirms the account (inferred)
          { path: [EGOV_SIGN_IN], fields: ['key', 'eds-tab'] },
        ],
        fields: [
          { id: 'key', kind: 'input', labels: [...W.key, ...W.keyEgov], inputTypes: ['select-one'], handover: { key: 'auth' } },
          { id: 'sign-in', kind: 'action', labels: W.signInEgov, optional: true },
          edsTab,
        ],
        source: [
          'seed:002 (step 7: «Цифровая подпись», E-IMZO, DSKEYS)',
          'https://e-imzo.uz/main/downloads/ (seed 002)',
          'id.egov.uz: public code naming its EDS sign-in method PKCSMETHOD «E-IMZO (PKCS7)» (find_string «LOGINPASSMETHOD»)',
          'inferred: that the id.egov.uz EDS tab confirms the account, and its captions',
        ],
      },
    ],
  },
  {
    id: 'oneid.link-legal-entity',
    portal: 'oneid',
    requires: ['oneid.verify-with-eds'],
    registers: { portal: 'oneid', step: 'register-le' },
    steps: [
      signIn,
      {
        id: 'open-le-registration',
        kind: 'page',
        match: [{ path: ['^/(oid/)?regLe/index\\.do'] }, { path: ['^/(oid/)?main\\.do'], fields: ['le-menu'] }],
        fields: [{ id: 'le-menu', kind: 'action', labels: W.leRegistration, optional: true }],
        source: ['seed:002', 'https://id.gov.uz/oid/regLe/index.do (seed 002, step 8)'],
      },
      {
        id: 'register-le',
        kind: 'page',
        match: [{ path: ['^/(oid/)?regLe/newLeUser\\.do'] }, { path: ['^/(oid/)?regLe/'], fields: ['register-le-button'] }],
        fields: [{ id: 'register-le-button', kind: 'action', labels: W.registerLe, optional: true }],
        source: ['seed:002', 'https://id.gov.uz/oid/regLe/newLeUser.do (seed 002, step 8)'],
      },
      { id: 're-login', kind: 'manual' },
      {
        id: 'choose-role',
        kind: 'page',
        match: { path: [OID], fields: ['role'] },
        fields: [
          {
            id: 'user-type',
            kind: 'input',
            labels: W.userType,
            choose: W.legalEntity,
            inputTypes: ['radio', 'select-one'],
            optional: true,
          },
          {
            id: 'role',
            kind: 'input',
            labels: W.role,
            choose: W.headRole,
            names: ['role'],
            inputTypes: ['select-one', 'radio'],
            subject: true,
          },
        ],
        source: [
          'seed:002 (step 8: «Выберите роль», the legal entity and «Common For Head»)',
          'inferred: the URL of the role page (seed 002 shows no address)',
        ],
      },
    ],
  },
];
