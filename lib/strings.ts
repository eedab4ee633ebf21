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
