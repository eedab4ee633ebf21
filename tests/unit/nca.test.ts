import { describe, expect, it } from 'vitest';
import { proceduresOfPortal, procedureById } from '../../procedures';
import { LANGS } from '../../procedures/types';
import { RESOURCES } from '../../lib/strings';

/** the NCA procedures carry the facts of NCA's guides and name where each page step comes from */
const text = (lang: string, key: string): string =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], RESOURCES[lang as 'en']) as string;

describe('NCA procedures (issue 17)', () => {
  it('every NCA page step names its evidence: a guide, a seed or why it is inferred', () => {
    for (const p of proceduresOfPortal('nca')) {
      for (const s of p.steps) {
        if (s.kind !== 'page') continue;
        expect(s.source?.length, `${p.id}.${s.id}`).toBeGreaterThan(0);
        for (const src of s.source!) expect(src, `${p.id}.${s.id}`).toMatch(/^(https:\/\/|seed:|inferred: )/);
      }
    }
  });

  it('the application steps sit between apply and visit-psc, in the guides’ order', () => {
    expect(procedureById('nca.get-eds')!.steps.map((s) => s.id)).toEqual([
      'apply',
      'agreement',
      'check-id',
      'application-data',
      'key-storage',
      'visit-psc',
      'id-card',
      'install-ncalayer',
    ]);
    expect(procedureById('nca.reissue-eds')!.steps.map((s) => `${s.id}:${s.kind}`)).toEqual([
      'cabinet-sign-in:page',
      'reissue:page',
      'install-certificates:manual',
    ]);
  });

  it.each(LANGS)('%s: the hints carry the guides’ facts', (l) => {
    const base = 'procedures.nca.get-eds.steps';
    // egov.kz: the SMS code from 1414 after the EDS login, in the hint and in the step's text
    for (const k of [`${base}.apply.fields.apply`, `${base}.apply.text`, `${base}.apply.warning`]) expect(text(l, k), k).toContain('1414');
    // default device passwords and that they should be changed; the folder to keep
    const storage = text(l, `${base}.key-storage.warning`);
    expect(storage).toContain('12345678');
    expect(storage).toContain('1234567890');
    expect(text(l, `${base}.key-storage.fields.storage`)).toContain('Kaztoken');
    // the e-mail is optional but the application number comes there
    expect(text(l, `${base}.application-data.fields.email`).length).toBeGreaterThan(20);
    // the cabinet: the AUTHENTICATION key
    for (const k of ['text', 'warning', 'fields.path'])
      expect(text(l, `procedures.nca.reissue-eds.steps.cabinet-sign-in.${k}`)).toContain('AUTH_RSA');
  });

  it('the rules of the check-id step: IIN and BIN checked, e-mail checked', () => {
    const get = procedureById('nca.get-eds')!;
    const fields = Object.fromEntries(get.steps.flatMap((s) => (s.kind === 'page' ? s.fields.map((f) => [f.id, f.rule]) : [])));
    expect(fields).toMatchObject({ iin: 'iin', bin: 'bin', email: 'email' });
  });
});
