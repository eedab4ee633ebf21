import { describe, expect, it } from 'vitest';
import { checkFile, mergeGuides, parseGuideFile, regexProblem } from '../../lib/guides';
import { guideStrings, guideToProcedure, pick, type Guide } from '../../lib/guide-model';
import { urlFits } from '../../content-scripts/recognise';

const GUIDE: Guide = {
  id: 'guide.esf-employee',
  portal: 'esf',
  title: { ru: 'Добавить сотрудника', en: 'Add an employee' },
  steps: [
    {
      id: 'employees',
      match: { path: ['^/esf-web/'], hash: ['^/employees'], text: [['Сотрудники', 'Қызметкерлер']] },
      fields: [
        {
          id: 'iin',
          kind: 'input',
          labels: ['ИИН', 'ЖСН'],
          inputTypes: ['text'],
          rule: 'iin',
          hint: { ru: 'ИИН сотрудника', en: "The employee's IIN" },
        },
        { id: 'add', kind: 'action', labels: ['Добавить'], hint: {} },
      ],
    },
  ],
};
const file = (guides: unknown) => JSON.stringify({ format: 'qadam-guide', version: 1, guides });

describe('guide files', () => {
  it('a valid file is read whole', () => {
    const r = parseGuideFile(file([GUIDE]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.guides).toEqual([GUIDE]);
  });

  it('a BOM and a hint-less field are fine', () => {
    const g = structuredClone(GUIDE);
    delete g.steps[0]!.fields[1]!.hint;
    expect(parseGuideFile(`\uFEFF${file([g])}`).ok).toBe(true);
  });

  const refusals: Array<[string, string, string]> = [
    ['not JSON', '{format:', 'notJson'],
    ['huge', file([{ ...GUIDE, title: { en: 'x'.repeat(600 * 1024) } }]), 'huge'],
    ['deep', `{"format":"qadam-guide","version":1,"guides":${'['.repeat(40)}${']'.repeat(40)}}`, 'deep'],
    [
      '__proto__',
      file([{ ...GUIDE, title: JSON.parse('{"en":"x","__proto__":{"polluted":1}}') as object }]).replace('"x"', '"x"'),
      'proto',
    ],
    ['constructor key', `{"format":"qadam-guide","version":1,"guides":[],"constructor":{}}`, 'proto'],
    ['unknown key', file([{ ...GUIDE, extra: 1 }]), 'invalid'],
    [
      'unknown field key',
      file([{ ...GUIDE, steps: [{ ...GUIDE.steps[0], fields: [{ ...GUIDE.steps[0]!.fields[0], value: '123' }] }] }]),
      'invalid',
    ],
    ['wrong format', JSON.stringify({ format: 'qadam', version: 1, guides: [] }), 'invalid'],
    ['wrong version', JSON.stringify({ format: 'qadam-guide', version: 2, guides: [] }), 'invalid'],
    ['id not guide.<slug>', file([{ ...GUIDE, id: 'esf.mine' }]), 'invalid'],
    ['unknown portal', file([{ ...GUIDE, portal: 'google' }]), 'invalid'],
    [
      'unknown rule',
      file([{ ...GUIDE, steps: [{ ...GUIDE.steps[0], fields: [{ ...GUIDE.steps[0]!.fields[0], rule: 'eval' }] }] }]),
      'invalid',
    ],
    ['duplicate guide', file([GUIDE, GUIDE]), 'duplicate'],
    ['no title', file([{ ...GUIDE, title: {} }]), 'noTitle'],
    ['a step matching anything', file([{ ...GUIDE, steps: [{ ...GUIDE.steps[0], match: {} }] }]), 'noMatch'],
    ['catastrophic regex', file([{ ...GUIDE, steps: [{ ...GUIDE.steps[0], match: { path: ['^(a+)+$'] } }] }]), 'regex'],
    ['broken regex', file([{ ...GUIDE, steps: [{ ...GUIDE.steps[0], match: { hash: ['(['] } }] }]), 'regex'],
  ];
  it.each(refusals)('%s is refused', (_name, text, key) => {
    const r = parseGuideFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.key).toBe(key);
  });

  it('a refusal names where the file is wrong', () => {
    const r = parseGuideFile(
      file([{ ...GUIDE, steps: [{ ...GUIDE.steps[0], fields: [{ ...GUIDE.steps[0]!.fields[0], kind: 'script' }] }] }]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.params?.where).toBe('guides[0].steps[0].fields[0].kind');
  });

  it('a built-in procedure id is never taken (the schema wants guide.<slug>)', () => {
    expect(checkFile({ format: 'qadam-guide', version: 1, guides: [{ ...GUIDE, id: 'esf.ie-after-individual' }] }).ok).toBe(false);
  });

  it('an import replaces a guide of the same id and keeps the others', () => {
    const other = { ...GUIDE, id: 'guide.other' };
    const newer = { ...GUIDE, title: { en: 'New' } };
    expect(mergeGuides([GUIDE, other], [newer]).map((g) => [g.id, g.title.en])).toEqual([
      ['guide.other', 'Add an employee'],
      ['guide.esf-employee', 'New'],
    ]);
  });
});

describe('regular expressions of guides', () => {
  it.each(['^/esf-web/', '^/employees(/|$)', '^/(ru|kk)/services', '/app/[a-z]+/new', '^/x\\d{1,4}$', '(foo|bar)?baz', 'a{2}'])(
    '%s is accepted',
    (src) => {
      expect(regexProblem(src)).toBeNull();
    },
  );

  it.each([
    ['(a+)+$', 'nested-repetition'],
    ['^(a|aa)*$', 'nested-repetition'],
    ['(.*a){20}', 'nested-repetition'],
    ['((ab)*)+', 'nested-repetition'],
    ['(\\w+\\s?)*$', 'nested-repetition'],
    ['(x)\\1', 'backreference'],
    ['^(?=a)', 'lookaround'],
    ['a{1,1000}', 'repetition'],
    ['x'.repeat(201), 'too-long'],
    ['(', 'invalid'],
  ])('%s is refused (%s)', (src, why) => {
    expect(regexProblem(src)).toBe(why);
  });

  it('a hostile file is refused at once, and what is accepted runs fast on a hostile URL', () => {
    // a catastrophic pattern must never be run to find out: were one run (or accepted and run on the
    // hostile URL below) the test would hang far past vitest's own timeout, which is the timer here
    // (no timed assertion: speed figures live in npm run bench)
    const hostile = ['^(a+)+$', '^(a|a)*$', '^([a-z]+)*x$', '(\\d+)+!', '^(.*?,){30}z'];
    for (const src of hostile)
      expect(parseGuideFile(file([{ ...GUIDE, steps: [{ ...GUIDE.steps[0], match: { path: [src] } }] }])).ok).toBe(false);
    const accepted = ['^/a+b$', '^/(ab|cd)?[a-z]+\\d*$', '^/x/.*/y$'];
    const url = `/${'a'.repeat(50_000)}!`;
    for (const src of accepted) {
      expect(regexProblem(src)).toBeNull();
      expect(typeof new RegExp(src, 'i').test(url)).toBe('boolean');
    }
  });
});

describe('a guide is a procedure', () => {
  it('converts into the catalogue type, matched and located by the same engine', () => {
    const p = guideToProcedure(GUIDE);
    expect(p.id).toBe('guide.esf-employee');
    expect(p.portal).toBe('esf');
    const step = p.steps[0]!;
    expect(step.kind).toBe('page');
    if (step.kind !== 'page') return;
    expect(step.fields.map((f) => [f.id, f.kind, f.rule])).toEqual([
      ['iin', 'input', 'iin'],
      ['add', 'action', undefined],
    ]);
    expect(urlFits(step.match as never, { pathname: '/esf-web/x', hash: '#!/employees' })).toBe(true);
    expect(urlFits(step.match as never, { pathname: '/esf-web/x', hash: '#!/login' })).toBe(false);
  });

  it('its texts come from the file, in the language asked for, with a fallback', () => {
    expect(pick(GUIDE.title, 'kk')).toBe('Add an employee');
    expect(pick({ ru: 'Только русский' }, 'uz')).toBe('Только русский');
    const s = guideStrings(GUIDE, 'ru') as { title: string; steps: Record<string, { title: string; fields: Record<string, string> }> };
    expect(s.title).toBe('Добавить сотрудника');
    expect(s.steps.employees!.title).toBe('employees');
    expect(s.steps.employees!.fields.iin).toBe('ИИН сотрудника');
    expect(s.steps.employees!.fields.add).toBe('Добавить'); // no hint: its caption
  });
});
