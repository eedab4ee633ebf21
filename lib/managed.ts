import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { LANGS, type Lang, type PortalId } from '../procedures/types';
import { PORTAL_IDS } from '../procedures/portals';
import type { ProfileDraft } from './profiles';
import { POLICY_VERSION } from './storage-versions';

/**
 * What an administrator presets by policy (`storage.managed`; Chrome: managed_schema.json, made at build by lib/managed-schema.ts,
 * Firefox: policies.json «3rdparty»; README «Managed deployment»):
 * - `language`: the language Qadam starts in until the user picks one;
 * - `portals`: the portals Qadam works on (absent: all);
 * - `profiles`: companies and people to preload (lib/preload.ts).
 * Read leniently: no policy, no managed storage (Firefox without a policy throws), or an invalid
 * part gives the defaults for that part, never an error.
 */

const Str = v.pipe(v.string(), v.trim(), v.maxLength(200));
const ManagedProfile = v.object({
  name: v.pipe(Str, v.minLength(1)),
  country: v.picklist(['KZ', 'UZ']),
  kind: v.picklist(['individual', 'ie', 'legal']),
  identifier: v.pipe(v.string(), v.maxLength(30)),
  headId: v.optional(v.pipe(v.string(), v.maxLength(30))),
  headName: v.optional(Str),
});

export interface Managed {
  language: Lang | null;
  /** null: every portal */
  portals: readonly PortalId[] | null;
  profiles: ProfileDraft[];
}
export const NO_POLICY: Managed = { language: null, portals: null, profiles: [] };

export function parseManaged(raw: unknown): Managed {
  if (!raw || typeof raw !== 'object') return NO_POLICY;
  const r = raw as Record<string, unknown>;
  const lang = v.safeParse(v.picklist(LANGS as Lang[]), r.language);
  const portals = v.safeParse(v.array(v.picklist(PORTAL_IDS)), r.portals);
  const profiles: ProfileDraft[] = [];
  for (const item of Array.isArray(r.profiles) ? r.profiles.slice(0, 5000) : []) {
    const p = v.safeParse(ManagedProfile, item);
    if (p.success)
      profiles.push({
        name: p.output.name,
        country: p.output.country,
        kind: p.output.kind,
        identifier: p.output.identifier,
        head: { id: p.output.headId, name: p.output.headName },
      });
  }
  return { language: lang.success ? lang.output : null, portals: portals.success ? portals.output : null, profiles };
}

export async function readManaged(): Promise<Managed> {
  try {
    return parseManaged(await browser.storage.managed.get(null));
  } catch {
    return NO_POLICY; // no policy set (Firefox throws), or managed storage unavailable
  }
}

/**
 * The policy as last read, mirrored in `storage.local` (key `policy`, without the preset profiles,
 * which are in the profiles already). Chromium answers the first `storage.managed.get` of a session
 * only once its policy service is up (about 3 s after start here) and, from a content script on a
 * busy page, later still: a portal page and the popup must not wait for that. They start from the
 * mirror and correct themselves when the fresh read arrives (refreshPolicy).
 */
export const POLICY_KEY = 'policy';
/**
 * The mirror is the extension's own record with two fields: checked by hand, not with valibot, which
 * would otherwise be carried by the content script for this one check (issue 13, size).
 */
const isLang = (x: unknown): x is Lang => (LANGS as readonly unknown[]).includes(x);
const isPortals = (x: unknown): x is PortalId[] => Array.isArray(x) && x.every((p) => (PORTAL_IDS as readonly unknown[]).includes(p));

/** the mirrored policy, or null when none was mirrored yet (or it is unreadable) */
export function parseMirror(raw: unknown): Managed | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  if (m.v !== POLICY_VERSION || !(m.language === null || isLang(m.language)) || !(m.portals === null || isPortals(m.portals))) return null;
  return { language: m.language, portals: m.portals ? [...m.portals] : null, profiles: [] };
}

export const portalEnabled = (m: Managed, portal: PortalId): boolean => !m.portals || m.portals.includes(portal);
