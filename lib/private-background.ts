import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { activeProfile, loadProfiles, profileByIdentifier } from './profiles';
import type { ProfileKind } from './identifiers';
import { loadProgress, recordStep, setDone, updateProgress, type Progress } from './progress';
import { noteRegistered } from './profile-store';
import {
  FrameSpec,
  PrivateGet,
  PrivateOpen,
  ProgressGet,
  ProgressOps,
  WhoseRequest,
  type ProgressOp,
  type WhoseAnswer,
} from './private-messages';
import { PRIVATE_PAGE } from './private-page';
import { registeredOn } from './registered';
import type { Answer } from './messages';

/**
 * The background's side of keeping profiles out of portal pages (issue 15): it answers the
 * content script's questions about the shown identifier with as little as it needs, records its
 * progress, and keeps what each private frame is to show under a random token for that frame.
 */

const FRAMES = new Map<string, FrameSpec>();
const MAX_FRAMES = 200;

export async function whose(req: WhoseRequest): Promise<WhoseAnswer> {
  const ps = await loadProfiles();
  const me = activeProfile(ps);
  if (!me) return { active: false, verdict: 'none', registered: false };
  const registered = registeredOn(me.facts, req.registersOn) !== undefined;
  if (!req.ids.length) return { active: true, verdict: 'none', registered };
  const mine = new Set([me.identifier, me.head?.id].filter(Boolean));
  if (req.ids.some((id) => mine.has(id))) return { active: true, verdict: 'mine', registered };
  return { active: true, verdict: profileByIdentifier(ps, req.ids[0]!) ? 'other' : 'none', registered };
}

export function applyOps(p: Progress, ops: readonly ProgressOp[]): Progress {
  let next = p;
  for (const o of ops) {
    if (o.op === 'record') next = recordStep(next, o.procedure, o.step, o.stepDone);
    else if (!next.procedures[o.procedure]?.done[o.step]) next = setDone(next, o.procedure, o.step, true);
  }
  return next;
}

async function record(ops: readonly ProgressOp[]): Promise<void> {
  const active = (await loadProfiles()).active;
  const p = await updateProgress((x) => applyOps(x, ops), active);
  await noteRegistered(p, active);
}

type Sender = { id?: string; url?: string; tab?: { id?: number } };

/** one listener for these messages; others are left to the rest of the background */
export function onPrivateMessage(msg: unknown, sender: Sender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id || typeof msg !== 'object' || msg === null) return undefined;
  const type = (msg as { type?: unknown }).type;
  const fromFrame = (sender.url ?? '').startsWith(browser.runtime.getURL(PRIVATE_PAGE));
  if (type === 'qadam:whose' && v.is(WhoseRequest, msg)) return whose(msg) satisfies Promise<Answer<'qadam:whose'>>;
  if (type === 'qadam:progress-get' && v.is(ProgressGet, msg)) return progressNow() satisfies Promise<Answer<'qadam:progress-get'>>;
  if (type === 'qadam:progress-ops' && v.is(ProgressOps, msg))
    return record(msg.ops).then((): Answer<'qadam:progress-ops'> => ({ ok: true }));
  if (type === 'qadam:private-open' && v.is(PrivateOpen, msg)) {
    if (FRAMES.size >= MAX_FRAMES) FRAMES.delete(FRAMES.keys().next().value!);
    FRAMES.set(msg.token, msg.spec);
    return Promise.resolve<Answer<'qadam:private-open'>>({ ok: true });
  }
  if (type === 'qadam:private-get' && fromFrame && v.is(PrivateGet, msg))
    return Promise.resolve<Answer<'qadam:private-get'>>(FRAMES.get(msg.token) ?? null);
  return undefined;
}

/** which profile is active, as an opaque tag (the content script only compares it: did the user switch?) */
const TAGS = new Map<string, string>();
function tagOf(active: string | null): string {
  const key = active ?? '_';
  if (!TAGS.has(key)) TAGS.set(key, crypto.randomUUID());
  return TAGS.get(key)!;
}

/**
 * The active profile's progress, its tag and its kind (individual, IE, legal entity: evidence when a
 * page is a step of several procedures; it never reaches the page's DOM)
 */
async function progressNow(): Promise<{ progress: Progress; tag: string; kind: ProfileKind | null }> {
  const ps = await loadProfiles();
  const kind = ps.list.find((x) => x.id === ps.active)?.kind ?? null;
  return { progress: await loadProgress(ps.active), tag: tagOf(ps.active), kind };
}
