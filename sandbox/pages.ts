import { PORTALS, PROCEDURES, procedureById } from '../procedures';
import type { Lang, PortalId } from '../procedures/types';
import { isGuideId } from '../lib/guide-model';
import { REPLICA_CASES as CASES, type ReplicaCase } from '../replicas';
import { SANDBOX_HTML } from '../replicas/sandbox-pages';

/**
 * The training sandbox's pages are the replica pages of replicas/ (one source of truth):
 * for a procedure's page step and a language, the replica that shows exactly that step, in that
 * language when there is one, whose HTML needs no script of its own (the extension's pages run
 * none). Each stands for the portal address in its case (`url`), which the engine is given.
 */

export interface SandboxPage {
  portal: PortalId;
  file: string;
  /** the portal address this page stands for */
  url: string;
  lang: string;
  /** the field ids the replica marks (data-expect) for this step */
  fields: string[];
}

/** replicas whose only script expands late-rendered <template data-late> (the sandbox does that itself) */
const LATE_ONLY = /^document\.querySelectorAll\('template\[data-late\]'\)/;

export function needsOwnScript(html: string): boolean {
  for (const m of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) if (!LATE_ONLY.test(m[1]!.trim())) return true;
  return false;
}

/** which cases can be sandbox pages: static, no staged single-page app, no deliberate fault */
function usable(c: ReplicaCase): boolean {
  return !c.browserOnly && c.stage === undefined && !c.file.startsWith('fault-');
}

/**
 * The sandbox page of a page step, or null. `scriptFree` tells whether a file needs a script of
 * its own (known to the caller that has read it; the unit test checks every chosen page).
 */
export function pageFor(procedureId: string, stepId: string, lang: Lang): SandboxPage | null {
  const proc = procedureById(procedureId);
  const step = proc?.steps.find((s) => s.id === stepId);
  // a guide people made has no replica (a step id it shares with the catalogue is another page)
  if (!proc || isGuideId(proc.id) || !step || step.kind !== 'page') return null;
  const portal = PORTALS.find((p) => p.id === proc.portal)!;
  const required = step.fields.filter((f) => !f.optional && !f.silent).map((f) => f.id);
  const scored = CASES[proc.portal]
    .filter((c) => usable(c) && c.steps.includes(stepId) && !SCRIPTED.has(`${proc.portal}/${c.file}`))
    .map((c) => {
      const fields = c.fields[stepId] ?? [];
      let score = 0;
      if (c.steps.length === 1) score += 8;
      if (c.lang === lang) score += 4;
      else if (c.lang === portal.langs[0]) score += 2;
      // a page that shows every field the step needs (not an alternative shape with fewer)
      if (required.every((id) => fields.includes(id))) score += 16;
      if (!c.late) score += 1;
      return { c, fields, score };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  return best ? { portal: proc.portal, file: best.c.file, url: best.c.url, lang: best.c.lang, fields: best.fields } : null;
}

/**
 * Files that need a script of their own (SPA routes, staged wizards): found by the unit test
 * (tests/unit/sandbox.test.ts), which fails when a new one is not listed here.
 */
export const SCRIPTED = new Set<string>([
  'esf/login-dialog-kk.html',
  'esf/login-dialog-ru.html',
  'esf/login-spa-kk.html',
  'esf/login-spa-ru.html',
  'esf/regdata-rerender-kk.html',
  'esf/regdata-rerender-ru.html',
]);

export async function loadHtml(page: SandboxPage): Promise<string> {
  // only the pages the sandbox shows are bundled (replicas/sandbox-pages.ts, each its own small chunk)
  const load = SANDBOX_HTML[`${page.portal}/${page.file}`];
  if (!load) throw new Error(`no replica ${page.portal}/${page.file}`);
  return load();
}

/** every (procedure, page step) with its sandbox page in one language */
export function allPages(lang: Lang): { procedure: string; step: string; page: SandboxPage | null }[] {
  const out: { procedure: string; step: string; page: SandboxPage | null }[] = [];
  for (const proc of PROCEDURES) {
    for (const s of proc.steps) if (s.kind === 'page') out.push({ procedure: proc.id, step: s.id, page: pageFor(proc.id, s.id, lang) });
  }
  return out;
}
