import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { procedureById } from '../procedures';
import { isGuideId } from './guide-model';
import type { Lang } from '../procedures/types';
import { LANGS } from '../procedures/types';
import { loadProfiles } from './profiles';
import { MAX_DATE } from './dates';
import { own } from './own';
import { PROGRESS_VERSION, SETTINGS_VERSION } from './storage-versions';

/**
 * What Qadam keeps, all in browser.storage.local under versioned keys:
 * - `progress` (version 2): per profile (`_` when there is none), which procedure the user
 *   follows and, per procedure, the step last seen and the steps done (ids and times only: never
 *   anything typed into a portal). Version 1 (the foundation's) had one such record for everyone;
 *   it becomes the `_` record, which the first profile created takes over;
 * - `profiles` (version 1, lib/profiles.ts);
 * - `settings`: the interface language.
 * A stored value that does not parse is reset, and the popup says so (`notice`).
 */

/** the progress kept while no profile exists */
export const NO_PROFILE = '_';

/** a time Qadam wrote (Date.now()): bounded, so that no stored or imported value makes an invalid Date */
const Time = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_DATE));
const ProcedureProgressSchema = v.object({
  step: v.nullable(v.string()),
  seenAt: v.nullable(Time),
  done: v.record(v.string(), Time),
});
const Notice = v.optional(v.nullable(v.picklist(['reset'])));
/** one profile's progress; also the whole of version 1 */
const ProgressSchema = v.object({
  active: v.nullable(v.string()),
  procedures: v.record(v.string(), ProcedureProgressSchema),
  notice: Notice,
});
const AllProgressSchema = v.object({
  byProfile: v.record(v.string(), ProgressSchema),
  notice: Notice,
});

export type ProcedureProgress = v.InferOutput<typeof ProcedureProgressSchema>;
/** one profile's progress (`notice` is the store's, copied in when read) */
export type Progress = v.InferOutput<typeof ProgressSchema>;
export type AllProgress = v.InferOutput<typeof AllProgressSchema>;

export const EMPTY_PROGRESS: Progress = { active: null, procedures: {}, notice: null };
export const EMPTY_ALL: AllProgress = { byProfile: {}, notice: null };

/** version 1 → 2: the one record becomes the no-profile record (a v2 value passes unchanged) */
export function migrateProgressV2(old: unknown): unknown {
  if (!old || typeof old !== 'object' || 'byProfile' in old) return old;
  const { notice, ...rest } = old as { notice?: unknown };
  return { byProfile: { [NO_PROFILE]: { ...rest, notice: null } }, notice: notice ?? null };
}

export { PROGRESS_VERSION };
export const progressItem = storage.defineItem<AllProgress>('local:progress', {
  fallback: EMPTY_ALL,
  version: PROGRESS_VERSION,
  migrations: { 2: migrateProgressV2 },
});

export interface Settings {
  /** null: follow the browser's language */
  lang: Lang | null;
}
const SettingsSchema = v.object({ lang: v.nullable(v.picklist(LANGS as Lang[])) });
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { lang: null },
  version: SETTINGS_VERSION,
  migrations: {},
});

function cleanOne(p: Progress): Progress {
  // drop procedures and steps the catalogue no longer has (ids are stable, but be safe)
  const procedures: Progress['procedures'] = {};
  for (const [id, pp] of Object.entries(p.procedures)) {
    const proc = procedureById(id);
    if (!proc) {
      // a guide people made (lib/guide-model.ts): its steps are its own, kept as they are
      if (isGuideId(id)) procedures[id] = pp;
      continue;
    }
    const ids = new Set(proc.steps.map((s) => s.id));
    const done: Record<string, number> = {};
    for (const [s, t] of Object.entries(pp.done)) if (ids.has(s)) done[s] = t;
    procedures[id] = { step: pp.step && ids.has(pp.step) ? pp.step : null, seenAt: pp.seenAt, done };
  }
  const active = p.active && (procedureById(p.active) || isGuideId(p.active)) ? p.active : null;
  return { active, procedures, notice: null };
}

/**
 * Parse what is stored (version 2, or a version-1 value a failed or raced migration left behind);
 * a corrupt value becomes an empty store with a notice. A corrupt record of one profile is
 * dropped alone.
 */
export function sanitizeAll(raw: unknown): { all: AllProgress; repaired: boolean } {
  const r = v.safeParse(AllProgressSchema, migrateProgressV2(raw));
  if (!r.success) {
    const loose = v.safeParse(v.object({ byProfile: v.record(v.string(), v.unknown()) }), raw);
    if (!loose.success) return { all: { ...EMPTY_ALL, notice: 'reset' }, repaired: true };
    const byProfile: AllProgress['byProfile'] = {};
    for (const [k, one] of Object.entries(loose.output.byProfile)) {
      const p = v.safeParse(ProgressSchema, one);
      if (p.success) byProfile[k] = cleanOne(p.output);
    }
    return { all: { byProfile, notice: 'reset' }, repaired: true };
  }
  const byProfile: AllProgress['byProfile'] = {};
  for (const [k, one] of Object.entries(r.output.byProfile)) byProfile[k] = cleanOne(one);
  return { all: { byProfile, notice: r.output.notice ?? null }, repaired: false };
}

