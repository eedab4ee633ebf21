import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lang } from '../procedures/types';
import type { Progress } from '../lib/progress';
// not lib/progress or lib/profiles: their storage items read profiles when defined (issue 15)
import { readSettings, type Settings } from '../lib/settings-read';
import { uiLang } from '../lib/language';
import { NO_POLICY, parseMirror, POLICY_KEY, type Managed } from '../lib/managed';
import type { ProgressOp } from '../lib/private-messages';
import { sendToBackground, type ProgressAnswer } from '../lib/messages';
import { WriteQueue } from './write-queue';

/**
 * Storage sync: what a portal page reads of Qadam's storage, and how it hears of changes. It reads
 * two keys itself, the policy copy and the language setting, and never writes them; their writers
 * (the background, the popup and options) use WXT storage items with the version constants of
 * lib/storage-versions.ts, and the policy copy carries its version, which parseMirror checks. Not
 * WXT's storage module here: for two reads and one listener it would add about 3.6 KB gzip to the
 * content script, whose budget is 40 KB (issue 13). Progress and profiles are never read here
 * (issue 15): a change of their keys is only a signal to ask the background again, and progress is
 * written through the background, at most once a second.
 */

/** the language setting (lib/progress.ts settingsItem writes it) */
export const SETTINGS_KEY = 'settings';

type Changes = Record<string, { newValue?: unknown } | undefined>;

/** every change of one key of storage.local (its new value; removed: undefined) until unwatched */
export function watchKey(key: string, cb: (value: unknown) => void): () => void {
  const listener = (changes: Changes, area: string): void => {
    const c = changes[key];
    if (area === 'local' && c) cb(c.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export type SyncContext = Pick<ContentScriptContext, 'onInvalidated'>;

/** the policy as mirrored (none mirrored yet, or unreadable: no policy) */
export async function readPolicy(): Promise<Managed> {
  try {
    return parseMirror((await browser.storage.local.get(POLICY_KEY))[POLICY_KEY]) ?? NO_POLICY;
  } catch {
    return NO_POLICY;
  }
}

/** every change of the policy copy (deleted: no policy), until the context goes */
export function watchPolicy(ctx: SyncContext, cb: (m: Managed) => void): () => void {
  const un = watchKey(POLICY_KEY, (raw) => cb(parseMirror(raw) ?? NO_POLICY));
  ctx.onInvalidated(un);
  return un;
}

export { readSettings, type Settings };

/** a change of the language setting */
export function watchSettings(cb: () => void): () => void {
  return watchKey(SETTINGS_KEY, () => cb());
}

/**
 * A change of the progress or the profiles (which: `profiles`), told once per storage event even
 * when one write changed both (an import writes them together). Not WXT items: a page defines no
 * item for these keys (an item reads its key when defined; issue 15), it only hears that they changed.
 */
export function watchProgress(cb: (what: { progress: boolean; profiles: boolean }) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local' || !(changes.progress || changes.profiles)) return;
    cb({ progress: !!changes.progress, profiles: !!changes.profiles });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** the active profile's progress, from the background (the content script reads no profile) */
export async function progressNow(): Promise<ProgressAnswer> {
  const a = await sendToBackground({ type: 'qadam:progress-get' }).catch(() => null);
  return a ?? { progress: { active: null, procedures: {}, notice: null } satisfies Progress, tag: '', kind: null };
}

/** progress writes through the background, at most one a second (a page flipping steps every frame writes once a second) */
export function progressWriter(): WriteQueue<ProgressOp[]> {
  return new WriteQueue<ProgressOp[]>((_key, change) => sendToBackground({ type: 'qadam:progress-ops', ops: change([]) }));
}

/** the language: the page's own (training), else THE rule (lib/language.ts): user, policy, browser */
export function pageLang(own: Lang | undefined, s: Settings, managed: Managed): Lang {
  return own ?? uiLang(s.lang, managed.language);
}
