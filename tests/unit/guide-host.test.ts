/**
 * A guide's own government site (lib/guide-host.ts): only a plain host under gov.kz, egov.kz,
 * gov.uz or egov.uz (never a catalogue portal, a wildcard, an IP, a port, a scheme or a look-alike)
 * is accepted in a guide file; the background registers the portal script for the hosts the user
 * allowed, and only those, and unregisters what no guide names or is no longer allowed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GOV_ZONES, hostProblem, originOf, scriptIdOf } from '../../lib/guide-host';
import { GUIDES_KEY, POLICY_GUIDES_KEY, type Guide } from '../../lib/guide-model';
import { parseGuideFile } from '../../lib/guides';
import { PORTAL_SCRIPT, syncGuideHosts } from '../../lib/guide-hosts-bg';

describe('the host a guide may name', () => {
  it('accepts plain host names under the government zones', () => {
    for (const h of ['new.gov.kz', 'www.new.gov.kz', 'my.gov.uz', 'e-license.egov.kz', 'reg.egov.uz', 'a1.b-2.gov.kz'])
      expect(hostProblem(h), h).toBeNull();
    expect(GOV_ZONES).toEqual(['gov.kz', 'egov.kz', 'gov.uz', 'egov.uz']);
    expect(originOf('new.gov.kz')).toBe('https://new.gov.kz/*');
    expect(scriptIdOf('new.gov.kz')).toBe('qadam-guide-host-new.gov.kz');
  });

  it('refuses anything but a plain host name', () => {
    const bad = [
      '',
      '*.gov.kz',
      'https://new.gov.kz',
      'new.gov.kz/',
      'new.gov.kz:8443',
      'user@new.gov.kz',
      'new.gov.kz.',
      'New.Gov.KZ',
      'new..gov.kz',
      '-new.gov.kz',
      'new-.gov.kz',
      'new gov.kz',
      'новый.gov.kz',
      'xn--80ak6aa92e.gov.kz',
      '127.0.0.1',
      '[::1]',
      `${'a'.repeat(64)}.gov.kz`,
      `${'a.'.repeat(130)}gov.kz`,
    ];
    for (const h of bad) expect(hostProblem(h), h).toBe('format');
  });

  it('refuses hosts outside the government zones, also look-alikes that end like one', () => {
    for (const h of [
      'gov.kz',
      'egov.uz',
      'example.com',
      'gov.kz.example.com',
      'evilgov.kz',
      'notgov.kz.evil.org',
      'site.kz',
      'site.uz',
      'gov.kz.uz',
      'new.gov.ru',
      'oofd.kz',
    ])
      expect(hostProblem(h), h).toBe('zone');
  });

  it('refuses the catalogue portals (Qadam runs there already)', () => {
    for (const h of ['esf.gov.kz', 'www.esf.gov.kz', 'id.egov.uz', 'pki.gov.kz', 'www.egov.kz']) expect(hostProblem(h), h).toBe('portal');
  });

  it('a guide file with a bad host is refused where it says, a good one kept', () => {
    const file = (host: string) =>
      JSON.stringify({
        format: 'qadam-guide',
        version: 1,
        guides: [
          {
            id: 'guide.new-site',
            portal: 'esf',
            host,
            title: { en: 'New site' },
            steps: [{ id: 'start', match: { path: ['^/start'] }, fields: [] }],
          },
        ],
      });
    const ok = parseGuideFile(file('new.gov.kz'));
    expect(ok.ok && ok.guides[0]!.host).toBe('new.gov.kz');
    for (const h of ['*', 'https://*/*', 'example.com', 'esf.gov.kz']) {
      const r = parseGuideFile(file(h));
      expect(r.ok, h).toBe(false);
      if (!r.ok) expect(r.problem.params?.where).toBe('guides[0].host');
    }
  });
});

describe('the background registers the portal script on the allowed hosts only', () => {
  const guide = (id: string, host?: string): Guide => ({
    id,
    portal: 'esf',
    ...(host ? { host } : {}),
    title: { en: id },
    steps: [{ id: 's', match: { path: ['^/'] }, fields: [] }],
  });
  let registered: { id: string; js?: string[]; matches?: string[]; runAt?: string }[];
  let allowed: Set<string>;

  beforeEach(() => {
    fakeBrowser.reset();
    registered = [
      { id: scriptIdOf('old.gov.kz'), matches: [originOf('old.gov.kz')] },
      { id: 'someone-else', matches: [] },
    ];
    allowed = new Set([originOf('new.gov.kz'), originOf('org.gov.uz'), originOf('old.gov.kz')]);
    const b = fakeBrowser as unknown as Record<string, unknown>;
    b.permissions = {
      ...(b.permissions as object),
      contains: vi.fn(async (p: { origins: string[] }) => p.origins.every((o) => allowed.has(o))),
    };
    b.scripting = {
      getRegisteredContentScripts: vi.fn(async () => registered),
      registerContentScripts: vi.fn(async (list: typeof registered) => void registered.push(...list)),
      unregisterContentScripts: vi.fn(
        async ({ ids }: { ids: string[] }) => void (registered = registered.filter((s) => !ids.includes(s.id))),
      ),
    };
  });

  it('one origin per allowed host a guide names; the others left alone or removed', async () => {
    await fakeBrowser.storage.local.set({
      [GUIDES_KEY]: {
        v: 1,
        guides: [guide('guide.a', 'new.gov.kz'), guide('guide.b', 'asked-not.gov.kz'), guide('guide.c'), guide('guide.d', 'example.com')],
      },
      [POLICY_GUIDES_KEY]: { v: 1, guides: [guide('guide.e', 'org.gov.uz')] },
    });
    expect((await syncGuideHosts()).sort()).toEqual(['new.gov.kz', 'org.gov.uz']);
    expect(registered.map((s) => s.id).sort()).toEqual(['qadam-guide-host-new.gov.kz', 'qadam-guide-host-org.gov.uz', 'someone-else']);
    const s = registered.find((x) => x.id === scriptIdOf('new.gov.kz'))!;
    expect(s).toMatchObject({ js: [PORTAL_SCRIPT], matches: ['https://new.gov.kz/*'], runAt: 'document_start' });
    // the permission taken back: unregistered
    allowed.delete(originOf('new.gov.kz'));
    await syncGuideHosts();
    expect(registered.map((x) => x.id).sort()).toEqual(['qadam-guide-host-org.gov.uz', 'someone-else']);
  });
});
