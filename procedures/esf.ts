import type { FieldDef, PageMatch, PageStep, Procedure } from './types';
import { W } from './words';
import { subjectIdField } from './subject';

/**
 * ИС ЭСФ, esf.gov.kz (seed 000). The app lives under /esf-web/, the login page at /esf-web/login/,
 * its services after `#!/` (change-email, reset-password). Captions in Russian and Kazakh.
 */

const APP = '^/esf-web(/|$)';
const LOGIN = '^/esf-web/login';
const NOT_IN_APP_ROUTES = ['^/(change-email|reset-password|new-password|password)'];

const passwordField = (important: boolean): FieldDef => ({
  id: 'password',
  kind: 'input',
  labels: W.password,
  notLabels: W.repeat,
  inputTypes: ['password'],
  names: ['password', 'pass'],
  important,
});

const loginPage: PageMatch = { path: [LOGIN], notHash: NOT_IN_APP_ROUTES };

const signIn: PageStep = {
  id: 'sign-in',
  kind: 'page',
  match: { ...loginPage, fields: ['sign-in'] },
  fields: [
    { id: 'select-certificate', kind: 'action', labels: W.selectCertificate, optional: true, handover: { key: 'auth' } },
    { ...passwordField(false), optional: true },
    { id: 'sign-in', kind: 'action', labels: W.signInButton },
  ],
  source: [
    'seed:000 («жүйеге кіріп»: sign in first)',
    'https://esf.gov.kz:8443/esf-web/login (public documentation linking the ESF login page, find_string «esf.gov.kz:8443/esf-web/login»)',
    'inferred: the button captions «Войти»/«Кіру»',
  ],
};

/** `first`: the password is the one of the enterprise registered first (named from the profiles) */
const registrationData = (important: boolean, first = false): PageStep => ({
  id: 'registration-data',
  kind: 'page',
  match: { path: [APP], text: [W.step2, W.registrationData], fields: ['password'] },
  fields: [{ ...passwordField(important), ...(first ? { firstRegistered: 'esf' as const } : {}) }, subjectIdField],
  // done when the next stage shows (wizards that list every stage keep showing «Шаг 2» until then)
  done: { text: [W.step3], notText: W.step2 },
  source: [
    'seed:000 («2 - қадам-тіркеу деректері», the «Пароль» field)',
    'inferred: the Russian «Шаг 2 - регистрационные данные» and the wizard route',
  ],
});

const legalEntityTab: PageStep = {
  id: 'legal-entity-tab',
  kind: 'page',
  match: {
    path: [APP],
    notHash: NOT_IN_APP_ROUTES,
    text: [[...W.registration, ...W.registrationAccount]],
    notText: W.step2,
    fields: ['legal-entity-tab'],
  },
  fields: [{ id: 'legal-entity-tab', kind: 'action', labels: W.legalEntity }],
  source: [
    'seed:000 (the registration page, the legal entity tab)',
    'inferred: the tab captions «Юридическое лицо»/«Заңды тұлға» and the route',
  ],
};

