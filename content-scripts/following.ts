import type { Progress } from '../lib/progress';
import type { ProgressOp } from '../lib/private-messages';
import type { ProgressAnswer } from '../lib/messages';
import type { ProfileKind } from '../lib/identifiers';
import { progressWriter } from './storage-sync';

/**
 * What the user follows, and what the page records of it: the procedure followed and its step last
 * recorded (from the background, so they survive a reload), the active profile as an opaque tag and
 * its kind, and the progress written back (through the background, at most once a second). A step
 * is recorded once per step shown; a step's result seen on the page marks it done once.
 */
export class Following {
  followed: string | null = null;
  /** the step last recorded for the followed procedure */
  lastStep: string | null = null;
  /** which profile is active, as the background's opaque tag (the content script reads no profile) */
  profileTag = '';
  /** the active profile's kind (evidence between procedures; from the background, never in the page) */
  profileKind: ProfileKind | null = null;
  private recorded = '';
  private doneRecorded = '';
  private writes = progressWriter();

  /**
   * @param record false: write nothing (training)
   * @param follow the procedure to follow instead of the user's (training)
   */
  constructor(
    private record: boolean,
    private follow?: string,
  ) {}

  /** the background's answer; `switched`: another profile is active now, `moved`: another procedure is followed */
  take(a: ProgressAnswer): { switched: boolean; moved: boolean } {
    const switched = a.tag !== this.profileTag;
    this.profileTag = a.tag;
    this.profileKind = a.kind ?? null;
    if (switched) this.recorded = ''; // the page's step is now the new profile's
    const before = this.followed;
    this.takeProgress(a.progress);
    return { switched, moved: this.followed !== before };
  }

  private takeProgress(p: Progress): void {
    if (this.follow) {
      this.followed = this.follow;
      this.lastStep = null;
      return;
    }
    this.followed = p.active;
    this.lastStep = p.active ? (p.procedures[p.active]?.step ?? null) : null;
  }

  /**
   * A step shown: recorded once per step shown. A procedure picked in the popup while this page
   * stays open is kept (the page is not recorded again); the next step the page shows is.
   */
  shown(procedure: string, step: string, stepDone: boolean): void {
    const key = `${procedure}/${step}/${stepDone ? 1 : 0}`;
    if (key === this.recorded) return;
    this.recorded = key;
    this.followed = procedure;
    this.lastStep = step;
    this.save({ op: 'record', procedure, step, stepDone });
  }

  /** the page shows the result of a step (the wizard's next stage, a success notice) */
  done(procedure: string, step: string): void {
    const key = `${procedure}/${step}/done`;
    if (this.doneRecorded === key) return;
    this.doneRecorded = key;
    this.save({ op: 'done', procedure, step });
  }

  /** write what is pending now (the page is going) */
  flush(): void {
    this.writes.flush();
  }

  /** write the active profile's progress; a registering procedure's finished step marks the profile */
  private save(op: ProgressOp): void {
    if (!this.record) return;
    this.writes.push(null, (ops) => [...ops, op]);
  }
}
