import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Recorder } from '../content-scripts/record';
import { RECORDER_GLOBAL } from '../content-scripts/recorder-load';

/**
 * `recorder.js`: the guide recorder, run by the background in a portal tab's frame when the user
 * records a guide there (content-scripts/recorder-load.ts). It only hands the class to the portal
 * script, in the isolated world they share.
 */
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[RECORDER_GLOBAL] = Recorder;
});
