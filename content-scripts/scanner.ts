import type { PageStep, Procedure } from '../procedures/types';
import { anyUrlFits, chooseStep, isDone, type Evidence, type PageFacts, type Recognised } from './recognise';
import { readPage } from './modal';
import { reading } from './scope';

/**
 * The scanner: recognise which step of which procedure the page is, and locate that step's fields.
 * Reads the page, changes nothing, keeps nothing: its answer is a plain object.
 */

/** what the scan needs to know beyond the page */
export interface ScanInput {
  procedures: readonly Procedure[];
  /** where the page is (a training page: the portal address it stands for) */
  where: { pathname: string; hash: string };
  /** the procedure the user follows */
  followed: string | null;
  /** the step the page is shown for, when it is several at once (training) */
  step?: string | null;
  evidence?: Evidence;
  /** the step last recorded for the followed procedure: is the page its result? */
  lastStep?: string | null;
}

export type ScanResult =
  /** nothing of ours can be on this address: no text was read */
  | { kind: 'elsewhere' }
  /** the page was read; no step of ours is shown */
  | { kind: 'none'; modal: Element | null; lastStepDone: LastStepDone | null }
  | {
      kind: 'step';
      modal: Element | null;
      lastStepDone: LastStepDone | null;
      rec: Recognised;
      located: Map<string, Element>;
      done: boolean;
    };

/** the step last recorded shows its result (the wizard's next stage, a success notice) */
export interface LastStepDone {
  procedure: string;
  step: string;
}

export function scanPage(input: ScanInput): ScanResult {
  return reading(() => scan(input));
}

function scan(input: ScanInput): ScanResult {
  const { procedures, where, followed } = input;
  if (!anyUrlFits(procedures, where)) return { kind: 'elsewhere' };
  // an open modal is read first (modal.ts)
  const { facts, all, modal } = readPage(procedures, where);
  const lastStepDone = lastDone(procedures, followed, input.lastStep ?? null, facts);
  const chosen = chooseStep(all, followed, input.step ?? null, facts, input.evidence ?? {});
  if (!chosen) return { kind: 'none', modal, lastStepDone };
  return { kind: 'step', modal, lastStepDone, rec: chosen, located: facts.located(chosen.step), done: isDone(chosen.step, facts) };
}

/**
 * A step is finished when the page shows its result: the wizard's next stage, a success notice.
 * That page is usually no longer the step itself, so the step last recorded is checked here.
 */
function lastDone(
  procedures: readonly Procedure[],
  followed: string | null,
  lastStep: string | null,
  facts: PageFacts,
): LastStepDone | null {
  const proc = procedures.find((p) => p.id === followed);
  const step = proc?.steps.find((s) => s.id === lastStep);
  if (!proc || !step || step.kind !== 'page' || !(step as PageStep).done || !isDone(step, facts)) return null;
  return { procedure: proc.id, step: step.id };
}
