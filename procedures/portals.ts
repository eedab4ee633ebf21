import type { Portal, PortalDef } from './types';

/**
 * THE list of portals: every other list of portal ids is derived from it — the `PortalId` type,
 * the manifest's matches and CSP (wxt.config.ts), the policy's ids (lib/managed.ts) and the
 * generated managed_schema.json (lib/managed-schema.ts), the guides' portal ids (lib/guides.ts),
 * the portals a profile records a registration on (`registration`: lib/profiles.ts, the options
 * page, the import), the portal messages' signing-program groups (procedures/messages.ts), the
 * hand-over card's program (content-scripts/signing.ts) and the popup's
 * and sandbox's lists. Adding a portal: an entry here, its procedures file (listed in
 * procedures/index.ts) and its locale strings (README «How it works»).
 *
 * Hosts from ../shared/spec/procedures.md, each by name (no wildcard); https only, any port.
 * OFD: oofd.kz and www.oofd.kz (seed 004: «www.oofd.kz порталына тіркелесіз»), org.oofd.kz (the
 * personal cabinet: https://org.oofd.kz/#/landing/eds-login in public automation scripts). Not
 * consumer.oofd.kz: the receipt check, where no procedure of ours runs.
 */
const CATALOGUE = [
  {
    id: 'esf',
    hosts: ['esf.gov.kz', 'www.esf.gov.kz'],
    langs: ['ru', 'kk'],
    home: 'https://esf.gov.kz:8443/esf-web/login/',
    signer: 'ncalayer',
    registration: true,
  },
  {
    id: 'singlewindow',
    hosts: ['eokno.gov.kz', 'www.eokno.gov.kz', 'sw.gov.kz', 'www.sw.gov.kz'],
    langs: ['ru', 'kk', 'en'],
    home: 'https://eokno.gov.kz/',
    signer: 'ncalayer',
    registration: true,
  },
  // OneID moved to id.egov.uz (a React + MUI app; public scripts and links: README «Evidence»); the
  // old id.gov.uz of seed 002 is kept for its pages and redirects
  {
    id: 'oneid',
    hosts: ['id.egov.uz', 'id.gov.uz'],
    langs: ['ru', 'uz', 'en'],
    home: 'https://id.egov.uz/',
    signer: 'e-imzo',
    registration: true,
  },
  // the NCA issues keys: no account of the company's to record
  {
    id: 'nca',
    hosts: ['pki.gov.kz', 'www.pki.gov.kz', 'egov.kz', 'www.egov.kz'],
    langs: ['kk', 'ru'],
    home: 'https://pki.gov.kz/',
    signer: 'ncalayer',
    registration: false,
  },
  {
    id: 'oofd',
    hosts: ['oofd.kz', 'www.oofd.kz', 'org.oofd.kz'],
    langs: ['kk', 'ru'],
    home: 'https://oofd.kz/',
    signer: 'ncalayer',
    registration: true,
  },
] as const satisfies readonly PortalDef[];

type Entry = (typeof CATALOGUE)[number];
export type PortalId = Entry['id'];
/** the portals a profile records a registration on (the profile's `facts`) */
export type FactPortal = Extract<Entry, { registration: true }>['id'];

export const PORTALS: readonly Portal[] = CATALOGUE;
/** every portal id, in catalogue order */
export const PORTAL_IDS = CATALOGUE.map((p) => p.id) as readonly PortalId[] as readonly [PortalId, ...PortalId[]];
/** the portals a profile records a registration on, in catalogue order */
export const FACT_PORTALS = CATALOGUE.filter((p) => p.registration).map((p) => p.id) as readonly FactPortal[] as readonly [
  FactPortal,
  ...FactPortal[],
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
