import { describe, expect, it } from 'vitest';
import { PROCEDURES, PORTALS } from '../../procedures';
import { LANGS } from '../../procedures/types';
import { RESOURCES } from '../../lib/strings';

function flat(o: unknown, p = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    const key = p ? `${p}.${k}` : k;
    if (v && typeof v === 'object') flat(v, key, out);
    else out.set(key, String(v));
  }
  return out;
}

const keys = Object.fromEntries(LANGS.map((l) => [l, flat(RESOURCES[l])]));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it.each(LANGS)('%s has exactly the keys of en, with the same placeholders and no empty text', (l) => {
    expect([...keys[l]!.keys()].sort()).toEqual([...keys.en!.keys()].sort());
    for (const [k, v] of keys[l]!) {
      expect(v.trim(), `${l}:${k}`).not.toBe('');
      expect(placeholders(v), `${l}:${k}`).toEqual(placeholders(keys.en!.get(k)!));
    }
  });

  it('every procedure, step and field of the catalogue has its texts', () => {
    const missing: string[] = [];
    for (const p of PROCEDURES) {
      const base = `procedures.${p.id}`;
      for (const k of [`${base}.title`, `${base}.summary`]) if (!keys.en!.has(k)) missing.push(k);
      if (p.registers && !keys.en!.has(`${base}.registered`)) missing.push(`${base}.registered`);
      for (const s of p.steps) {
        for (const k of [`${base}.steps.${s.id}.title`, `${base}.steps.${s.id}.text`]) if (!keys.en!.has(k)) missing.push(k);
        if (s.kind === 'page') {
          for (const f of s.fields) {
            if (f.silent) continue; // read only: no ring, no text
            if (f.firstRegistered && !keys.en!.has(`${base}.steps.${s.id}.first.${f.id}`))
              missing.push(`${base}.steps.${s.id}.first.${f.id}`);
            if (!keys.en!.has(`${base}.steps.${s.id}.fields.${f.id}`)) missing.push(`${base}.steps.${s.id}.fields.${f.id}`);
            if (!keys.en!.has(`fields.${f.id}`)) missing.push(`fields.${f.id}`);
          }
          if (s.warning && !keys.en!.has(`${base}.steps.${s.id}.warning`)) missing.push(`${base}.steps.${s.id}.warning`);
        }
      }
    }
    for (const portal of PORTALS) if (!keys.en!.has(`ui.portalName.${portal.id}`)) missing.push(`ui.portalName.${portal.id}`);
    expect(missing).toEqual([]);
  });

  it('the Kazakh and Russian ESF hints quote the portal captions of their own language', () => {
    const kk = keys.kk!.get('procedures.esf.ie-after-individual.steps.register-as-ie.text')!;
    const ru = keys.ru!.get('procedures.esf.ie-after-individual.steps.register-as-ie.text')!;
    expect(kk).toContain('ЖК ретінде тіркелу');
    expect(ru).toContain('Зарегистрироваться как ИП');
  });
});
