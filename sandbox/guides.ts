import { PROCEDURES, setGuideProcedures } from '../procedures';
import { LANGS, type Lang, type Procedure } from '../procedures/types';
import { allGuides, guidesTree, guideToProcedure, isGuideId, loadGuides, type Guide } from '../lib/guide-model';
import { lookup } from '../lib/lookup';
import { h } from './dom';
import { has as hasLocale, t as tLocale } from '../lib/strings';

/**
 * The guides people made (contract.md «Guides people teach, record and share») in the training
 * pages: the handout prints them and the sandbox shows their steps as cards (a guide has no replica
 * page). Read from storage as the popup reads them (components/guide-store.ts): the policy's and
 * the user's guides, never one with a catalogue id, as catalogue procedures (lib/guide-model.ts),
 * their texts under `procedures.guide.<slug>.…`, in the user's language with the guide's fallback.
 * A guide's words are shown as text only.
 */

const GUIDE_KEY = 'procedures.guide.';
let texts: Record<Lang, unknown> = { en: {}, kk: {}, ru: {}, uz: {} };
let procedures: Procedure[] = [];
let guides: Guide[] = [];

/** read the guides; afterwards `procedureById` (and so the pages' addresses) finds them */
export async function loadPageGuides(): Promise<Procedure[]> {
  const g = await loadGuides();
  guides = allGuides(g).filter((x) => isGuideId(x.id) && !PROCEDURES.some((p) => p.id === x.id));
  procedures = guides.map(guideToProcedure);
  setGuideProcedures(procedures);
  texts = Object.fromEntries(LANGS.map((l) => [l, guidesTree(guides, l)])) as Record<Lang, unknown>;
  return procedures;
}

export const guideProcedures = (): readonly Procedure[] => procedures;

/** the locale files, and a guide's own texts for `procedures.guide.…` keys */
export const t = (lang: Lang, key: string, params?: Record<string, string | number>): string =>
  key.startsWith(GUIDE_KEY) ? lookup(texts, lang, key) : tLocale(lang, key, params);
export const has = (lang: Lang, key: string): boolean =>
  key.startsWith(GUIDE_KEY) ? lookup(texts, lang, key) !== key : hasLocale(lang, key);

export interface GuideFieldText {
  id: string;
  kind: 'input' | 'action';
  /** the field's caption on the portal (its shortest label) */
  name: string;
  /** the guide's hint in `lang` (fallback: English, then any); '' when it has none */
  hint: string;
}

/** a guide step's fields with their names and hints, in order ([] for a catalogue procedure) */
export function guideFields(procedureId: string, stepId: string, lang: Lang): GuideFieldText[] {
  const step = guides.find((g) => g.id === procedureId)?.steps.find((s) => s.id === stepId);
  if (!step) return [];
  const base = `procedures.${procedureId}.steps.${stepId}`;
  return step.fields.map((f) => {
    const name = lookup(texts, lang, `${base}.names.${f.id}`);
    const hint = lookup(texts, lang, `${base}.fields.${f.id}`);
    return { id: f.id, kind: f.kind, name, hint: hint === name ? '' : hint };
  });
}

/** a guide step's fields as a list (text only), under a heading; null when the step has none */
export function guideFieldList(procedureId: string, stepId: string, lang: Lang): HTMLElement | null {
  const fields = guideFields(procedureId, stepId, lang);
  if (!fields.length) return null;
  const list = h('ul', { className: 'fields' });
  for (const f of fields) {
    const li = h('li', { 'data-guide-field': f.id, 'data-kind': f.kind }, h('strong', {}, f.name));
    if (f.hint) li.append(' — ', f.hint);
    list.append(li);
  }
  return h('div', { className: 'guide-fields' }, h('h3', {}, t(lang, 'handout.fields')), list);
}
