import type { Lang } from '../procedures/types';

function get(tree: unknown, key: string): string | undefined {
  let cur: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    if (!Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'string' ? cur : undefined;
}

/**
 * A tiny lookup over nested locale resources: falls back to English, then to the key itself;
 * fills `{{name}}` from params. (i18next stays out of portal pages to keep them light.)
 */
export function lookup(res: Record<Lang, unknown>, lang: Lang, key: string, params?: Record<string, string | number>): string {
  const s = get(res[lang], key) ?? get(res.en, key) ?? key;
  return params ? s.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m)) : s;
}

/** locale key of a procedure's part: `esf.ie-after-individual` → `procedures.esf.ie-after-individual` */
export function procKey(procedureId: string): string {
  return `procedures.${procedureId}`;
}
