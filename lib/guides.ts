import * as v from 'valibot';
import { PORTAL_IDS, PROCEDURES } from '../procedures';
import { LANGS, type Lang, type RuleId } from '../procedures/types';
import { hostProblem } from './guide-host';
import { GUIDE_PREFIX, type Guide, type GuideFile } from './guide-model';

/**
 * Reading a guide file (contract.md «Guides people teach, record and share»): all or nothing.
 * Hostile files are refused before anything is stored: too large, too deep, `__proto__` (or
 * `constructor`/`prototype`) keys, unknown keys, ids that are not slugs, ids of the built-in
 * catalogue, regular expressions outside a safe subset (no nested or alternated repetition, no
 * back-references or look-arounds, short) that could hang a page on a long URL.
 *
 * Used by the options page and the background only (valibot stays out of the content script).
 */

export const MAX_FILE_BYTES = 512 * 1024;
export const MAX_DEPTH = 10;
export const MAX_REGEX = 200;
const MAX_GUIDES = 200;
const MAX_STEPS = 60;
const MAX_FIELDS = 60;
const MAX_WORDS = 40;
const MAX_TEXT = 1000;

const RULE_IDS = [
  'iin',
  'bin',
  'iin-or-bin',
  'email',
  'pinfl',
  'passport-uz',
  'phone-kz',
  'phone-uz',
  'password-oneid',
  'login-oneid',
] as const satisfies readonly RuleId[];
const INPUT_TYPES = [
  'text',
  'password',
  'email',
  'tel',
  'number',
  'search',
  'url',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
  'checkbox',
  'radio',
  'file',
  'range',
  'color',
  'select-one',
  'select-multiple',
  'textarea',
] as const;
const BUILT_IN = new Set(PROCEDURES.map((p) => p.id));

export type GuideProblem = { key: string; params?: Record<string, string | number> };

/**
 * Is this regular expression safe to run on any URL? A safe subset: at most MAX_REGEX characters,
 * it compiles, no back-references, no look-arounds, no bounded repetition above 50, and no
 * repeated (`*`, `+`, `{n,}`) group that itself holds a repetition or an alternation — the shapes
 * behind catastrophic backtracking (`(a+)+`, `(a|aa)*`, `(.*a){20}`).
 */
export function regexProblem(src: string): string | null {
  if (src.length > MAX_REGEX) return 'too-long';
  try {
    new RegExp(src, 'i');
  } catch {
    return 'invalid';
  }
  if (/\\[1-9]|\\k</.test(src)) return 'backreference';
  if (/\(\?<?[=!]/.test(src)) return 'lookaround';
  // a group stack: does the group hold a quantifier or an alternation
  const stack: Array<{ risky: boolean }> = [{ risky: false }];
  let inClass = false;
  let prevGroupRisky = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    let closedRisky = false;
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      stack.push({ risky: false });
    } else if (c === ')') {
      const g = stack.pop();
      if (!g || !stack.length) return 'invalid';
      closedRisky = g.risky;
      if (g.risky) stack[stack.length - 1]!.risky = true;
    } else if (c === '|') {
      stack[stack.length - 1]!.risky = true;
    } else if (c === '*' || c === '+' || c === '{') {
      let repeats = true;
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
        if (!m) continue; // a literal brace
        const lo = Number(m[1]);
        const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
        if (lo > 50 || (hi !== Infinity && hi > 50)) return 'repetition';
        repeats = hi > 1;
        i += m[0].length - 1;
      }
      if (repeats && prevGroupRisky) return 'nested-repetition';
      stack[stack.length - 1]!.risky = true;
    }
    prevGroupRisky = closedRisky;
  }
  return null;
}

/** the deepest nesting of objects and arrays; and any key that could reach a prototype */
function shapeProblem(value: unknown, depth = 0): GuideProblem | null {
  if (depth > MAX_DEPTH) return { key: 'deep' };
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const x of value) {
      const p = shapeProblem(x, depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const k of Object.keys(value)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') return { key: 'proto', params: { name: k } };
    const p = shapeProblem((value as Record<string, unknown>)[k], depth + 1);
    if (p) return p;
  }
  return null;
}

const Slug = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/));
const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const Word = v.pipe(v.string(), v.minLength(1), v.maxLength(120));
const Texts = v.strictObject(
  Object.fromEntries(LANGS.map((l) => [l, v.optional(Text)])) as Record<Lang, v.OptionalSchema<typeof Text, undefined>>,
);
const Regexes = v.pipe(v.array(v.string()), v.maxLength(20));

const FieldSchema = v.strictObject({
  id: Slug,
  kind: v.picklist(['input', 'action']),
  labels: v.pipe(v.array(Word), v.minLength(1), v.maxLength(MAX_WORDS)),
  inputTypes: v.optional(v.pipe(v.array(v.picklist(INPUT_TYPES)), v.maxLength(INPUT_TYPES.length))),
  rule: v.optional(v.picklist(RULE_IDS)),
  hint: v.optional(Texts),
});

