import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES } from './strings';
import type { Lang } from '../procedures/types';

/** i18next for the extension's own pages (popup, options), over the same locale files. */
export function initI18n(lang: Lang) {
  const resources = Object.fromEntries(Object.entries(RESOURCES).map(([l, r]) => [l, { translation: r as Record<string, unknown> }]));
  void i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}

export async function changeLang(lang: Lang) {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}
