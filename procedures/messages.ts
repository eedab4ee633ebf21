import type { PortalId, Words } from './types';
import { PORTALS } from './portals';

/**
 * Messages portals show (in an alert, a growl, a snack-bar, a dialog…) that Qadam explains: what
 * the message means and what to do (locale keys `explain.<id>.means` and `explain.<id>.todo`).
 * Typed data, like the procedures: the content script matches a message's text against `match`
 * (every group must be present, each group: any of its words; words as in the procedures:
 * normalised, whole words, a trailing "*" is a stem). Unknown messages are left alone.
 *
 * `source` says where each message text comes from: a seed, or public code of NCALayer / E-IMZO /
 * KAZTOKEN clients found with the search tools (ids are those of the stored code index).
 */
export interface PortalMessage {
  id: string;
  /** the portals where it appears */
  portals: readonly PortalId[];
  match: readonly Words[];
  /** only on these steps (a wording too common to explain everywhere) */
  steps?: readonly string[];
  /** an official page that helps */
  link?: string;
  source: readonly string[];
}

/** portals that sign with NCALayer (or KAZTOKEN on its port): the catalogue's (procedures/portals.ts) */
const KZ: readonly PortalId[] = PORTALS.filter((p) => p.signer === 'ncalayer').map((p) => p.id);

export const PORTAL_MESSAGES: readonly PortalMessage[] = [
  {
    id: 'eimzo-not-installed',
    portals: ['oneid'],
    match: [['Ошибка соединения с E-IMZO', 'E-IMZO bilan ulanishda xatolik', 'E-IMZO bilan bogʻlanishda xatolik']],
    link: 'https://e-imzo.uz/main/downloads/',
    source: [
      'seed:002 (the E-IMZO download page https://e-imzo.uz/main/downloads/)',

      "E-IMZO client code, `errorCAPIWS = 'Ошибка соединения с E-IMZO. Возможно у вас не установлен модуль " +
        "E-IMZO.'` (code index 5720912029; with «или Браузер E-IMZO» in 27597742887, 9039274607: my.soliq.uz " +
        'login page)',
      'inferred: the Uzbek wordings, as OneID words its other errors',
    ],
  },
  {
    id: 'eimzo-browser-websocket',
    portals: ['oneid'],
    match: [['Браузер не поддерживает технологию WebSocket']],
    source: ['E-IMZO client code, `errorBrowserWS` next to `errorCAPIWS` (code index 5720912029, 27597742887)'],
  },
  {
    id: 'ncalayer-canceled',
    portals: KZ,
    match: [['action.canceled', 'Подписание отменено пользователем', 'Операция отменена пользователем']],
    source: [
      'NCALayer answers {"code":"500","message":"action.canceled"} when its window is closed; portals show ' +
        'the raw message: «Ошибка NCALayer: ${res.message}» (code index 19164479910, 4918157024, 26256176111)',
      "a public NCALayer client's text for it: «Подписание отменено пользователем» (code index 56113801352)",
    ],
  },
  {
    id: 'ncalayer-wrong-password',
    portals: KZ,
    match: [
      ['WRONG_PASSWORD', 'Неверный пароль от ключа*', 'Неверный пароль к ключ*', 'Неправильный пароль к ключ*', 'Кілттің құпия сөзі қате'],
    ],
    source: [
      "NCALayer error code WRONG_PASSWORD and a public client's text «Неверный пароль от ключа ЭЦП.» (code index 56113801352)",
      'inferred: the Kazakh wording',
    ],
  },
  {
    id: 'ncalayer-empty-keys',
    portals: KZ,
    match: [['EMPTY_KEY_LIST', 'Не найдены ключи ЭЦП', 'storage.empty', 'Выбранное устройство недоступно']],
    source: [
      'NCALayer error code EMPTY_KEY_LIST, «Не найдены ключи ЭЦП. Вставьте носитель ключа или укажите путь ' +
        'к файлу.» (code index 56113801352)',
      'NCALayer message storage.empty shown as «Выбранное устройство недоступно» (code index 14255049798)',
    ],
  },
  {
    id: 'ncalayer-not-running',
    portals: KZ,
    match: [
      [
        'Ошибка взаимодействия с NCALayer',
        'NCALayer закрыл соединение',
        'Ошибка подключения к NCALayer',
        'Не удалось подключиться к NCALayer',
        'NCALayer-мен байланыс орнату мүмкін болмады',
      ],
    ],
    link: 'https://pki.gov.kz/index.php/ru/ncalayer',
    source: [
      'sigex-kz/ncalayer-js-client ncalayer-client.js: «Ошибка взаимодействия с NCALayer.», «NCALayer закрыл соединение.»',
      'a portal using ncalayer-js-client: alert(«Ошибка подключения к NCALayer:» …) (code search «NCALayer response code 500», rank 9)',
      'inferred: the Kazakh wording',
    ],
  },
  {
    id: 'kaztoken-not-connected',
    portals: KZ,
    match: [['Не удалось подключиться к программе KAZTOKEN']],
    source: [
      'KAZTOKEN Cryptosocket client: `connectServerFailMsg = "Не удалось подключиться к программе KAZTOKEN ' +
        'Mobile!"` (code index 31453109030)',
    ],
  },
  {
    id: 'esf-password-mismatch',
    portals: ['esf'],
    steps: ['registration-data'],
    match: [
      [
        'Неверный пароль',
        'Пароль неверный',
        'Пароль не совпадает',
        'Пароли не совпадают',
        'Пароль не соответствует',
        'Құпия сөз қате',
        'Қате құпия сөз',
        'Құпия сөз сәйкес келмейді',
      ],
    ],
    source: [
      'seed:000 («2 - қадам-тіркеу деректері» кезеңінде «Пароль» өрісіне бірінші кәсіпорынды / ЖТ тіркеу ' +
        'кезінде пайдаланылған парольді енгізу қажет)',
      "inferred: ESF's exact wording is not public; the usual wordings of a refused password, on the registration-data step only",
    ],
  },
  {
    id: 'singlewindow-bin-registered',
    portals: ['singlewindow'],
    match: [
      ['уже зарегистрирован*', 'уже существует', 'бұрын тіркелген', 'тіркеліп қойған', 'already registered', 'already exists'],
      ['БИН', 'БСН', 'BIN', 'организаци*', 'компани*', 'юридическ*', 'заңды тұлға*', 'ұйым*', 'company', 'legal entity', 'organization'],
    ],
    source: [
      'seed:001 («You can register a legal entity (with a specific BIN) only once. After registration, the head can send an invitation…»)',
      "inferred: the portal's wording is not public; the message names the BIN or the company as already registered",
    ],
  },
];
