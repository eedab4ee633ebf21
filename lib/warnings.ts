import type { Procedure } from '../procedures/types';
import { warnsRegistered } from './registered';

/**
 * The profile warnings, decided in one place for the popup and the portal page:
 * - `already-registered`: the active profile is registered already on the portal this procedure
 *   registers on, and the step shown is not past the registering step (said before the user starts);
 * - `wrong-company`: the page shows an identifier (BIN/IIN/PINFL) that is not the active profile's
 *   own (nor its head's).
 * Pure: what a profile holds is reduced by the caller (the background for a portal page) to these
 * few booleans before it gets here.
 */
export type WarningKind = 'already-registered' | 'wrong-company';

export interface WarningFacts {
  procedure: Procedure;
  /** the step shown (its index in the procedure); -1: none (the procedure is finished) */
  stepIndex: number;
  /** a profile is active */
  active: boolean;
  /** the active profile is registered on the portal the procedure registers on */
  registered: boolean;
  /** the identifiers the page shows for whose registration it is (none in the popup) */
  shownIds?: readonly string[];
  /** whose they are: the active profile's (`mine`), another's, or no profile's */
  verdict?: 'mine' | 'other' | 'none';
}

export function profileWarnings(f: WarningFacts): WarningKind[] {
  if (!f.active) return [];
  const out: WarningKind[] = [];
  if (warnsRegistered(f.procedure, f.stepIndex, f.registered)) out.push('already-registered');
  if (f.shownIds?.length && f.verdict !== 'mine') out.push('wrong-company');
  return out;
}
