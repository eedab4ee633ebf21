import Papa from 'papaparse';
import * as v from 'valibot';
import { ProfileSchema, makeProfile, newProfileId, profileProblems, sanitizeProfiles, type Profile, type Profiles } from './profiles';
import { digitsOf, guessCountry, guessKind, type Country, type ProfileKind } from './identifiers';
import { EMPTY_ALL, sanitizeAll, type AllProgress } from './progress';
import { parseKeysExpire } from './keys-expiry';
import { own } from './own';

/**
 * Import and export of profiles and their progress.
 * - Export: Qadam's own JSON (`format: "qadam-profiles"`, `version: 1`).
 * - Import: that JSON, or a CSV with a header row naming at least `name` and `identifier` (also
 *   `country`, `kind`, `head`, `head_name`, `keys_expire` as `YYYY-MM-DD` or `DD.MM.YYYY`), comma- or
 *   semicolon-separated, UTF-8 with or without BOM.
 * An import is checked whole before anything is written: any fault refuses it, naming the rows.
 * Profiles are matched by identifier: a known one is updated, an unknown one added.
 */

export const EXPORT_FORMAT = 'qadam-profiles';
export const EXPORT_VERSION = 1;
/** far above any real list (200 profiles export to ~100 KB); a bigger file is refused unread */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_PROFILES = 5000;
/** how many faults a refusal lists by row (then "and N more") */
export const MAX_LISTED = 8;

export interface Problem {
  /** 1-based row of the CSV (header = row 1) or position in the JSON list; absent: the whole file */
  row?: number;
  /** key under `profiles.import.errors.` or `rules.` of the locale files */
  key: string;
  params?: Record<string, string | number>;
}

export type Parsed =
  | {
      ok: true;
      profiles: Profile[];
      progress: AllProgress | null;
      active: string | null;
      /** a CSV's optional columns that were there (what is not there is kept from a known profile) */
      columns?: readonly string[];
    }
  | { ok: false; problems: Problem[] };

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  active: string | null;
  profiles: Profile[];
  progress: AllProgress;
}

export function exportData(profiles: Profiles, progress: AllProgress, now = new Date()): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    active: profiles.active,
    profiles: profiles.list,
    progress: { byProfile: progress.byProfile, notice: null },
  };
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** does a parsed JSON value hold a forbidden key anywhere (prototype-pollution attempts)? */
function hasForbidden(value: unknown, depth = 0): string | null {
  if (depth > 16 || !value || typeof value !== 'object') return null;
  for (const [k, child] of Object.entries(value)) {
    if (FORBIDDEN.has(k)) return k;
    const found = hasForbidden(child, depth + 1);
    if (found) return found;
  }
  return null;
}

/** the first forbidden key, with the profile (1-based) it sits in when it is in one */
function forbiddenKey(data: unknown): { key: string; row?: number } | null {
  const profiles = (data as { profiles?: unknown }).profiles;
  if (Array.isArray(profiles)) {
    for (let i = 0; i < profiles.length; i++) {
      const k = hasForbidden(profiles[i]);
      if (k) return { key: k, row: i + 1 };
    }
  }
  const k = hasForbidden(data);
  return k ? { key: k } : null;
}

/** read a file's bytes as UTF-8 text (BOM dropped); null when they are not UTF-8 */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string | null {
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  } catch {
    return null;
  }
}

/** the whole check of a file: its size, encoding and kind first, then every row */
export function parseImport(fileName: string, bytes: ArrayBuffer | Uint8Array): Parsed {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    return fail({ key: 'tooBig', params: { size: mb(bytes.byteLength), max: mb(MAX_IMPORT_BYTES) } });
  if (bytes.byteLength === 0) return fail({ key: 'empty' });
  const text = decodeUtf8(bytes);
  if (text === null) return fail({ key: 'encoding' });
  const trimmed = text.trimStart();
  if (/\.json$/i.test(fileName) || trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(text);
  return parseCsv(text);
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const fail = (...problems: Problem[]): Parsed => ({ ok: false, problems });

// ---- JSON ------------------------------------------------------------------------------------

const FileHead = v.object({ format: v.literal(EXPORT_FORMAT), version: v.number() });
const FileV1 = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(1),
  active: v.optional(v.nullable(v.string())),
  profiles: v.pipe(v.array(v.unknown()), v.maxLength(MAX_PROFILES)),
  progress: v.optional(v.unknown()),
});