const StepSchema = v.strictObject({
  id: Slug,
  title: v.optional(Texts),
  match: v.strictObject({
    path: v.optional(Regexes),
    hash: v.optional(Regexes),
    text: v.optional(v.pipe(v.array(v.pipe(v.array(Word), v.minLength(1), v.maxLength(MAX_WORDS))), v.maxLength(10))),
  }),
  fields: v.pipe(v.array(FieldSchema), v.maxLength(MAX_FIELDS)),
});

const GuideSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^guide\.[a-z0-9][a-z0-9-]{0,62}$/)),
  portal: v.picklist(PORTAL_IDS),
  /** another government site the guide runs on (lib/guide-host.ts: a plain host under a government zone) */
  host: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(253),
      v.check((h) => hostProblem(h) === null, 'not a plain host name under gov.kz, egov.kz, gov.uz or egov.uz, nor a portal Qadam knows'),
    ),
  ),
  title: Texts,
  steps: v.pipe(v.array(StepSchema), v.minLength(1), v.maxLength(MAX_STEPS)),
});

const FileSchema = v.strictObject({
  format: v.literal('qadam-guide'),
  version: v.literal(1),
  guides: v.pipe(v.array(GuideSchema), v.maxLength(MAX_GUIDES)),
});

/** what valibot found, as a path a person can read: `guides[0].steps[1].fields[2].kind` */
function where(issue: v.BaseIssue<unknown>): string {
  return (
    (issue.path ?? [])
      .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
      .join('')
      .replace(/^\./, '') || '(file)'
  );
}

/** the rules valibot cannot say: regexes, unique ids, built-in ids, a step that matches anything */
function meaningProblem(guides: readonly Guide[]): GuideProblem | null {
  const ids = new Set<string>();
  for (const [gi, g] of guides.entries()) {
    if (BUILT_IN.has(g.id)) return { key: 'builtIn', params: { id: g.id } };
    if (ids.has(g.id)) return { key: 'duplicate', params: { id: g.id } };
    ids.add(g.id);
    if (!Object.values(g.title).some((x) => x && x.trim())) return { key: 'noTitle', params: { id: g.id } };
    const stepIds = new Set<string>();
    for (const [si, s] of g.steps.entries()) {
      if (stepIds.has(s.id)) return { key: 'duplicate', params: { id: `${g.id}/${s.id}` } };
      stepIds.add(s.id);
      if (!s.match.path?.length && !s.match.hash?.length && !s.match.text?.length)
        return { key: 'noMatch', params: { id: `${g.id}/${s.id}` } };
      for (const part of ['path', 'hash'] as const) {
        for (const [ri, src] of (s.match[part] ?? []).entries()) {
          const why = regexProblem(src);
          if (why) return { key: 'regex', params: { where: `guides[${gi}].steps[${si}].match.${part}[${ri}]`, why } };
        }
      }
      const fieldIds = new Set<string>();
      for (const f of s.fields) {
        if (fieldIds.has(f.id)) return { key: 'duplicate', params: { id: `${g.id}/${s.id}/${f.id}` } };
        fieldIds.add(f.id);
      }
    }
  }
  return null;
}

/** check a list of guides (a file's `guides`, the policy's) */
export function checkGuides(raw: unknown): { ok: true; guides: Guide[] } | { ok: false; problem: GuideProblem } {
  return checkFile({ format: 'qadam-guide', version: 1, guides: raw });
}

/** check an already parsed guide file */
export function checkFile(raw: unknown): { ok: true; guides: Guide[] } | { ok: false; problem: GuideProblem } {
  const shape = shapeProblem(raw);
  if (shape) return { ok: false, problem: shape };
  const r = v.safeParse(FileSchema, raw);
  if (!r.success) {
    const issue = r.issues[0];
    return { ok: false, problem: { key: 'invalid', params: { where: where(issue), why: issue.message.slice(0, 160) } } };
  }
  const guides = (r.output as GuideFile).guides;
  const meaning = meaningProblem(guides);
  if (meaning) return { ok: false, problem: meaning };
  // ids are all prefixed (the schema says so): never a catalogue id
  return { ok: true, guides: guides.filter((g) => g.id.startsWith(GUIDE_PREFIX)) };
}

/** how deep brackets nest in JSON text (strings skipped), before it is parsed */
function textDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

/** read a guide file's text */
export function parseGuideFile(text: string): { ok: true; guides: Guide[] } | { ok: false; problem: GuideProblem } {
  if (new TextEncoder().encode(text).length > MAX_FILE_BYTES)
    return { ok: false, problem: { key: 'huge', params: { kb: MAX_FILE_BYTES / 1024 } } };
  if (textDepth(text) > MAX_DEPTH + 1) return { ok: false, problem: { key: 'deep' } };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: { key: 'notJson' } };
  }
  return checkFile(raw);
}

/** imported guides join those kept: one with the same id is replaced */
export function mergeGuides(kept: readonly Guide[], incoming: readonly Guide[]): Guide[] {
  const ids = new Set(incoming.map((g) => g.id));
  return [...kept.filter((g) => !ids.has(g.id)), ...incoming];
}
