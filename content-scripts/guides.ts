import { browser } from 'wxt/browser';
import { LANGS, type Lang, type PortalId, type Procedure } from '../procedures/types';
import { portalOfHost, setGuideProcedures } from '../procedures';
import {
  allGuides,
  GUIDES_KEY,
  guidesTree,
  guideToProcedure,
  loadGuides,
  loadTaught,
  POLICY_GUIDES_KEY,
  RECORDING_KEY,
  saveTaught,
  TAUGHT_KEY,
  type Guide,
  type Taught,
} from '../lib/guide-model';
import { applyTaught, describe, pickable } from './teach';
import type { Recorder } from './record';
import { loadRecorder, type RecorderClass } from './recorder-load';
import { has, setGuideStrings, t } from './strings';
import type { Overlay } from './overlay';
import type { RecordMessage, TeachMessage, ToContent } from '../lib/messages';

/**
 * What guides people make add to a portal page (contract.md «Guides people teach, record and
 * share»): their procedures join the catalogue's for the engine, taught fields replace what the
 * locators found, pointing mode, and recording. The engine calls in at a few places only.
 */

export interface GuideHost {
  overlay: Overlay;
  lang(): Lang;
  /** the procedure and step shown, and the step's field ids */
  current(): { procedure: string; step: string; fields: string[] } | null;
  /** guides or taught fields changed: take the procedures again and scan */
  changed(procedures: Procedure[]): void;
}

export type { TeachMessage, RecordMessage } from '../lib/messages';
export type GuideMessage = TeachMessage | RecordMessage;

export function isGuideMessage(m: unknown): m is GuideMessage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r.type === 'qadam:teach')
    return typeof r.field === 'string' && r.field.length <= 80 && (r.name === undefined || typeof r.name === 'string');
  return (
    r.type === 'qadam:record' &&
    (r.action === 'start' || r.action === 'stop' || r.action === 'status') &&
    (r.title === undefined || typeof r.title === 'string')
  );
}

export class Guides {
  private taught: Taught[] = [];
  /** per scan: fields taught here and those taught but not found any more */
  private lastTaught = new Set<string>();
  private lastLost = new Set<string>();
  private pointing: (() => void) | null = null;
  /** the recorder, loaded when a recording starts or runs (recorder-load.ts), not before */
  private recorder: Recorder | null = null;
  private recorderLoad: Promise<Recorder | null> | null = null;
  private stopped = false;

  constructor(
    private host: GuideHost,
    private portal: PortalId,
    private builtIn: readonly Procedure[],
    private load_: () => Promise<RecorderClass | null> = loadRecorder,
  ) {}

  private withRecorder(): Promise<Recorder | null> {
    this.recorderLoad ??= this.load_()
      .then((R) => {
        if (!R || this.stopped) return null;
        this.recorder = new R(this.portal, this.host.overlay, () => this.host.lang(), t);
        return this.recorder;
      })
      .catch(() => null);
    return this.recorderLoad;
  }

  /** a recording is running (stored): load the recorder and let it take this page */
  private async resumeRecording(): Promise<void> {
    if (this.recorder) return void this.recorder.resume();
    const running = await browser.storage.local
      .get(RECORDING_KEY)
      .then((r) => !!r[RECORDING_KEY])
      .catch(() => false);
    if (running) void (await this.withRecorder())?.resume();
  }

  /** the catalogue's procedures of this portal and the guides for it (never one with a built-in id) */
  async load(): Promise<Procedure[]> {
    const [g, taught] = await Promise.all([loadGuides(), loadTaught()]);
    this.taught = taught;
    const ids = new Set(this.builtIn.map((p) => p.id));
    // on the catalogue's portal hosts the guides without a host of their own; elsewhere (a site the
    // user allowed for a guide, lib/guide-host.ts) only the guides that name this host
    const here = location.hostname.toLowerCase();
    const onPortal = !!portalOfHost(here);
    const mine = allGuides(g).filter((x) => x.portal === this.portal && !ids.has(x.id) && (onPortal ? !x.host : x.host === here));
    setGuideStrings(Object.fromEntries(LANGS.map((l) => [l, guidesTree(mine, l)])) as Record<Lang, unknown>);
    const procs = mine.map((x: Guide) => guideToProcedure(x));
    setGuideProcedures(procs); // progress (lib/progress.ts) finds them by id too
    return [...this.builtIn, ...procs];
  }

  start(): void {
    browser.storage.onChanged.addListener(this.onStorage);
    void this.resumeRecording();
  }

  stop(): void {
    browser.storage.onChanged.removeListener(this.onStorage);
    this.stopped = true;
    this.pointing?.();
    this.recorder?.stop();
  }

