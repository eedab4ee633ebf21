import { loadProfiles } from './profiles';
import { loadAllProgress } from './progress';
import { replaceAll } from './profile-store';
import { merge, parseImport, type Problem } from './transfer';

/**
 * Import a file: checked whole first; then written in one storage call, or, on any fault, not at
 * all (storage stays exactly as it was).
 */
export async function importBytes(
  fileName: string,
  bytes: ArrayBuffer | Uint8Array,
): Promise<{ ok: true; added: number; updated: number } | { ok: false; problems: Problem[] }> {
  const parsed = parseImport(fileName, bytes);
  if (!parsed.ok) return parsed;
  const [ps, all] = await Promise.all([loadProfiles(), loadAllProgress()]);
  const m = merge(ps, all, parsed);
  await replaceAll(m.profiles, m.progress);
  return { ok: true, added: m.added, updated: m.updated };
}
