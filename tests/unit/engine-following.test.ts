import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Following } from '../../content-scripts/following';
import type { ProgressAnswer } from '../../lib/messages';

/** What is followed and recorded: from the background's answer, written back through it. */
const answer = (tag: string, active: string | null, step?: string): ProgressAnswer => ({
  progress: {
    active,
    procedures: active && step ? { [active]: { step, done: {}, seenAt: 1 } } : {},
    notice: null,
  } as ProgressAnswer['progress'],
  tag,
  kind: 'ie',
});

describe('following', () => {
  let ops: unknown[];
  beforeEach(() => {
    fakeBrowser.reset();
    ops = [];
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      const m = msg as { type: string; ops?: unknown[] };
      if (m.type === 'qadam:progress-ops') ops.push(...m.ops!);
      return Promise.resolve({ ok: true });
    });
  });
  const written = () => new Promise((r) => setTimeout(r, 0)).then(() => ops);

  it('takes the followed procedure, its last step and the profile from the background', () => {
    const f = new Following(true);
    expect(f.take(answer('t1', 'esf.demo', 'form'))).toEqual({ switched: true, moved: true });
    expect([f.followed, f.lastStep, f.profileTag, f.profileKind]).toEqual(['esf.demo', 'form', 't1', 'ie']);
    expect(f.take(answer('t1', 'esf.demo', 'form'))).toEqual({ switched: false, moved: false });
    expect(f.take(answer('t1', 'esf.other'))).toEqual({ switched: false, moved: true });
  });

  it('a step shown is recorded once; shown again after a profile switch, recorded again for the new profile', async () => {
    const f = new Following(true);
    f.take(answer('t1', null));
    f.shown('esf.demo', 'form', false);
    f.shown('esf.demo', 'form', false);
    expect(await written()).toEqual([{ op: 'record', procedure: 'esf.demo', step: 'form', stepDone: false }]);
    expect([f.followed, f.lastStep]).toEqual(['esf.demo', 'form']);
    f.take(answer('t2', 'esf.demo', 'form'));
    f.shown('esf.demo', 'form', false);
    f.flush();
    await new Promise((r) => setTimeout(r, 1100)); // one write a second
    expect(ops.length).toBe(2);
  });

  it('a step’s result seen marks it done once', async () => {
    const f = new Following(true);
    f.done('esf.demo', 'form');
    f.done('esf.demo', 'form');
    expect(await written()).toEqual([{ op: 'done', procedure: 'esf.demo', step: 'form' }]);
  });

  it('training: the procedure given is followed and nothing is written', async () => {
    const f = new Following(false, 'esf.demo');
    f.take(answer('t1', 'esf.other', 'x'));
    expect([f.followed, f.lastStep]).toEqual(['esf.demo', null]);
    f.shown('esf.demo', 'form', true);
    f.done('esf.demo', 'form');
    f.flush();
    expect(await written()).toEqual([]);
  });
});
