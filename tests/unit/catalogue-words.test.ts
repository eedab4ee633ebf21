import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../procedures';
import type { PageMatch, Words } from '../../procedures/types';
import { findWord, fit, indexOfWord, norm, normWord } from '../../lib/text';

/**
 * The whole catalogue, phrase by phrase: every Words array of every step (match text/notText,
 * done, field labels/notLabels) must match its own text as a portal would print it — with its
 * stems inflected, in capitals, with extra spaces, with en/em dashes, with a trailing colon or
 * asterisk. Nothing may be dropped or turned literal by normalisation.
 */

interface Phrase {
  where: string;
  phrase: string;
}

function collect(): Phrase[] {
  const out: Phrase[] = [];
  const add = (where: string, words: Words | undefined) => words?.forEach((phrase) => out.push({ where, phrase }));
  const addMatch = (where: string, m: PageMatch | undefined) => {
    if (!m) return;
    m.text?.forEach((g, i) => add(`${where}.text[${i}]`, g));
    add(`${where}.notText`, m.notText);
  };
  for (const p of PROCEDURES) {
    for (const s of p.steps) {
      if (s.kind !== 'page') continue;
      const at = `${p.id}/${s.id}`;
      (Array.isArray(s.match) ? (s.match as readonly PageMatch[]) : [s.match as PageMatch]).forEach((m, i) =>
        addMatch(`${at}.match[${i}]`, m),
      );
      addMatch(`${at}.done`, s.done);
      for (const f of s.fields) {
        add(`${at}.${f.id}.labels`, f.labels);
        add(`${at}.${f.id}.notLabels`, f.notLabels);
      }
    }
  }
  return out;
}

const PHRASES = collect();
const CYRILLIC = /[\u0400-\u04ff]/;

/** the phrase as a page prints it: each stem given an ending of its script */
function printed(phrase: string, ending: (stem: string) => string): string {
  return phrase.replace(/([\p{L}\p{N}]+)\*/gu, (_, stem: string) => stem + ending(stem));
}
const endings: Array<(stem: string) => string> = [
  () => '',
  (stem) => (CYRILLIC.test(stem) ? 'ами' : 'lari'),
  (stem) => (CYRILLIC.test(stem) ? 'и' : 'ing'),
];

/** how a portal may print the same caption */
const VARIANTS: Array<[string, (s: string) => string]> = [
  ['as written', (s) => s],
  ['upper case', (s) => s.toUpperCase()],
  ['extra spaces', (s) => `  ${s.replace(/ /g, '   ')}  `],
  ['en dash', (s) => s.replace(/-/g, ' – ')],
  ['em dash', (s) => s.replace(/-/g, '—')],
  ['trailing colon', (s) => `${s}:`],
  ['trailing asterisk', (s) => `${s} *`],
  ['glued asterisk', (s) => `${s}*`],
];

describe('the catalogue words', () => {
  it('has phrases to walk', () => {
    expect(PHRASES.length).toBeGreaterThan(300);
  });

  it('no phrase is dropped by normalisation', () => {
    const empty = PHRASES.filter((p) => !normWord(p.phrase).replace(/\*/g, ''));
    expect(empty).toEqual([]);
  });

  it('every "*" of the catalogue is a stem and stays one (none turned literal or lost)', () => {
    const bad = PHRASES.filter(({ phrase }) => {
      const stems = (phrase.match(/[\p{L}\p{N}]\*/gu) ?? []).length;
      const stars = (phrase.match(/\*/g) ?? []).length;
      return stars !== stems || (normWord(phrase).match(/\*/g) ?? []).length !== stems;
    });
    expect(bad).toEqual([]);
  });

  it('a stem in the middle of a phrase fits (Single Window security policy)', () => {
    const w = normWord('политик* безопасности');
    expect(w).toBe('политик* безопасности');
    expect(fit(norm('Политика безопасности'), w)).toBe(3);
    expect(indexOfWord(norm('Я ознакомлен с условиями политики безопасности'), w)).toBeGreaterThan(0);
    expect(fit(norm('Политикой безопасности'), w)).toBe(3);
    expect(fit(norm('политика безопасностью'), w)).toBe(0); // the last word is not a stem
    expect(fit(norm('геополитика безопасности'), w)).toBe(0); // whole words only
  });

  describe.each(VARIANTS)('%s', (_, variant) => {
    it('every phrase fits its own text, alone and inside a sentence, with its stems inflected', () => {
      const misses: string[] = [];
      for (const { where, phrase } of PHRASES) {
        const word = normWord(phrase);
        const core = word.replace(/\*/g, '');
        for (const ending of phrase.includes('*') ? endings : endings.slice(0, 1)) {
          const page = norm(variant(printed(phrase, ending)));
          if (!fit(page, word)) misses.push(`${where}: «${phrase}» ≠ «${page}»`);
          // a short caption («Да», «ИП») must be the whole text; a longer one may stand in a sentence
          if (core.length > 3) {
            const sentence = norm(`Текст перед ним: ${variant(printed(phrase, ending))} и после него.`);
            if (!findWord(sentence, word)) misses.push(`${where}: «${phrase}» not in «${sentence}»`);
          }
        }
      }
      expect(misses).toEqual([]);
    });
  });
});
