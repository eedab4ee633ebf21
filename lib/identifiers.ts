import { checkRule, type RuleProblem } from './rules';

/**
 * The identifiers a profile holds, checked with the same rule code the overlay uses and decoded
 * for the user. Kazakhstan: IIN (a person, also an IE) and BIN (a legal entity), 12 digits with a
 * check digit. Uzbekistan: PINFL (a person, 14 digits, no confirmed check digit: never rejected on
 * one) and the 9-digit taxpayer number (INN/STIR) of a company.
 */

export type Country = 'KZ' | 'UZ';
export type ProfileKind = 'individual' | 'ie' | 'legal';
export type IdKind = 'iin' | 'bin' | 'pinfl' | 'tin';

export const COUNTRIES: readonly Country[] = ['KZ', 'UZ'];
export const PROFILE_KINDS: readonly ProfileKind[] = ['individual', 'ie', 'legal'];

/** the kind of identifier a profile of this country and kind carries */
export function idKindOf(country: Country, kind: ProfileKind): IdKind {
  if (country === 'KZ') return kind === 'legal' ? 'bin' : 'iin';
  return kind === 'legal' ? 'tin' : 'pinfl';
}

/** the head's identifier kind (a person of the same country) */
export const headIdKind = (country: Country): IdKind => (country === 'KZ' ? 'iin' : 'pinfl');

export const digitsOf = (raw: string) => raw.replace(/[\s-]/g, '');

export type Decoded =
  | { kind: 'iin'; birth: string; sex: 'male' | 'female' }
  | {
      kind: 'bin';
      year: number;
      month: number;
      entity: 'resident' | 'non-resident' | 'ie-joint';
      attribute: 'head-office' | 'branch' | 'representative' | 'peasant-farm';
    }
  | { kind: 'pinfl'; birth: string | null; sex: 'male' | 'female' | null }
  | { kind: 'tin' };

/** null when fine, else the problem (keys under `rules.` of the locale files) */
export function checkId(kind: IdKind, raw: string): RuleProblem | null {
  if (kind === 'tin') {
    const d = digitsOf(raw.trim());
    if (!/^\d*$/.test(d)) return { key: 'tin.digits' };
    return d.length === 9 ? null : { key: 'tin.length', params: { count: d.length } };
  }
  return checkRule(kind, raw);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** an ISO date (YYYY-MM-DD) when the parts make a real day, else null */
function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** what a valid identifier says; null when it does not pass its rule */
export function decodeId(kind: IdKind, raw: string): Decoded | null {
  if (checkId(kind, raw)) return null;
  const v = digitsOf(raw.trim());
  const n = (a: number, b: number) => Number(v.slice(a, b));
  switch (kind) {
    case 'iin': {
      // YYMMDD, then the century and sex: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd = male
      const c = n(6, 7);
      const year = 1800 + Math.floor((c - 1) / 2) * 100 + n(0, 2);
      const birth = isoDate(year, n(2, 4), n(4, 6));
      return birth ? { kind, birth, sex: c % 2 ? 'male' : 'female' } : null;
    }
    case 'bin': {
      const yy = n(0, 2);
      // a BIN is issued for a registration: a two-digit year not after this year is this century
      const nowYY = new Date().getFullYear() % 100;
      const year = (yy <= nowYY ? 2000 : 1900) + yy;
      const entity = ({ 4: 'resident', 5: 'non-resident', 6: 'ie-joint' } as const)[n(4, 5) as 4 | 5 | 6];
      const attribute = ({ 0: 'head-office', 1: 'branch', 2: 'representative', 3: 'peasant-farm' } as const)[n(5, 6) as 0 | 1 | 2 | 3];
      return { kind, year, month: n(2, 4), entity, attribute };
    }
    case 'pinfl': {
      // commonly: the first digit gives sex and century (3/4 → 1900s, 5/6 → 2000s; odd = male), then
      // the birth date DDMMYY. Not confirmed by the seeds, so it is shown only when it makes a real date
      const c = n(0, 1);
      if (c < 1 || c > 6) return { kind, birth: null, sex: null };
      const year = 1800 + Math.floor((c - 1) / 2) * 100 + n(5, 7);
      const birth = isoDate(year, n(3, 5), n(1, 3));
      return birth ? { kind, birth, sex: c % 2 ? 'male' : 'female' } : { kind, birth: null, sex: null };
    }
    case 'tin':
      return { kind };
  }
}

/** the 12-, 9- and 14-digit numbers in a text (a page's caption: "ИНН 305123456 — Common For Head") */
export function identifiersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<!\d)(\d{14}|\d{12}|\d{9})(?!\d)/g)) out.push(m[1]!);
  return out;
}

/** guess the kind of a bare identifier (CSV rows without a kind column) */
export function guessKind(country: Country, raw: string): ProfileKind {
  const v = digitsOf(raw.trim());
  if (country === 'UZ') return v.length === 9 ? 'legal' : 'individual';
  // the 5th digit of a BIN is 4–6; in an IIN it is the first digit of the birth day (0–3)
  return /^\d{4}[456]/.test(v) ? 'legal' : 'individual';
}

/** guess the country from the number's length */
export function guessCountry(raw: string): Country {
  const n = digitsOf(raw.trim()).length;
  return n === 14 || n === 9 ? 'UZ' : 'KZ';
}
