import type { PortalId } from '../procedures/types';

/** Messages between the parts of Qadam: typed and allow-listed. */
export interface StateRequest {
  type: 'qadam:state';
}
export type QadamMessage = StateRequest;

export interface FieldState {
  id: string;
  /** located on the page now */
  found: boolean;
  /** false only when a rule failed on what is typed now (the value itself is never reported) */
  valid: boolean;
  /** a field the step may lack on some pages (not reported as missing) */
  optional: boolean;
}

/** the answer to `qadam:state` (contract.md) */
export interface StateAnswer {
  portal: PortalId | null;
  procedure: string | null;
  step: string | null;
  fields: FieldState[];
}

export function isQadamMessage(m: unknown): m is QadamMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'qadam:state';
}
