import type { RuleId } from '../procedures/types';
import { validPhone } from './phone';

/**
 * Validators for what a user types into a portal field. They run on the value in the page and
 * keep nothing: no logging, no storing. Each returns null when the value is fine, or the key of
 * the message (under `rules.` in the locale files) with its parameters.
 */
export interface RuleProblem {
  key: string;
  params?: Record<string, string | number>;
}

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/**
 * The Kazakhstan IIN/BIN check digit: weights 1–11 over the first 11 digits, sum mod 11; when that
 * is 10, weights 3..11,1,2; when again 10 the number cannot be valid (returns null).
 */
export function kzCheckDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  const sum = (w: number[]) => d.reduce((s, x, i) => s + x * (w[i] ?? 0), 0) % 11;
  let c = sum(W1);
  if (c === 10) c = sum(W2);
  return c === 10 ? null : c;
}

function digitsOnly(v: string): string {
  return v.replace(/[\s-]/g, '');
}

function kzNumber(kind: 'iin' | 'bin', raw: string): RuleProblem | null {
  const v = digitsOnly(raw);
  if (!/^\d*$/.test(v)) return { key: `${kind}.digits` };
  if (v.length !== 12) return { key: `${kind}.length`, params: { count: v.length } };
  if (kind === 'iin') {
    const mm = Number(v.slice(2, 4));
    const dd = Number(v.slice(4, 6));
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return { key: 'iin.date' };
    const c = Number(v[6]);
    if (c < 1 || c > 6) return { key: 'iin.century' };
  } else {
    const mm = Number(v.slice(2, 4));
    if (mm < 1 || mm > 12) return { key: 'bin.month' };
    if (!'456'.includes(v[4] ?? '')) return { key: 'bin.kind' };
    if (!'0123'.includes(v[5] ?? '')) return { key: 'bin.attribute' };
  }
  const check = kzCheckDigit(v.slice(0, 11));
  if (check === null || check !== Number(v[11])) return { key: `${kind}.checksum` };
  return null;
}

// A usual address: something@domain.tld, no spaces, one @.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function checkRule(rule: RuleId, value: string): RuleProblem | null {
  const v = value.trim();
  switch (rule) {
    case 'iin':
      return kzNumber('iin', v);
    case 'bin':
      return kzNumber('bin', v);
    case 'iin-or-bin': {
      const d = digitsOnly(v);
      // the 5th digit of a BIN is 4–6; in an IIN it is the first digit of the birth day (0–3)
      return kzNumber(/^\d{4}[456]/.test(d) ? 'bin' : 'iin', v);
    }
    case 'email':
      return EMAIL.test(v) ? null : { key: 'email.format' };
    case 'pinfl': {
      // 14 digits; its check-digit algorithm is not confirmed, so it is never judged on one
      const d = digitsOnly(v);
      if (!/^\d*$/.test(d)) return { key: 'pinfl.digits' };
      return d.length === 14 ? null : { key: 'pinfl.length', params: { count: d.length } };
    }
    case 'passport-uz':
      return /^[A-Z]{2}\d{7}$/.test(v.replace(/\s/g, '')) ? null : { key: 'passport-uz.format' };
    case 'password-oneid':
      if (v.length < 8) return { key: 'password-oneid.length', params: { count: v.length } };
      return /[^\p{L}\p{N}\s]/u.test(v) ? null : { key: 'password-oneid.special' };
    case 'login-oneid':
      return v.length >= 5 ? null : { key: 'login-oneid.length', params: { count: v.length } };
    case 'phone-kz':
      return validPhone(v, 'KZ') ? null : { key: 'phone-kz.invalid' };
    case 'phone-uz':
      return validPhone(v, 'UZ') ? null : { key: 'phone-uz.invalid' };
    default:
      return null; // an unknown rule never blocks
  }
}

/** the value must equal the other field's value (password confirmation) */
export function checkSame(value: string, other: string): RuleProblem | null {
  return value === other ? null : { key: 'sameAs.mismatch' };
}
