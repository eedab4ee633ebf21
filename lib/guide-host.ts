import { portalOfHost } from '../procedures/portals';

/**
 * A government site a guide names (`host` on a guide, contract.md «Guides people teach, record and
 * share»): Qadam asks for that one host when the user clicks «Allow Qadam on <host>», never for
 * broad host access at install. The rule for a safe host, so that a shared file cannot make Qadam
 * ask for anything else:
 *
 * - a plain DNS name: lower-case ASCII letters, digits and hyphens in dot-separated labels (1–63
 *   characters, no hyphen at either end), 253 characters at most; no scheme, port, path, user,
 *   wildcard, IP address, trailing dot or punycode (`xn--`: no look-alike names);
 * - under a government zone of Kazakhstan or Uzbekistan: `gov.kz`, `egov.kz`, `gov.uz`, `egov.uz`,
 *   with at least one label of its own before the zone (`new.gov.kz`, not `gov.kz`);
 * - not a host of the catalogue's portals (Qadam runs there already).
 */
export const GOV_ZONES = ['gov.kz', 'egov.kz', 'gov.uz', 'egov.uz'] as const;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type HostProblem = 'format' | 'zone' | 'portal';

export function hostProblem(host: string): HostProblem | null {
  if (typeof host !== 'string' || host.length === 0 || host.length > 253) return 'format';
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l))) return 'format';
  if (labels.some((l) => l.startsWith('xn--'))) return 'format';
  if (/^\d+$/.test(labels[labels.length - 1]!)) return 'format';
  if (!GOV_ZONES.some((z) => host.endsWith(`.${z}`))) return 'zone';
  if (portalOfHost(host)) return 'portal';
  return null;
}

/** the one origin asked for: `https://<host>/*` (https only, as the manifest's portals) */
export const originOf = (host: string): string => `https://${host}/*`;

/** the id of the content script registered for a guide's host */
export const scriptIdOf = (host: string): string => `qadam-guide-host-${host}`;
