/**
 * The version of each item Qadam keeps in `browser.storage.local` (contract.md «Storage»): one
 * constant per item, used by every part that defines, reads or writes it. WXT keeps it in the
 * item's `<key>$` mark (`{ v }`); the policy copy carries it in its own value (`v`).
 */
/** `progress`: per profile (version 1: one record; lib/progress.ts migrates it) */
export const PROGRESS_VERSION = 2;
/** `profiles` (lib/profiles.ts) */
export const PROFILES_VERSION = 1;
/** `settings`: the language chosen */
export const SETTINGS_VERSION = 1;
/** `policy`: the copy of the administrator's policy the background keeps (lib/managed.ts) */
export const POLICY_VERSION = 1;
