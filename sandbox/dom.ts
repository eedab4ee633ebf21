import { PROCEDURES, procedureById } from '../procedures';
import { LANGS, type Lang, type Procedure } from '../procedures/types';

/**
 * What the training pages share: an element builder (properties, and `data-*`, `aria-*`, `role`
 * as attributes) and their address, `<page>.html#/<procedure id>[/<step id>][?lang=…]` (or
 * `?lang=` before the hash).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role') e.setAttribute(k, String(v));
    else (e as unknown as Record<string, unknown>)[k] = v;
  }
  e.append(...kids);
  return e;
}

export interface Address {
  proc: Procedure;
  /** '' when the address names no step */
  stepId: string;
  lang: Lang;
  /** the procedure or step the address names that the catalogue does not have ('' when all is known) */
  unknown: string;
  /** the address names its language (`?lang=`): the language rule (lib/language.ts) does not apply */
  langNamed: boolean;
}

/**
 * The procedure, step and language the address names (no language: `fallback`). An unknown
 * procedure or step is named in `unknown` (and `proc` is the first, for the pickers only).
 */
export function addressOf(loc: Pick<Location, 'hash' | 'search'>, fallback: Lang): Address {
  const [path = '', query = ''] = loc.hash.replace(/^#\/?/, '').split('?');
  const [procId = '', stepId = ''] = path.split('/');
  const wanted = [new URLSearchParams(query).get('lang'), new URLSearchParams(loc.search).get('lang')];
  const named = wanted.find((x): x is Lang => !!x && (LANGS as readonly string[]).includes(x));
  const lang = named ?? fallback;
  const known = procedureById(procId);
  const unknown = procId && !known ? procId : known && stepId && !known.steps.some((s) => s.id === stepId) ? `${procId}/${stepId}` : '';
  return { proc: known ?? PROCEDURES[0]!, stepId, lang, unknown, langNamed: !!named };
}
