/** Bounded dates (issue 15): no stored or imported record may carry a date that makes an invalid Date. */

/** the earliest and latest date a stored or imported record may carry (2000-01-01 … 2100-01-01, UTC) */
export const MIN_DATE = Date.UTC(2000, 0, 1);
export const MAX_DATE = Date.UTC(2100, 0, 1);

/** a time that is a real date in that range (never NaN, never 1e20) */
export const inDateRange = (t: unknown): t is number => typeof t === 'number' && Number.isFinite(t) && t >= MIN_DATE && t < MAX_DATE;
