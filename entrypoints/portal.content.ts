import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches } from '../procedures/portals';
import { startEngine } from '../content-scripts/engine';

/** Runs on the portal hosts of the catalogue only (no <all_urls>). */
export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_idle',
  main(ctx) {
    startEngine(ctx);
  },
});
