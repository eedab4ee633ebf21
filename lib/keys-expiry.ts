import * as v from 'valibot';

/**
 * When a profile's signing keys expire: a calendar date only (`YYYY-MM-DD`), never a key, a
 * password or a file path. NCA's keys last 1 year on a computer and 3 years on a secure device
 * (egov.kz), so a date outside 2000–2100 is a typo or a forged file and is refused.
 */

export const RENEWAL_PROCEDURE = 'nca.reissue-eds';
/** the popup and the options page list keys expiring within this many days (or expired) */
export const EXPIRY_WINDOW_DAYS = 30;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MIN_DATE = `${MIN_YEAR}-01-01`;
export const MAX_DATE = `${MAX_YEAR}-12-31`;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** a real calendar date within the bounds, as `YYYY-MM-DD`; null otherwise */
function isoOf(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` or `DD.MM.YYYY` (spaces around allowed) → `YYYY-MM-DD`, or null when not a bounded real date */
export function parseKeysExpire(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 20) return null;
  const s = input.trim();
  const iso = ISO.exec(s);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED.exec(s);
  if (dotted) return isoOf(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  return null;
}

/** the stored form: exactly `YYYY-MM-DD`, a real date within the bounds */
export const KeysExpireSchema = v.pipe(
  v.string(),
  v.check((s) => ISO.test(s) && parseKeysExpire(s) === s, 'a date YYYY-MM-DD between 2000 and 2100'),
);

/** days from today (the user's calendar day) to the expiry date: 0 = today, negative once expired */
export function daysLeft(iso: string, today: Date = new Date()): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((Date.UTC(y, m - 1, d) - t) / 86_400_000);
}

export interface Expiring<P> {
  profile: P;
  days: number;
}

/** the profiles whose keys expire within the window or have expired, soonest first (then by name) */
export function expiringKeys<P extends { name: string; keysExpire?: string | undefined }>(
  list: readonly P[],
  today: Date = new Date(),
  within = EXPIRY_WINDOW_DAYS,
): Expiring<P>[] {
  const out: Expiring<P>[] = [];
  for (const p of list) {
    if (!p.keysExpire) continue;
    const days = daysLeft(p.keysExpire, today);
    if (days <= within) out.push({ profile: p, days });
  }
  return out.sort((a, b) => a.days - b.days || a.profile.name.localeCompare(b.profile.name));
}
