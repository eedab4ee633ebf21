import type { FieldDef, PageStep, Procedure } from './types';

/**
 * OneID, id.gov.uz (seed 002). Pages under /oid/ (`main.do`, `cmn/regUser/register.do`, …),
 * `?locale=ru|uz|en`. The registration wizard changes its stage inside one URL: each stage is
 * recognised by what is shown. Captions in Russian, Uzbek (Latin) and English.
 */

const W = {
  offer: ['оферт*', 'правила и требования', 'oferta*', 'ofertasi', 'qoidalar*', 'offer', 'terms of registration'],
  accept: ['Принимаю', 'Я принимаю', 'Согласен', 'ознакомился', 'Qabul qilaman', 'Roziman', 'tanishdim', 'I accept', 'I agree', 'Accept'],
  method: ['Метод регистрации', 'Roʻyxatdan oʻtish usuli', "Ro'yxatdan o'tish usuli", 'Registration method'],
  pinfl: ['ПИН ФЛ', 'ПИНФЛ', 'Персональный идентификационный номер', 'JSHSHIR', 'JShShIR', 'PINFL', 'Personal identification number'],
  passport: ['Серия и номер паспорта', 'Pasport seriyasi va raqami', 'Pasport seriyasi', 'Passport series and number', 'Passport number'],
  next: ['Далее', 'Keyingi', 'Davom etish', 'Next'],
  confirmData: ['Подтверждение данных', 'Необходимо подтвердить данные', 'Maʼlumotlarni tasdiqlash', "Ma'lumotlarni tasdiqlash", 'Confirm data', 'Data confirmation'],
  birthDate: ['Дата рождения', 'Tugʻilgan sana', "Tug'ilgan sana", 'Date of birth'],
  contactData: ['Ввод контактных данных', 'Aloqa maʼlumotlarini kiritish', "Aloqa ma'lumotlarini kiritish", 'Contact details', 'Contact data'],
  login: ['Логин', 'Login'],
  password: ['Пароль*', 'Parol*', 'Password'],
  repeat: ['еще раз', 'ещё раз', 'повтор*', 'qayta*', 'takror*', 'again', 'repeat*', 'confirm*'],
  address: ['Адрес по прописке', 'Doimiy yashash manzili', 'Roʻyxatdagi manzil', "Ro'yxatdagi manzil", 'Registered address', 'Address of registration'],
  email: ['Адрес электронной почты', 'Электронная почта', 'Elektron pochta manzili', 'Elektron pochta', 'E-mail', 'Email'],
  captcha: ['Ввод защитного кода', 'Защитный код', 'Himoya kodi', 'Himoya kodini kiriting', 'Security code', 'Captcha'],
  phone: ['Номер телефона', 'Telefon raqami', 'Phone number', 'Mobile phone'],
  sendCode: ['Выслать код подтверждения', 'Tasdiqlash kodini yuborish', 'Send confirmation code', 'Send code'],
  code: ['Код подтверждения', 'Tasdiqlash kodi', 'Confirmation code'],
  registered: ['Успешная регистрация', 'Поздравляем, вы зарегистрировались', 'вы зарегистрировались', 'Muvaffaqiyatli roʻyxatdan oʻtdingiz', "Muvaffaqiyatli ro'yxatdan o'tdingiz", 'roʻyxatdan oʻtdingiz', 'Registration successful', 'You have registered'],
  signInButton: ['Войти', 'Kirish', 'Log in', 'Sign in'],
  edsRegistration: ['Регистрация ЭЦП', 'ЭЦП регистрация', 'EIMZO roʻyxatdan oʻtkazish', 'ERI roʻyxatdan oʻtkazish', 'ERI ro\'yxatdan o\'tkazish', 'EDS registration', 'Register EDS'],
  key: ['Цифровая подпись', 'Электронная цифровая подпись', 'Выберите ключ', 'Raqamli imzo', 'Elektron raqamli imzo', 'Kalitni tanlang', 'Digital signature', 'Select key'],
  leRegistration: ['Регистрация юридического лица', 'Yuridik shaxsni roʻyxatdan oʻtkazish', "Yuridik shaxsni ro'yxatdan o'tkazish", 'Legal entity registration', 'Register a legal entity'],
  registerLe: ['Зарегистрировать юридическое лицо', 'Добавить юридическое лицо', 'Указать юридическое лицо', 'Yuridik shaxsni roʻyxatdan oʻtkazish', 'Yuridik shaxsni qoʻshish', 'Register a legal entity', 'Register legal entity', 'Add legal entity'],
  /** the legal entity's entry carries «Common For Head», the head's role: that is the one to pick */
  role: ['Common For Head', 'Выберите роль', 'Роль', 'Rolni tanlang', 'Rol', 'Select role', 'Choose role', 'Role'],
} as const;

