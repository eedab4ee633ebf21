import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadProgress } from '../lib/progress';
import { isSignerRequest, isStringsRequest, type Answer } from '../lib/messages';
import { checkSigner } from '../lib/signers';
import { stringsFor } from '../lib/strings';
import { POLICY_KEY } from '../lib/managed';
import { refreshPolicy } from '../lib/policy-copy';
import { preloadProfiles } from '../lib/preload';
import { onPrivateMessage } from '../lib/private-background';
import { refreshPolicyGuides } from '../lib/policy-guides';
import { watchGuideHosts } from '../lib/guide-hosts-bg';

/**
 * Thin: on install and update, read the stored progress once so that its migrations run (and a
 * corrupt value is reset with a notice) before any page or the popup needs it; hand portal pages
 * their strings.
 */
export default defineBackground(() => {
  // the policy (mirrored for pages that cannot wait for it) and the profiles an administrator
  // presets by it: added when missing, at install and every start
  const preload = () => {
    void refreshPolicy()
      .then((m) => preloadProfiles(m.profiles))
      .catch(() => {});
    void refreshPolicyGuides().catch(() => {}); // the organisation's guides (key `guides`)
  };
  browser.runtime.onInstalled.addListener(() => {
    void loadProgress().then(preload);
  });
  browser.runtime.onStartup.addListener(preload);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') preload();
    // the copy of the policy was deleted with all data: copy it again (the profiles stay deleted)
    else if (area === 'local' && POLICY_KEY in changes && changes[POLICY_KEY]!.newValue === undefined) void refreshPolicy();
  });
  // a guide's own government site, allowed by the user at runtime: the portal script runs there too
  watchGuideHosts();
  // portal pages never read profiles: they ask here (allow-listed messages, lib/private-background.ts)
  browser.runtime.onMessage.addListener((msg, sender) => onPrivateMessage(msg, sender));
  // the locale files live here; a portal page asks for its part (allow-listed message)
  browser.runtime.onMessage.addListener((msg, sender) => {
    if (!isStringsRequest(msg) || sender.id !== browser.runtime.id) return undefined;
    const answer: Answer<'qadam:strings'> = { strings: stringsFor(msg.portal, msg.lang), en: stringsFor(msg.portal, 'en') };
    return Promise.resolve(answer);
  });
  // a recording starts or runs in a portal tab: its recorder is run there on demand (recorder-load.ts)
  browser.runtime.onMessage.addListener((msg, sender) => {
    if ((msg as { type?: unknown } | null)?.type !== 'qadam:load-recorder' || sender.id !== browser.runtime.id) return undefined;
    return loadRecorderInto(sender) satisfies Promise<Answer<'qadam:load-recorder'>>;
  });
  // the hand-over card's readiness line: only a version query, as in the popup
  browser.runtime.onMessage.addListener((msg, sender) => {
    if (!isSignerRequest(msg) || sender.id !== browser.runtime.id) return undefined;
    return checkSigner(msg.id) satisfies Promise<Answer<'qadam:signer'>>;
  });
});

/** run recorder.js in the frame that asked (a portal page, or a guide's host the user allowed) */
async function loadRecorderInto(sender: Browser.runtime.MessageSender): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false };
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/recorder.js'] });
    return { ok: true };
  } catch (e) {
    console.warn('Qadam: the recorder could not be run in this tab', e instanceof Error ? e.message : e);
    return { ok: false };
  }
}
