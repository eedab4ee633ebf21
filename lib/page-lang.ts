import type { Lang } from '../procedures/types';
import { uiLang } from './language';
import { readSettings } from './settings-read';
import { loadPolicy, refreshPolicy } from './policy-copy';

/**
 * The language an extension page starts in, by the one rule (lib/language.ts uiLang): the stored
 * setting, the policy as mirrored (lib/managed.ts: storage.managed can take seconds to answer),
 * the browser's. When the user chose none and the fresh policy gives another language than the
 * mirror did, `onPolicy` is told (the page switches to it).
 */
export async function pageLang(onPolicy?: (lang: Lang) => void): Promise<Lang> {
  const [s, mirrored] = await Promise.all([readSettings(), loadPolicy()]);
  const lang = uiLang(s.lang, mirrored?.language);
  if (!s.lang && onPolicy) {
    void refreshPolicy()
      .then((m) => {
        const fresh = uiLang(null, m.language);
        if (fresh !== lang) onPolicy(fresh);
      })
      .catch(() => {});
  }
  return lang;
}
