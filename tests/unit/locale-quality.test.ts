/**
 * Locale quality guards (issue 16). Generic: every key of every locale is checked, so keys added
 * later by other work are checked too.
 *
 * 1. Uzbek suffixes are written together with their word, also after abbreviations and names
 *    ("OneIDga", "BINni", "SMSdagi", "«Yagona darcha»da"), and no Uzbek word mixes Latin and
 *    Cyrillic letters ("ЦОНga": write "aholiga xizmat koʻrsatish markaziga (ЦОН)").
 * 2. Every portal caption a hint quotes («…» in a `procedures.<portal>.…` or `fields.…` text) is a
 *    caption the catalogue (procedures/*.ts) knows for that portal, in a language that portal has
 *    (portals.ts `langs`). What is not a portal caption is listed below, each with a reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROCEDURES, PORTALS } from '../../procedures';
import { LANGS, type Lang, type PortalId } from '../../procedures/types';
import { RESOURCES } from '../../lib/strings';
import { norm } from '../../lib/text';
import { CYRILLIC, LATIN, mixedScriptWords, separatedSuffixes } from './locale-checks';

function flat(o: unknown, p = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    const key = p ? `${p}.${k}` : k;
    if (v && typeof v === 'object') flat(v, key, out);
    else out.set(key, String(v));
  }
  return out;
}

const keys = Object.fromEntries(LANGS.map((l) => [l, flat(RESOURCES[l])])) as Record<Lang, Map<string, string>>;
/** the Uzbek texts: the locale and the store description */
const uzTexts = new Map([
  ...keys.uz,
  ...[...flat(JSON.parse(readFileSync('public/_locales/uz/messages.json', 'utf8')))]
    .filter(([k]) => k.endsWith('.message'))
    .map(([k, v]) => [`_locales:${k}`, v] as const),
]);

// ---------------------------------------------------------------------------------------------
// 1. Uzbek: suffixes joined, one script per word

