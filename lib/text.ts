/**
 * Text normalisation shared by recognisers, locators and tests: lower case, ё→е, every dash to
 * "-" with no spaces around it, quotes and label punctuation (":", "*") dropped, white space folded.
 * "2 - қадам-тіркеу деректері" and "2-ҚАДАМ – тіркеу  деректері:" both become "2-қадам-тіркеу деректері".
 */
export function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212\u00ad]/g, '-')
    .replace(/[«»"“”„'`’*:]/g, '')
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
 * catalogue is a stem ("повтор*" fits "повторите").
 */
export function indexOfWord(text: string, word: string, from = 0): number {
  const stem = word.endsWith('*');
  const w = stem ? word.slice(0, -1) : word;
  if (!w) return -1;
  for (let i = text.indexOf(w, from); i >= 0; i = text.indexOf(w, i + 1)) {
    const before = i === 0 || !WORD_CHAR.test(text[i - 1]!);
    const end = i + w.length;
    const after = stem || end === text.length || !WORD_CHAR.test(text[end]!);
    if (before && after) return i;
  }
  return -1;
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
  const i = indexOfWord(text, word);
  return i < 0 ? 0 : i === 0 ? 2 : 1;
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
/** the words normalised once (catalogue arrays are constant objects); a stem keeps its "*" */
export function normWords(words: readonly string[]): readonly string[] {
  let n = cache.get(words);
  if (!n) {
    n = words.map((w) => norm(w) + (w.trimEnd().endsWith('*') ? '*' : ''));
    cache.set(words, n);
  }
  return n;
}
