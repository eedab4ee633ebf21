import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PORTALS } from '../../procedures/portals';
import { parseCases } from '../../replicas/schema';
import { readCases, replicaDir, replicaFiles, replicaPortals } from '../../replicas/files';
import { REPLICA_CASES } from '../../replicas';
import { stripReplicaNotes } from '../../scripts/strip-replica-notes';

/**
 * replicas/<portal>/cases.json, every one, checked by the one schema the sandbox, the unit tests and
 * the browser tests read them with (replicas/schema.ts); and what a bad case is told.
 */
describe('replica cases (replicas/*/cases.json)', () => {
  it('every folder of replicas/ is a portal of procedures/portals.ts, and every portal has replicas', () => {
    expect(replicaPortals()).toEqual(PORTALS.map((p) => p.id).sort());
  });

  describe.each(replicaPortals())('%s', (portal) => {
    it('its cases.json passes the schema (portal, addresses, steps and fields of the catalogue)', () => {
      expect(readCases(portal).length).toBeGreaterThan(0);
    });

    it('every case names a page of the folder, and every page of the folder has a case', () => {
      const named = new Set(readCases(portal).map((c) => c.file));
      for (const f of named) expect(existsSync(join(replicaDir(portal), f)), `${portal}/${f}`).toBe(true);
      const strays = replicaFiles(portal).filter((f) => !named.has(f));
      expect(strays, 'pages without a case (a page only a test opens belongs in tests/fixtures/)').toEqual([]);
    });

    it('the bundled copy the sandbox reads is the same (in the build without the notes for people)', () => {
      expect(REPLICA_CASES[portal as keyof typeof REPLICA_CASES]).toEqual(readCases(portal));
      const built = parseCases(portal, JSON.parse(stripReplicaNotes(readFileSync(join(replicaDir(portal), 'cases.json'), 'utf8'))));
      expect(built).toEqual(readCases(portal).map(({ note: _note, ...rest }) => rest));
      expect(built.some((c) => 'note' in c)).toBe(false);
    });
  });
});

describe('a bad case is rejected, and told what is wrong', () => {
  const good = {
    file: 'regdata-div-ru.html',
    url: 'https://esf.gov.kz:8443/esf-web/login/#!/registration?type=UL',
    lang: 'ru',
    shape: 'div',
    steps: ['registration-data'],
    fields: { 'registration-data': ['password'] },
  };
  const problem = (portal: string, c: unknown) => {
    try {
      parseCases(portal, Array.isArray(c) ? c : [c]);
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };

  it('a good case passes', () => {
    expect(problem('esf', good)).toBe('accepted');
  });

  it('a step the catalogue does not have', () => {
    expect(problem('esf', { ...good, steps: ['registration-dat'], fields: {} })).toBe(
      'replicas/esf/cases.json [0].steps: regdata-div-ru.html: "registration-dat" is no page step of a esf procedure (procedures/esf.ts)',
    );
  });

  it('a field the step does not have, and fields of a step the page is not', () => {
    expect(problem('esf', { ...good, fields: { 'registration-data': ['e-mail'] } })).toBe(
      'replicas/esf/cases.json [0].fields: regdata-div-ru.html: "e-mail" is no field of the step ' +
        '"registration-data" (its fields: password, subject-id)',
    );
    expect(problem('esf', { ...good, fields: { 'sign-in': ['password'] } })).toBe(
      'replicas/esf/cases.json [0].fields: regdata-div-ru.html: fields of "sign-in", which is not one of its steps (registration-data)',
    );
  });

  it('an address on another portal, or on none', () => {
    expect(problem('esf', { ...good, url: 'https://id.egov.uz/' })).toBe(
      'replicas/esf/cases.json [0].url: regdata-div-ru.html: id.egov.uz is a host of oneid, not of esf',
    );
    expect(problem('esf', { ...good, url: 'https://example.org/' })).toMatch(
      /\[0\]\.url: regdata-div-ru\.html: example\.org is no host of esf \(/,
    );
    // a page that must match nothing may be anywhere
    expect(problem('esf', { ...good, url: 'https://example.org/', steps: [], fields: {} })).toBe('accepted');
  });

  it('a folder that is no portal', () => {
    expect(problem('esff', good)).toMatch(/^replicas\/esff\/cases\.json portal: a portal of procedures\/portals\.ts \(esf, /);
  });

  it('a missing or misspelt key, a language Qadam does not have', () => {
    const { url: _url, ...noUrl } = good;
    expect(problem('esf', noUrl)).toMatch(/^replicas\/esf\/cases\.json \[0\]\.url: Invalid key: Expected "url"/);
    expect(problem('esf', { ...good, browseronly: true })).toMatch(/\[0\]\.browseronly: Invalid key/);
    expect(problem('esf', { ...good, lang: 'de' })).toBe('replicas/esf/cases.json [0].lang: one of kk, ru, en, uz');
  });

  it('every issue, one a line: the shape of every case first, then the catalogue', () => {
    const shapes = [
      { ...good, steps: ['nope'], fields: {} },
      { ...good, lang: 'de' },
      { ...good, shape: '' },
    ];
    expect(problem('esf', shapes).split('\n')).toEqual([
      'replicas/esf/cases.json [1].lang: one of kk, ru, en, uz',
      'replicas/esf/cases.json [2].shape: a shape such as "table" or "div"',
    ]);
    const catalogue = [
      { ...good, file: 'other-ru.html', steps: ['nope'], fields: {} },
      good,
      { ...good, url: 'https://pki.gov.kz/' },
      good,
    ];
    expect(problem('esf', catalogue).split('\n')).toEqual([
      'replicas/esf/cases.json [0].steps: other-ru.html: "nope" is no page step of a esf procedure (procedures/esf.ts)',
      'replicas/esf/cases.json [2].url: regdata-div-ru.html: pki.gov.kz is a host of nca, not of esf',
      'replicas/esf/cases.json [3].file: regdata-div-ru.html: listed twice with the same address',
    ]);
  });
});
