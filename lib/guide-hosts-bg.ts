import { browser } from 'wxt/browser';
import { allGuides, GUIDES_KEY, loadGuides, POLICY_GUIDES_KEY } from './guide-model';
import { hostProblem, originOf, scriptIdOf } from './guide-host';

/**
 * The background's side of a guide's own host (lib/guide-host.ts): for every host a stored guide
 * names that the user allowed (`permissions.request` on their click in the options page), the
 * portal content script is registered for that origin only (`scripting.registerContentScripts`);
 * a host no guide names any more, or whose permission was taken back, is unregistered. Run at
 * start, when guides change, when a permission is added or removed, and when the options page asks.
 * Firefox has the API in MV2 from 102 and keeps registrations across sessions from 105 (MDN
 * «scripting.registerContentScripts»; bugzilla 1751436); Qadam's Firefox minimum is 142.
 */

/** the file WXT builds from entrypoints/portal.content.ts */
export const PORTAL_SCRIPT = 'content-scripts/portal.js';
const PREFIX = scriptIdOf('');

export function isGuideHostsMessage(m: unknown): m is { type: 'qadam:guide-hosts' } {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'qadam:guide-hosts';
}

/** the hosts the stored guides name (valid ones only) */
export async function guideHosts(): Promise<string[]> {
  const hosts = allGuides(await loadGuides())
    .map((g) => g.host)
    .filter((h): h is string => !!h && hostProblem(h) === null);
  return [...new Set(hosts)];
}

export async function syncGuideHosts(): Promise<string[]> {
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (!scripting?.registerContentScripts) return [];
  const wanted: string[] = [];
  for (const host of await guideHosts()) {
    if (await browser.permissions.contains({ origins: [originOf(host)] })) wanted.push(host);
  }
  const have = (await scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX)).map((s) => s.id);
  const gone = have.filter((id) => !wanted.some((h) => scriptIdOf(h) === id));
  if (gone.length) await scripting.unregisterContentScripts({ ids: gone });
  const add = wanted.filter((h) => !have.includes(scriptIdOf(h)));
  if (add.length) {
    await scripting.registerContentScripts(
      add.map((h) => ({
        id: scriptIdOf(h),
        js: [PORTAL_SCRIPT],
        matches: [originOf(h)],
        runAt: 'document_start' as const,
        allFrames: false,
        persistAcrossSessions: true,
      })),
    );
  }
  return wanted;
}

export function watchGuideHosts(): void {
  const sync = () => void syncGuideHosts().catch(() => {});
  sync();
  browser.permissions.onAdded?.addListener(sync);
  browser.permissions.onRemoved?.addListener(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (GUIDES_KEY in changes || POLICY_GUIDES_KEY in changes)) sync();
  });
  browser.runtime.onMessage.addListener((msg, sender) => {
    if (!isGuideHostsMessage(msg) || sender.id !== browser.runtime.id || sender.tab) return undefined;
    return syncGuideHosts().catch(() => []);
  });
}
