import { storage } from 'wxt/utils/storage';
import * as v from 'valibot';
import { procedureById } from '../procedures';
import type { Lang } from '../procedures/types';
import { LANGS } from '../procedures/types';

/**
 * What Qadam keeps, all in browser.storage.local under versioned keys:
 * - `progress`: which procedure the user follows and, per procedure, the step last seen and the
 *   steps done (ids and times only: never anything typed into a portal);
 * - `settings`: the interface language.
 * A stored value that does not parse is reset, and the popup says so (`notice`).
 */

const Time = v.pipe(v.number(), v.finite());
const ProcedureProgressSchema = v.object({
  step: v.nullable(v.string()),
  seenAt: v.nullable(Time),
  done: v.record(v.string(), Time),
});
const ProgressSchema = v.object({
  active: v.nullable(v.string()),
  procedures: v.record(v.string(), ProcedureProgressSchema),
  notice: v.optional(v.nullable(v.picklist(['reset']))),
});

export type ProcedureProgress = v.InferOutput<typeof ProcedureProgressSchema>;
export type Progress = v.InferOutput<typeof ProgressSchema>;

export const EMPTY_PROGRESS: Progress = { active: null, procedures: {}, notice: null };

export const progressItem = storage.defineItem<Progress>('local:progress', {
  fallback: EMPTY_PROGRESS,
  version: 1,
  // version 1 is the first shape; later versions add their migrations here, e.g. { 2: (v1) => … }
  migrations: {},
});

export interface Settings {
  /** null: follow the browser's language */
  lang: Lang | null;
}
const SettingsSchema = v.object({ lang: v.nullable(v.picklist(LANGS as Lang[])) });
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: { lang: null }, version: 1, migrations: {} });

/** Parse what is stored; a corrupt value becomes an empty progress with a notice. */
export function sanitize(raw: unknown): { progress: Progress; repaired: boolean } {
  const r = v.safeParse(ProgressSchema, raw);
  if (!r.success) return { progress: { ...EMPTY_PROGRESS, notice: 'reset' }, repaired: true };
  const p = r.output;
  // drop procedures and steps the catalogue no longer has (ids are stable, but be safe)
  const procedures: Progress['procedures'] = {};
  for (const [id, pp] of Object.entries(p.procedures)) {
    const proc = procedureById(id);
    if (!proc) continue;
    const ids = new Set(proc.steps.map((s) => s.id));
    const done: Record<string, number> = {};
    for (const [s, t] of Object.entries(pp.done)) if (ids.has(s)) done[s] = t;
    procedures[id] = { step: pp.step && ids.has(pp.step) ? pp.step : null, seenAt: pp.seenAt, done };
  }
  const active = p.active && procedureById(p.active) ? p.active : null;
  return { progress: { active, procedures, notice: p.notice ?? null }, repaired: false };
}

export async function loadProgress(): Promise<Progress> {
  let raw: unknown;
  try {
    raw = await progressItem.getValue();
  } catch {
    raw = null; // a failed migration: treat as corrupt
  }
  const { progress, repaired } = sanitize(raw);
  if (repaired) await progressItem.setValue(progress);
  return progress;
}

export async function loadSettings(): Promise<Settings> {
  const r = v.safeParse(SettingsSchema, await settingsItem.getValue().catch(() => null));
  return r.success ? r.output : { lang: null };
}

/** read, change, write; returns the new value */
export async function updateProgress(change: (p: Progress) => Progress): Promise<Progress> {
  const next = change(await loadProgress());
  await progressItem.setValue(next);
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

export function browserLang(uiLang: string | undefined): Lang {
  const l = (uiLang ?? 'en').toLowerCase().slice(0, 2);
  return (LANGS as readonly string[]).includes(l) ? (l as Lang) : 'en';
}
