import { browser } from 'wxt/browser';
import { LANGS, type Lang } from '../procedures/types';

/**
 * The language setting as a portal page reads it: one key, nothing else. Portal pages must not
 * import lib/progress or lib/profiles, whose storage items read their keys (profiles included) as
 * soon as they are defined (WXT runs an item's migrations at definition): issue 15.
 */
export interface Settings {
  /** null: follow the browser's language */
  lang: Lang | null;
}

export async function readSettings(): Promise<Settings> {
  const raw = ((await browser.storage.local.get('settings').catch(() => ({}))) as Record<string, unknown>).settings;
  const lang = (raw as { lang?: unknown } | null | undefined)?.lang;
  return { lang: typeof lang === 'string' && (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : null };
}

/** the browser's language as one of Qadam's: lib/language.ts (the one language rule) */
export { browserLang } from './language';
