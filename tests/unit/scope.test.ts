import { afterEach, describe, expect, it } from 'vitest';
import { holdsCount, labelsOf, queryAll, reading, setAside, setAsideRegion } from '../../content-scripts/scope';
import { readPage } from '../../content-scripts/modal';
import { proceduresOfPortal, PORTALS } from '../../procedures';
import { replicaPortals } from '../../replicas/files';
import { loadReplica, replicaCases, whereOf } from './replicas';

/**
 * The set-aside region (content-scripts/scope.ts): scans leave out a churning region that holds
 * nothing to type in or click. Leaving it out must never change what a scan finds.
 */

afterEach(() => setAside(null));

/** a journal of `rows` rows, spans only: what the bench's busy page ticks */
function journal(doc: Document, rows = 150): HTMLElement {
  const grid = doc.createElement('div');
  grid.className = 'journal';
  grid.setAttribute('role', 'grid');
  grid.innerHTML = Array.from(
    { length: rows },
    (_, i) => `<div class="r selected" role="row"><span>ESF-${i}</span><span>Отправлен</span><span>12:0${i % 10}</span></div>`,
  ).join('');
  return grid;
}

describe('queryAll', () => {
  it('answers as querySelectorAll, in document order, without the set-aside region', () => {
    document.body.innerHTML =
      '<header><input id="a"><a href="#" id="b">x</a></header>' +
      '<main><section><button id="c">c</button><div id="grid"><input id="in-grid"><span>1</span></div>' +
      '<select id="d"></select></section><textarea id="e"></textarea></main><footer><button id="f">f</button></footer>';
    const sel = 'input,select,textarea,button,a[href],section';
    const ids = (els: Element[]) => els.map((e) => e.id || e.localName);
    expect(ids(queryAll(document, sel))).toEqual(ids(Array.from(document.querySelectorAll(sel))));
    setAside(document.getElementById('grid'));
    expect(ids(queryAll(document, sel))).toEqual(['a', 'b', 'section', 'c', 'd', 'e', 'f']);
    // a root inside the region, or beside it: as querySelectorAll
    expect(ids(queryAll(document.getElementById('grid')!, 'input'))).toEqual(['in-grid']);
    expect(ids(queryAll(document.querySelector('header')!, 'input,a'))).toEqual(['a', 'b']);
    // a region taken out of the page is no longer left out of anything
    document.getElementById('grid')!.remove();
    expect(ids(queryAll(document, 'input'))).toEqual(['a']);
  });

  it('holdsCount counts what a person can type in or click, by tag', () => {
    const grid = journal(document, 120);
    expect(holdsCount(grid)).toBe(0);
    grid.children[5]!.insertAdjacentHTML('beforeend', '<a href="#">open</a>');
    expect(holdsCount(grid)).toBe(1);
  });
});

describe('labelsOf', () => {
  // as the HTML standard defines control.labels (happy-dom's own `labels` differs: it gives a wrapping
  // label that names another control, labels a hidden input and every control a label wraps)
  it('gives what control.labels gives in a browser, in a reading or not', () => {
    document.body.innerHTML =
      '<label for="a" id="la1">A1</label><input id="a"><label for="a" id="la2">A2</label>' +
      '<label id="lw">Wrapped <input id="w"></label>' +
      '<label id="lwf" for="a">Wraps but names a <input id="x"></label>' +
      '<label id="lh" for="h">Hidden</label><input type="hidden" id="h">' +
      '<label id="ld" for="d">Dup</label><input id="d" name="first"><input id="d" name="second">' +
      '<label id="ln">Two <input id="n1"><input id="n2"></label>' +
      '<label id="ls" for="s">S</label><select id="s"></select><textarea id="t"></textarea>';
    const ids = (ls: ArrayLike<Element> | null) => Array.from(ls ?? [], (l) => l.id);
    const controls = Array.from(document.querySelectorAll('input,select,textarea'));
    const expected = [['la1', 'la2', 'lwf'], ['lw'], [], [], ['ld'], [], ['ln'], [], ['ls'], []];
    expect(controls.map((c) => c.id)).toEqual(['a', 'w', 'x', 'h', 'd', 'd', 'n1', 'n2', 's', 't']);
    expect(controls.map((c) => ids(labelsOf(c)))).toEqual(expected);
    expect(reading(() => controls.map((c) => ids(labelsOf(c))))).toEqual(expected);
  });
});

const PORTAL_DIRS = PORTALS.map((p) => p.id).filter((id) => replicaPortals().includes(id));

describe.each(PORTAL_DIRS)('%s replicas: a set-aside journal changes nothing a scan finds', (dir) => {
  const cases = replicaCases(dir).filter((c) => !c.browserOnly);
  it.each(cases.map((c) => [c.file, c] as const))('%s', (_file, c) => {
    const doc = loadReplica(dir, c.file);
    // the journal beside the form: the first form control's grandparent holds it, and the body
    const near = doc.querySelector('input,select,textarea,button')?.parentElement?.parentElement ?? doc.body;
    const inside = journal(doc);
    near.insertBefore(inside, near.firstChild);
    doc.body.append(journal(doc));
    const procedures = proceduresOfPortal(dir);
    const where = whereOf(c.url);
    const answer = () => {
      const { all, modal, facts, fromModal } = readPage(procedures, where, doc);
      return {
        modal,
        fromModal,
        steps: all.map((r) => `${r.procedure.id}/${r.step.id}`),
        located: all.map((r) => [...facts.located(r.step)]),
      };
    };
    const whole = answer();
    setAside(inside);
    expect(setAsideRegion()).toBe(inside);
    const without = answer();
    expect(without.steps).toEqual(whole.steps);
    expect(without.modal).toBe(whole.modal);
    expect(without.fromModal).toBe(whole.fromModal);
    expect(without.located).toEqual(whole.located);
    // the case's own steps are among those found (a page of no step finds none, with or without)
    for (const s of c.steps) expect(without.steps.some((x) => x.endsWith(`/${s}`))).toBe(true);
  });
});
