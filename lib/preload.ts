import { makeProfile, profileProblems, type ProfileDraft } from './profiles';
import { addProfiles } from './profile-store';
import { loadProfiles } from './profiles';
import { digitsOf } from './identifiers';

/**
 * Profiles an administrator presets by policy (storage.managed, see lib/managed.ts): each one
 * whose identifier passes its rule and is not a profile yet is added (the first becomes active
 * when none is). The user's own profiles are never changed or removed; a preset the user deleted
 * comes back at the next start, as the policy says. Returns how many were added.
 */
export async function preloadProfiles(drafts: readonly ProfileDraft[], now = Date.now()): Promise<number> {
  if (!drafts.length) return 0;
  const ps = await loadProfiles();
  const known = new Set(ps.list.map((p) => p.identifier));
  const added = [];
  for (const d of drafts) {
    const p = makeProfile(d, now);
    if (!p.name || known.has(p.identifier) || profileProblems(p).length) continue;
    known.add(digitsOf(p.identifier));
    added.push(p);
  }
  if (added.length) await addProfiles(added);
  return added.length;
}
