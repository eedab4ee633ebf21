import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import uz from '../locales/uz.json';
import type { Lang } from '../procedures/types';
import { lookup } from './lookup';

/** The locale files as plain resources (the popup and options use them through i18next). */
export const RESOURCES: Record<Lang, unknown> = { en, kk, ru, uz };

export const t = (lang: Lang, key: string, params?: Record<string, string | number>) => lookup(RESOURCES, lang, key, params);
export const has = (lang: Lang, key: string) => lookup(RESOURCES, lang, key) !== key;

export { procKey } from './lookup';

/** what a portal page needs, for one portal and language (answered by the background) */
export function stringsFor(portal: string, lang: Lang): unknown {
  const r = RESOURCES[lang] as {
    overlay?: unknown;
    rules?: unknown;
    procedures?: Record<string, unknown>;
    signing?: unknown;
    explain?: unknown;
  };
  return { overlay: r.overlay, rules: r.rules, procedures: { [portal]: r.procedures?.[portal] }, signing: r.signing, explain: r.explain };
}
