import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches, portalOfHost } from '../procedures/portals';
import { allGuides, loadGuides } from '../lib/guide-model';
import { startEngine } from '../content-scripts/engine';

/**
 * Runs on the portal hosts of the catalogue only (no <all_urls>), and on a government site a guide
 * names once the user allowed that one host (registered by the background, lib/guide-hosts-bg.ts):
 * there with the guide's portal, the guides for that host only.
 */
export default defineContentScript({
  matches: contentScriptMatches(),
  // at the start of the page: storage is read while the page is parsed, and the first scan runs at
  // DOMContentLoaded (a field already in the HTML is ringed without waiting for images); nothing
  // observes the page before it is parsed
  runAt: 'document_start',
  main(ctx) {
    if (portalOfHost(location.hostname) || location.protocol !== 'https:') {
      startEngine(ctx);
      return;
    }
    const here = location.hostname.toLowerCase();
    void loadGuides().then((g) => {
      const guide = allGuides(g).find((x) => x.host === here);
      if (guide && !ctx.isInvalid) startEngine(ctx, undefined, guide.portal);
    });
  },
});
