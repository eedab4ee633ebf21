import { describe, expect, it } from 'vitest';
import { checkRule, checkSame, kzCheckDigit } from '../../lib/rules';

/*
 * Check digits computed by hand (weights 1..11, sum mod 11; if 10, weights 3..11,1,2):
 *
 * IIN 900101300017: 9·1 + 0·2 + 0·3 + 1·4 + 0·5 + 1·6 + 3·7 + 0·8 + 0·9 + 0·10 + 1·11
 *   = 9 + 4 + 6 + 21 + 11 = 51; 51 mod 11 = 7 → check digit 7.
 * IIN 870412300054: 8·1 + 7·2 + 0 + 4·4 + 1·5 + 2·6 + 3·7 + 0 + 0 + 0 + 5·11 = 131; 131 mod 11 = 10,
 *   so the second weights: 8·3 + 7·4 + 0·5 + 4·6 + 1·7 + 2·8 + 3·9 + 0·10 + 0·11 + 0·1 + 5·2
 *   = 24 + 28 + 24 + 7 + 16 + 27 + 10 = 136; 136 mod 11 = 4 → check digit 4.
 * BIN 130440000129: 1·1 + 3·2 + 0·3 + 4·4 + 4·5 + 0·6 + 0·7 + 0·8 + 0·9 + 1·10 + 2·11
 *   = 1 + 6 + 16 + 20 + 10 + 22 = 75; 75 mod 11 = 9 → check digit 9.
 *   (registered 2013-04, 5th digit 4 = resident legal entity, 6th 0 = head office)
 */
describe('kzCheckDigit', () => {
  it('computes the first-pass digit', () => expect(kzCheckDigit('90010130001')).toBe(7));
  it('falls back to the second weights when the first gives 10', () => expect(kzCheckDigit('87041230005')).toBe(4));
  it('computes a BIN digit', () => expect(kzCheckDigit('13044000012')).toBe(9));
});

describe('iin', () => {
  it.each(['900101300017', '870412300054', ' 900101300017 ', '9001 0130 0017'])('accepts %s', (v) => {
    expect(checkRule('iin', v)).toBeNull();
  });
  it('rejects a wrong check digit', () => expect(checkRule('iin', '900101300018')).toEqual({ key: 'iin.checksum' }));
  it('rejects the other fallback digit', () => expect(checkRule('iin', '870412300055')).toEqual({ key: 'iin.checksum' }));
  it('says how many digits were typed', () =>
    expect(checkRule('iin', '90010130001')).toEqual({ key: 'iin.length', params: { count: 11 } }));
  it('rejects letters', () => expect(checkRule('iin', '90010130001a')).toEqual({ key: 'iin.digits' }));
  it('rejects an impossible birth date', () => expect(checkRule('iin', '901301300017')).toEqual({ key: 'iin.date' }));
  it('rejects a century digit outside 1–6', () => expect(checkRule('iin', '900101700017')).toEqual({ key: 'iin.century' }));
});

describe('bin', () => {
  it('accepts a valid BIN', () => expect(checkRule('bin', '130440000129')).toBeNull());
  it('rejects a wrong check digit', () => expect(checkRule('bin', '130440000128')).toEqual({ key: 'bin.checksum' }));
  it('rejects a bad month', () => expect(checkRule('bin', '131340000129')).toEqual({ key: 'bin.month' }));
  it('rejects a bad entity kind (5th digit)', () => expect(checkRule('bin', '130410000129')).toEqual({ key: 'bin.kind' }));
  it('rejects a bad attribute (6th digit)', () => expect(checkRule('bin', '130449000129')).toEqual({ key: 'bin.attribute' }));
  it('iin-or-bin picks the rule by the 5th digit', () => {
    expect(checkRule('iin-or-bin', '130440000129')).toBeNull();
    expect(checkRule('iin-or-bin', '900101300017')).toBeNull();
    expect(checkRule('iin-or-bin', '900101300018')).toEqual({ key: 'iin.checksum' });
  });
});

describe('email', () => {
  it.each(['a@b.kz', 'aidana.sarsen@mail.ru', 'buh+esf@company.co.kz'])('accepts %s', (v) => expect(checkRule('email', v)).toBeNull());
  it.each(['aidana', 'a@b', 'a b@c.kz', '@mail.ru', 'a@@b.kz', 'a@b..kz'])('rejects %s', (v) =>
    expect(checkRule('email', v)).toEqual({ key: 'email.format' }),
  );
});

describe('same-as', () => {
  it('accepts equal entries', () => expect(checkSame('Qwerty!234', 'Qwerty!234')).toBeNull());
  it('rejects different entries', () => expect(checkSame('Qwerty!234', 'Qwerty!235')).toEqual({ key: 'sameAs.mismatch' }));
});

describe('Uzbekistan rules', () => {
  it('pinfl: 14 digits, never judged on a check digit', () => {
    expect(checkRule('pinfl', '31234567890123')).toBeNull();
    expect(checkRule('pinfl', '31234567890124')).toBeNull();
    expect(checkRule('pinfl', '3123456789012')).toEqual({ key: 'pinfl.length', params: { count: 13 } });
    expect(checkRule('pinfl', '3123456789012x')).toEqual({ key: 'pinfl.digits' });
  });
  it('passport-uz: two Latin capitals and seven digits', () => {
    expect(checkRule('passport-uz', 'AA1234567')).toBeNull();
    expect(checkRule('passport-uz', 'AA 1234567')).toBeNull();
    expect(checkRule('passport-uz', 'aa1234567')).toEqual({ key: 'passport-uz.format' });
    expect(checkRule('passport-uz', 'АА1234567')).toEqual({ key: 'passport-uz.format' }); // Cyrillic А
    expect(checkRule('passport-uz', 'AA123456')).toEqual({ key: 'passport-uz.format' });
  });
  it('password-oneid: at least 8 characters with a special one', () => {
    expect(checkRule('password-oneid', 'Toshkent#2024')).toBeNull();
    expect(checkRule('password-oneid', 'Tosh#24')).toEqual({ key: 'password-oneid.length', params: { count: 7 } });
    expect(checkRule('password-oneid', 'Toshkent2024')).toEqual({ key: 'password-oneid.special' });
  });
  it('login-oneid: at least 5 characters', () => {
    expect(checkRule('login-oneid', 'aziz1')).toBeNull();
    expect(checkRule('login-oneid', 'aziz')).toEqual({ key: 'login-oneid.length', params: { count: 4 } });
  });
});

describe('phones (libphonenumber metadata for +7 and +998, read by lib/phone.ts)', () => {
  it.each(['+7 701 234 56 78', '+7 (727) 250-50-50', '8 701 234 56 78', '+77012345678'])('phone-kz accepts %s', (v) =>
    expect(checkRule('phone-kz', v)).toBeNull(),
  );
  it.each(['+7 495 123 45 67' /* Moscow: +7 but not Kazakhstan */, '+7 701 234 56', '+998 90 123 45 67', 'телефон'])(
    'phone-kz rejects %s',
    (v) => expect(checkRule('phone-kz', v)).toEqual({ key: 'phone-kz.invalid' }),
  );
  it.each(['+998 90 123 45 67', '+998 71 123 45 67', '90 123 45 67'])('phone-uz accepts %s', (v) =>
    expect(checkRule('phone-uz', v)).toBeNull(),
  );
  it.each(['+998 90 123 45', '+7 701 234 56 78', '12345'])('phone-uz rejects %s', (v) =>
    expect(checkRule('phone-uz', v)).toEqual({ key: 'phone-uz.invalid' }),
  );
});
