import { browser } from 'wxt/browser';
import { LANGS, type Lang } from '../procedures/types';

/**
 * THE rule for the language Qadam speaks, on every page (portal pages, popup, options, sandbox,
 * handout): the user's choice, else the administrator's policy language, else the browser's
 * (English when the browser's is none of Qadam's). A training page's address (`?lang=`) names its
 * own language before this rule (sandbox/dom.ts addressOf). Small and storage-free: the content
 * script imports it (lib/page-lang.ts reads the setting and the policy for extension pages).
 */
export function uiLang(
  setting: Lang | null | undefined,
  policy: Lang | null | undefined,
  ui: string | undefined = browserUiLanguage(),
): Lang {
  return setting ?? policy ?? browserLang(ui);
}

/** the browser's language as one of Qadam's, English otherwise */
export function browserLang(uiLanguage: string | undefined): Lang {
  const l = (uiLanguage ?? 'en').toLowerCase().slice(0, 2);
  return (LANGS as readonly string[]).includes(l) ? (l as Lang) : 'en';
}

/** the browser's interface language (the page's own where the extension API is absent: tests) */
export function browserUiLanguage(): string | undefined {
  try {
    const ui = browser.i18n?.getUILanguage?.();
    if (ui) return ui;
  } catch {
    /* no extension API here: the page's */
  }
  return globalThis.navigator?.language;
}