export const ESF: readonly Procedure[] = [
  {
    id: 'esf.ie-after-individual',
    portal: 'esf',
    subjectKind: 'ie',
    steps: [
      signIn,
      {
        id: 'registration-account',
        kind: 'page',
        match: [
          {
            path: [APP],
            notHash: NOT_IN_APP_ROUTES,
            text: [[...W.registrationAccount, ...W.invoiceJournal]],
            notText: W.step2,
            fields: ['ie-tab'],
          },
          { path: [APP], notHash: NOT_IN_APP_ROUTES, text: [W.invoiceJournal], notText: W.step2, fields: ['registration-account-menu'] },
        ],
        fields: [
          { id: 'registration-account-menu', kind: 'action', labels: W.registrationAccount, optional: true },
          { id: 'ie-tab', kind: 'action', labels: W.ieTab },
        ],
        source: [
          'seed:000 («шот-фактуралар журналы» → «тіркеу есебі» → «ЖК»)',
          'inferred: the Russian captions and the routes (#!/invoices, #!/profile)',
        ],
      },
      {
        id: 'register-as-ie',
        kind: 'page',
        match: { path: [APP], notHash: NOT_IN_APP_ROUTES, notText: W.step2, fields: ['register-button'] },
        fields: [{ id: 'register-button', kind: 'action', labels: W.registerAsIe }],
        source: ['seed:000 («ЖК ретінде тіркелу» button)', 'inferred: the Russian «Зарегистрироваться как ИП»'],
      },
      registrationData(true),
    ],
    registers: { portal: 'esf', step: 'registration-data' },
  },
  {
    id: 'esf.legal-entity-after-individual',
    portal: 'esf',
    subjectKind: 'legal',
    steps: [signIn, legalEntityTab, registrationData(true, true)],
    registers: { portal: 'esf', step: 'registration-data' },
  },
  {
    id: 'esf.second-enterprise',
    portal: 'esf',
    subjectKind: 'legal',
    steps: [
      {
        id: 'select-certificate',
        kind: 'page',
        match: { ...loginPage, fields: ['select-certificate'] },
        // seed 000: «екінші кәсіпорынның аутентификациясы үшін ЗТ сертификатын таңдаңыз»
        fields: [{ id: 'select-certificate', kind: 'action', labels: W.selectCertificate, handover: { key: 'auth' } }],
        source: ['seed:000 («Сертификатты таңдау» on the login page)', 'inferred: the Russian «Выбрать сертификат»'],
      },
      {
        id: 'confirm-registration',
        kind: 'page',
        match: { path: [APP], text: [W.notRegistered], fields: ['yes'] },
        fields: [{ id: 'yes', kind: 'action', labels: W.yes }],
        source: ['seed:000 (the portal offers to register: «Иә»)', 'inferred: the wording of the offer and where it shows (a dialog)'],
      },
      legalEntityTab,
      registrationData(true, true),
    ],
    registers: { portal: 'esf', step: 'registration-data' },
  },
  {
    id: 'esf.recover-access',
    portal: 'esf',
    steps: [
      {
        id: 'change-email',
        kind: 'page',
        warning: true,
        match: { path: [APP], hash: ['^/change-email'] },
        source: ["seed:000 (recovery: first change the e-mail, route #!/change-email; login = the head's IIN)"],
        fields: [
          {
            id: 'login',
            kind: 'input',
            labels: W.login,
            names: ['login', 'iin', 'username'],
            rule: 'iin',
            inputTypes: ['text', 'number', 'tel'],
          },
          { id: 'email', kind: 'input', labels: W.email, names: ['email', 'mail'], rule: 'email', inputTypes: ['email', 'text'] },
        ],
      },
      {
        id: 'reset-password',
        kind: 'page',
        match: { path: [APP], hash: ['^/reset-password'] },
        source: ['seed:000 (then #!/reset-password with the IIN and the new e-mail)'],
        fields: [
          {
            id: 'login',
            kind: 'input',
            labels: W.login,
            names: ['login', 'iin', 'username'],
            rule: 'iin',
            inputTypes: ['text', 'number', 'tel'],
          },
          { id: 'email', kind: 'input', labels: W.email, names: ['email', 'mail'], rule: 'email', inputTypes: ['email', 'text'] },
        ],
      },
      { id: 'open-link', kind: 'manual' },
      {
        id: 'new-password',
        kind: 'page',
        match: [
          { path: [APP], hash: ['^/(new-password|password-recovery|restore-password|set-password)'] },
          { path: [APP], notHash: ['^/(change-email|reset-password)'], text: [W.newPassword], fields: ['password', 'password-repeat'] },
        ],
        fields: [
          {
            id: 'password',
            kind: 'input',
            labels: [...W.newPassword, ...W.password],
            notLabels: W.repeat,
            inputTypes: ['password'],
            names: ['password'],
          },
          {
            id: 'password-repeat',
            kind: 'input',
            labels: [...W.repeat.map((w) => w), 'Повторите пароль', 'Құпия сөзді қайталаңыз'],
            inputTypes: ['password'],
            names: ['repeat', 'confirm', 'password2'],
            sameAs: 'password',
          },
          // seed 000: then sign with the signing certificate (RSA or GOST)
          { id: 'send', kind: 'action', labels: W.send, handover: { key: 'sign' } },
        ],
        source: [
          'seed:000 (the link from the e-mail opens the new-password form, signed with the RSA or GOST key)',
          'inferred: the route of the form and its captions',
        ],
        done: {
          text: [['Пароль успешно изменен', 'Пароль изменен', 'Құпия сөз сәтті өзгертілді', 'Құпия сөз өзгертілді', 'Password changed']],
        },
      },
    ],
  },
];
