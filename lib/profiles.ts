import { storage } from 'wxt/utils/storage';
import * as v from 'valibot';
import { FACT_PORTALS, type FactPortal } from '../procedures/portals';
import { checkId, digitsOf, headIdKind, idKindOf, type Country, type ProfileKind } from './identifiers';
import { KeysExpireSchema } from './keys-expiry';
import { inDateRange, MAX_DATE, MIN_DATE } from './dates';
import { PROFILES_VERSION } from './storage-versions';

/**
 * Profiles: one per company or person the user registers. A profile holds a display name, the
 * country, the kind, the identifier (IIN/BIN, PINFL/INN), optionally the head's identifier and
 * name, the portal facts the user marked or Qadam saw (registered on ESF on a date, …) and the
 * date its signing keys expire (`keysExpire`, a date only: lib/keys-expiry.ts). Never a password, a
 * PIN, a key, a code or anything typed into a portal field.
 *
 * Stored under `local:profiles` (version 1). Progress per profile lives in `local:progress`.
 */

/** the portals a profile records a registration on: the catalogue's (procedures/portals.ts `registration`) */
export { FACT_PORTALS, type FactPortal };

const Time = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_DATE));
const Name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
/** a registration date: a real day from 2000 to 2100 (an imported 1e20 is refused, never drawn) */
const Fact = v.object({ at: v.pipe(v.number(), v.finite(), v.minValue(MIN_DATE), v.maxValue(MAX_DATE)), seen: v.optional(v.boolean()) });

export const ProfileSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{4,40}$/)),
  name: Name,
  country: v.picklist(['KZ', 'UZ']),
  kind: v.picklist(['individual', 'ie', 'legal']),
  identifier: v.pipe(v.string(), v.regex(/^\d{9,14}$/)),
  head: v.optional(
    v.object({
      id: v.optional(v.pipe(v.string(), v.regex(/^\d{12,14}$/))),
      name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
    }),
  ),
  /** portal → when the profile was registered there (`seen`: Qadam saw it, else the user marked it) */
  facts: v.object(
    Object.fromEntries(FACT_PORTALS.map((x) => [x, v.optional(Fact)])) as { [K in FactPortal]: v.OptionalSchema<typeof Fact, undefined> },
  ),
  createdAt: Time,
  /** the date the signing keys expire (`YYYY-MM-DD`): added after version 1 shipped, optional, so stored profiles need no migration */
  keysExpire: v.optional(KeysExpireSchema),
});
export type Profile = v.InferOutput<typeof ProfileSchema>;

const ProfilesSchema = v.object({
  list: v.array(v.unknown()),
  active: v.nullable(v.string()),
});
export interface Profiles {
  list: Profile[];
  active: string | null;
}
export const EMPTY_PROFILES: Profiles = { list: [], active: null };

export const profilesItem = storage.defineItem<Profiles>('local:profiles', {
  fallback: EMPTY_PROFILES,
  version: PROFILES_VERSION,
  migrations: {},
});

/** a profile with everything it must satisfy beyond its shape: the identifier's rule */
export function profileProblems(
  p: Pick<Profile, 'country' | 'kind' | 'identifier' | 'head'>,
): { field: 'identifier' | 'head'; key: string; params?: Record<string, string | number> }[] {
  const out: { field: 'identifier' | 'head'; key: string; params?: Record<string, string | number> }[] = [];
  const idp = checkId(idKindOf(p.country as Country, p.kind as ProfileKind), p.identifier);
  if (idp) out.push({ field: 'identifier', ...idp });
  if (p.head?.id) {
    const hp = checkId(headIdKind(p.country as Country), p.head.id);
    if (hp) out.push({ field: 'head', ...hp });
  }
  return out;
}

/** parse what is stored; profiles that no longer parse are dropped (and only they) */
export function sanitizeProfiles(raw: unknown): Profiles {
  const r = v.safeParse(ProfilesSchema, raw);
  if (!r.success) return EMPTY_PROFILES;
  const list: Profile[] = [];
  const ids = new Set<string>();
  for (const item of r.output.list) {
    let p = v.safeParse(ProfileSchema, withoutBadFacts(item));
    // a bad expiry date alone does not cost the profile: the date is dropped
    if (!p.success && item && typeof item === 'object' && 'keysExpire' in item) {
      const rest = { ...(withoutBadFacts(item) as Record<string, unknown>) };
      delete rest.keysExpire;
      p = v.safeParse(ProfileSchema, rest);
    }
    if (p.success && !ids.has(p.output.id)) {
      ids.add(p.output.id);
      list.push(p.output);
    }
  }
  const active = r.output.active && ids.has(r.output.active) ? r.output.active : (list[0]?.id ?? null);
  return { list, active };
}

