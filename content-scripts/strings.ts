import { overlay as enO, procedures as enP, rules as enR } from '../locales/en.json';
import { overlay as kkO, procedures as kkP, rules as kkR } from '../locales/kk.json';
import { overlay as ruO, procedures as ruP, rules as ruR } from '../locales/ru.json';
import { overlay as uzO, procedures as uzP, rules as uzR } from '../locales/uz.json';
import type { Lang } from '../procedures/types';
import { lookup } from '../lib/lookup';

/**
 * The part of the locale files a portal page needs (overlay, rules, procedure hints), imported by
 * name so that the bundler leaves the popup's strings out of the content script.
 */
const RES: Record<Lang, unknown> = {
  en: { overlay: enO, rules: enR, procedures: enP },
  kk: { overlay: kkO, rules: kkR, procedures: kkP },
  ru: { overlay: ruO, rules: ruR, procedures: ruP },
  uz: { overlay: uzO, rules: uzR, procedures: uzP },
};

export const t = (lang: Lang, key: string, params?: Record<string, string | number>) => lookup(RES, lang, key, params);
export const has = (lang: Lang, key: string) => lookup(RES, lang, key) !== key;
