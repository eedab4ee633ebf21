import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { UserEvents, type UserHost } from '../../content-scripts/user-events';
import { scanPage } from '../../content-scripts/scanner';
import type { Overlay } from '../../content-scripts/overlay';
import type { SigningCard } from '../../content-scripts/signing';
import { DEMO, FORM_HTML, HERE } from './engine-parts';

/** The user on the page: focus, typing, presses, Escape; a page script's events never warn or hand over. */
describe('user events', () => {
  let ctx: ContentScriptContext;
  let log: string[];
  let active: string | null;
  let host: UserHost;
  let user: UserEvents;
  const el = (id: string) => document.getElementById(id) as HTMLInputElement;

  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = FORM_HTML;
    const r = scanPage({ procedures: [DEMO], where: HERE, followed: null });
    if (r.kind !== 'step') throw new Error('not recognised');
    log = [];
    active = null;
    const fieldOf = (t: EventTarget | null) =>
      t instanceof Element ? ([...r.located].find(([, x]) => x === t || x.contains(t))?.[0] ?? null) : null;
    const overlay = {
      fieldOf,
      get activeId() {
        return active;
      },
      activate: (id: string) => void ((active = id), log.push(`activate:${id}`)),
      setProblem: (id: string, text: string | null | undefined) =>
        void log.push(`problem:${id}:${text === null ? 'ok' : text === undefined ? '-' : 'bad'}`),
      closeActive: () => void log.push('close'),
      elementOf: () => null,
    } as unknown as Overlay;
    const signing = { close: () => false, show: () => void log.push('handover') } as unknown as SigningCard;
    host = {
      overlay,
      signing,
      portal: 'esf',
      current: () => ({ rec: r.rec, located: r.located }),
      lang: () => 'ru',
      href: () => 'https://esf.gov.kz/reg',
      warn: () => void log.push('warn'),
      rescan: () => void log.push('rescan'),
    };
    user = new UserEvents(host);
    ctx = new ContentScriptContext('portal');
    user.listen(ctx);
  });
  afterEach(() => ctx.notifyInvalidated());

  it('focus moves the hint to the field', () => {
    el('f-pw').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(log).toEqual(['activate:password']);
  });

  it('typing is checked as it comes, the repetition with its first entry; a script’s input never evaluates warnings', () => {
    el('f-iin').value = '123';
    el('f-iin').dispatchEvent(new Event('input', { bubbles: true }));
    expect(log).toEqual(['problem:iin:bad']); // a subject field, but not the user's own typing: no warning asked
    log = [];
    el('f-pw').value = 'a';
    el('f-pw2').value = 'b';
    el('f-pw').dispatchEvent(new Event('change', { bubbles: true }));
    expect(log[0]).toBe('problem:password-repeat:bad');
    expect(log).toContain('activate:iin'); // a change picks the hint: the first field with a problem
  });

  it('a press on one of the step’s actions: the hint moves on and the page is scanned again; a script’s press hands nothing over', () => {
    document.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(log).toEqual(['activate:iin', 'rescan']);
    log = [];
    document.querySelector('h1')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(log).toEqual([]); // not a field of the step
  });

  it('Escape from a script closes nothing; after the context goes, nothing is heard', () => {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(log).toEqual([]);
    ctx.notifyInvalidated();
    el('f-pw').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(log).toEqual([]);
  });
});
