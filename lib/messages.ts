import { browser } from 'wxt/browser';
import type { Lang, PortalId } from '../procedures/types';
import { LANGS } from '../procedures/types';
import type { Progress } from './progress';
import type { ProfileKind } from './identifiers';
import type { SignerState } from './signers';
import type { FrameSpec, ProgressOp, WhoseAnswer, WhoseRequest } from './private-messages';

/** Messages between the parts of Qadam: typed and allow-listed. */
export interface StateRequest {
  type: 'qadam:state';
}
/** the content script asks the background for its strings (the locale files live there) */
export interface StringsRequest {
  type: 'qadam:strings';
  portal: PortalId;
  lang: Lang;
}
export interface StringsAnswer {
  strings: unknown;
  en: unknown;
}
export type QadamMessage = StateRequest;
/** the hand-over card asks the background whether the signing program answers (a version query) */
export interface SignerRequest {
  type: 'qadam:signer';
  id: 'ncalayer' | 'e-imzo';
}

export function isSignerRequest(m: unknown): m is SignerRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<SignerRequest>;
  return r.type === 'qadam:signer' && (r.id === 'ncalayer' || r.id === 'e-imzo');
}

export interface FieldState {
  id: string;
  /** located on the page now */
  found: boolean;
  /** false only when a rule failed on what is typed now (the value itself is never reported) */
  valid: boolean;
  /** a field the step may lack on some pages (not reported as missing) */
  optional: boolean;
  /** the user taught where it is: `taught` (found there), `lost` (not there any more: found the usual way) */
  taught?: 'taught' | 'lost';
}

/** the answer to `qadam:state` (contract.md) */
export interface StateAnswer {
  portal: PortalId | null;
  procedure: string | null;
  step: string | null;
  fields: FieldState[];
  /**
   * texts of portal messages shown on the page that the catalogue does not know (for «Copy
   * diagnostics»): bounded, with the page's typed values, numbers and e-mail addresses masked
   */
  messages?: string[];
}

export function isQadamMessage(m: unknown): m is QadamMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'qadam:state';
}

export function isStringsRequest(m: unknown): m is StringsRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<StringsRequest>;
  return r.type === 'qadam:strings' && typeof r.portal === 'string' && LANGS.includes(r.lang as Lang);
}

/** the answer to `qadam:progress-get`: the active profile's progress, its opaque tag and its kind */
export interface ProgressAnswer {
  progress: Progress;
  tag: string;
  kind: ProfileKind | null;
}

/**
 * Every message a portal page (content script, private frame) sends to the background, with its
 * answer: ONE map, used by the sender (sendToBackground) and the receiver (the background's
 * handlers are typed `Answer<K>`). The receiver still checks each message's shape (allow-listed:
 * isStringsRequest, isSignerRequest, lib/private-messages.ts schemas): a page's world is not ours.
 */
export interface ToBackground {
  'qadam:strings': { req: StringsRequest; res: StringsAnswer };
  'qadam:signer': { req: SignerRequest; res: SignerState };
  'qadam:whose': { req: WhoseRequest; res: WhoseAnswer };
  'qadam:progress-get': { req: { type: 'qadam:progress-get' }; res: ProgressAnswer };
  'qadam:progress-ops': { req: { type: 'qadam:progress-ops'; ops: ProgressOp[] }; res: { ok: true } };
  'qadam:private-open': { req: { type: 'qadam:private-open'; token: string; spec: FrameSpec }; res: { ok: true } };
  'qadam:private-get': { req: { type: 'qadam:private-get'; token: string }; res: FrameSpec | null };
  /** run recorder.js in the sender's frame (content-scripts/recorder-load.ts) */
  'qadam:load-recorder': { req: { type: 'qadam:load-recorder' }; res: { ok: boolean } };
}
/** the popup's «Show Qadam where it is»: the next click on the page chooses the field's element */
export interface TeachMessage {
  type: 'qadam:teach';
  field: string;
  /** the field's name as the popup shows it (optional; shown as text) */
  name?: string;
}
/** the popup's «Record a guide» (contract.md «Guides people teach, record and share») */
export interface RecordMessage {
  type: 'qadam:record';
  action: 'start' | 'stop' | 'status';
  title?: string;
}
/** what the recorder answers: started, stopped (the guide saved, or none), or how far it is */
export type RecordAnswer =
  { recording: boolean } | { guide: { id: string } | null } | { recording: boolean; steps: number; fields: number };

/** what the popup asks a portal page's content script (contract.md `qadam:state`, guides) */
export interface ToContent {
  'qadam:state': { req: StateRequest; res: StateAnswer };
  'qadam:teach': { req: TeachMessage; res: { ok: boolean } };
  'qadam:record': { req: RecordMessage; res: RecordAnswer };
}

export type BackgroundRequest = ToBackground[keyof ToBackground]['req'];
/** the answer to a message of type K */
export type Answer<K extends keyof ToBackground> = ToBackground[K]['res'];

/** send to the background; the answer's type follows from the message's */
export function sendToBackground<M extends BackgroundRequest>(msg: M): Promise<Answer<M['type']> | undefined> {
  return browser.runtime.sendMessage(msg) as Promise<Answer<M['type']> | undefined>;
}

/** ask a tab's content script */
export function sendToTab<K extends keyof ToContent>(tabId: number, msg: ToContent[K]['req']): Promise<ToContent[K]['res'] | undefined> {
  return browser.tabs.sendMessage(tabId, msg) as Promise<ToContent[K]['res'] | undefined>;
}
