import type { Lang, PortalId } from '../procedures/types';
import { lookup } from '../lib/lookup';
import { sendToBackground } from '../lib/messages';

/**
 * The strings a portal page needs (overlay, rules, this portal's procedures, in the user's
 * language and English as the fallback), asked once from the background: the content script
 * carries no locale data, so it stays small however many portals and languages there are.
 */
let res: Record<Lang, unknown> = { en: {}, kk: {}, ru: {}, uz: {} };
/** until the first answer, every string is empty (rings are drawn at once, their words follow) */
let loaded = false;
let version = 0;
/** which load of the words is in use (0: none yet): what is drawn once, with words in it, keys on it */
export const stringsVersion = () => version;

export async function loadStrings(portal: PortalId, lang: Lang): Promise<void> {
  try {
    const answer = await sendToBackground({ type: 'qadam:strings', portal, lang });
    if (answer) res = { ...res, en: answer.en, [lang]: answer.strings };
  } finally {
    loaded = true;
    version++;
  }
}

/** the texts of the guides people made (lib/guide-model.ts guidesTree), under `procedures.guide.` */
let guideRes: Record<Lang, unknown> = { en: {}, kk: {}, ru: {}, uz: {} };
const GUIDE_KEY = 'procedures.guide.';
export function setGuideStrings(r: Record<Lang, unknown>): void {
  guideRes = r;
}

export const t = (lang: Lang, key: string, params?: Record<string, string | number>) =>
  key.startsWith(GUIDE_KEY) ? lookup(guideRes, lang, key, params) : loaded ? lookup(res, lang, key, params) : '';
export const has = (lang: Lang, key: string) =>
  key.startsWith(GUIDE_KEY) ? lookup(guideRes, lang, key) !== key : loaded && lookup(res, lang, key) !== key;
