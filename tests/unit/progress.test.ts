import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  currentStep,
  follow,
  loadProgress,
  progressItem,
  recordStep,
  resetProcedure,
  setDone,
  updateProgress,
  EMPTY_PROGRESS,
} from '../../lib/progress';

const IE = 'esf.ie-after-individual';
const RECOVER = 'esf.recover-access';

describe('progress storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts empty, under a versioned key', async () => {
    expect(await loadProgress()).toEqual(EMPTY_PROGRESS);
    await updateProgress((p) => follow(p, IE));
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw.progress).toMatchObject({ byProfile: { _: { active: IE } } });
    expect(raw.progress$).toEqual({ v: 2 });
  });

  it('records a recognised step: earlier steps become done, the step becomes current', async () => {
    const p = await updateProgress((x) => recordStep(x, IE, 'register-as-ie', false, 1000));
    expect(p.active).toBe(IE);
    expect(p.procedures[IE]).toEqual({ step: 'register-as-ie', seenAt: 1000, done: { 'sign-in': 1000, 'registration-account': 1000 } });
    expect(currentStep(p, IE)).toBe('register-as-ie');
  });

  it('moves the current step to the manual step after a finished page step', () => {
    let p = recordStep(EMPTY_PROGRESS, RECOVER, 'reset-password', true, 5);
    expect(currentStep(p, RECOVER)).toBe('open-link');
    p = setDone(p, RECOVER, 'open-link', true, 6);
    expect(currentStep(p, RECOVER)).toBe('new-password');
    p = setDone(p, RECOVER, 'open-link', false);
    expect(currentStep(p, RECOVER)).toBe('open-link');
  });

  it('keeps each procedure apart and resets one only', () => {
    let p = recordStep(EMPTY_PROGRESS, IE, 'registration-data', false, 1);
    p = recordStep(p, RECOVER, 'change-email', false, 2);
    p = resetProcedure(p, RECOVER);
    expect(p.procedures[RECOVER]).toEqual({ step: null, seenAt: null, done: {} });
    expect(p.procedures[IE]?.step).toBe('registration-data');
  });

  it('resets a corrupt stored value with a notice instead of failing', async () => {
    await fakeBrowser.storage.local.set({ progress: { active: 42, procedures: 'nope' }, progress$: { v: 1 } });
    const p = await loadProgress();
    expect(p).toEqual({ ...EMPTY_PROGRESS, notice: 'reset' });
    expect((await fakeBrowser.storage.local.get('progress')).progress).toEqual({ byProfile: {}, notice: 'reset' });
  });

  it('drops procedures and steps the catalogue does not know, keeps the rest', async () => {
    await progressItem.setValue({
      byProfile: {
        _: {
          active: 'esf.gone',
          procedures: {
            [IE]: { step: 'no-such-step', seenAt: 3, done: { 'sign-in': 3, ghost: 4 } },
            'x.y': { step: null, seenAt: null, done: {} },
          },
          notice: null,
        },
      },
      notice: null,
    });
    const p = await loadProgress();
    expect(p.active).toBeNull();
    expect(p.procedures).toEqual({ [IE]: { step: null, seenAt: 3, done: { 'sign-in': 3 } } });
  });

  it('never stores anything but ids and times', async () => {
    const p = await updateProgress((x) => recordStep(x, RECOVER, 'change-email', false, 7));
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).every((k) => k === 'progress' || k === 'progress$')).toBe(true);
    expect(JSON.stringify(all.progress)).toBe(JSON.stringify({ byProfile: { _: p }, notice: null }));
  });
});