export function parseJson(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail({ key: 'json' });
  }
  const head = v.safeParse(FileHead, data);
  if (!head.success) return fail({ key: 'notQadam' });
  if (head.output.version !== EXPORT_VERSION) return fail({ key: 'version', params: { version: String(head.output.version) } });
  const bad = forbiddenKey(data);
  if (bad) return fail({ ...(bad.row !== undefined ? { row: bad.row } : {}), key: 'forbiddenKey', params: { key: bad.key } });
  const file = v.safeParse(FileV1, data);
  if (!file.success)
    return fail({ key: file.issues.some((i) => i.type === 'max_length') ? 'tooMany' : 'shape', params: { max: MAX_PROFILES } });
  const problems: Problem[] = [];
  const profiles: Profile[] = [];
  const rowOfParsed: number[] = [];
  file.output.profiles.forEach((item, i) => {
    const row = i + 1;
    const p = v.safeParse(ProfileSchema, item);
    if (!p.success) {
      const path = p.issues[0]?.path?.map((x) => String(x.key)).join('.') ?? '';
      const raw = (item as { keysExpire?: unknown } | null)?.keysExpire;
      if (path === 'keysExpire') problems.push({ row, key: 'keysExpire', params: { value: String(raw).slice(0, 24) } });
      else problems.push({ row, key: 'field', params: { field: path || '—' } });
      return;
    }
    for (const pr of profileProblems(p.output)) problems.push({ row, key: pr.key, params: pr.params ?? {} });
    profiles.push(p.output);
    rowOfParsed.push(row);
  });
  problems.push(
    ...duplicates(
      profiles.map((p) => p.identifier),
      (i) => rowOfParsed[i]!,
    ),
  );
  const ids = new Set<string>();
  profiles.forEach((p, i) => {
    if (ids.has(p.id)) problems.push({ row: i + 1, key: 'duplicateId' });
    ids.add(p.id);
  });
  let progress: AllProgress | null = null;
  if (file.output.progress !== undefined) {
    const { all, repaired } = sanitizeAll(file.output.progress);
    if (repaired) problems.push({ key: 'progress' });
    progress = all;
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, profiles, progress, active: file.output.active ?? null };
}

/** rows whose identifier an earlier row already has */
function duplicates(identifiers: string[], rowOf: (i: number) => number): Problem[] {
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  identifiers.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) out.push({ row: rowOf(i), key: 'duplicate', params: { first: rowOf(first) } });
    else seen.set(id, i);
  });
  return out;
}

// ---- CSV -------------------------------------------------------------------------------------

/** header names accepted for each column (lower case; the contract's English names first) */
const COLUMNS: Record<'name' | 'identifier' | 'country' | 'kind' | 'head' | 'head_name' | 'keys_expire', readonly string[]> = {
  name: ['name', 'наименование', 'название', 'атауы', 'nomi', 'company'],
  identifier: [
    'identifier',
    'id',
    'iin',
    'bin',
    'iin/bin',
    'pinfl',
    'inn',
    'tin',
    'stir',
    'иин',
    'бин',
    'иин/бин',
    'бсн',
    'жсн',
    'жсн/бсн',
    'пинфл',
    'инн',
  ],
  country: ['country', 'страна', 'ел', 'mamlakat'],
  kind: ['kind', 'type', 'вид', 'тип', 'түрі', 'turi'],
  head: ['head', 'head_iin', 'head_id', 'руководитель', 'иин руководителя', 'басшы', 'rahbar'],
  head_name: ['head_name', 'head name', 'фио руководителя', 'басшының аты-жөні', 'rahbar fio'],
  keys_expire: [
    'keys_expire',
    'keys expire',
    'keys_expiry',
    'срок ключей',
    'ключи до',
    'эцп до',
    'кілттер мерзімі',
    'эцқ мерзімі',
    'kalitlar muddati',
  ],
};

const KINDS: Record<string, ProfileKind> = {
  individual: 'individual',
  person: 'individual',
  фл: 'individual',
  жт: 'individual',
  'физическое лицо': 'individual',
  'жеке тұлға': 'individual',
  'jismoniy shaxs': 'individual',
  ie: 'ie',
  ип: 'ie',
  жк: 'ie',
  'индивидуальный предприниматель': 'ie',
  'жеке кәсіпкер': 'ie',
  yatt: 'ie',
  legal: 'legal',
  'legal entity': 'legal',
  company: 'legal',
  юл: 'legal',
  зт: 'legal',
  тоо: 'legal',
  'юридическое лицо': 'legal',
  'заңды тұлға': 'legal',
  'yuridik shaxs': 'legal',
};

