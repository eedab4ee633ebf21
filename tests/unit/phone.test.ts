import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import { validPhone } from '../../lib/phone';
import phoneMetadata from '../../lib/phone-metadata.json';

/**
 * lib/phone.ts reads libphonenumber's metadata itself (the library stays out of the content
 * script, issue 13). Here it is checked against libphonenumber-js (a dev dependency) with the
 * same metadata, on every typed form built from a set of numbers, prefixes and separators: the
 * two must agree on each.
 */
function library(v: string, country: CountryCode): boolean {
  const p = parsePhoneNumberFromString(v, country, phoneMetadata as unknown as MetadataJson);
  return !!p && p.country === country && p.isValid();
}

/** national significant numbers: Kazakh mobiles and cities, Russian ones, Uzbek ones, wrong lengths and starts */
const NUMBERS = [
  '7012345678',
  '7272505050',
  '7172123456',
  '7771234567',
  '7081234567',
  '4951234567',
  '9161234567',
  '3432123456',
  '8001234567',
  '901234567',
  '711234567',
  '331234567',
  '201234567',
  '951234567',
  '551234567',
  '611234567',
  '121234567',
  '401234567',
  '701234567',
  '70123456789',
  '12345',
  '7',
  '1',
  '812345678901234',
  '80123456789012',
  '8012345678',
];
/** how people begin a number: international, with the national prefix, by the international prefix, bare */
const PREFIXES = [
  '',
  '+7',
  '+998',
  '7',
  '998',
  '8',
  '810 7 ',
  '8 10 998 ',
  '00 998 ',
  '00998',
  '8 10 7',
  '+',
  '+1',
  '0',
  '8 8',
  '+7 8',
  '77',
  '998 998',
];
/** how the digits are spaced */
function shapes(n: string): string[] {
  const g = (sizes: number[], sep: string) => {
    const out: string[] = [];
    let i = 0;
    for (const s of sizes) {
      if (i >= n.length) break;
      out.push(n.slice(i, i + s));
      i += s;
    }
    if (i < n.length) out.push(n.slice(i));
    return out.join(sep);
  };
  return [
    n,
    g([3, 3, 2, 2], ' '),
    `(${n.slice(0, 3)}) ${g([3, 2, 2], '-').slice(0)}`.replace(/\(\) /, ''),
    g([2, 3, 2, 2], '-'),
    g([3, 3, 4], '.'),
    ` ${n} `,
  ];
}

describe('phones: lib/phone.ts agrees with libphonenumber-js on the same metadata', () => {
  const cases: string[] = [];
  for (const n of NUMBERS)
    for (const p of PREFIXES) for (const s of shapes(n)) cases.push(`${p}${p && !p.endsWith(' ') && s.startsWith('(') ? ' ' : ''}${s}`);
  cases.push('+7 (727) 250-50-50', '8 (701) 234-56-78', '+998 (90) 123-45-67', '+7 701 234 56 78', '8-701-234-56-78', '+ 7 701 234 56 78');
  for (const country of ['KZ', 'UZ'] as const) {
    it(`${country}: ${cases.length} typed forms, the same verdict`, () => {
      const differ = cases
        .filter((v) => validPhone(v, country) !== library(v, country))
        .map((v) => `${v} → ours ${validPhone(v, country)}`);
      expect(differ).toEqual([]);
      // the corpus holds both verdicts
      expect(cases.some((v) => validPhone(v, country))).toBe(true);
      expect(cases.some((v) => !validPhone(v, country))).toBe(true);
    });
  }

  it('stricter on purpose: a number inside other text is not a number', () => {
    expect(validPhone('тел. +7 701 234 56 78', 'KZ')).toBe(false);
    expect(validPhone('+7 701 234 56 78 доб. 12', 'KZ')).toBe(false);
    expect(validPhone('', 'KZ')).toBe(false);
    expect(validPhone('+7 701 234 56 78', 'XX')).toBe(false);
  });
});
