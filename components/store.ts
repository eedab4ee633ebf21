import { create } from 'zustand';
import { browser } from 'wxt/browser';
import {
  EMPTY_PROGRESS,
  follow,
  loadProgress,
  loadSettings,
  progressItem,
  resetProcedure,
  setDone,
  settingsItem,
  updateProgress,
  type Progress,
} from '../lib/progress';
import { sendToTab, type StateAnswer } from '../lib/messages';
import { EMPTY_PROFILES, loadProfiles, profilesItem, type Profiles } from '../lib/profiles';
import { noteRegistered, setActiveProfile } from '../lib/profile-store';
import { NO_POLICY, type Managed } from '../lib/managed';
import { loadPolicy, refreshPolicy, watchPolicy } from '../lib/policy-copy';
import type { Lang } from '../procedures/types';
import { uiLang } from '../lib/language';
import { RENEWAL_PROCEDURE } from '../lib/keys-expiry';

/**
 * The popup's state: a view of what is stored (progress, settings) plus what the active tab's
 * content script says. Writes go to storage first; the store follows storage changes, so a page
 * that moves on while the popup is open shows at once.
 */
export interface PopupState {
  loaded: boolean;
  /** the active profile's progress (or the progress kept while there is no profile) */
  progress: Progress;
  profiles: Profiles;
  /** what an administrator preset (language, enabled portals) */
  managed: Managed;
  lang: Lang;
  /** the active tab's answer, null when it is not a portal page Qadam runs on */
  tab: StateAnswer | null;
  /** the procedure picked in this popup (it wins over the tab's until the popup closes) */
  picked: string | null;
  load(): Promise<void>;
  follow(procedureId: string): Promise<void>;
  toggleDone(procedureId: string, stepId: string, done: boolean): Promise<void>;
  reset(procedureId: string): Promise<void>;
  setLang(lang: Lang): Promise<void>;
  dismissNotice(): Promise<void>;
  setActive(profileId: string): Promise<void>;
  /** one click on an expiring key: that profile becomes active and follows the key renewal */
  renewKeys(profileId: string): Promise<void>;
}

async function askActiveTab(): Promise<StateAnswer | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return null;
    const answer = await sendToTab(tab.id, { type: 'qadam:state' });
    return answer && typeof answer === 'object' && 'portal' in answer ? answer : null;
  } catch {
    return null; // no content script there: not a portal page
  }
}

export const usePopup = create<PopupState>((set, get) => ({
  loaded: false,
  progress: EMPTY_PROGRESS,
  profiles: EMPTY_PROFILES,
  managed: NO_POLICY,
  lang: 'en',
  tab: null,
  picked: null,
  async load() {
    const [profiles, settings, tab, mirrored] = await Promise.all([loadProfiles(), loadSettings(), askActiveTab(), loadPolicy()]);
    const progress = await loadProgress(profiles.active);
    const langFor = (m: Managed) => uiLang(settings.lang, m.language);
    const managed = mirrored ?? NO_POLICY;
    set({ progress, profiles, managed, lang: langFor(managed), tab, loaded: true });
    // the mirror may be missing or old; storage.managed can take seconds to answer
    void refreshPolicy().then((m) => {
      const langNow = get().lang;
      set({ managed: m, ...(langNow === langFor(managed) ? { lang: langFor(m) } : {}) });
    });
    const reload = () => {
      void loadProfiles()
        .then(async (ps) => set({ profiles: ps, progress: await loadProgress(ps.active) }))
        .catch(() => {});
      void askActiveTab().then((t) => set({ tab: t }));
    };
    progressItem.watch(reload);
    profilesItem.watch(reload);
    // the background copies a changed policy (storage.managed) while the popup is open: follow it
    watchPolicy((m) => {
      const follows = get().lang === langFor(get().managed);
      set({ managed: m, ...(follows ? { lang: langFor(m) } : {}) });
    });
  },
  async follow(id) {
    set({ progress: follow(get().progress, id), picked: id });
    set({ progress: await updateProgress((p) => follow(p, id)) });
  },
  async toggleDone(procedureId, stepId, done) {
    set({ progress: setDone(get().progress, procedureId, stepId, done) }); // at once, then stored
    const profileId = get().profiles.active;
    const p = await updateProgress((x) => setDone(x, procedureId, stepId, done), profileId);
    set({ progress: p });
    await noteRegistered({ ...p, active: procedureId }, profileId);
  },
  async reset(procedureId) {
    set({ progress: await updateProgress((p) => resetProcedure(p, procedureId)) });
  },
  async setLang(lang) {
    set({ lang });
    await settingsItem.setValue({ lang });
  },
  async setActive(profileId) {
    const profiles = await setActiveProfile(profileId);
    set({ profiles, progress: await loadProgress(profiles.active), picked: null });
  },
  async renewKeys(profileId) {
    const profiles = await setActiveProfile(profileId);
    if (profiles.active !== profileId) return;
    const progress = await updateProgress((p) => follow(p, RENEWAL_PROCEDURE), profileId);
    set({ profiles, progress, picked: RENEWAL_PROCEDURE });
  },
  async dismissNotice() {
    set({ progress: await updateProgress((p) => ({ ...p, notice: null })) });
  },
}));
