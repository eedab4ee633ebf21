import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { profileWarnings } from '../../lib/warnings';
import { ProfileWarnings, shownValue, subjectIds, WARN_MS } from '../../content-scripts/profile-warnings';
import { scanPage } from '../../content-scripts/scanner';
import type { WarningSpec } from '../../content-scripts/overlay';
import type { WhoseAnswer } from '../../lib/private-messages';
import { DEMO, FORM_HTML, HERE } from './engine-parts';

/**
 * The profile warnings: ONE pure function (lib/warnings.ts) decides for the popup and the portal
 * page; the page's part asks the background (never reads a profile) and draws private frames.
 */
describe('profileWarnings (lib, shared with the popup)', () => {
  const base = { procedure: DEMO, active: true, registered: true };
  it('already registered: up to the registering step, only with a profile registered there', () => {
    expect(profileWarnings({ ...base, stepIndex: 0 })).toEqual(['already-registered']);
    expect(profileWarnings({ ...base, stepIndex: 1 })).toEqual([]); // past the registering step
    expect(profileWarnings({ ...base, stepIndex: -1 })).toEqual([]); // finished
    expect(profileWarnings({ ...base, stepIndex: 0, registered: false })).toEqual([]);
    expect(profileWarnings({ ...base, stepIndex: 0, active: false })).toEqual([]);
    expect(profileWarnings({ ...base, procedure: { ...DEMO, registers: undefined }, stepIndex: 0 })).toEqual([]);
  });
  it('wrong company: an identifier shown that is not the active profile’s', () => {
    const f = { ...base, registered: false, stepIndex: 0 };
    expect(profileWarnings({ ...f, shownIds: ['850312400128'], verdict: 'other' })).toEqual(['wrong-company']);
    expect(profileWarnings({ ...f, shownIds: ['850312400128'], verdict: 'none' })).toEqual(['wrong-company']);
    expect(profileWarnings({ ...f, shownIds: ['850312400128'], verdict: 'mine' })).toEqual([]);
    expect(profileWarnings({ ...f, shownIds: [], verdict: 'other' })).toEqual([]);
    expect(profileWarnings({ ...base, stepIndex: 0, shownIds: ['1'], verdict: 'other' })).toEqual(['already-registered', 'wrong-company']);
  });
});

describe('profile warnings on the page', () => {
  let ctx: ContentScriptContext;
  let asked: unknown[];
  let answer: WhoseAnswer;
  let shown: WarningSpec[][];
  let warnings: ProfileWarnings;
  let current: ReturnType<typeof cur>;
  const cur = () => {
    const r = scanPage({ procedures: [DEMO], where: HERE, followed: null });
    if (r.kind !== 'step') throw new Error('not recognised');
    return { rec: r.rec, located: r.located };
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));

  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    shown = [];
    answer = { active: true, verdict: 'other', registered: true };
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
      if ((msg as { type: string }).type !== 'qadam:whose') return undefined;
      asked.push(msg);
      return Promise.resolve(answer);
    });
    document.body.innerHTML = FORM_HTML;
    (document.getElementById('f-iin') as HTMLInputElement).value = '850312400128';
    current = cur();
    ctx = new ContentScriptContext('portal');
    warnings = new ProfileWarnings(
      ctx,
      { setWarnings: (w) => void shown.push([...w]) },
      { current: () => current, lang: () => 'ru', profileTag: () => 'tag-1' },
    );
  });
  afterEach(() => {
    warnings.stop();
    ctx.notifyInvalidated();
  });

  it('the field the page shows for whose registration it is: read now, sent as identifiers only', async () => {
    expect(subjectIds(current.rec, current.located)).toEqual(['850312400128']);
    warnings.evaluate();
    await settle();
    expect(asked).toEqual([{ type: 'qadam:whose', ids: ['850312400128'], registersOn: 'esf' }]);
    const last = shown.at(-1)!;
    expect(last.map((w) => w.kind)).toEqual(['already-registered', 'wrong-company']);
    // what keys a warning (a closed one stays closed) names the profile by its tag only
    expect(last[1]!.key).toMatch(/^wrong\/tag-1\/850312400128\/ru\//);
  });

  it('asked at most once per WARN_MS: a burst makes one question now and one after', async () => {
    warnings.evaluate();
    warnings.evaluate();
    warnings.evaluate();
    await settle();
    expect(asked.length).toBe(1);
    await new Promise((r) => setTimeout(r, WARN_MS + 50));
    expect(asked.length).toBe(2);
  });

  it('no profile active: nothing shown; a step no longer shown: the answer is dropped', async () => {
    answer = { active: false, verdict: 'none', registered: false };
    warnings.evaluate();
    await settle();
    expect(shown.at(-1)).toEqual([]);
    shown = [];
    answer = { active: true, verdict: 'other', registered: true };
    await new Promise((r) => setTimeout(r, WARN_MS + 50));
    const was = current;
    warnings.evaluate();
    current = { ...was, rec: { ...was.rec, step: DEMO.steps[1] as typeof was.rec.step } }; // moved on before the answer
    await settle();
    expect(shown).toEqual([]);
  });

  it('an invalidated context asks no more (ctx.setTimeout)', async () => {
    warnings.evaluate();
    warnings.evaluate(); // waits for WARN_MS on the context's timer
    ctx.notifyInvalidated();
    await new Promise((r) => setTimeout(r, WARN_MS + 50));
    expect(asked.length).toBe(1);
  });

  it('what a field shows: a select’s option, a checked radio’s caption, a value', () => {
    document.body.innerHTML =
      '<select id="s"><option>A 850312400128</option></select><form><label><input type="radio" name="r" ' +
      'id="r1" checked> 990101400123 ТОО</label><label><input type="radio" name="r"> other</label></form>' +
      '<input id="i" value="x1">';
    expect(shownValue(document.getElementById('s')!)).toBe('A 850312400128');
    expect(shownValue(document.getElementById('r1')!).trim()).toBe('990101400123 ТОО');
    expect(shownValue(document.getElementById('i')!)).toBe('x1');
  });
});
