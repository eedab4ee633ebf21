import { describe as group, expect, it } from 'vitest';
import { applyTaught, describe, findDescribed, pickable } from '../../content-scripts/teach';
import { addField, fieldOf, recordingToGuide, routeOnly, type Recording } from '../../content-scripts/record';
import { checkFile } from '../../lib/guides';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const FORM = `<form>
  <div><span>Учётная запись</span><input id="a" type="text" value="770101300123"></div>
  <div><label for="b">E-mail</label><input id="b" type="email" value="secret@example.kz"></div>
  <button type="submit">Подписать и отправить</button>
</form>`;

group('a taught field', () => {
  it('is described by its caption, kind and place, never by its value', () => {
    const doc = page(FORM);
    const d = describe(doc.getElementById('a')!);
    expect(d).toMatchObject({ tag: 'input', type: 'text', index: 0, count: 2 });
    expect(d.words).toEqual(['учетная', 'запись']);
    expect(JSON.stringify(d)).not.toContain('770101300123');
  });

  it('is found again after a reload, and on a page that moved it', () => {
    const d = describe(page(FORM).getElementById('a')!);
    const moved = page(
      `<p>Новое</p><form><input id="x" type="text"><div><span>Учётная запись</span><input id="a2" ` +
        `type="text"></div><label for="b">E-mail</label><input id="b" type="email"></form>`,
    );
    expect(findDescribed(d, moved)?.id).toBe('a2');
  });

  it('a taught element replaces what the locators found; one that is gone falls back and is said so', () => {
    const doc = page(FORM);
    const taught = [
      { procedure: 'esf.recover-access', step: 'change-email', field: 'login', el: describe(doc.getElementById('a')!), at: 1 },
    ];
    const located = new Map<string, Element>([['email', doc.getElementById('b')!]]);
    const r = applyTaught(taught, 'esf.recover-access', 'change-email', located, doc);
    expect([...r.taught]).toEqual(['login']);
    expect(located.get('login')?.id).toBe('a');

    const renamed = page(FORM.replace('Учётная запись', 'Идентификатор'));
    const builtIn = renamed.getElementById('b')!;
    const located2 = new Map<string, Element>([['login', builtIn]]);
    const r2 = applyTaught(taught, 'esf.recover-access', 'change-email', located2, renamed);
    expect([...r2.lost]).toEqual(['login']);
    expect(located2.get('login'), 'the built-in location stands').toBe(builtIn);
  });

  it('only for its own procedure and step', () => {
    const doc = page(FORM);
    const taught = [
      { procedure: 'esf.recover-access', step: 'reset-password', field: 'login', el: describe(doc.getElementById('a')!), at: 1 },
    ];
    const located = new Map<string, Element>();
    expect(applyTaught(taught, 'esf.recover-access', 'change-email', located, doc).taught.size).toBe(0);
    expect(located.size).toBe(0);
  });

  it('a click on a label chooses its field', () => {
    const doc = page(FORM);
    expect(pickable(doc.querySelector('label'))?.id).toBe('b');
  });
});

group('a recorded session becomes a guide', () => {
  it('reads captions and input types, never values', () => {
    const doc = page(FORM);
    const a = fieldOf(doc.getElementById('a')!)!;
    expect(a).toMatchObject({ kind: 'input', inputTypes: ['text'] });
    expect(a.labels).toContain('учетная запись');
    expect(fieldOf(doc.querySelector('button')!)).toEqual({ kind: 'action', labels: ['подписать и отправить'] });
    expect(JSON.stringify([a, fieldOf(doc.getElementById('b')!)])).not.toMatch(/770101300123|secret@example/);
  });

  it('a hash route is kept without its query', () => {
    expect(routeOnly('#!/change-email?token=abc&iin=770101300123')).toBe('/change-email');
    expect(routeOnly('')).toBe('');
  });

  it('steps and fields in order, in the guide-file shape, accepted by the file check', () => {
    const doc = page(FORM);
    const rec: Recording = {
      v: 1,
      portal: 'esf',
      steps: [
        { path: '/esf-web/login/', route: '', headings: [], fields: [] },
        { path: '/esf-web/login/', route: '/change-email', headings: ['изменение адреса электронной почты'], fields: [] },
        { path: '/esf-web/(x)+', route: '', headings: [], fields: [] },
      ],
    };
    expect(addField(rec.steps[0]!, fieldOf(doc.querySelector('button')!)!)).toBe(true);
    expect(addField(rec.steps[0]!, fieldOf(doc.querySelector('button')!)!), 'once per control').toBe(false);
    addField(rec.steps[1]!, fieldOf(doc.getElementById('a')!)!);
    addField(rec.steps[1]!, fieldOf(doc.getElementById('b')!)!);
    const g = recordingToGuide(rec, 'Смена e-mail', 'ru', 1_700_000_000_000);
    expect(g.id).toMatch(/^guide\.[a-z0-9-]+$/);
    expect(g.title).toEqual({ ru: 'Смена e-mail' });
    expect(g.steps.map((s) => s.id)).toEqual(['step-1', 'step-2']); // the step without fields is left out
    expect(g.steps[0]!.match).toEqual({ path: ['^/esf-web/login/$'] });
    expect(g.steps[1]!.match.hash).toEqual(['^/change-email(\\?|$)']);
    expect(g.steps[1]!.match.text).toEqual([['изменение адреса электронной почты']]);
    expect(g.steps[1]!.fields.map((f) => f.id)).toEqual(['field-1', 'field-2']);
    const check = checkFile({ format: 'qadam-guide', version: 1, guides: [g] });
    expect(check.ok).toBe(true);
  });

  it('a path with regex characters is escaped (and stays a safe pattern)', () => {
    const rec: Recording = {
      v: 1,
      portal: 'esf',
      steps: [{ path: '/a(b)+/c.d', route: '', headings: [], fields: [{ id: 'field-1', kind: 'action', labels: ['x'] }] }],
    };
    const g = recordingToGuide(rec, '', 'en');
    expect(new RegExp(g.steps[0]!.match.path![0]!).test('/a(b)+/c.d')).toBe(true);
    expect(checkFile({ format: 'qadam-guide', version: 1, guides: [g] }).ok).toBe(true);
  });
});
