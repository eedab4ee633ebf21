// Writes lib/phone-metadata.json: libphonenumber-js's metadata limited to the countries Qadam's
// rules judge (Kazakhstan +7, which shares its formats with Russia, and Uzbekistan +998), so the
// content script does not carry the whole world's numbering plans. Run after updating the package
// (a dev dependency: lib/phone.ts reads this file; tests/unit/phone.test.ts compares it with the library).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const full = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8'));
const keep = ['RU', 'KZ', 'UZ'];
const out = {
  version: full.version,
  country_calling_codes: { 7: full.country_calling_codes['7'], 998: full.country_calling_codes['998'] },
  // without the formats (position 4): lib/phone.ts only judges validity, which does not read them
  countries: Object.fromEntries(keep.map((c) => [c, full.countries[c].map((x, i) => (i === 4 ? 0 : x))])),
  nonGeographic: {},
};
writeFileSync(new URL('../lib/phone-metadata.json', import.meta.url), JSON.stringify(out) + '\n');
console.log('lib/phone-metadata.json:', JSON.stringify(out).length, 'bytes');