export function parseCsv(text: string): Parsed {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const res = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const rows = res.data;
  if (!rows.length) return fail({ key: 'empty' });
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const col = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, header.findIndex((h) => names.includes(h))])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  const missing = (['name', 'identifier'] as const).filter((k) => col[k] < 0);
  if (missing.length) return fail({ key: 'columns', params: { columns: missing.join(', '), separator: delimiter === ';' ? ';' : ',' } });
  if (rows.length - 1 > MAX_PROFILES) return fail({ key: 'tooMany', params: { max: MAX_PROFILES } });
  const problems: Problem[] = [];
  for (const e of res.errors) if (e.type === 'Quotes') problems.push({ row: (e.row ?? 0) + 1, key: 'quotes' });
  const profiles: Profile[] = [];
  const rowOf: number[] = [];
  const now = Date.now();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (k: keyof typeof COLUMNS) => (col[k] >= 0 ? (cells[col[k]] ?? '').trim() : '');
    const name = cell('name');
    const identifier = digitsOf(cell('identifier'));
    if (!name) problems.push({ row, key: 'noName' });
    if (!identifier) return problems.push({ row, key: 'noIdentifier' });
    if (cells.length !== header.length) problems.push({ row, key: 'cells', params: { count: cells.length, expected: header.length } });
    const c = cell('country').toUpperCase();
    if (c && c !== 'KZ' && c !== 'UZ') problems.push({ row, key: 'country', params: { value: c.slice(0, 20) } });
    const country: Country = c === 'KZ' || c === 'UZ' ? c : guessCountry(identifier);
    const k = cell('kind').toLowerCase();
    const known = own(KINDS, k);
    if (k && !known) problems.push({ row, key: 'kind', params: { value: k.slice(0, 30) } });
    const kind = known ?? guessKind(country, identifier);
    const rawExpiry = cell('keys_expire');
    const keysExpire = rawExpiry ? parseKeysExpire(rawExpiry) : null;
    if (rawExpiry && !keysExpire) problems.push({ row, key: 'keysExpire', params: { value: rawExpiry.slice(0, 24) } });
    const draft = {
      name: name || '—',
      country,
      kind,
      identifier,
      head: { id: cell('head'), name: cell('head_name') },
      ...(keysExpire ? { keysExpire } : {}),
    };
    const p = makeProfile(draft, now, newProfileId());
    for (const pr of profileProblems(p)) problems.push({ row, key: pr.key, params: pr.params ?? {} });
    if (name.length > 200) problems.push({ row, key: 'field', params: { field: 'name' } });
    profiles.push(p);
    rowOf.push(row);
  });
  problems.push(
    ...duplicates(
      profiles.map((p) => p.identifier),
      (i) => rowOf[i]!,
    ),
  );
  if (!profiles.length && !problems.length) return fail({ key: 'empty' });
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  return {
    ok: true,
    profiles,
    progress: null,
    active: null,
    columns: (['country', 'kind', 'head', 'head_name', 'keys_expire'] as const).filter((k) => col[k] >= 0),
  };
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

// ---- applying --------------------------------------------------------------------------------

export interface Merged {
  profiles: Profiles;
  progress: AllProgress;
  added: number;
  updated: number;
}

/**
 * The stored profiles and progress after the import, matched by identifier: a known profile
 * keeps its id and takes the file's name, kind, head and facts (and the file's progress per
 * procedure, when the file has progress); an unknown one is added. Pure: the caller writes it.
 */
export function merge(current: Profiles, currentProgress: AllProgress, incoming: Parsed & { ok: true }): Merged {
  const byIdentifier = new Map(current.list.map((p) => [p.identifier, p]));
  const takenIds = new Set(current.list.map((p) => p.id));
  const list = [...current.list];
  const byProfile = { ...currentProgress.byProfile };
  let added = 0;
  let updated = 0;
  const idMap = new Map<string, string>();
  for (const p of incoming.profiles) {
    const known = byIdentifier.get(p.identifier);
    const theirs = own(incoming.progress?.byProfile, p.id);
    if (known) {
      const has = (c: string) => !incoming.columns || incoming.columns.includes(c);
      const head =
        has('head') || has('head_name')
          ? { ...known.head, ...(has('head') ? { id: p.head?.id } : {}), ...(has('head_name') ? { name: p.head?.name } : {}) }
          : known.head;
      const cleanHead =
        head && (head.id || head.name) ? { ...(head.id ? { id: head.id } : {}), ...(head.name ? { name: head.name } : {}) } : undefined;
      const next: Profile = {
        ...p,
        id: known.id,
        createdAt: known.createdAt,
        country: has('country') ? p.country : known.country,
        kind: has('kind') ? p.kind : known.kind,
        facts: { ...known.facts, ...p.facts },
      };
      // the file's expiry date (or its absence) counts when the file has the column (JSON: always)
      const keysExpire = has('keys_expire') ? p.keysExpire : known.keysExpire;
      delete next.keysExpire;
      if (keysExpire) next.keysExpire = keysExpire;
      delete next.head;
      if (cleanHead) next.head = cleanHead;
      list[list.findIndex((x) => x.id === known.id)] = next;
      const mine = own(byProfile, known.id);
      if (theirs)
        byProfile[known.id] = {
          ...(mine ?? theirs),
          active: theirs.active ?? mine?.active ?? null,
          procedures: { ...mine?.procedures, ...theirs.procedures },
        };
      idMap.set(p.id, known.id);
      updated++;
    } else {
      const id = takenIds.has(p.id) ? newProfileId() : p.id;
      takenIds.add(id);
      list.push({ ...p, id });
      if (theirs) byProfile[id] = theirs;
      idMap.set(p.id, id);
      added++;
    }
  }
  const wanted = incoming.active ? idMap.get(incoming.active) : undefined;
  const wasEmpty = current.list.length === 0;
  const active = current.active ?? wanted ?? list[0]?.id ?? null;
  const profiles = sanitizeProfiles({ list, active });
  // progress kept before any profile existed goes to the first profile, as when one is created
  const orphan = own(byProfile, '_');
  if (wasEmpty && profiles.active && orphan && !own(byProfile, profiles.active)) {
    byProfile[profiles.active] = orphan;
    delete byProfile._;
  }
  return { profiles, progress: { ...EMPTY_ALL, ...currentProgress, byProfile }, added, updated };
}
