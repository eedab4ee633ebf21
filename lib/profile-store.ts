import { procedureById } from '../procedures';
import { loadProfiles, makeProfile, sanitizeProfiles, setFact, type Profile, type ProfileDraft, type Profiles } from './profiles';
import { loadAllProgress, NO_PROFILE, writeData, type AllProgress, type Progress } from './progress';
import { own } from './own';
import { registeredOn } from './registered';

/**
 * Changes that touch profiles and their progress together, each written in one storage call.
 * - The first profile created or imported becomes active when none is, and takes over the
 *   progress kept before any profile existed (nothing done before profiles is lost).
 * - Deleting a profile deletes its progress.
 */

function adoptOrphanProgress(all: AllProgress, ps: Profiles, wasEmpty: boolean): AllProgress {
  const orphan = own(all.byProfile, NO_PROFILE);
  const first = ps.active;
  if (!wasEmpty || !orphan || !first || own(all.byProfile, first)) return all;
  const byProfile = { ...all.byProfile, [first]: orphan };
  delete byProfile[NO_PROFILE];
  return { ...all, byProfile };
}

/** add profiles (already checked) and make the first active when none is */
export async function addProfiles(added: Profile[]): Promise<Profiles> {
  const [ps, all] = await Promise.all([loadProfiles(), loadAllProgress()]);
  const wasEmpty = ps.list.length === 0;
  const next: Profiles = { list: [...ps.list, ...added], active: ps.active ?? added[0]?.id ?? null };
  await writeData({ profiles: next, progress: adoptOrphanProgress(all, next, wasEmpty) });
  return next;
}

export async function createProfile(d: ProfileDraft): Promise<Profile> {
  const p = makeProfile(d);
  await addProfiles([p]);
  return p;
}

export async function saveProfile(p: Profile): Promise<Profiles> {
  const ps = await loadProfiles();
  const next = { ...ps, list: ps.list.map((x) => (x.id === p.id ? p : x)) };
  await writeData({ profiles: next });
  return next;
}

export async function deleteProfile(id: string): Promise<Profiles> {
  const [ps, all] = await Promise.all([loadProfiles(), loadAllProgress()]);
  const list = ps.list.filter((p) => p.id !== id);
  const next: Profiles = { list, active: ps.active === id ? (list[0]?.id ?? null) : ps.active };
  const byProfile = { ...all.byProfile };
  delete byProfile[id];
  await writeData({ profiles: next, progress: { ...all, byProfile } });
  return next;
}

export async function setActiveProfile(id: string): Promise<Profiles> {
  const ps = await loadProfiles();
  if (!ps.list.some((p) => p.id === id)) return ps;
  const next = { ...ps, active: id };
  await writeData({ profiles: next });
  return next;
}

/** change the profiles list alone (facts marked, …), keeping it sane */
export async function updateProfiles(change: (ps: Profiles) => Profiles): Promise<Profiles> {
  const next = sanitizeProfiles(change(await loadProfiles()));
  await writeData({ profiles: next });
  return next;
}

/** replace profiles and progress as a whole (an import) */
export async function replaceAll(profiles: Profiles, progress: AllProgress): Promise<void> {
  await writeData({ profiles, progress });
}

/**
 * After progress changed: when the followed procedure registers the profile on a portal and its
 * registering step is done, the profile is marked registered there (as seen, with that date),
 * unless it already is.
 */
export async function noteRegistered(p: Progress, profileId: string | null): Promise<void> {
  if (!profileId || !p.active) return;
  const reg = procedureById(p.active)?.registers;
  const at = reg ? p.procedures[p.active]?.done[reg.step] : undefined;
  if (!reg || !at) return;
  const ps = await loadProfiles();
  const me = ps.list.find((x) => x.id === profileId);
  if (!me || registeredOn(me.facts, reg.portal)) return;
  await writeData({ profiles: setFact(ps, profileId, reg.portal, at, true) });
}
