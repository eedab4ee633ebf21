import type { Portal, PortalId } from './types';

/** Hosts from ../shared/spec/procedures.md; any port, http or https. */
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
  { id: 'oofd', hosts: ['*.oofd.kz'], langs: ['kk', 'ru'], home: 'https://oofd.kz/' },
];

/** Manifest match patterns: every portal host, http and https, any port (patterns ignore ports). */
export function contentScriptMatches(): string[] {
  return PORTALS.flatMap((p) => p.hosts.map((h) => `*://${h}/*`));
}

export function portalOfHost(hostname: string): PortalId | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  for (const p of PORTALS) {
    for (const h of p.hosts) {
      if (h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h) return p.id;
    }
  }
  return null;
}

export function portalById(id: PortalId): Portal {
  const p = PORTALS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown portal ${id}`);
  return p;
}
