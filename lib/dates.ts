/** Bounded dates (issue 15): no stored or imported record may carry a date that makes an invalid Date. */

/** the earliest and latest date a stored or imported record may carry (2000-01-01 … 2100-01-01, UTC) */
export const MIN_DATE = Date.UTC(2000, 0, 1);
export const MAX_DATE = Date.UTC(2100, 0, 1);

/** a time that is a real date in that range (never NaN, never 1e20) */
export const inDateRange = (t: unknown): t is number => typeof t === 'number' && Number.isFinite(t) && t >= MIN_DATE && t < MAX_DATE;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * THE date format of everything Qadam shows (registration dates, keys' expiry, a recorded guide's
 * title): the day in the user's language, dd.mm.yyyy style for kk, ru and uz, en-GB's for en (never
 * the US month first). A `YYYY-MM-DD` string is that calendar day; a time (ms) is the day it is
 * here. One formatter per language and kind, made once.
 */
export function formatDate(at: number | string, lang: string): string {
  const day = typeof at === 'string';
  const key = `${lang}:${day ? 'day' : 'time'}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, day ? { timeZone: 'UTC' } : {})));
  if (!day) return f.format(at);
  const [y, m, d] = at.split('-').map(Number) as [number, number, number];
  return f.format(Date.UTC(y, m - 1, d));
}
