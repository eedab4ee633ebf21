import { storage } from 'wxt/utils/storage';
import { NO_POLICY, parseMirror, POLICY_KEY, readManaged, type Managed } from './managed';
import { POLICY_VERSION } from './storage-versions';

/**
 * The copy of the administrator's policy in storage.local (lib/managed.ts POLICY_KEY), as a WXT
 * storage item with its version constant, for the extension's own pages and the background: the
 * background writes it, the popup, options, sandbox and handout start from it. The portal script
 * reads the same key without WXT's storage module (content-scripts/storage-sync.ts: size), and
 * parseMirror checks the version written into the record either way.
 */
export const policyCopy = storage.defineItem<unknown>(`local:${POLICY_KEY}`, { version: POLICY_VERSION, migrations: {} });

export async function loadPolicy(): Promise<Managed | null> {
  try {
    return parseMirror(await policyCopy.getValue());
  } catch {
    return null;
  }
}

/** every change of the copy (deleted or unreadable: no policy) */
export function watchPolicy(cb: (m: Managed) => void): () => void {
  return policyCopy.watch((raw) => cb(parseMirror(raw) ?? NO_POLICY));
}

/** read the policy afresh and keep the copy up to date (written only when it changed) */
export async function refreshPolicy(): Promise<Managed> {
  const m = await readManaged();
  const mirror = { v: POLICY_VERSION, language: m.language, portals: m.portals ? [...m.portals] : null };
  try {
    const old = parseMirror(await policyCopy.getValue());
    if (!old || old.language !== mirror.language || JSON.stringify(old.portals) !== JSON.stringify(mirror.portals)) {
      await policyCopy.setValue(mirror);
    }
  } catch {
    /* the copy is a cache: without it the next page waits for storage.managed again */
  }
  return m;
}
