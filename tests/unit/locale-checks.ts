/**
 * Checks of Uzbek writing shared by the locale test (tests/unit/locale-quality.test.ts) and the
 * browser test that reads the hints on replica pages (tests/e2e/locale-screens.spec.ts).
 */

/** Uzbek case and other suffixes that are never words of their own */
const SUFFIX = '(?:ga|ka|qa|da|dan|ni|ning|dagi|dagidek|gacha|dek|larni|lar|lari)';
/**
 * a suffix standing after a space behind a word, an abbreviation, a closing quote or bracket, or a
 * placeholder: "OneID ga", "BIN ni", "«Yagona darcha» da", "{{date}} dan". (JS `\b` knows ASCII only:
 * the boundaries here are Unicode letters.) Digits are left out: "9:00 dan 18:00 gacha" is the
 * usual written form with clock times and numbers.
 */
const SEPARATED_SUFFIX = new RegExp(`(?<=[\\p{L}»)”}])\\s+${SUFFIX}(?![\\p{L}\\p{N}ʻʼ'’])`, 'u');
export const LATIN = /[A-Za-z]/;
export const CYRILLIC = /[\u0400-\u04FF]/;
/** one word: letters (with the Uzbek ʻ ʼ) and inner hyphens; quotes and brackets end a word */
const WORDS = /[\p{L}\p{M}ʻʼ'’-]+/gu;

export function separatedSuffixes(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(SEPARATED_SUFFIX.source, 'gu');
  for (const m of text.matchAll(re)) out.push(text.slice(Math.max(0, m.index - 12), m.index + m[0].length));
  return out;
}

export function mixedScriptWords(text: string): string[] {
  return [...text.matchAll(WORDS)].map((m) => m[0]).filter((w) => LATIN.test(w) && CYRILLIC.test(w));
}
