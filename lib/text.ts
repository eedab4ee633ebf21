/**
 * Text normalisation shared by recognisers, locators and tests: lower case, ё→е, every dash to
 * "-" with no spaces around it, quotes and label punctuation (":", "*") dropped, white space folded.
 * Uzbek Latin writes oʻ/gʻ with ʻ, ‘, ʼ, ’ or a plain ' depending on the keyboard: all are dropped,
 * so «Roʻyxatdan» and «Ro'yxatdan» are one word for the recognisers (and the catalogue needs one).
 * "2 - қадам-тіркеу деректері" and "2-ҚАДАМ – тіркеу  деректері:" both become "2-қадам-тіркеу деректері".
 */
export function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212\u00ad]/g, '-')
    .replace(/[«»"“”„'`‘’ʻʼ*:]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .trim();
}

/** Short captions ("Да", "ИП", "ЖК") must be the whole text; longer words may stand inside it. */
const SHORT = 3;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where a normalised word stands in a normalised text as a whole word, from `from` on; -1 if not.
 * Kazakh and Russian inflect: "Заңды тұлғаларға" (a link "to legal entities") is not the tab
 * "Заңды тұлға", nor is "пароля" the field "пароль". A word written with a trailing "*" in the
 * catalogue is a stem ("повтор*" fits "повторите"), on any word of a phrase ("политик*
 * безопасности" fits "политики безопасности").
 */
export function indexOfWord(text: string, word: string, from = 0): number {
  return findWord(text, word, from)?.start ?? -1;
}

/** as `indexOfWord`, with where the match ends (a trailing stem ends where it is written) */
export function findWord(text: string, word: string, from = 0): { start: number; end: number } | null {
  const star = word.indexOf('*');
  if (star >= 0 && star < word.length - 1) return findPattern(text, word, from);
  const stem = star >= 0;
  const w = stem ? word.slice(0, -1) : word;
  if (!w) return null;
  for (let i = text.indexOf(w, from); i >= 0; i = text.indexOf(w, i + 1)) {
    const before = i === 0 || !WORD_CHAR.test(text[i - 1]!);
    const end = i + w.length;
    const after = stem || end === text.length || !WORD_CHAR.test(text[end]!);
    if (before && after) return { start: i, end };
  }
  return null;
}

const patterns = new Map<string, RegExp>();
/** a phrase with a stem inside it: each "*" inside stands for the rest of its word */
function findPattern(text: string, word: string, from: number): { start: number; end: number } | null {
  let re = patterns.get(word);
  if (!re) {
    const trailing = word.endsWith('*');
    const body = (trailing ? word.slice(0, -1) : word)
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\p{L}\\p{N}]*');
    re = new RegExp(`(?<![\\p{L}\\p{N}])${body}${trailing ? '' : '(?![\\p{L}\\p{N}])'}`, 'gu');
    patterns.set(word, re);
  }
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/**
 * How well a normalised text fits a normalised word: 3 the same, 2 starts with it, 1 contains it
 * (whole words; words of three letters or fewer only as the whole text), 0 no.
 */
export function fit(text: string, word: string): number {
  if (!word || !text) return 0;
  if (text === word || (word.endsWith('*') && text === word.slice(0, -1))) return 3;
  if (word.length <= SHORT) {
    // "ИП" fits "ИП" and "(ИП)" but not "ИПОТЕКА": compare without punctuation around it
    return text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') === word ? 3 : 0;
  }
  const m = findWord(text, word);
  return !m ? 0 : m.start === 0 && m.end === text.length ? 3 : m.start === 0 ? 2 : 1;
}

/** the best fit of any of the (already normalised) words */
export function bestFit(text: string, words: readonly string[]): number {
  let best = 0;
  for (const w of words) {
    const f = fit(text, w);
    if (f > best) best = f;
    if (best === 3) break;
  }
  return best;
}

const cache = new WeakMap<readonly string[], readonly string[]>();
/**
 * A catalogue word normalised as the page text is, keeping each stem's "*": the one that ends a
 * word of the phrase ("политик* безопасности", "Пароль*"). A "*" that ends no word is dropped.
 */
export function normWord(w: string): string {
  return norm(w.replace(/([\p{L}\p{N}])\*(?=[\s\-\u2010-\u2015,.;:!?)]|$)/gu, '$1\uE000')).replace(/\uE000/g, '*');
}

/** the words normalised once (catalogue arrays are constant objects); a stem keeps its "*" */
export function normWords(words: readonly string[]): readonly string[] {
  let n = cache.get(words);
  if (!n) {
    n = words.map(normWord);
    cache.set(words, n);
  }
  return n;
}
