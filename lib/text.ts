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

/**
 * How well a normalised text fits a normalised word: 3 the same, 2 starts with it, 1 contains it
 * (for words longer than three letters), 0 no.
 */
export function fit(text: string, word: string): number {
  if (!word || !text) return 0;
  if (text === word) return 3;
  if (word.length <= SHORT) {
    // "ИП" fits "ИП" and "(ИП)" but not "ИПОТЕКА": compare without punctuation around it
    return text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') === word ? 3 : 0;
  }
  if (text.startsWith(word)) return 2;
  return text.includes(word) ? 1 : 0;
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
/** the words normalised once (catalogue arrays are constant objects) */
export function normWords(words: readonly string[]): readonly string[] {
  let n = cache.get(words);
  if (!n) {
    n = words.map(norm);
    cache.set(words, n);
  }
  return n;
}
