import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../procedures/types';
import { PORTALS, PROCEDURES, procedureById, proceduresOfPortal } from '../../procedures';
import { allPages, needsOwnScript, SCRIPTED } from '../../sandbox/pages';
import { addressOf } from '../../sandbox/dom';
import { readPageText } from '../../content-scripts/page-text';
import { chooseStep, pageFacts, recogniseAll } from '../../content-scripts/recognise';
import { loadReplica, whereOf } from './replicas';

/**
 * The training sandbox shows replica pages: every page step of the 13 procedures has one in every
 * language, it needs no script of its own, and the engine recognises it as exactly that step of
 * that procedure at the portal address it stands for (the recogniser cross-test over the sandbox).
 */
const FIXTURES = join(__dirname, '..', 'fixtures');

describe('sandbox pages', () => {
  it('the list of replicas that need their own script is exact', () => {
    const found = PORTALS.flatMap((p) => {
      let files: string[] = [];
      try {
        files = readdirSync(join(FIXTURES, p.id)).filter((f) => f.endsWith('.html') && !f.startsWith('fault-'));
      } catch {
        return [];
      }
      return files.filter((f) => needsOwnScript(readFileSync(join(FIXTURES, p.id, f), 'utf8'))).map((f) => `${p.id}/${f}`);
    });
    const staged = new Set(['oneid/register-spa-ru.html', 'oneid/register-spa-uz.html', 'oneid/register-spa-en.html', 'esf/fault-change-email-ru.html']);
    expect(found.filter((f) => !staged.has(f)).sort()).toEqual([...SCRIPTED].sort());
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      it.each(allPages(lang).map((x) => [`${x.procedure} / ${x.step}`, x] as const))('%s', (_name, x) => {
        expect(x.page, 'a replica for this page step').not.toBeNull();
        const page = x.page!;
        expect(needsOwnScript(readFileSync(join(FIXTURES, page.portal, page.file), 'utf8'))).toBe(false);
        const doc = loadReplica(page.portal, page.file);
        // late parts are expanded at once by the sandbox
        for (const t of Array.from(doc.querySelectorAll('template[data-late]'))) t.replaceWith((t as HTMLTemplateElement).content.cloneNode(true));
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
    expect(addressOf({ hash: '#/esf.recover-access/reset-password?lang=kk', search: '' }, 'en')).toMatchObject({ proc: { id: 'esf.recover-access' }, stepId: 'reset-password', lang: 'kk' });
    expect(addressOf({ hash: '#/oneid.register-individual', search: '?lang=uz&presenter=1' }, 'en')).toMatchObject({ proc: { id: 'oneid.register-individual' }, stepId: '', lang: 'uz' });
    expect(addressOf({ hash: '#/nope/x?lang=de', search: '' }, 'ru')).toMatchObject({ proc: { id: PROCEDURES[0]!.id }, stepId: 'x', lang: 'ru', unknown: 'nope' });
    expect(addressOf({ hash: '#/esf.recover-access/nope', search: '' }, 'ru')).toMatchObject({ proc: { id: 'esf.recover-access' }, unknown: 'esf.recover-access/nope' });
    expect(addressOf({ hash: '#/esf.recover-access/reset-password', search: '' }, 'ru').unknown).toBe('');
  });
});
