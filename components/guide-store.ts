import { create } from 'zustand';
import { browser } from 'wxt/browser';
import { useTranslation } from 'react-i18next';
import { procedureById, PROCEDURES, setGuideProcedures } from '../procedures';
import { LANGS, type Lang, type Procedure } from '../procedures/types';
import {
  allGuides,
  GUIDES_KEY,
  guidesTree,
  guideToProcedure,
  loadGuides,
  loadTaught,
  POLICY_GUIDES_KEY,
  TAUGHT_KEY,
  type Guide,
  type Taught,
} from '../lib/guide-model';
import { lookup } from '../lib/lookup';

/**
 * The guides people made, as the popup and the options page see them: their procedures and their
 * texts (looked up without i18next: a guide's text is shown as it is written, nothing in it is
 * interpreted).
 */
export interface GuidesState {
  loaded: boolean;
  own: Guide[];
  policy: Guide[];
  taught: Taught[];
  procedures: Procedure[];
  texts: Record<Lang, unknown>;
  load(): Promise<void>;
}

const EMPTY_TEXTS = { en: {}, kk: {}, ru: {}, uz: {} } as Record<Lang, unknown>;

export const useGuides = create<GuidesState>((set) => ({
  loaded: false,
  own: [],
  policy: [],
  taught: [],
  procedures: [],
  texts: EMPTY_TEXTS,
  async load() {
    const read = async () => {
      const [g, taught] = await Promise.all([loadGuides(), loadTaught()]);
      const all = allGuides(g).filter((x) => !PROCEDURES.some((p) => p.id === x.id));
      const procedures = all.map(guideToProcedure);
      setGuideProcedures(procedures); // progress (lib/progress.ts) finds them by id too
      set({
        loaded: true,
        own: g.own,
        policy: g.policy,
        taught,
        procedures,
        texts: Object.fromEntries(LANGS.map((l) => [l, guidesTree(all, l)])) as Record<Lang, unknown>,
      });
    };
    await read();
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && (GUIDES_KEY in changes || POLICY_GUIDES_KEY in changes || TAUGHT_KEY in changes)) void read();
    });
  },
}));

/** a procedure of the catalogue or a guide */
export function findProcedure(id: string | null | undefined, guides: readonly Procedure[]): Procedure | undefined {
  return procedureById(id) ?? (id ? guides.find((p) => p.id === id) : undefined);
}

/** `t` that reads a guide's own texts for `procedures.guide.…` keys and the locale files otherwise */
export function useGuideT(): (key: string, params?: Record<string, string | number>) => string {
  const { t, i18n } = useTranslation();
  const texts = useGuides((s) => s.texts);
  return (key, params) => (key.startsWith('procedures.guide.') ? lookup(texts, (i18n.language as Lang) ?? 'en', key) : t(key, params));
}
