import { browser } from 'wxt/browser';
import { LANGS, type FieldDef, type Lang, type PageStep, type PortalId, type Procedure, type RuleId } from '../procedures/types';

/**
 * Guides people make (contract.md «Guides people teach, record and share»): the guide-file shape,
 * its conversion into the catalogue's Procedure type (the same engine runs both), the texts a
 * guide brings (shown only as text), and where guides and taught fields are kept.
 *
 * No valibot here: the content script imports this module and must stay small. Files are
 * validated where they come in (lib/guides.ts: the options page, the background); what storage
 * holds was validated there.
 */

export type Texts = Partial<Record<Lang, string>>;

export interface GuideField {
  id: string;
  kind: 'input' | 'action';
  labels: string[];
  inputTypes?: string[];
  rule?: RuleId;
  hint?: Texts;
}

export interface GuideStep {
  id: string;
  /** extension of the contract's shape (optional): the step's name in the popup */
  title?: Texts;
  match: { path?: string[]; hash?: string[]; text?: string[][] };
  fields: GuideField[];
}

export interface Guide {
  id: string;
  portal: PortalId;
  /** extension (optional): another government site it runs on, asked for at runtime (lib/guide-host.ts) */
  host?: string;
  title: Texts;
  steps: GuideStep[];
}

export interface GuideFile {
  format: 'qadam-guide';
  version: 1;
  guides: Guide[];
}

/** `guide.<slug>`: a guide's procedure id (never one of the catalogue's) */
export const GUIDE_PREFIX = 'guide.';
export const isGuideId = (id: string | null | undefined): boolean => !!id && id.startsWith(GUIDE_PREFIX);

/** a guide as a procedure of the catalogue's type: the same recognisers, locators and rings */
export function guideToProcedure(g: Guide): Procedure {
  return {
    id: g.id,
    portal: g.portal,
    steps: g.steps.map((s): PageStep => ({
      id: s.id,
      kind: 'page',
      match: {
        ...(s.match.path?.length ? { path: s.match.path } : {}),
        ...(s.match.hash?.length ? { hash: s.match.hash } : {}),
        ...(s.match.text?.length ? { text: s.match.text } : {}),
      },
      fields: s.fields.map((f): FieldDef => ({
        id: f.id,
        kind: f.kind,
        labels: f.labels,
        ...(f.inputTypes?.length ? { inputTypes: f.inputTypes } : {}),
        ...(f.rule ? { rule: f.rule } : {}),
        // a recorded field may be absent in some variants of the page: not a problem to report
        optional: false,
      })),
    })),
  };
}

/** the text in `lang`, else English, else the first language it has */
export function pick(t: Texts | undefined, lang: Lang): string {
  if (!t) return '';
  return t[lang] ?? t.en ?? LANGS.map((l) => t[l]).find((x) => !!x) ?? '';
}

const words = (id: string) => id.replace(/[-_]+/g, ' ');

/**
 * The locale fragment of a guide in one language, in the catalogue's key layout
 * (`procedures.guide.<slug>.steps.<step>.fields.<field>`), so the engine, the popup and the
 * handout read a guide's texts as they read the catalogue's. Every text comes from the guide.
 */
export function guideStrings(g: Guide, lang: Lang): Record<string, unknown> {
  const title = pick(g.title, lang) || words(g.id.slice(GUIDE_PREFIX.length));
  const steps: Record<string, unknown> = {};
  for (const s of g.steps) {
    const stepTitle = pick(s.title, lang) || words(s.id);
    const fields: Record<string, string> = {};
    const names: Record<string, string> = {};
    for (const f of s.fields) {
      const name = f.labels.reduce((a, b) => (b.length < a.length ? b : a), f.labels[0] ?? '') || words(f.id);
      fields[f.id] = pick(f.hint, lang) || name;
      names[f.id] = name;
    }
    steps[s.id] = { title: stepTitle, text: stepTitle, fields, names };
  }
  return { title, summary: title, steps };
}

/** `{ procedures: { guide: { <slug>: … } } }` for every guide, in one language */
export function guidesTree(guides: readonly Guide[], lang: Lang): { procedures: { guide: Record<string, unknown> } } {
  const out: Record<string, unknown> = {};
  for (const g of guides) out[g.id.slice(GUIDE_PREFIX.length)] = guideStrings(g, lang);
  return { procedures: { guide: out } };
}

// ---- storage ----------------------------------------------------------------------------------

/** imported and recorded guides: `{ v: 1, guides: Guide[] }` */
export const GUIDES_KEY = 'guides';
/** the organisation's guides from the managed policy, copied by the background */
export const POLICY_GUIDES_KEY = 'policyGuides';
/** fields taught by pointing: `{ v: 1, taught: Taught[] }` */
export const TAUGHT_KEY = 'taught';
/** a recording in progress (survives page loads): `{ v: 1, … }` */
export const RECORDING_KEY = 'recording';

/** what is kept of an element a user pointed at: what it looks like, never its value */
export interface ElementDescription {
  /** the element's kind: input, select, textarea, button, a, or a role */
  tag: string;
  role: string;
  /** input type ('' for none) */
  type: string;
  /** normalised caption words near it (its label, its caption) */
  words: string[];
  /** its place among the form's (or page's) controls of the same tag, and how many there were */
  index: number;
  count: number;
}

export interface Taught {
  procedure: string;
  step: string;
  field: string;
  el: ElementDescription;
  at: number;
}

function listOf<T>(raw: unknown, key: string): T[] {
  if (!raw || typeof raw !== 'object' || (raw as { v?: unknown }).v !== 1) return [];
  const list = (raw as Record<string, unknown>)[key];
  return Array.isArray(list) ? (list as T[]) : [];
}

export async function loadGuides(): Promise<{ own: Guide[]; policy: Guide[] }> {
  try {
    const got = await browser.storage.local.get([GUIDES_KEY, POLICY_GUIDES_KEY]);
    return { own: listOf<Guide>(got[GUIDES_KEY], 'guides'), policy: listOf<Guide>(got[POLICY_GUIDES_KEY], 'guides') };
  } catch {
    return { own: [], policy: [] };
  }
}

/** every guide in use: the policy's first, then the user's (an id the policy has wins) */
export function allGuides(g: { own: Guide[]; policy: Guide[] }): Guide[] {
  const seen = new Set(g.policy.map((x) => x.id));
  return [...g.policy, ...g.own.filter((x) => !seen.has(x.id))];
}

export async function saveGuides(guides: Guide[]): Promise<void> {
  await browser.storage.local.set({ [GUIDES_KEY]: { v: 1, guides } });
}

export async function loadTaught(): Promise<Taught[]> {
  try {
    return listOf<Taught>((await browser.storage.local.get(TAUGHT_KEY))[TAUGHT_KEY], 'taught');
  } catch {
    return [];
  }
}

export async function saveTaught(list: Taught[]): Promise<void> {
  await browser.storage.local.set({ [TAUGHT_KEY]: { v: 1, taught: list } });
}

export function fileOf(guides: readonly Guide[]): GuideFile {
  return { format: 'qadam-guide', version: 1, guides: [...guides] };
}
