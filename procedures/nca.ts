import type { FieldDef, Procedure } from './types';

/**
 * NCA RK signing keys: pki.gov.kz and the egov.kz online service (seed 003).
 *
 * The application form and the personal cabinet are grounded in NCA's official guides (captions
 * quoted as the guides print them):
 *  - individuals:                 https://pki.gov.kz/docs/guides_ru/fl/ (kk: guides_kz/fl/, en: guides_eng/fl/)
 *  - the head of a legal entity:  https://pki.gov.kz/docs/guides_eng/ul/ (ru: guides_ru/ul/)
 *  - legal entity employees:      https://pki.gov.kz/docs/guides_eng/s_ul/ (ru: guides_ru/s_ul/)
 *  - the personal cabinet:        https://pki.gov.kz/docs/guides_ru/lk_fl/
 *  - egov.kz «Инструкция по перевыпуску ЭЦП для физических лиц»: https://egov.kz/cms/ru/articles/instruction-physical-ecp
 * The guides give no page addresses: the pki.gov.kz paths are not tested beyond "not egov.kz's
 * /cms/" (`inferred:` in each step's `source`). The Kazakh captions of the forms that the kk guide
 * does not quote are the portal's usual words, marked in the replicas' notes.
 */

const PKI = '^/(?!cms/)';
const G = {
  fl: 'https://pki.gov.kz/docs/guides_ru/fl/',
  flKk: 'https://pki.gov.kz/docs/guides_kz/fl/',
  ul: 'https://pki.gov.kz/docs/guides_eng/ul/',
  sUl: 'https://pki.gov.kz/docs/guides_eng/s_ul/',
  lk: 'https://pki.gov.kz/docs/guides_ru/lk_fl/',
  egovReissue: 'https://egov.kz/cms/ru/articles/instruction-physical-ecp',
} as const;

const W = {
  getEds: ['Получение ключей ЭЦП', 'Получить ключи ЭЦП', 'ЭЦҚ кілттерін алу', 'Get EDS keys', 'Obtaining EDS keys'],
  agreement: [
    'Пользовательское соглашение',
    'пользовательским соглашением',
    'Пайдаланушы келісімі',
    'Пайдаланушылық келісім',
    'User agreement',
  ],
  agree: [
    'С пользовательским соглашением ознакомлен',
    'Ознакомлен и согласен',
    'ознакомлен',
    'Келісіммен таныстым',
    'таныстым',
    'келісемін',
    'I have read',
    'I agree',
  ],
  confirm: ['Подтвердить', 'Растау', 'Confirm'],
  bin: ['БИН', 'БСН', 'BIN'],
  iin: ['ИИН', 'ЖСН', 'IIN'],
  captcha: [
    'Код с картинки',
    'Введите код с картинки',
    'Код на картинке',
    'Суреттегі код',
    'Суреттегі кодты енгізіңіз',
    'Code from the picture',
    'Code in the picture',
  ],
  checkIin: ['Проверить ИИН', 'ЖСН тексеру', 'Check IIN'],
  checkBin: ['Проверить БИН', 'БСН тексеру', 'Check BIN'],
  email: ['E-mail', 'Email', 'Электронная почта', 'Электрондық пошта'],
  region: ['Регион', 'Область', 'Облыс', 'Өңір', 'Region'],
  city: ['Город', 'Населенный пункт', 'Қала', 'Елді мекен', 'City'],
  storage: ['Хранилище ключей', 'Тип хранилища', 'Кілттер қоймасы', 'Кілт қоймасы', 'Keys Storage', 'Keys Repository', 'Key storage'],
  path: ['Путь к хранилищу ключей', 'Кілттер қоймасына жол', 'Кілттер қоймасының жолы', 'Path to Keys Storage', 'Path to keys repository'],
  apply: ['Подать заявку', 'Өтінім беру', 'Өтінім беріңіз', 'Apply'],
  cabinet: ['Личный кабинет', 'Вход в личный кабинет', 'Жеке кабинет', 'Жеке кабинетке кіру', 'Personal account'],
  signIn: ['Войти', 'Кіру', 'Sign in', 'Log in'],
  refresh: ['Обновить список ключей', 'Кілттер тізімін жаңарту', 'Refresh the list of keys', 'Update key list'],
  sign: ['Подписать', 'Қол қою', 'Sign'],
  reissue: ['Перевыпуск ключей ЭЦП', 'ЭЦҚ кілттерін қайта шығару', 'Reissue of EDS keys', 'Reissue EDS keys'],
  myKeys: ['Мои ключи ЭЦП', 'Менің ЭЦҚ кілттерім', 'My EDS keys'],
} as const;