/** the progress of one profile (null: no profile), with the store's notice */
export function progressOf(all: AllProgress, profileId: string | null): Progress {
  const one = own(all.byProfile, profileId ?? NO_PROFILE) ?? EMPTY_PROGRESS;
  return { ...one, notice: all.notice ?? null };
}

export function withProgress(all: AllProgress, profileId: string | null, p: Progress): AllProgress {
  const { notice, ...one } = p;
  return { byProfile: { ...all.byProfile, [profileId ?? NO_PROFILE]: { ...one, notice: null } }, notice: notice ?? null };
}

export async function loadAllProgress(): Promise<AllProgress> {
  let raw: unknown;
  try {
    raw = await progressItem.getValue();
  } catch {
    raw = null; // a failed migration: treat as corrupt
  }
  const { all, repaired } = sanitizeAll(raw);
  if (repaired) await writeData({ progress: all });
  return all;
}

/** the active profile's id (null: none) */
export async function activeProfileId(): Promise<string | null> {
  return (await loadProfiles()).active;
}

/** the progress of the active profile (or of no profile) */
export async function loadProgress(profileId?: string | null): Promise<Progress> {
  const [all, active] = await Promise.all([loadAllProgress(), profileId === undefined ? activeProfileId() : profileId]);
  return progressOf(all, active);
}

/**
 * Write progress and/or profiles in ONE storage call (with their version marks): an import or a
 * deletion changes both or neither.
 */
export async function writeData(d: { progress?: AllProgress; profiles?: unknown }): Promise<void> {
  const items: Record<string, unknown> = {};
  if (d.progress) Object.assign(items, { progress: d.progress, progress$: { v: PROGRESS_VERSION } });
  if (d.profiles) Object.assign(items, { profiles: d.profiles, profiles$: { v: 1 } });
  await browser.storage.local.set(items);
}

export async function loadSettings(): Promise<Settings> {
  const r = v.safeParse(SettingsSchema, await settingsItem.getValue().catch(() => null));
  return r.success ? r.output : { lang: null };
}

/** read, change, write the progress of a profile (default: the active one); returns the new value */
export async function updateProgress(change: (p: Progress) => Progress, profileId?: string | null): Promise<Progress> {
  const [all, active] = await Promise.all([loadAllProgress(), profileId === undefined ? activeProfileId() : profileId]);
  const next = change(progressOf(all, active));
  await writeData({ progress: withProgress(all, active, next) });
  return next;
}

const emptyProc = (): ProcedureProgress => ({ step: null, seenAt: null, done: {} });

/**
 * The page showed `stepId` of `procedureId`: it becomes the followed procedure and its current
 * step; the steps before it are done (the page is past them), and `stepDone` marks the step itself.
 */
export function recordStep(p: Progress, procedureId: string, stepId: string, stepDone: boolean, now = Date.now()): Progress {
  const proc = procedureById(procedureId);
  if (!proc) return p;
  const idx = proc.steps.findIndex((s) => s.id === stepId);
  if (idx < 0) return p;
  const prev = p.procedures[procedureId] ?? emptyProc();
  const done = { ...prev.done };
  for (const s of proc.steps.slice(0, idx)) done[s.id] ??= now;
  if (stepDone) done[stepId] ??= now;
  return { ...p, active: procedureId, procedures: { ...p.procedures, [procedureId]: { step: stepId, seenAt: now, done } } };
}

export function setDone(p: Progress, procedureId: string, stepId: string, isDone: boolean, now = Date.now()): Progress {
  const prev = p.procedures[procedureId] ?? emptyProc();
  const done = { ...prev.done };
  if (isDone) done[stepId] = now;
  else delete done[stepId];
  return { ...p, procedures: { ...p.procedures, [procedureId]: { ...prev, done } } };
}

export function follow(p: Progress, procedureId: string): Progress {
  if (!procedureById(procedureId)) return p;
  return { ...p, active: procedureId, procedures: { ...p.procedures, [procedureId]: p.procedures[procedureId] ?? emptyProc() } };
}

export function resetProcedure(p: Progress, procedureId: string): Progress {
  return { ...p, procedures: { ...p.procedures, [procedureId]: emptyProc() } };
}

/**
 * The step the user is on: the step the page last showed if it is not done yet, else the first
 * step after it that is not done (a manual step after a page step), else the first not done.
 */
export function currentStep(p: Progress, procedureId: string): string | null {
  const proc = procedureById(procedureId);
  if (!proc) return null;
  const pp = p.procedures[procedureId] ?? emptyProc();
  const ids = proc.steps.map((s) => s.id);
  const from = pp.step ? Math.max(0, ids.indexOf(pp.step)) : 0;
  const after = ids.slice(from).find((id) => !pp.done[id]);
  return after ?? ids.find((id) => !pp.done[id]) ?? null;
}

export { browserLang } from './settings-read';
