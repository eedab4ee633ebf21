import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches } from '../procedures/portals';
import { startEngine } from '../content-scripts/engine';

/** Runs on the portal hosts of the catalogue only (no <all_urls>). */
export default defineContentScript({
  matches: contentScriptMatches(),
  // at the start of the page: storage is read while the page is parsed, and the first scan runs at
  // DOMContentLoaded (a field already in the HTML is ringed without waiting for images); nothing
  // observes the page before it is parsed
  runAt: 'document_start',
  main(ctx) {
    startEngine(ctx);
  },
});