describe('Uzbek is written as a native speaker would', () => {
  it('the checks themselves catch what they must and pass what is right', () => {
    for (const bad of [
      'OneID ga kiring',
      'BIN ni tekshiring',
      'SMS dagi kod',
      'ЦОН ga boring',
      '«Yagona darcha» da',
      '({{date}} dan)',
      'Excel da saqlang',
      'ESF da',
    ])
      expect(separatedSuffixes(bad), bad).not.toEqual([]);
    for (const good of [
      'OneIDga kiring',
      'BINni tekshiring',
      'SMSdagi kod',
      '«Yagona darcha»da',
      'soat 9:00 dan 18:00 gacha',
      'Davlat xizmatlari agentligiga',
      'ikki marta',
      'faqat siz uchun',
    ])
      expect(separatedSuffixes(good), good).toEqual([]);
    expect(mixedScriptWords('ЦОНga boring')).toEqual(['ЦОНga']);
    expect(mixedScriptWords('«Казахтелеком»ning idorasi, «Выбрать ЭЦП» tugmasi')).toEqual([]);
  });

  it('no Uzbek suffix stands apart from its word', () => {
    const bad = [...uzTexts].flatMap(([k, v]) => separatedSuffixes(v).map((s) => `${k}: …${s}`));
    expect(bad, 'write the suffix together with the word: "OneIDga", "BINni", "«Yagona darcha»da"').toEqual([]);
  });

  it('no Uzbek word mixes Latin and Cyrillic letters', () => {
    const bad = [...uzTexts].flatMap(([k, v]) => mixedScriptWords(v).map((w) => `${k}: ${w}`));
    expect(bad, 'no Cyrillic abbreviation with a Latin suffix: name it in Uzbek, the abbreviation in brackets').toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// One word per concept: words the review replaced, outside quoted captions (a portal's own caption
// such as «Есептік жазба құруға өтінім жіберу» or «Серия и номер паспорта» keeps its wording)

const AVOID: Record<Lang, Array<[RegExp, string]>> = {
  kk: [
    [/есептік жазба/i, 'account is «тіркелгі»'],
    [/паспорт/i, 'passport is «төлқұжат»'],
    [/бас ұйым/i, 'head office is «бас бөлімше»'],
    [/фискалдық деректер/i, 'the OFD is «ҚМО — қазыналық мәліметтер операторы» (seed 004)'],
    [/\bСТН\b/u, 'the Uzbek TIN is «СТИР»'],
    [/ПИН ФЛ-ды/, '«ПИН ФЛ-ді»'],
    [/\{\{date\}\} бастап/, 'a placeholder cannot take the ablative: «(тіркелген күні: {{date}})»'],
  ],
  ru: [
    [/работа\p{L}* за\b/iu, '«от имени»'],
    [/записи не совпадают/i, '«Пароли не совпадают»'],
    [/подтян|\bправда\b|простите/i, 'no colloquialisms'],
    [/головная организация/i, 'head office is «головное подразделение»'],
  ],
  en: [[/head organi[sz]ation/i, 'head office is «head office»']],
  uz: [
    [/jarayon/i, 'a procedure is «tartib»'],
    [/bosh tashkilot/i, 'head office is «bosh boʻlinma»'],
    [/roʻyxatingiz/i, 'your registration is «roʻyxatdan oʻtganingiz»'],
    [/roʻyxat maʼlumotlari/i, '«Roʻyxatdan oʻtish maʼlumotlari»'],
    [/NCA RK markaz/i, '«Milliy tasdiqlovchi markaz (НУЦ РК)»'],
  ],
};

describe('one word per concept', () => {
  it.each(LANGS)('%s avoids the words the review replaced', (l) => {
    const bad: string[] = [];
    for (const [k, v] of keys[l]) {
      const prose = v.replace(/«[^«»]*»/g, '«»');
      for (const [re, use] of AVOID[l]) if (re.test(prose)) bad.push(`${k}: ${re.source} → ${use}`);
    }
    expect(bad).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Quoted portal captions are captions the catalogue knows

/** the arrays of portal words inside the catalogue (labels and the options to choose, not attribute names or URL patterns) */
const WORD_KEYS = new Set(['labels', 'notLabels', 'choose', 'text', 'notText']);
function collectWords(o: unknown, out: Set<string>, inWords = false): Set<string> {
  if (typeof o === 'string') {
    if (inWords) out.add(norm(o));
  } else if (Array.isArray(o)) {
    for (const x of o) collectWords(x, out, inWords);
  } else if (o && typeof o === 'object') {
    for (const [k, v] of Object.entries(o)) collectWords(v, out, WORD_KEYS.has(k));
  }
  return out;
}

const PORTAL_IDS = PORTALS.map((p) => p.id);
const WORDS_OF = Object.fromEntries(
  PORTAL_IDS.map((id) => [
    id,
    collectWords(
      PROCEDURES.filter((p) => p.portal === id),
      new Set<string>(),
    ),
  ]),
) as Record<PortalId, Set<string>>;
const ALL_WORDS = new Set(Object.values(WORDS_OF).flatMap((s) => [...s]));

/** a word of the catalogue, whole (a stem "повтор*" fits what begins with it) */
function isWord(q: string, words: Set<string>): boolean {
  if (words.has(q)) return true;
  for (const w of words) if (w.endsWith('*') && q.startsWith(w.slice(0, -1)) && !q.includes(' ')) return true;
  return false;
}

/**
 * a caption the catalogue knows: one of its words, or several of them as the portal prints them
 * joined by a dash («Шаг 2 - регистрационные данные» is the step word and the title word)
 */
export function knownCaption(quote: string, words: Set<string>): boolean {
  const q = norm(quote);
  if (!q) return false;
  if (isWord(q, words)) return true;
  for (let i = q.indexOf('-'); i > 0; i = q.indexOf('-', i + 1)) {
    if (isWord(q.slice(0, i), words) && knownCaption(q.slice(i + 1), words)) return true;
  }
  return false;
}

/**
 * Quoted text that is not a caption of the portal's pages, each with its reason. Normalised
 * (`norm`) before comparing. Add here only what the user will really see, with its evidence.
 */
const NOT_PORTAL_CAPTIONS: Record<string, string> = {
  // the mail program's folder, not a portal caption (seed 001: «the message can get into spam folder»)
  спам: 'mail folder',
  spam: 'mail folder',
  // the page name a spreadsheet program shows when saving (profiles import help)
  'csv utf-8': 'file format',
};

/**
 * Captions the seeds show on the portal's pages that no recogniser needs (the step is recognised
 * by other words). Quoting them is true to the page; each names its evidence.
 */
const SEEN_NOT_RECOGNISED: Partial<Record<PortalId, Record<string, string>>> = {
  oneid: {
    // seed 002, stage 1 of the wizard: «Метод регистрации»
    'метод регистрации': 'seed 002',
    // seed 002, stage 1: «Метод регистрации | С помощью ЭЦП | Без ЭЦП»
    'без эцп': 'seed 002',
    // seed 002, after registration: «Статус вашего аккаунта "неподлинный"»
    неподлинный: 'seed 002',
    // seed 002, top menu: «Пользователям > Регистрация ЭЦП»
    пользователям: 'seed 002',
    // seed 002, the contact stage: «Ввод защитного кода | Обновить рисунок»
    'обновить рисунок': 'seed 002',
    // seed 002, the EDS page: «…система отобразит ваши данные, после этого нажмите сохранить»
    сохранить: 'seed 002',
  },
  oofd: {
    // the options of the key storage type on OFD's EDS login (#storage-type; issue 12 from the live
    // page: «Персональный компьютер», «Казтокен», «Удостоверение личности»); the Kazakh page's
    // wording of the ID card is inferred
    казтокен: 'issue 12, org.oofd.kz/#/landing/eds-login',
    'удостоверение личности': 'issue 12, org.oofd.kz/#/landing/eds-login',
    'жеке куәлік': 'inferred: the Kazakh wording of «Удостоверение личности»',
  },
  nca: {
    // an option of the «Хранилище ключей» list, not a label (pki.gov.kz/docs/guides_ru/lk_fl/ and
    // egov.kz/cms/ru/articles/instruction-physical-ecp: «из списка - Персональный компьютер,
    // удостоверение личности, eToken PRO…»; guides_eng/s_ul/: «The “Personal Computer” repository is insecure»)
    'персональный компьютер': 'guides_ru/lk_fl, egov.kz instruction-physical-ecp, guides_eng/s_ul',
    // the button of the file dialog opened from «Путь к хранилищу ключей» (guides_ru/lk_fl and the egov.kz
    // instruction: «Выберите ключ аутентификации (AUTH_RSA) и нажмите кнопку «Открыть»»; guides_eng/ul: «click “Open”»)
    открыть: 'guides_ru/lk_fl, egov.kz instruction-physical-ecp, guides_eng/ul',
    // pki.gov.kz's home page button (egov.kz instruction-physical-ecp: «Нажмите кнопку «Войти в личный
    // кабинет»»); the step is recognised in the sign-in window that follows
    'войти в личный кабинет': 'egov.kz instruction-physical-ecp',
    // the cabinet menu holding «Перевыпуск ключей ЭЦП» (gov.kz, Наурызым district akimat, article 125748:
    // «во вкладке «Мои ключи ЭЦП» в выпавшем меню нужно выбрать пункт «Перевыпуск ключей ЭЦП»»); the Kazakh
    // wording from the State Corporation's instruction as baq.kz/azamattar-arna-eskertedi_215299 and
    // qarqaragazeti.kz/archives/3754 print it: «"Менің ЭЦҚ кілттерім" бөліміне көшеміз»
    'мои ключи эцп': 'gov.kz article 125748 (Наурызым district akimat), guides_ru/lk_fl',
    'менің эцқ кілттерім': 'baq.kz/azamattar-arna-eskertedi_215299, qarqaragazeti.kz/archives/3754',
    // the last page of the re-issue, which no guide of NCA shows (the step is manual): egov.kz
    // instruction-physical-ecp and gov.kz article 125748: «нажмите кнопку «Загрузить сертификаты»»;
    // qarqaragazeti.kz/archives/3754: ««Сертификаттарды жүктеу» батырмасын басыңыз»
    'загрузить сертификаты': 'egov.kz instruction-physical-ecp, gov.kz article 125748',
    'сертификаттарды жүктеу': 'qarqaragazeti.kz/archives/3754',
  },
  singlewindow: {
    // seed 001: «select one of the user types: «Certification bodies», «Individuals» или «Legal entities»»
    individuals: 'seed 001',
    'legal entities': 'seed 001',
    // seed 001: «clicking on the tab «Company profile» - «Staff» - «Invite the user»» (no Russian or
    // Kazakh wording of this tab is in the seeds: ru/kk/uz hints name it without quotes)
    'company profile': 'seed 001',
  },
};

/**
 * Names, quoted as names and inflected as the sentence needs («Единого окна», «Бірыңғай терезеде»,
 * «Yagona darcha»): the portal's own name (seed 001: «Single Window» portal) and organisations
 * (seed 004: «Қазақтелеком» акционерлік қоғамы). Stems: the quote begins with one of them.
 */
const NAME_STEMS = [
  'единое окн',
  'единого окн',
  'едином окн',
  'бірыңғай терезе',
  'yagona darcha',
  'single window',
  'казахтелеком',
  'қазақтелеком',
  'kazakhtelecom',
];

const QUOTE = /«([^«»]*)»/g;

/** the names Qadam itself gives procedures (quoted in hints as «Confirm your OneID account…») */
const procedureTitles = (l: Lang) =>
  new Set([...keys[l]].filter(([k]) => /^procedures\.[^.]+\.[^.]+\.title$/.test(k)).map(([, v]) => norm(v)));

/** the portal a key speaks of: `procedures.<portal>.…`; `fields.<id>` names a field of any portal */
function portalOfKey(k: string): PortalId | 'any' | null {
  const m = /^procedures\.([^.]+)\./.exec(k);
  if (m) return PORTAL_IDS.includes(m[1] as PortalId) ? (m[1] as PortalId) : null;
  return k.startsWith('fields.') ? 'any' : null;
}

const KK_LETTERS = /[әғқңөұүһі]/i;
const UZ_LATIN = /[ʻʼ]|\b(?:va|bilan|qilish|oʻtkazish|roʻyxat)\b/i;
/** the languages a caption can be written in, from its letters */
function langsOfCaption(q: string): Lang[] {
  if (KK_LETTERS.test(q)) return ['kk'];
  if (CYRILLIC.test(q)) return ['ru', 'kk'];
  if (UZ_LATIN.test(q)) return ['uz'];
  if (LATIN.test(q)) return ['en', 'uz'];
  return [...LANGS];
}

/** Latin captions that Russian and Kazakh pages print as they are (seed 000: «e-mail өрісіне») */
const LATIN_ON_CYRILLIC_PAGES = new Set(['e-mail', 'email']);

export function badQuotes(l: Lang): string[] {
  const titles = procedureTitles(l);
  const bad: string[] = [];
  for (const [k, v] of keys[l]) {
    const portal = portalOfKey(k);
    if (!portal) continue;
    for (const m of v.matchAll(QUOTE)) {
      const quote = m[1]!;
      const q = norm(quote);
      if (/^(\{\{\w+\}\}\s*)+$/.test(quote.trim())) continue; // a name filled in from the profile
      if (q in NOT_PORTAL_CAPTIONS || titles.has(q) || NAME_STEMS.some((n) => q.startsWith(n))) continue;
      const words = portal === 'any' ? ALL_WORDS : WORDS_OF[portal];
      const seen = portal === 'any' ? Object.values(SEEN_NOT_RECOGNISED).some((s) => q in s) : q in (SEEN_NOT_RECOGNISED[portal] ?? {});
      if (!seen && !knownCaption(quote, words)) {
        bad.push(`${l}:${k}: «${quote}» is not a caption the catalogue knows`);
        continue;
      }
      if (portal !== 'any') {
        const has = PORTALS.find((p) => p.id === portal)!.langs;
        if (!LATIN_ON_CYRILLIC_PAGES.has(q) && !langsOfCaption(quote).some((x) => has.includes(x)))
          bad.push(`${l}:${k}: «${quote}» is in a language ${portal} does not have (${has.join('/')})`);
      }
    }
  }
  return bad;
}

describe('quoted portal captions', () => {
  it('the caption check knows captions, joined captions and nothing else', () => {
    expect(knownCaption('Шаг 2 - регистрационные данные', WORDS_OF.esf)).toBe(true);
    expect(knownCaption('2 - қадам-тіркеу деректері', WORDS_OF.esf)).toBe(true);
    expect(knownCaption('SELF-REGISTRATION', WORDS_OF.singlewindow)).toBe(true);
    expect(knownCaption('Kompaniya profili', WORDS_OF.singlewindow)).toBe(false);
    expect(knownCaption('Xodimlar', WORDS_OF.singlewindow)).toBe(false);
    expect(langsOfCaption('Roʻyxatdan oʻtish usuli')).toEqual(['uz']);
    expect(langsOfCaption('Өздігінен тіркелу')).toEqual(['kk']);
  });

  it.each(LANGS)('%s: every caption a hint quotes is one the catalogue knows, in a language of that portal', (l) => {
    expect(badQuotes(l)).toEqual([]);
  });
});
