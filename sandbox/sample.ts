import type { FieldDef } from '../procedures/types';

/**
 * Sample data for training: clearly fictitious, and valid for the rules (the IIN and BIN carry
 * correct check digits; the phone numbers are well-formed test numbers). Never a real person's.
 */
const BY_RULE: Record<string, string> = {
  iin: '781105301459',
  bin: '190540028173',
  'iin-or-bin': '781105301459',
  email: 'trainee@example.kz',
  pinfl: '31205880120031',
  'passport-uz': 'AA1234567',
  'phone-kz': '+7 701 123 4567',
  'phone-uz': '+998 90 123 45 67',
  'password-oneid': 'Training#2025',
  'login-oneid': 'trainee01',
};
const BY_FIELD: Record<string, string> = {
  password: 'Training#2025',
  username: 'trainee01',
  login: 'trainee01',
  address: 'Training street 1',
  captcha: '12345',
  code: '123456',
};

export function sampleValue(f: FieldDef): string | null {
  if (f.rule && BY_RULE[f.rule]) return BY_RULE[f.rule]!;
  return BY_FIELD[f.id] ?? null;
}