const REGISTER = '^/(oid/)?cmn/regUser/register\\.do';
const LOGIN = '^/(oid/)?cmn/LoginPage\\.do';
const OID = '^/(oid/)?';

const loginFields: FieldDef[] = [
  { id: 'login', kind: 'input', labels: W.login, names: ['login', 'username'], rule: 'login-oneid', inputTypes: ['text'] },
  { id: 'password', kind: 'input', labels: W.password, notLabels: W.repeat, inputTypes: ['password'], names: ['password'] },
];

const signIn: PageStep = {
  id: 'sign-in',
  kind: 'page',
  match: [{ path: [LOGIN], fields: ['password'] }, { path: [OID], text: [W.signInButton], fields: ['login', 'password'], notText: W.contactData }],
  fields: [...loginFields, { id: 'sign-in', kind: 'action', labels: W.signInButton, optional: true }],
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
        match: { path: [REGISTER], text: [W.offer], fields: ['accept'] },
        fields: [{ id: 'accept', kind: 'input', labels: W.accept, inputTypes: ['checkbox'] }],
      },
      {
        id: 'identification',
        kind: 'page',
        match: { path: [REGISTER], fields: ['pinfl', 'passport'] },
        fields: [
          { id: 'pinfl', kind: 'input', labels: W.pinfl, names: ['pinfl', 'pin'], rule: 'pinfl', inputTypes: ['text', 'number', 'tel'] },
          { id: 'passport', kind: 'input', labels: W.passport, names: ['passport', 'docnum', 'serial'], rule: 'passport-uz', inputTypes: ['text'] },
          { id: 'next', kind: 'action', labels: W.next },
        ],
      },
      {
        id: 'confirm-data',
        kind: 'page',
        // every stage shows all stage captions; the registry's data (birth date) is this stage's own
        match: { path: [REGISTER], text: [W.birthDate], fields: ['next'] },
        fields: [{ id: 'next', kind: 'action', labels: W.next }],
      },
      {
        id: 'contact-data',
        kind: 'page',
        match: { path: [REGISTER], fields: ['login', 'password', 'phone'] },
        fields: [
          { id: 'login', kind: 'input', labels: W.login, names: ['login'], rule: 'login-oneid', inputTypes: ['text'] },
          { id: 'password', kind: 'input', labels: W.password, notLabels: W.repeat, inputTypes: ['password'], names: ['password'], rule: 'password-oneid' },
          { id: 'password-repeat', kind: 'input', labels: [...W.repeat, 'Пароль еще раз'], inputTypes: ['password'], sameAs: 'password' },
          { id: 'address', kind: 'input', labels: W.address, inputTypes: ['text'], optional: true },
          { id: 'email', kind: 'input', labels: W.email, names: ['email', 'mail'], rule: 'email', inputTypes: ['email', 'text'] },
          { id: 'captcha', kind: 'input', labels: W.captcha, inputTypes: ['text'], optional: true },
          { id: 'phone', kind: 'input', labels: W.phone, names: ['phone', 'tel', 'mobile'], rule: 'phone-uz', inputTypes: ['tel', 'text'] },
          { id: 'send-code', kind: 'action', labels: W.sendCode, optional: true },
          { id: 'code', kind: 'input', labels: W.code, inputTypes: ['text', 'number', 'tel'], optional: true },
        ],
      },
      {
        id: 'registered',
        kind: 'page',
        match: { path: [OID], text: [W.registered] },
        fields: [],
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
        match: [{ path: ['^/(oid/)?reg/regPki\\.do'], notText: W.key }, { path: [OID], fields: ['eds-menu'] }],
        fields: [{ id: 'eds-menu', kind: 'action', labels: W.edsRegistration, optional: true }],
      },
      {
        id: 'choose-key',
        kind: 'page',
        signature: true,
        match: { path: ['^/(oid/)?reg/regPki\\.do'], fields: ['key'] },
        // seed 002: choose the EDS key under «Цифровая подпись», then E-IMZO asks the key's password
        fields: [{ id: 'key', kind: 'input', labels: W.key, inputTypes: ['select-one'], handover: { key: 'auth' } }],
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
      },
      {
        id: 'register-le',
        kind: 'page',
        match: [{ path: ['^/(oid/)?regLe/newLeUser\\.do'] }, { path: ['^/(oid/)?regLe/'], fields: ['register-le-button'] }],
        fields: [{ id: 'register-le-button', kind: 'action', labels: W.registerLe, optional: true }],
      },
      { id: 're-login', kind: 'manual' },
      {
        id: 'choose-role',
        kind: 'page',
        match: { path: [OID], fields: ['role'] },
        fields: [{ id: 'role', kind: 'input', labels: W.role, names: ['role'], inputTypes: ['select-one', 'radio'], subject: true }],
      },
    ],
  },
];
