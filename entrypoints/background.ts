import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadProgress } from '../lib/progress';

/**
 * Thin: on install and update, read the stored progress once so that its migrations run (and a
 * corrupt value is reset with a notice) before any page or the popup needs it.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void loadProgress();
  });
});
