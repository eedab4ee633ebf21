import { beforeEach, describe, expect, it } from 'vitest';
import { scanPage } from '../../content-scripts/scanner';
import { dependants, judge, pickField, problemLine, stepReady, validateAll } from '../../content-scripts/validation';
import type { PageStep } from '../../procedures/types';
import { DEMO, FORM_HTML, HERE } from './engine-parts';

/** Validation on its own: typed values checked against the rules; the value itself goes nowhere. */
const step = DEMO.steps[0] as PageStep;
const field = (id: string) => step.fields.find((f) => f.id === id)!;
let located: Map<string, Element>;
const input = (id: string) => located.get(id) as HTMLInputElement;

beforeEach(() => {
  document.body.innerHTML = FORM_HTML;
  const r = scanPage({ procedures: [DEMO], where: HERE, followed: null });
  if (r.kind !== 'step') throw new Error('the demo form is not recognised');
  located = r.located;
});

describe('validation', () => {
  it('an empty field or one without a rule: nothing to say', () => {
    expect(judge(field('iin'), located)).toBeUndefined();
    input('password').value = 'secret';
    expect(judge(field('password'), located)).toBeUndefined();
  });

  it('a rule’s problem, then null when it passes; the verdict never holds the value typed', () => {
    input('iin').value = '85031240012';
    const p = judge(field('iin'), located);
    expect(p?.key).toBe('iin.length');
    expect(JSON.stringify(p)).not.toContain('85031240012');
    input('iin').value = '850312400128';
    expect(judge(field('iin'), located)).toBeNull();
  });

  it('a repetition must equal its first entry', () => {
    input('password').value = 'Secret-1';
    input('password-repeat').value = 'Secret-2';
    expect(judge(field('password-repeat'), located)?.key).toBeTruthy();
    input('password-repeat').value = 'Secret-1';
    expect(judge(field('password-repeat'), located)).toBeNull();
    // what to check again when the first entry changes: the repetition too
    expect(dependants(step, 'password').map((f) => f.id)).toEqual(['password-repeat']);
    expect(dependants(step, 'iin').map((f) => f.id)).toEqual(['iin']);
  });

  it('the overlay gets a problem line, a pass (null), or nothing for an empty field', () => {
    const calls: [string, string | null | undefined][] = [];
    input('iin').value = '123';
    input('password').value = 'a';
    input('password-repeat').value = 'a';
    validateAll({ setProblem: (id, text) => void calls.push([id, text]) }, step, located, 'ru');
    expect(calls.map(([id]) => id)).toEqual(['iin', 'password-repeat']);
    expect(typeof calls[0]![1]).toBe('string'); // the problem (words from the strings, '' before they come)
    expect(calls[1]![1]).toBeNull();
    expect(problemLine(undefined, 'ru')).toBeUndefined();
    expect(problemLine(null, 'ru')).toBeNull();
  });

  it('a step is ready when its required fields are filled and pass', () => {
    expect(stepReady(step, located)).toBe(false);
    input('iin').value = '850312400128';
    input('password').value = 'Secret-1';
    input('password-repeat').value = 'Secret-1';
    expect(stepReady(step, located)).toBe(true); // the box is optional, the action needs no value
    input('iin').value = '850312400129';
    expect(stepReady(step, located)).toBe(false);
  });

  it('the hint to show: focused, else the first with a problem, else the first not done', () => {
    expect(pickField(step, located, new Set(), 'password')).toBe('password');
    expect(pickField(step, located, new Set(), null)).toBe('iin');
    input('iin').value = '850312400128';
    expect(pickField(step, located, new Set(), null)).toBe('password');
    input('password').value = 'x';
    input('password-repeat').value = 'y';
    expect(pickField(step, located, new Set(), null)).toBe('password-repeat');
    input('password-repeat').value = 'x';
    // a box's value is never empty (`on`): the action not pressed yet is next
    expect(pickField(step, located, new Set(), null)).toBe('next');
    expect(pickField(step, located, new Set(['next']), null)).toBe('next'); // all done: the last
  });
});
