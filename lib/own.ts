/**
 * A lookup in a table keyed by text that came from outside (an imported file, storage): only the
 * table's own entries count, never what `Object.prototype` has (`constructor`, `toString`,
 * `__proto__`): a CSV cell `kind=constructor` must not find a "kind".
 */
export function own<T>(table: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}
