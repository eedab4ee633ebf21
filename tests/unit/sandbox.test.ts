import { describe, expect, it } from 'vitest';
import { LANGS } from '../../procedures/types';
import { PROCEDURES, procedureById, proceduresOfPortal } from '../../procedures';
import { allPages, needsOwnScript, SCRIPTED } from '../../sandbox/pages';
import { SANDBOX_HTML } from '../../replicas/sandbox-pages';
import { readReplica, replicaFiles, replicaPortals } from '../../replicas/files';
import { addressOf } from '../../sandbox/dom';
import { readPageText } from '../../content-scripts/page-text';
import { chooseStep, pageFacts, recogniseAll } from '../../content-scripts/recognise';
import { loadReplica, whereOf } from './replicas';

/**
 * The training sandbox shows replica pages: every page step of the 13 procedures has one in every
 * language, it needs no script of its own, and the engine recognises it as exactly that step of
 * that procedure at the portal address it stands for (the recogniser cross-test over the sandbox).
 */
describe('sandbox pages', () => {
  it('the list of replicas that need their own script is exact', () => {
    const found = replicaPortals().flatMap((portal) =>
      replicaFiles(portal)
        .filter((f) => needsOwnScript(readReplica(portal, f)))
        .map((f) => `${portal}/${f}`),
    );
    const staged = new Set(['oneid/register-spa-ru.html', 'oneid/register-spa-uz.html', 'oneid/register-spa-en.html']);
    expect(found.filter((f) => !staged.has(f)).sort()).toEqual([...SCRIPTED].sort());
  });

  /**
   * The sandbox bundles the pages it shows and no other (no page that only the tests open): its
   * loaders (replicas/sandbox-pages.ts) are written from the pages chosen for every page step in
   * every language. After a change to the catalogue or the cases, `npx vitest run
   * tests/unit/sandbox.test.ts -u` rewrites the file; the build check (scripts/sandbox-pages-check.mjs)
   * then lists what the built sandbox really holds.
   */
  it('bundles exactly the pages it shows (replicas/sandbox-pages.ts)', async () => {
    const shown = [...new Set(LANGS.flatMap((lang) => allPages(lang).flatMap((x) => (x.page ? [`${x.page.portal}/${x.page.file}`] : []))))];
    shown.sort();
    const source = [
      '// The replica pages the training sandbox shows (sandbox/pages.ts) and no other, each loaded as its own',
      '// chunk when opened. Written by tests/unit/sandbox.test.ts from the catalogue and replicas/*/cases.json:',
      '// after a change there run `npx vitest run tests/unit/sandbox.test.ts -u`. Do not edit by hand.',
      'export const SANDBOX_HTML: Record<string, () => Promise<string>> = {',
      ...shown.map((f) => `  '${f}': () => import('./${f}?raw').then((m) => m.default),`),
      '};',
      '',
    ].join('\n');
    await expect(source).toMatchFileSnapshot('../../replicas/sandbox-pages.ts', 'stale: npx vitest run tests/unit/sandbox.test.ts -u');
    expect(Object.keys(SANDBOX_HTML)).toEqual(shown);
    // none of them is a page only the tests use
    for (const f of shown) expect(f).not.toMatch(/\/(fault-|example-)/);
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      it.each(allPages(lang).map((x) => [`${x.procedure} / ${x.step}`, x] as const))('%s', (_name, x) => {
        expect(x.page, 'a replica for this page step').not.toBeNull();
        const page = x.page!;
        expect(needsOwnScript(readReplica(page.portal, page.file))).toBe(false);
        const doc = loadReplica(page.portal, page.file);
        // late parts are expanded at once by the sandbox
        for (const t of Array.from(doc.querySelectorAll('template[data-late]')))
          t.replaceWith((t as HTMLTemplateElement).content.cloneNode(true));
        const facts = pageFacts(whereOf(page.url), readPageText(doc.body), doc);
        const rec = chooseStep(recogniseAll(proceduresOfPortal(page.portal), facts), x.procedure, x.step);
        expect(rec?.procedure.id).toBe(x.procedure);
        expect(rec?.step.id).toBe(x.step);
        expect(procedureById(x.procedure)?.portal).toBe(page.portal);
      });
    });
  }
});

describe('training page addresses', () => {
  it('read the procedure, step and language from the hash, or the language before it', () => {
    expect(addressOf({ hash: '#/esf.recover-access/reset-password?lang=kk', search: '' }, 'en')).toMatchObject({
      proc: { id: 'esf.recover-access' },
      stepId: 'reset-password',
      lang: 'kk',
    });
    expect(addressOf({ hash: '#/oneid.register-individual', search: '?lang=uz&presenter=1' }, 'en')).toMatchObject({
      proc: { id: 'oneid.register-individual' },
      stepId: '',
      lang: 'uz',
    });
    expect(addressOf({ hash: '#/nope/x?lang=de', search: '' }, 'ru')).toMatchObject({
      proc: { id: PROCEDURES[0]!.id },
      stepId: 'x',
      lang: 'ru',
      unknown: 'nope',
    });
    expect(addressOf({ hash: '#/esf.recover-access/nope', search: '' }, 'ru')).toMatchObject({
      proc: { id: 'esf.recover-access' },
      unknown: 'esf.recover-access/nope',
    });
    expect(addressOf({ hash: '#/esf.recover-access/reset-password', search: '' }, 'ru').unknown).toBe('');
  });
});
