import * as v from 'valibot';
import { LANGS, type Lang } from '../procedures/types';
import { FACT_PORTALS } from '../procedures/portals';

/**
 * Messages that keep the user's profiles out of portal pages (issue 15). The content script never
 * reads profiles: it asks the background whose an identifier the page shows is, and it opens a
 * frame of an extension page (private.html) for anything that names a profile; that frame reads
 * the profiles itself. Every message is allow-listed by its shape.
 */

const Id = v.pipe(v.string(), v.regex(/^\d{9,14}$/));
const Key = v.pipe(v.string(), v.regex(/^[\w.:/-]{1,120}$/));
const Token = v.pipe(v.string(), v.regex(/^[\w-]{16,64}$/));

/** is an identifier the page shows the active profile's (or its head's), another profile's, or none's? */
export const WhoseRequest = v.strictObject({
  type: v.literal('qadam:whose'),
  ids: v.pipe(v.array(Id), v.maxLength(8)),
  /** the portal the procedure registers on: is the active profile registered there already? */
  registersOn: v.nullable(v.picklist(FACT_PORTALS)),
});
export type WhoseRequest = v.InferOutput<typeof WhoseRequest>;
export interface WhoseAnswer {
  /** a profile is active */
  active: boolean;
  /** no id shown: none */
  verdict: 'mine' | 'other' | 'none';
  registered: boolean;
}

/** the active profile's progress (the content script records and reads progress through here) */
export const ProgressGet = v.strictObject({ type: v.literal('qadam:progress-get') });

export const ProgressOp = v.union([
  v.strictObject({ op: v.literal('record'), procedure: Key, step: Key, stepDone: v.boolean() }),
  v.strictObject({ op: v.literal('done'), procedure: Key, step: Key }),
]);
export type ProgressOp = v.InferOutput<typeof ProgressOp>;
export const ProgressOps = v.strictObject({ type: v.literal('qadam:progress-ops'), ops: v.pipe(v.array(ProgressOp), v.maxLength(200)) });

/** what a private frame shows; kept by the background under a random token (the frame's address holds only the token) */
export const FrameSpec = v.strictObject({
  kind: v.picklist(['wrong-company', 'already-registered', 'first']),
  lang: v.picklist(LANGS as Lang[]),
  procedure: Key,
  /** first: the step and field whose hint it completes */
  step: v.optional(Key),
  field: v.optional(Key),
  /** wrong-company: the identifiers the page shows (the page's own text) */
  shown: v.optional(v.pipe(v.array(Id), v.maxLength(8))),
});
export type FrameSpec = v.InferOutput<typeof FrameSpec>;
export const PrivateOpen = v.strictObject({ type: v.literal('qadam:private-open'), token: Token, spec: FrameSpec });
export const PrivateGet = v.strictObject({ type: v.literal('qadam:private-get'), token: Token });
