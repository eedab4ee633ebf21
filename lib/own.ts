/**
 * A lookup in a table keyed by text that came from outside (an imported file, storage): only the
 * table's own entries count, never what `Object.prototype` has (`constructor`, `toString`,
 * `__proto__`): a CSV cell `kind=constructor` must not find a "kind".
 */
export function own<T>(table: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** the earliest and latest date a stored or imported record may carry (2000-01-01 … 2100-01-01, UTC) */
export const MIN_DATE = Date.UTC(2000, 0, 1);
export const MAX_DATE = Date.UTC(2100, 0, 1);

/** a time that is a real date in that range (never NaN, never 1e20) */
export const inDateRange = (t: unknown): t is number => typeof t === 'number' && Number.isFinite(t) && t >= MIN_DATE && t < MAX_DATE;
