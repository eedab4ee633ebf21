import type { Recorder } from './record';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../lib/messages';

/**
 * Recording a guide is a tool used now and then, not on every portal page: its code (record.ts, about
 * 2 KB gzip) is not part of the portal script (issue 13, its 40 KB budget) but the extension's
 * `recorder.js` (entrypoints/recorder.ts), loaded when a recording starts or is running: imported
 * by this script (a web-accessible resource for the portal hosts only), or, on a guide's own site
 * the user allowed (no web-accessible resource there), run in this frame by the background
 * (`qadam:load-recorder`, which has that host's permission). Either way it runs in the portal
 * script's isolated world (never the page's) and leaves the class under RECORDER_GLOBAL there, where
 * the page's own scripts cannot reach it.
 */
export const RECORDER_GLOBAL = '__qadamRecorder';
export type RecorderClass = typeof Recorder;

const slot = globalThis as unknown as Record<string, RecorderClass | undefined>;

export async function loadRecorder(): Promise<RecorderClass | null> {
  if (!slot[RECORDER_GLOBAL]) {
    try {
      await import(/* @vite-ignore */ browser.runtime.getURL('/recorder.js'));
    } catch {
      await sendToBackground({ type: 'qadam:load-recorder' }).catch(() => null);
    }
  }
  return slot[RECORDER_GLOBAL] ?? null;
}