/** the application pages' own words: a page showing one of them is not the «Подать заявку» section */
const APPLICATION = [...W.agreement, ...W.checkIin, ...W.checkBin, ...W.storage, ...W.region];

const storage = (labels = W.storage): FieldDef => ({
  id: 'storage',
  kind: 'input',
  labels,
  notLabels: ['Путь', 'жол', 'Path'],
  inputTypes: ['select-one', 'radio'],
  names: ['storage', 'storeType', 'keyStorage'],
});
const path: FieldDef = { id: 'path', kind: 'input', labels: W.path, inputTypes: ['text'], names: ['path', 'storagePath', 'keyPath'] };

export const NCA: readonly Procedure[] = [
  {
    id: 'nca.get-eds',
    portal: 'nca',
    steps: [
      {
        id: 'apply',
        kind: 'page',
        // the egov.kz path: an SMS code from 1414 after the EDS login since October 2025
        warning: true,
        match: [
          // pki.gov.kz's section (egov.kz's other services mention it in their menus: not there)
          { path: [PKI], text: [W.getEds], notText: APPLICATION, fields: ['apply'] },
          { path: ['/services/pass_onlineecp'], fields: ['apply'] },
        ],
        fields: [
          {
            id: 'apply',
            kind: 'action',
            labels: [
              'Подать заявку',
              'Подать заявление',
              'Заказать услугу онлайн',
              'Получить услугу',
              'Өтінім беру',
              'Өтініш беру',
              'Қызметке онлайн тапсырыс беру',
              'Қызметті алу',
              'Apply',
              'Submit an application',
              'Order the service online',
            ],
          },
        ],
        // the SMS code from 1414: АО «НИТ», egov.kz's operator (no egov.kz page of its own was found), and Kazinform
        source: [
          'seed:003',
          G.fl,
          'https://www.nitec.kz/index.php/en/news/information-statement-10',
          'https://www.inform.kz/ru/avtorizatsiya-na-portale-elektronnogo-pravitelstva-stala-dvuhetapnoy-77b555',
        ],
      },
      {
        id: 'agreement',
        kind: 'page',
        match: { path: [PKI], text: [W.agreement], fields: ['agree', 'confirm'] },
        fields: [
          { id: 'agree', kind: 'input', labels: W.agree, inputTypes: ['checkbox'], names: ['agree', 'agreement'] },
          { id: 'confirm', kind: 'action', labels: W.confirm },
        ],
        source: [G.fl, G.flKk, G.ul, G.sUl, 'inferred: the path (the guides show the window, not its address)'],
      },
      {
        id: 'check-id',
        kind: 'page',
        match: [
          { path: [PKI], text: [W.checkIin], fields: ['iin', 'captcha', 'check'] },
          { path: [PKI], text: [W.checkBin], fields: ['bin', 'captcha'] },
        ],
        fields: [
          // a legal entity: the BIN and «Проверить БИН» first, then the IIN (guides ul, s_ul)
          {
            id: 'bin',
            kind: 'input',
            labels: W.bin,
            notLabels: W.iin,
            rule: 'bin',
            inputTypes: ['text', 'tel', 'number'],
            names: ['bin'],
            optional: true,
          },
          { id: 'captcha', kind: 'input', labels: W.captcha, inputTypes: ['text'], names: ['captcha', 'kaptcha', 'code'] },
          { id: 'check-bin', kind: 'action', labels: W.checkBin, optional: true },
          { id: 'iin', kind: 'input', labels: W.iin, notLabels: W.bin, rule: 'iin', inputTypes: ['text', 'tel', 'number'], names: ['iin'] },
          { id: 'check', kind: 'action', labels: W.checkIin },
        ],
        source: [G.fl, G.flKk, G.ul, G.sUl, 'inferred: the path'],
      },
      {
        id: 'application-data',
        kind: 'page',
        match: { path: [PKI], fields: ['email', 'region', 'city'], notText: W.storage },
        fields: [
          { id: 'email', kind: 'input', labels: W.email, rule: 'email', inputTypes: ['email', 'text'], names: ['email', 'mail'] },
          { id: 'region', kind: 'input', labels: W.region, inputTypes: ['select-one'], names: ['region', 'oblast'] },
          { id: 'city', kind: 'input', labels: W.city, inputTypes: ['select-one'], names: ['city', 'town'] },
        ],
        source: [G.fl, G.flKk, G.ul, G.sUl, 'inferred: the path'],
      },
      {
        id: 'key-storage',
        kind: 'page',
        warning: true,
        match: { path: [PKI], text: [W.storage], notText: [...W.cabinet, ...W.reissue], fields: ['storage', 'submit'] },
        fields: [storage(), { ...path, optional: true }, { id: 'submit', kind: 'action', labels: W.apply }],
        source: [G.fl, G.ul, G.sUl, 'inferred: the path'],
      },
      { id: 'visit-psc', kind: 'manual' },
      { id: 'id-card', kind: 'manual' },
      { id: 'install-ncalayer', kind: 'manual', link: 'https://pki.gov.kz/index.php/ru/ncalayer' },
    ],
  },
  {
    id: 'nca.reissue-eds',
    portal: 'nca',
    signer: 'ncalayer',
    steps: [
      {
        id: 'cabinet-sign-in',
        kind: 'page',
        signature: true,
        // the AUTHENTICATION key (AUTH_RSA…), not the signing key: where the two get mixed up
        warning: true,
        match: { path: [PKI], text: [W.cabinet], notText: W.reissue, fields: ['storage', 'sign-in'] },
        fields: [
          storage(),
          { ...path, optional: true },
          // signing in to the cabinet: NCALayer, the AUTHENTICATION key (lk_fl)
          { id: 'sign-in', kind: 'action', labels: W.signIn, notLabels: ['Выйти', 'Шығу', 'Log out'], handover: { key: 'auth' } },
          // the key list and «Подписать» show in the page in the guide's pictures; NCALayer may show them itself
          { id: 'refresh', kind: 'action', labels: W.refresh, optional: true },
          { id: 'sign', kind: 'action', labels: W.sign, notLabels: [...W.refresh, ...W.signIn], optional: true, handover: { key: 'auth' } },
        ],
        source: [G.lk, G.egovReissue, 'inferred: the path'],
      },
      {
        id: 'reissue',
        kind: 'page',
        signature: true,
        match: { path: [PKI], text: [W.reissue], fields: ['storage', 'submit'] },
        fields: [
          { id: 'reissue', kind: 'action', labels: W.reissue, optional: true },
          storage(),
          // the application is signed (inferred: the signing key, as any application NCALayer signs)
          { id: 'submit', kind: 'action', labels: W.apply, handover: { key: 'sign' } },
        ],
        // the Kazakh captions («Менің ЭЦҚ кілттерім» → «ЭЦҚ кілттерін қайта шығару», «Өтінім беру»): the State
        // Corporation's instruction as baq.kz and qarqaragazeti.kz print it
        source: [
          G.egovReissue,
          'https://www.gov.kz/memleket/entities/kostanai-naurzum-audany-akimat/press/article/details/125748',
          'https://baq.kz/azamattar-arna-eskertedi_215299',
          'https://qarqaragazeti.kz/archives/3754',
          'inferred: the page layout (lk_fl shows the cabinet menu «Мои ключи ЭЦП»; its picture of the re-issue form is not quoted)',
        ],
      },
      { id: 'install-certificates', kind: 'manual', link: G.egovReissue },
    ],
  },
];
