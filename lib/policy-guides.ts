import { browser } from 'wxt/browser';
import { POLICY_GUIDES_KEY, type Guide } from './guide-model';
import { checkGuides } from './guides';

/**
 * The organisation's guides (managed policy key `guides`: a guide file's `guides` array), checked
 * like an imported file (all or nothing: an invalid policy preloads none) and copied to
 * storage.local for portal pages, the popup and the options page. Background only.
 */
export function policyGuides(raw: unknown): Guide[] {
  if (raw === undefined || raw === null) return [];
  const r = checkGuides(raw);
  if (!r.ok) {
    console.warn("Qadam: the policy's guides were not taken:", r.problem.key, JSON.stringify(r.problem.params ?? {}));
    return [];
  }
  return r.guides;
}

export async function refreshPolicyGuides(): Promise<void> {
  let raw: unknown;
  try {
    raw = (await browser.storage.managed.get('guides')).guides;
  } catch {
    raw = undefined; // no policy (Firefox throws) or no managed storage
  }
  const guides = policyGuides(raw);
  const old = (await browser.storage.local.get(POLICY_GUIDES_KEY))[POLICY_GUIDES_KEY] as { guides?: unknown } | undefined;
  if (JSON.stringify(old?.guides ?? []) === JSON.stringify(guides)) return;
  if (guides.length) await browser.storage.local.set({ [POLICY_GUIDES_KEY]: { v: 1, guides } });
  else await browser.storage.local.remove(POLICY_GUIDES_KEY);
}
