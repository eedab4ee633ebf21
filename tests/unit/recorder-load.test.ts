// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Guides, type GuideHost } from '../../content-scripts/guides';
import { Overlay } from '../../content-scripts/overlay';
import { Recorder } from '../../content-scripts/record';
import { RECORDING_KEY } from '../../lib/guide-model';
import type { RecorderClass } from '../../content-scripts/recorder-load';

/**
 * The guide recorder is not part of the portal script (issue 13, size): Guides loads it when a
 * recording starts or is running, never on a page where nobody records.
 */
const host = (overlay: Overlay): GuideHost => ({ overlay, lang: () => 'ru', current: () => null, changed: () => {} });
const flush = () => new Promise((r) => setTimeout(r, 0));

let overlay: Overlay;
let guides: Guides | null = null;
let loads = 0;
const loader =
  (R: RecorderClass | null = Recorder) =>
  async () => {
    loads++;
    return R;
  };

beforeEach(() => {
  fakeBrowser.reset();
  document.body.replaceChildren();
  overlay = new Overlay();
  loads = 0;
});
afterEach(() => {
  guides?.stop();
  overlay.destroy();
});

describe('the recorder, loaded on demand', () => {
  it('a page where nobody records never loads it; asking for the status does not either', async () => {
    guides = new Guides(host(overlay), 'esf', [], loader());
    guides.start();
    await flush();
    expect(await guides.message({ type: 'qadam:record', action: 'status' })).toEqual({ recording: false, steps: 0, fields: 0 });
    expect(loads).toBe(0);
  });

  it('starting a recording loads it once, shows the panel, and stopping ends it', async () => {
    guides = new Guides(host(overlay), 'esf', [], loader());
    guides.start();
    expect(await guides.message({ type: 'qadam:record', action: 'start' })).toEqual({ recording: true });
    expect(overlay.layerForGuides().querySelector('[data-qadam-recording]')).not.toBeNull();
    expect(await guides.message({ type: 'qadam:record', action: 'status' })).toMatchObject({ recording: true });
    // nothing was clicked or filled: no guide is saved
    expect(await guides.message({ type: 'qadam:record', action: 'stop', title: 'x' })).toEqual({ guide: null });
    expect(overlay.layerForGuides().querySelector('[data-qadam-recording]')).toBeNull();
    expect(loads).toBe(1);
    expect((await fakeBrowser.storage.local.get(RECORDING_KEY))[RECORDING_KEY]).toBeUndefined();
  });

  it('a recording running when the page opens (a new page of the recorded procedure) loads it and resumes', async () => {
    await fakeBrowser.storage.local.set({ [RECORDING_KEY]: { v: 1, portal: 'esf', steps: [] } });
    guides = new Guides(host(overlay), 'esf', [], loader());
    guides.start();
    await flush();
    await flush();
    expect(loads).toBe(1);
    expect(overlay.layerForGuides().querySelector('[data-qadam-recording]')).not.toBeNull();
  });

  it('when it cannot be loaded nothing starts, and the popup is told so', async () => {
    guides = new Guides(host(overlay), 'esf', [], loader(null));
    expect(await guides.message({ type: 'qadam:record', action: 'start' })).toEqual({ recording: false });
    expect(await guides.message({ type: 'qadam:record', action: 'stop' })).toEqual({ guide: null });
    expect((await fakeBrowser.storage.local.get(RECORDING_KEY))[RECORDING_KEY]).toBeUndefined();
  });
});
