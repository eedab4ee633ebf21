import type { Lang, PortalId } from '../procedures/types';
import { LANGS } from '../procedures/types';

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
