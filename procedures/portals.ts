import type { Portal, PortalId } from './types';

/**
 * Hosts from ../shared/spec/procedures.md, each by name (no wildcard); https only, any port.
 * OFD: oofd.kz and www.oofd.kz (seed 004: «www.oofd.kz порталына тіркелесіз»), org.oofd.kz (the
 * personal cabinet: https://org.oofd.kz/#/landing/eds-login in public automation scripts). Not
 * consumer.oofd.kz: the receipt check, where no procedure of ours runs.
 */
export const PORTALS: readonly Portal[] = [
  { id: 'esf', hosts: ['esf.gov.kz', 'www.esf.gov.kz'], langs: ['ru', 'kk'], home: 'https://esf.gov.kz:8443/esf-web/login/' },
  {
    id: 'singlewindow',
    hosts: ['eokno.gov.kz', 'www.eokno.gov.kz', 'sw.gov.kz', 'www.sw.gov.kz'],
    langs: ['ru', 'kk', 'en'],
    home: 'https://eokno.gov.kz/',
  },
  // OneID moved to id.egov.uz (a React + MUI app; public scripts and links: README «Evidence»); the
  // old id.gov.uz of seed 002 is kept for its pages and redirects
  { id: 'oneid', hosts: ['id.egov.uz', 'id.gov.uz'], langs: ['ru', 'uz', 'en'], home: 'https://id.egov.uz/' },
  { id: 'nca', hosts: ['pki.gov.kz', 'www.pki.gov.kz', 'egov.kz', 'www.egov.kz'], langs: ['kk', 'ru'], home: 'https://pki.gov.kz/' },
  { id: 'oofd', hosts: ['oofd.kz', 'www.oofd.kz', 'org.oofd.kz'], langs: ['kk', 'ru'], home: 'https://oofd.kz/' },
];

/**
 * Manifest match patterns: every portal host by name, https only (a network attacker serving plain
 * http under a portal's name gets nothing of Qadam), any port (patterns ignore ports).
 */
export function contentScriptMatches(): string[] {
  return PORTALS.flatMap((p) => p.hosts.map((h) => `https://${h}/*`));
}

export function portalOfHost(hostname: string): PortalId | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  for (const p of PORTALS) {
    for (const h of p.hosts) {
      if (host === h) return p.id;
    }
  }
  return null;
}

export function portalById(id: PortalId): Portal {
  const p = PORTALS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown portal ${id}`);
  return p;
}
