// libphonenumber's metadata for +7 and +998 only (scripts/phone-metadata.mjs)
import metadata from './phone-metadata.json';

/**
 * Is this a valid phone number of that country? Judged by libphonenumber's own metadata
 * (lib/phone-metadata.json: national number pattern, possible lengths, national and international
 * prefixes, leading digits; not a hand-kept prefix list), read here by a few lines instead of by
 * libphonenumber-js itself (issue 13): even its smallest entry point (`libphonenumber-js/core`,
 * with our two-country metadata) put ~37 KB of parsing, formatting and metadata classes (~9 KB
 * gzip) into the content script, which only asks «valid for KZ / UZ?». The steps are the
 * library's (parse.js, extractCountryCallingCode, stripIddPrefix, extractNationalNumber,
 * getCountryByNationalNumber, isValid for metadata without number types); tests/unit/phone.test.ts
 * checks this function against libphonenumber-js (a dev dependency) on thousands of typed forms.
 * Deliberately stricter: the value must be the number alone (digits, a leading +, and the
 * punctuation people type between digits), not a number inside other text.
 */
type Plan = readonly unknown[];
interface Meta {
  country_calling_codes: Record<string, readonly string[]>;
  countries: Record<string, Plan>;
}
const META = metadata as unknown as Meta;

/** the metadata's positions (libphonenumber metadata.min.json, version 4) */
const CODE = 0;
const IDD = 1;
const PATTERN = 2;
const LENGTHS = 3;
const PREFIX = 5;
const PREFIX_FOR_PARSING = 7;
const LEADING = 10;

const field = (p: Plan, i: number): string => (typeof p[i] === 'string' ? (p[i] as string) : '');
const whole = (pattern: string, digits: string): boolean => new RegExp(`^(?:${pattern})$`).test(digits);
const lengths = (p: Plan): readonly number[] => (Array.isArray(p[LENGTHS]) ? (p[LENGTHS] as number[]) : []);
const tooLong = (p: Plan, d: string): boolean => d.length > Math.max(...lengths(p));

/** the national (significant) number: without the national prefix when that leaves a number of the plan */
function national(d: string, p: Plan): string {
  const prefix = field(p, PREFIX_FOR_PARSING) || field(p, PREFIX);
  const m = prefix ? new RegExp(`^(?:${prefix})`).exec(d) : null;
  if (!m) return d;
  const rest = d.slice(m[0].length);
  const pattern = field(p, PATTERN);
  if (whole(pattern, d) && !whole(pattern, rest)) return d;
  const ls = lengths(p);
  // too short or of a length the plan does not have: the prefix was part of the number
  if (ls.length && !ls.includes(rest.length) && !tooLong(p, rest)) return d;
  return rest;
}

/** the country among those sharing the calling code: by leading digits, else by the plan's pattern (the first that fits) */
function countryOf(code: string, nat: string): string | undefined {
  const list = META.country_calling_codes[code] ?? [];
  if (list.length === 1) return list[0];
  return list.find((c) => {
    const p = META.countries[c] ?? [];
    const lead = field(p, LEADING);
    return lead ? nat.search(lead) === 0 : whole(field(p, PATTERN), nat);
  });
}

const mainPlan = (code: string): Plan => META.countries[META.country_calling_codes[code]?.[0] ?? ''] ?? [];

/** a calling code of the metadata the digits start with */
const codeAt = (d: string): string | undefined => Object.keys(META.country_calling_codes).find((c) => d.startsWith(c));

/** digits, a leading +, and what people type between digits: spaces, dashes, dots, brackets, slashes */
const TYPED = /^\s*\+?[\d\s\-‐-―−.()[\]/~]*$/;

export function validPhone(value: string, country: string): boolean {
  const own = META.countries[country];
  if (!own || !TYPED.test(value)) return false;
  let d = value.replace(/\D/g, '');
  if (d.length < 2 || d.length > 17) return false;
  let code: string | undefined;
  /** the numbering plan the national prefix is read with: the calling code's main country when dialled internationally */
  let plan = own;
  if (value.trim().startsWith('+')) {
    code = codeAt(d);
    if (!code) return false;
    d = d.slice(code.length);
    plan = mainPlan(code);
  } else {
    const idd = new RegExp(`^(?:${field(own, IDD)})`).exec(d);
    const after = idd ? d.slice(idd[0].length) : '';
    if (idd && after && after[0] !== '0') {
      // dialled from abroad: the international prefix (810, 00), then the calling code
      code = codeAt(after);
      if (!code) return false;
      d = after.slice(code.length);
      plan = mainPlan(code);
    } else {
      code = field(own, CODE);
      // the calling code typed without its +: taken as such when only then the number fits (or it is too long without)
      if (d.startsWith(code)) {
        const pattern = field(own, PATTERN);
        const full = national(d, own);
        if ((!whole(pattern, full) && whole(pattern, national(d.slice(code.length), own))) || tooLong(own, full)) d = d.slice(code.length);
      }
    }
  }
  if (!d) return false;
  const nat = national(d, plan);
  const found = countryOf(code, nat);
  if (found !== country) return false;
  return whole(field(own, PATTERN), nat);
}
