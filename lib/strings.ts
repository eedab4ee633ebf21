import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import uz from '../locales/uz.json';
import type { Lang } from '../procedures/types';

/**
 * The locale files as plain resources, and a tiny lookup for the content script (i18next stays
 * out of portal pages to keep them light; the popup uses i18next over the same resources).
 */
export const RESOURCES: Record<Lang, unknown> = { en, kk, ru, uz };

function get(tree: unknown, key: string): string | undefined {
  let cur: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'string' ? cur : undefined;
}

export function has(lang: Lang, key: string): boolean {
  return get(RESOURCES[lang], key) !== undefined;
}

/** `t('kk', 'rules.iin.length', { count: 11 })`; falls back to English, then to the key */
export function t(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const s = get(RESOURCES[lang], key) ?? get(RESOURCES.en, key) ?? key;
  return params ? s.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

/** locale key of a procedure's part: `esf.ie-after-individual` → `procedures.esf.ie-after-individual` */
export function procKey(procedureId: string): string {
  return `procedures.${procedureId}`;
}