  private onStorage = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local') return;
    if (GUIDES_KEY in changes || POLICY_GUIDES_KEY in changes || TAUGHT_KEY in changes) {
      void this.load().then((p) => this.host.changed(p));
    }
    if (RECORDING_KEY in changes) void this.resumeRecording();
  };

  /** the engine located a step's fields: taught elements take their place */
  locate(procedure: string, step: string, located: Map<string, Element>): void {
    const r = applyTaught(this.taught, procedure, step, located);
    this.lastTaught = r.taught;
    this.lastLost = r.lost;
  }

  /** the ring's «taught by you» line, for a field taught here */
  ringExtra(procedure: string, step: string, field: string): { label: string; undo: string; onUndo: () => void } | undefined {
    if (!this.lastTaught.has(field)) return undefined;
    const L = this.host.lang();
    return { label: t(L, 'overlay.taughtByYou'), undo: t(L, 'overlay.untaught'), onUndo: () => void this.forget(procedure, step, field) };
  }

  /** added to a field's state: `taught` (here) or `lost` (taught, not found: built-in locators) */
  taughtState(field: string): 'taught' | 'lost' | undefined {
    return this.lastTaught.has(field) ? 'taught' : this.lastLost.has(field) ? 'lost' : undefined;
  }

  private async forget(procedure: string, step: string, field: string): Promise<void> {
    const list = (await loadTaught()).filter((x) => !(x.procedure === procedure && x.step === step && x.field === field));
    await saveTaught(list);
  }

  async message(m: GuideMessage): Promise<ToContent['qadam:teach']['res'] | ToContent['qadam:record']['res']> {
    if (m.type === 'qadam:teach') return this.teach(m.field, m.name);
    if (m.action === 'status' && !this.recorder) await this.resumeRecording();
    const r = m.action === 'status' ? this.recorder : await this.withRecorder();
    // the recorder could not be loaded (the tab is closing, the extension was updated): nothing runs
    if (!r) {
      if (m.action === 'status') return { recording: false, steps: 0, fields: 0 };
      return m.action === 'start' ? { recording: false } : { guide: null };
    }
    if (m.action === 'start') return r.begin();
    if (m.action === 'stop') return r.end(m.title);
    return r.status();
  }

  /** pointing mode: the next click chooses the element for `field` (it does not reach the page) */
  private teach(field: string, name?: string): { ok: boolean } {
    const cur = this.host.current();
    if (!cur || !cur.fields.includes(field)) return { ok: false };
    this.pointing?.();
    const L = this.host.lang();
    const layer = this.host.overlay.layerForGuides();
    const banner = document.createElement('div');
    banner.className = 'panel';
    banner.setAttribute('data-qadam-pointing', field);
    banner.setAttribute('role', 'status');
    banner.setAttribute('style', 'top:16px;bottom:auto;left:50%;right:auto;transform:translateX(-50%);');
    const text = document.createElement('p');
    text.className = 'hint';
    // the name the popup gave, a guide's caption, else the field's hint
    const base = `procedures.${cur.procedure}.steps.${cur.step}`;
    const said =
      name?.slice(0, 80) ||
      (has(L, `${base}.names.${field}`)
        ? t(L, `${base}.names.${field}`)
        : has(L, `${base}.fields.${field}`)
          ? t(L, `${base}.fields.${field}`)
          : field);
    text.textContent = t(L, 'overlay.pointing', { field: said });
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t(L, 'overlay.pointingCancel');
    banner.append(text, cancel);
    const outline = document.createElement('div');
    outline.setAttribute('data-qadam-pointer', '');
    outline.setAttribute(
      'style',
      'position:fixed;pointer-events:none;border:3px dashed #c2410c;border-radius:6px;box-sizing:border-box;display:none;',
    );
    // the hints step aside while the user points (a tooltip may cover the element to choose)
    const calm = document.createElement('style');
    calm.textContent = '.tip{display:none!important}';
    layer.append(calm, outline, banner);
    const inOverlay = (e: Event) => e.composedPath().some((n) => n instanceof Element && n.localName === 'qadam-overlay');
    const over = (e: Event) => {
      if (inOverlay(e)) return;
      const el = pickable(e.target as Element);
      if (!el) return;
      const b = el.getBoundingClientRect();
      Object.assign(outline.style, {
        display: 'block',
        left: `${b.left - 4}px`,
        top: `${b.top - 4}px`,
        width: `${b.width + 8}px`,
        height: `${b.height + 8}px`,
      });
    };
    const swallow = (e: Event) => {
      if (inOverlay(e)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    const choose = (e: Event) => {
      if (inOverlay(e) || !e.isTrusted) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      const el = pickable(e.target as Element);
      end();
      if (!el) return;
      const entry: Taught = { procedure: cur.procedure, step: cur.step, field, el: describe(el), at: Date.now() };
      void loadTaught().then((list) =>
        saveTaught([...list.filter((x) => !(x.procedure === cur.procedure && x.step === cur.step && x.field === field)), entry]),
      );
    };
    const key = (e: Event) => {
      if ((e as KeyboardEvent).key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      end();
    };
    const opts = { capture: true };
    const end = () => {
      window.removeEventListener('mousemove', over, opts);
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) window.removeEventListener(type, swallow, opts);
      window.removeEventListener('click', choose, opts);
      window.removeEventListener('keydown', key, opts);
      banner.remove();
      outline.remove();
      calm.remove();
      this.pointing = null;
    };
    cancel.addEventListener('click', end);
    window.addEventListener('mousemove', over, opts);
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) window.addEventListener(type, swallow, opts);
    window.addEventListener('click', choose, opts);
    window.addEventListener('keydown', key, opts);
    this.pointing = end;
    cancel.focus();
    return { ok: true };
  }
}
