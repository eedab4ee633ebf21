import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadProgress } from '../lib/progress';
import { isStringsRequest, type StringsAnswer } from '../lib/messages';
import { stringsFor } from '../lib/strings';

/**
 * Thin: on install and update, read the stored progress once so that its migrations run (and a
 * corrupt value is reset with a notice) before any page or the popup needs it; hand portal pages
 * their strings.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void loadProgress();
  });
  // the locale files live here; a portal page asks for its part (allow-listed message)
  browser.runtime.onMessage.addListener((msg, sender) => {
    if (!isStringsRequest(msg) || sender.id !== browser.runtime.id) return undefined;
    const answer: StringsAnswer = { strings: stringsFor(msg.portal, msg.lang), en: stringsFor(msg.portal, 'en') };
    return Promise.resolve(answer);
  });
});