/** a stored profile keeps its place when one of its dates is out of range: that fact alone goes */
function withoutBadFacts(item: unknown): unknown {
  const facts = (item as { facts?: unknown } | null)?.facts;
  if (!facts || typeof facts !== 'object') return item;
  const kept = Object.fromEntries(Object.entries(facts).filter(([, f]) => inDateRange((f as { at?: unknown } | null)?.at)));
  return { ...(item as object), facts: kept };
}

export async function loadProfiles(): Promise<Profiles> {
  return sanitizeProfiles(await profilesItem.getValue().catch(() => null));
}

export function newProfileId(): string {
  return `p-${crypto.randomUUID()}`;
}

export interface ProfileDraft {
  name: string;
  country: Country;
  kind: ProfileKind;
  identifier: string;
  head?: { id?: string; name?: string };
  /** `YYYY-MM-DD` (already checked), empty or absent: none */
  keysExpire?: string;
}

/** a draft made into a profile (identifier digits only, empty head parts left out) */
export function makeProfile(d: ProfileDraft, now = Date.now(), id = newProfileId(), facts: Profile['facts'] = {}): Profile {
  const headId = d.head?.id ? digitsOf(d.head.id.trim()) : '';
  const headName = d.head?.name?.trim() ?? '';
  const head = headId || headName ? { ...(headId ? { id: headId } : {}), ...(headName ? { name: headName } : {}) } : undefined;
  return {
    id,
    name: d.name.trim(),
    country: d.country,
    kind: d.kind,
    identifier: digitsOf(d.identifier.trim()),
    ...(head ? { head } : {}),
    facts,
    createdAt: now,
    ...(d.keysExpire ? { keysExpire: d.keysExpire } : {}),
  };
}

export const activeProfile = (ps: Profiles): Profile | null => ps.list.find((p) => p.id === ps.active) ?? null;

export const profileByIdentifier = (ps: Profiles, identifier: string): Profile | undefined =>
  ps.list.find((p) => p.identifier === identifier);

/**
 * The profile registered first on a portal among those of the same head: the enterprise whose
 * password a second one must repeat on ESF. The head is the active profile's head (or the active
 * profile itself for a person); the head's own profile counts (an individual registered first).
 */
export function firstRegistered(ps: Profiles, portal: FactPortal): Profile | null {
  const me = activeProfile(ps);
  if (!me) return null;
  const head = me.head?.id ?? (me.kind === 'legal' ? null : me.identifier);
  if (!head) return null;
  let best: Profile | null = null;
  for (const p of ps.list) {
    if (p.id === me.id) continue;
    const fact = p.facts[portal];
    if (!fact) continue;
    if (p.head?.id !== head && p.identifier !== head) continue;
    if (!best || fact.at < best.facts[portal]!.at) best = p;
  }
  return best;
}

export function setFact(ps: Profiles, profileId: string, portal: FactPortal, at: number | null, seen = false): Profiles {
  return {
    ...ps,
    list: ps.list.map((p) => {
      if (p.id !== profileId) return p;
      const facts = { ...p.facts };
      if (at === null || !inDateRange(at)) delete facts[portal];
      else facts[portal] = seen ? { at, seen: true } : { at };
      return { ...p, facts };
    }),
  };
}

/** search over name, identifier and head (case- and space-insensitive) */
export function matchesQuery(p: Profile, q: string): boolean {
  const s = q.trim().toLocaleLowerCase();
  if (!s) return true;
  const digits = s.replace(/[\s-]/g, '');
  if (/^\d+$/.test(digits) && (p.identifier.includes(digits) || p.head?.id?.includes(digits))) return true;
  return p.name.toLocaleLowerCase().includes(s) || !!p.head?.name?.toLocaleLowerCase().includes(s);
}

export type SortKey = 'name' | 'identifier' | 'created' | 'keys';
export function sortProfiles(list: readonly Profile[], key: SortKey, lang: string): Profile[] {
  const coll = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const cmp: Record<SortKey, (a: Profile, b: Profile) => number> = {
    name: (a, b) => coll.compare(a.name, b.name),
    identifier: (a, b) => a.identifier.localeCompare(b.identifier),
    created: (a, b) => a.createdAt - b.createdAt,
    // soonest expiry first; profiles without a date last, by name
    keys: (a, b) =>
      (a.keysExpire === b.keysExpire ? 0 : !a.keysExpire ? 1 : !b.keysExpire ? -1 : a.keysExpire < b.keysExpire ? -1 : 1) ||
      coll.compare(a.name, b.name),
  };
  return [...list].sort(cmp[key]);
}
