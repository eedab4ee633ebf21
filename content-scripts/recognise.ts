import type { PageMatch, PageStep, Procedure } from '../procedures/types';
import { bestFit, indexOfWord, normWords } from '../lib/text';
import { locateFields, isShown, textOf, type Located } from './locate';
import { decodeId, digitsOf } from '../lib/identifiers';
import type { PageText } from './page-text';
import { labelsOf, queryAll } from './scope';

/**
 * Recognisers: which steps of which procedures the page is. Pure functions of the URL, the page
 * text and the located fields; every procedure is data (procedures/), nothing here knows a portal.
 */

export interface Where {
  pathname: string;
  hash: string;
}

/** `#!/change-email`, `#! / change-email`, `#/change-email?x=1` → `/change-email?x=1` */
export function hashRoute(hash: string): string {
  const h = hash.replace(/^#!?/, '').replace(/\s+/g, '');
  if (!h) return '';
  return h.startsWith('/') ? h : `/${h}`;
}

const reCache = new Map<string, RegExp>();
function re(src: string): RegExp {
  let r = reCache.get(src);
  if (!r) {
    r = new RegExp(src, 'i');
    reCache.set(src, r);
  }
  return r;
}

/** the URL part of a match: cheap, checked before any text is read */
export function urlFits(m: PageMatch, where: Where): boolean {
  if (m.path && !m.path.some((p) => re(p).test(where.pathname))) return false;
  const route = hashRoute(where.hash);
  if (m.hash && !m.hash.some((p) => re(p).test(route))) return false;
  if (m.notHash && m.notHash.some((p) => re(p).test(route))) return false;
  return true;
}

export function matchesOf(step: PageStep): readonly PageMatch[] {
  return Array.isArray(step.match) ? (step.match as readonly PageMatch[]) : [step.match as PageMatch];
}

/** is any of the words on the page, in text that is shown */
function wordsShown(words: readonly string[], text: PageText): boolean {
  for (const w of normWords(words)) {
    for (let i = indexOfWord(text.joined, w); i >= 0; i = indexOfWord(text.joined, w, i + 1)) {
      const chunk = text.chunkAt(i);
      if (chunk && isShown(chunk.el)) return true;
    }
  }
  return false;
}

function wordsPresent(words: readonly string[], text: PageText): boolean {
  return normWords(words).some((w) => indexOfWord(text.joined, w) >= 0);
}

export interface PageFacts {
  where: Where;
  text: PageText;
  /** the document (or part) the facts were read from */
  root?: ParentNode;
  /** fields of a step, located once per scan */
  located(step: PageStep): Located;
}

export function pageFacts(where: Where, text: PageText, root: ParentNode = document): PageFacts {
  const cache = new Map<PageStep, Located>();
  return {
    where,
    text,
    root,
    located(step) {
      let l = cache.get(step);
      if (!l) {
        l = locateFields(step, text, root);
        cache.set(step, l);
      }
      return l;
    },
  };
}

export function pageMatches(m: PageMatch, step: PageStep, facts: PageFacts): boolean {
  if (!urlFits(m, facts.where)) return false;
  if (m.text && !m.text.every((group) => wordsPresent(group, facts.text))) return false;
  if (m.notText && wordsPresent(m.notText, facts.text) && wordsShown(m.notText, facts.text)) return false;
  if (m.text && !m.text.every((group) => wordsShown(group, facts.text))) return false;
  if (m.fields) {
    const found = facts.located(step);
    if (!m.fields.every((f) => found.has(f))) return false;
  }
  return true;
}

export function stepMatches(step: PageStep, facts: PageFacts): boolean {
  return matchesOf(step).some((m) => pageMatches(m, step, facts));
}

/** could any step of these procedures be on this URL at all (no text read) */
export function anyUrlFits(procedures: readonly Procedure[], where: Where): boolean {
  return procedures.some((p) => p.steps.some((s) => s.kind === 'page' && matchesOf(s).some((m) => urlFits(m, where))));
}

export interface Recognised {
  procedure: Procedure;
  step: PageStep;
  index: number;
}

/** every (procedure, step) the page is, in catalogue order */
export function recogniseAll(procedures: readonly Procedure[], facts: PageFacts): Recognised[] {
  const out: Recognised[] = [];
  const verdict = new Map<PageStep, boolean>();
  for (const procedure of procedures) {
    procedure.steps.forEach((step, index) => {
      if (step.kind !== 'page') return;
      let ok = verdict.get(step);
      if (ok === undefined) {
        ok = stepMatches(step, facts);
        verdict.set(step, ok);
      }
      if (ok) out.push({ procedure, step, index });
    });
  }
  return out;
}

/**
 * One answer for the page. The procedure the user follows wins when the page is one of its steps;
 * else the first procedure in catalogue order. Within a procedure the latest matching step wins:
 * a page that shows both the tab and the button behind it means the user is already at the button.
 */
export function choose(all: readonly Recognised[], followed: string | null): Recognised | null {
  if (!all.length) return null;
  const inFollowed = followed ? all.filter((r) => r.procedure.id === followed) : [];
  const pool = inFollowed.length ? inFollowed : all.filter((r) => r.procedure === all[0]!.procedure);
  return pool.reduce((a, b) => (b.index > a.index ? b : a));
}

/** what Qadam knows beyond the page: the active profile's kind, the step it last saw */
export interface Evidence {
  profileKind?: 'individual' | 'ie' | 'legal' | null;
  last?: { procedure: string; step: string } | null;
}

/** the chosen tab, option, radio or toggle: what a page shows as active */
const ACTIVE =
  '[aria-selected=true],[aria-checked=true],[aria-pressed=true],[aria-current=page],' +
  '[aria-current=true],.ui-state-active,.ui-tabs-selected,.gwt-TabBarItem-selected,.mat-mdc-tab-active,' +
  '.mdc-tab--active,.Mui-selected,.active,.selected,input[type=radio]:checked';
const MAX_ACTIVE = 40;

/** the captions of the page's active choices, normalised (read once per decision, few elements) */
function activeCaptions(root: ParentNode): string[] {
  const out: string[] = [];
  const els = queryAll(root, ACTIVE);
  for (let i = 0; i < els.length && i < MAX_ACTIVE; i++) {
    const el = els[i]!;
    const t =
      el instanceof HTMLInputElement
        ? labelsOf(el)
            .map((l) => textOf(l))
            .join(' ')
        : textOf(el);
    if (t && t.length <= 120 && isShown(el)) out.push(t);
  }
  return out;
}

/** the kind of subject the step's `subject` fields show: a BIN is a legal entity's, an IIN a person's */
function shownKind(r: Recognised, facts: PageFacts): 'legal' | 'person' | null {
  const located = facts.located(r.step);
  for (const f of r.step.fields) {
    const el = f.subject ? located.get(f.id) : undefined;
    if (!el) continue;
    const raw = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.value : (el.textContent ?? '');
    for (const m of digitsOf(raw).match(/\d{12}/g) ?? []) {
      if (decodeId('bin', m)) return 'legal';
      if (decodeId('iin', m)) return 'person';
    }
  }
  return null;
}

/**
 * How much the page (and what Qadam knows) speaks for a candidate procedure: its own tab or
 * choice is the active one, the subject shown is of its kind, the active profile is of its kind,
 * it is the procedure last seen. Catalogue order only breaks ties.
 */
function evidenceFor(r: Recognised, facts: PageFacts, active: readonly string[], ev: Evidence): number {
  let score = 0;
  const p = r.procedure;
  // an active tab/choice whose caption is an action of this procedure (the «Заңды тұлға» tab)
  if (active.length) {
    const fits = p.steps.some(
      (s) => s.kind === 'page' && s.fields.some((f) => f.kind === 'action' && active.some((a) => bestFit(a, normWords(f.labels)) >= 2)),
    );
    if (fits) score += 4;
  }
  if (p.subjectKind) {
    const shown = shownKind(r, facts);
    if (shown) score += (shown === 'legal') === (p.subjectKind === 'legal') ? 3 : -3;
    if (ev.profileKind) score += ev.profileKind === p.subjectKind ? 2 : ev.profileKind === 'legal' || p.subjectKind === 'legal' ? -2 : 0;
  }
  if (ev.last?.procedure === p.id) score += 1;
  return score;
}

/**
 * As `choose`, but with nothing followed a page that is a step of several procedures is taken by
 * its evidence (`evidenceFor`), not by catalogue order alone.
 */
export function chooseByEvidence(
  all: readonly Recognised[],
  followed: string | null,
  facts: PageFacts,
  ev: Evidence = {},
): Recognised | null {
  if (!all.length) return null;
  if (followed && all.some((r) => r.procedure.id === followed)) return choose(all, followed);
  const procs = [...new Set(all.map((r) => r.procedure))];
  if (procs.length < 2) return choose(all, null);
  const active = activeCaptions(facts.root ?? document);
  let best = procs[0]!;
  let bestScore = -Infinity;
  for (const p of procs) {
    const latest = all.filter((r) => r.procedure === p).reduce((a, b) => (b.index > a.index ? b : a));
    const score = evidenceFor(latest, facts, active, ev);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return choose(all, best.id);
}

export function isDone(step: PageStep, facts: PageFacts): boolean {
  return !!step.done && pageMatches(step.done, step, facts);
}

/**
 * As `choose`, but a page that is several steps at once (the Single Window form and its submit
 * button) is taken as `step` when that is one of them: the training sandbox shows the step asked for.
 */
export function chooseStep(
  all: Recognised[],
  followed: string | null,
  step: string | null,
  facts?: PageFacts,
  ev?: Evidence,
): Recognised | null {
  const asked = step ? all.find((r) => r.procedure.id === followed && r.step.id === step) : undefined;
  return asked ?? (facts ? chooseByEvidence(all, followed, facts, ev) : choose(all, followed));
}
