import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { portalOfHost, proceduresOfPortal } from '../procedures';
import type { FieldDef, Lang, PageStep, PortalId, Procedure } from '../procedures/types';
import { checkRule, checkSame, type RuleProblem } from '../lib/rules';
import type { Progress } from '../lib/progress';
// not lib/progress or lib/profiles: their storage items read profiles when defined (issue 15)
import { readSettings as loadSettings, type Settings } from '../lib/settings-read';
import { uiLang } from '../lib/language';
import { warnsRegistered } from '../lib/registered';
import { identifiersIn } from '../lib/identifiers';
import { loadPolicy, NO_POLICY, parseMirror, POLICY_KEY, portalEnabled, type Managed } from '../lib/managed';
import { isQadamMessage, type StateAnswer } from '../lib/messages';
import { procKey } from '../lib/lookup';
import { has, loadStrings, stringsVersion, t } from './strings';
import { BIG_CONTAINER } from './page-text';
import { anyUrlFits, chooseStep, isDone, type PageFacts, type Recognised } from './recognise';
import { readPage } from './modal';
import { chosenCaption } from './choice';
import { Overlay, type RingSpec, type WarningSpec } from './overlay';
import { visibleTarget } from './locate';
import { WriteQueue } from './write-queue';
import { privateFrame, whose } from './private-frame';
import type { ProgressOp, WhoseAnswer } from '../lib/private-messages';

/** warnings are evaluated at most this often (issue 15: no fast probing by a page script) */
const WARN_MS = 300;
import { Guides, isGuideMessage } from './guides';
import { isGuideId } from '../lib/guide-model';
import { handoverOf, programOf, SigningCard } from './signing';
import { MessageWatch } from './explain';

/**
 * The content script's loop. One MutationObserver; EVERY record of a batch is sorted (cheaply, each
 * changed element looked at once) into "may change what Qadam shows" or not. A relevant change is
 * scanned at once, inside the observer's callback, so the ring is drawn before the next paint; a
 * second relevant change within the same frame waits for the next animation frame. A busy page
 * whose changes are irrelevant (a journal ticking) costs a rescan at most once a second.
 */

/** elements whose arrival or change can change the step or its fields */
const RELEVANT = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]),select,textarea,button,[role=tab],[role=button],[role=dialog],[role=menuitem],label,legend,h1,h2,h3,h4,h5,h6,.gwt-TabBarItem';
/** where a change of text alone can change the step (captions, tabs, headings) */
const CAPTION = 'h1,h2,h3,h4,h5,h6,legend,label,button,caption,th,[role=tab],[role=heading],[role=dialog],.gwt-TabBarItem';
/** a batch this large comes from a region that changes all the time (a journal ticking) */
const STORM = 300;
/** how long such a region stays unobserved before it is looked at again */
const ISOLATE_MS = 3000;
const FULL: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'aria-selected', 'open', 'disabled'],
};
const SHALLOW: MutationObserverInit = { childList: true, attributes: true, attributeFilter: FULL.attributeFilter };
const SLOW_SCAN_MS = 1000;
/** two relevant changes closer than this share one scan (the second in the next frame) */
const FRAME_MS = 8;
const MAX_ERRORS = 5;

type Current = { rec: Recognised; located: Map<string, Element> };

/** what the engine needs of WXT's content-script context (an extension page gives its own) */
export type EngineContext = Pick<ContentScriptContext, 'onInvalidated' | 'addEventListener' | 'isInvalid'>;

/** where the page is: the real location, or the portal address a training page stands for */
export interface Where {
  href: string;
  pathname: string;
  hash: string;
}

/**
 * How the engine runs somewhere other than a portal page (the training sandbox): which portal and
 * address the page stands for, the procedure and language to use, and to record nothing.
 */
export interface EngineOptions {
  portal: PortalId;
  where: () => Where;
  /** the procedure to follow, instead of the user's */
  follow?: string;
  lang?: Lang;
  /** false: write no progress, read no profile (a demonstration changes nothing of the user's) */
  record?: boolean;
  /** bigger rings and hints, readable on a projector */
  presenter?: boolean;
  /** px at the bottom of the window that tooltips keep clear of (a bar of the page's own) */
  keepClearBottom?: () => number;
  /** the step the page is shown for, when it is several at once */
  step?: () => string | null;
}

export interface EngineHandle {
  /** look at the page again now (after the page was swapped) */
  rescan(): void;
  /** the step's field an element is (or is inside), with its kind */
  fieldAt(target: EventTarget | null): { id: string; kind: 'input' | 'action'; optional: boolean } | null;
  /** the step shown, and whether its required fields are filled and pass their rules */
  status(): { step: string | null; ready: boolean; actions: number; rings: number };
  /** fill the step's empty fields with sample values (training only); returns how many */
  fillSample(valueFor: (f: FieldDef) => string | null): number;
}

export function startEngine(ctx: EngineContext, opts?: EngineOptions, guideHostPortal?: PortalId): EngineHandle | null {
  // https only (the manifest matches https only; this holds for any other way the script arrives)
  if (!opts && location.protocol !== 'https:') return null;
  const portal = opts?.portal ?? guideHostPortal ?? portalOfHost(location.hostname);
  if (!portal) return null;
  // on a government site a guide names (lib/guide-host.ts) only the guides for it run
  const procedures = guideHostPortal && !opts ? [] : proceduresOfPortal(portal);
  if (!procedures.length && !guideHostPortal) return null; // a portal with no procedure yet: nothing to do
  if (opts) {
    const engine = new Engine(ctx, portal, procedures, NO_POLICY, opts);
    engine.start(preload());
    return { rescan: () => engine.rescan(), fieldAt: (t) => engine.fieldAt(t), status: () => engine.status(), fillSample: (v) => engine.fillSample(v) };
  }
  // An administrator may switch portals off by policy. The background keeps a copy of the policy in
  // storage.local (storage.managed can take seconds to answer): start from it, follow its changes.
  // Everything the first scan needs is asked for at once, while the page is still being parsed.
  let engine: Engine | null = null;
  let stored: Promise<Stored> | null = preload();
  const apply = (m: Managed): void => {
    if (ctx.isInvalid) return;
    if (!portalEnabled(m, portal)) {
      engine?.stop();
      engine = null;
    } else if (!engine) {
      engine = new Engine(ctx, portal, procedures, m);
      engine.start(stored ?? preload());
      stored = null;
    } else engine.setManaged(m);
  };
  const onPolicy = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && POLICY_KEY in changes) apply(parseMirror(changes[POLICY_KEY]!.newValue) ?? NO_POLICY);
  };
  browser.storage.onChanged.addListener(onPolicy);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onPolicy));
  void loadPolicy().then((mirrored) => apply(mirrored ?? NO_POLICY));
  return null;
}

const REAL_WHERE = (): Where => ({ href: location.href, pathname: location.pathname, hash: location.hash });

type Stored = [Awaited<ReturnType<typeof progressNow>>, Settings];
/** what the engine starts from, asked for in parallel */
function preload(): Promise<Stored> {
  return Promise.all([progressNow(), loadSettings()]);
}

/** the document parsed (the content script starts while it is still loading) */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

class Engine {
  private overlay = new Overlay();
  private observer: MutationObserver | null = null;
  private followed: string | null = null;
  /** the step last recorded for the followed procedure (from storage, so it survives a reload) */
  private lastStep: string | null = null;
  private lang: Lang = 'en';
  private current: Current | null = null;
  private used = new Set<string>();
  private recorded = '';
  private doneRecorded = '';
  private href = '';
  private frame = 0;
  private lastScan = -Infinity;
  private relevant = false;
  private slowTimer: number | null = null;
  private isolated: Element | null = null;
  private isolateTimer: number | null = null;
  private errors = 0;
  private ready = false;
  private stopped = false;
  /** which profile is active, as the background's opaque tag (the content script reads no profile) */
  private profileTag = '';
  /** the active profile's kind (evidence between procedures; from the background, never in the page) */
  private profileKind: 'individual' | 'ie' | 'legal' | null = null;
  /** the identifiers the page showed when warnings were last evaluated, and the background's answer */
  private verdict: { ids: string[]; answer: WhoseAnswer } | null = null;
  private lastWarn = -Infinity;
  private warnTimer: number | null = null;
  /** progress writes through the background, at most one a second (a page flipping steps every frame writes once a second) */
  private writes = new WriteQueue<ProgressOp[]>((_key, change) => browser.runtime.sendMessage({ type: 'qadam:progress-ops', ops: change([]) }));
  /** guides people made, taught fields, recording (portal pages only; content-scripts/guides.ts) */
  private guides: Guides | null = null;
  private signing = new SigningCard((el) => this.overlay.mount(el), () => this.lang);
  private messages: MessageWatch;

  private where: () => Where;
  private record: boolean;

  constructor(
    private ctx: EngineContext,
    private portal: PortalId,
    private procedures: readonly Procedure[],
    private managed: Managed = NO_POLICY,
    private opts?: EngineOptions,
  ) {
    this.where = opts?.where ?? REAL_WHERE;
    this.record = opts?.record ?? true;
    this.messages = new MessageWatch(portal, (el) => this.overlay.mount(el), () => this.lang, () => this.current?.rec.step.id ?? null);
    if (opts?.presenter) this.overlay.presenter = true;
    if (opts?.keepClearBottom) this.overlay.keepClearBottom = opts.keepClearBottom;
    if (!opts) {
      this.guides = new Guides(
        {
          overlay: this.overlay,
          lang: () => this.lang,
          current: () => (this.current ? { procedure: this.current.rec.procedure.id, step: this.current.rec.step.id, fields: this.current.rec.step.fields.map((f) => f.id) } : null),
          changed: (procedures) => {
            this.procedures = procedures;
            this.request(true);
          },
        },
        portal,
        procedures,
      );
    }
  }

  rescan(): void {
    this.request(true);
  }

  fieldAt(target: EventTarget | null): { id: string; kind: 'input' | 'action'; optional: boolean } | null {
    const id = this.overlay.fieldOf(target);
    const f = id ? this.fieldDef(id) : undefined;
    return f ? { id: f.id, kind: f.kind, optional: !!f.optional } : null;
  }

  fillSample(valueFor: (f: FieldDef) => string | null): number {
    const cur = this.current;
    if (!cur) return 0;
    let n = 0;
    const values = new Map<string, string>();
    for (const f of cur.rec.step.fields) {
      const el = cur.located.get(f.id) as HTMLInputElement | undefined;
      if (!el || f.kind !== 'input' || f.silent || !('value' in el)) continue;
      if (el.type === 'checkbox' || el.type === 'radio') {
        if (!el.checked) el.click();
        n++;
        continue;
      }
      if (el.value || el.readOnly || el.disabled) continue;
      const v = f.sameAs ? (values.get(f.sameAs) ?? null) : valueFor(f);
      if (v === null) continue;
      values.set(f.id, v);
      const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      n++;
    }
    this.validateAll();
    return n;
  }

  status(): { step: string | null; ready: boolean; actions: number; rings: number } {
    const cur = this.current;
    if (!cur) return { step: null, ready: false, actions: 0, rings: 0 };
    const fields = cur.rec.step.fields.filter((f) => !f.silent);
    const ready = fields.every((f) => {
      const el = cur.located.get(f.id);
      if (!el || f.kind === 'action') return true;
      if (this.judge(f)) return false;
      if (f.optional) return true;
      const input = el as HTMLInputElement;
      return input.type === 'checkbox' || input.type === 'radio' ? input.checked || !!el.closest('form')?.querySelector(`input[name="${CSS.escape(input.name)}"]:checked`) : !!input.value;
    });
    return { step: cur.rec.step.id, ready, actions: fields.filter((f) => f.kind === 'action' && !f.optional).length, rings: this.overlay.size };
  }

  /** an administrator's policy changed (language) */
  setManaged(m: Managed): void {
    if (m.language === this.managed.language) return;
    this.managed = m;
    this.relang();
  }

  /** the language: the page's own (training), the user's choice, the policy's, the browser's */
  private langOf(s: Settings): Lang {
    return this.opts?.lang ?? uiLang(s.lang, this.managed.language);
  }

  /** take the language again (settings or policy changed) and show everything in it */
  private relang(): void {
    void loadSettings()
      .then(async (s) => {
        const lang = this.langOf(s);
        if (lang === this.lang) return;
        this.lang = lang;
        await loadStrings(this.portal, this.lang);
        this.render();
        this.validateAll();
        this.messages.refresh();
      })
      .catch(() => {});
  }

  /** for good (the portal was switched off by policy): no observer, no listener, no overlay */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    browser.runtime.onMessage.removeListener(this.onMessage);
    browser.storage.onChanged.removeListener(this.onStorage);
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.slowTimer !== null) window.clearTimeout(this.slowTimer);
    if (this.warnTimer !== null) window.clearTimeout(this.warnTimer);
    this.observe(false);
    this.writes.flush();
    this.current = null;
    this.guides?.stop();
    this.signing.close();
    this.messages.stop();
    this.overlay.destroy();
  }

  start(stored: Promise<Stored>): void {
    const { ctx } = this;
    browser.runtime.onMessage.addListener(this.onMessage);
    ctx.onInvalidated(() => this.stop());
    // navigation: look again, and (when the browser says so, not a page script) evaluate warnings
    const navigated = (e: Event) => {
      this.request(true);
      if (e.isTrusted) this.evaluateWarnings();
    };
    ctx.addEventListener(window, 'hashchange', navigated);
    ctx.addEventListener(window, 'popstate', navigated);
    ctx.addEventListener(window, 'pagehide', () => this.writes.flush());
    ctx.addEventListener(document, 'focusin', (e) => this.onFocus(e), { capture: true });
    ctx.addEventListener(document, 'input', (e) => this.onInput(e), { capture: true });
    ctx.addEventListener(document, 'change', (e) => this.onInput(e), { capture: true });
    ctx.addEventListener(document, 'focusout', (e) => this.onInput(e), { capture: true });
    ctx.addEventListener(document, 'click', (e) => this.onClick(e), { capture: true });
    ctx.addEventListener(document, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && e.isTrusted && !this.signing.close()) this.overlay.closeActive();
    }, { capture: true });
    browser.storage.onChanged.addListener(this.onStorage);
    this.guides?.start();
    const guides = this.guides?.load().catch(() => null) ?? Promise.resolve(null);
    // the first scan waits for what is followed and the language only (asked for while the page was
    // parsed); the words come from the background and follow
    void Promise.all([stored, domReady()])
      .then(async ([[p, s]]) => {
        // the guides people made join the procedures; the first scan waits for them only when one
        // of them is followed (else the catalogue's rings are not held up by them)
        const take = (procedures: Procedure[] | null) => {
          if (procedures && !this.stopped) this.procedures = procedures;
        };
        if (isGuideId(p.progress.active)) take(await guides);
        else
          void guides.then((procedures) => {
            take(procedures);
            if (procedures) this.request(true);
          });
        this.profileTag = p.tag;
        this.profileKind = p.kind ?? null;
        this.takeProgress(p.progress);
        this.lang = this.langOf(s);
      })
      .catch(() => {})
      .finally(() => {
        this.ready = true;
        this.request(true, true);
        const lang = this.lang;
        void loadStrings(this.portal, lang)
          .catch(() => {})
          .then(() => {
            if (this.stopped || lang !== this.lang) return;
            this.render();
            this.validateAll();
          });
      });
  }

  // ---- scheduling -------------------------------------------------------------------------

  /**
   * Ask for a scan: `now` (a relevant change was just seen) scans at once unless a scan already ran
   * in this frame; otherwise in the next animation frame (relevant = certainly rescan).
   */
  private request(relevant: boolean, now = false): void {
    if (relevant) this.relevant = true;
    if (!this.ready || this.stopped || this.ctx.isInvalid) return;
    if (now && this.relevant && performance.now() - this.lastScan >= FRAME_MS) {
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.relevant = false;
      this.scan();
      return;
    }
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const hrefChanged = this.where().href !== this.href;
      if (this.relevant || hrefChanged) {
        this.relevant = false;
        this.scan();
      } else this.slow();
    });
  }

  private slow(): void {
    if (this.slowTimer !== null) return;
    this.slowTimer = window.setTimeout(() => {
      this.slowTimer = null;
      this.request(true);
    }, SLOW_SCAN_MS);
  }

  private observe(on: boolean): void {
    if (on && !this.observer) {
      this.observer = new MutationObserver((records) => this.onMutations(records));
      this.observer.observe(document.documentElement, FULL);
      this.messages.soon(); // a message already shown
    } else if (!on && this.observer) {
      this.unisolate(false);
      this.observer.disconnect();
      this.observer = null;
    }
  }

  /**
   * A region that changes every frame (a data grid) would make the browser build thousands of
   * mutation records a frame for us to ignore. Observe everything but that region instead: its
   * ancestors shallowly, their other children fully; after ISOLATE_MS look at the whole page again.
   */
  private isolate(records: MutationRecord[]): void {
    const noisy = this.noisyRegion(records);
    if (!noisy || !this.observer) return;
    const mo = this.observer;
    mo.disconnect();
    this.isolated = noisy;
    for (let el: Element = noisy; el.parentElement; el = el.parentElement) {
      const parent = el.parentElement;
      mo.observe(parent, SHALLOW);
      for (const sib of Array.from(parent.children)) if (sib !== el) mo.observe(sib, FULL);
    }
    mo.observe(noisy, { attributes: true, attributeFilter: FULL.attributeFilter });
    this.isolateTimer = window.setTimeout(() => this.unisolate(true), ISOLATE_MS);
  }

  /**
   * The big container (a grid of more than BIG_CONTAINER rows) that most of the batch's records
   * come from, or null. Sampled: a status line ticking elsewhere does not hide the grid.
   */
  private noisyRegion(records: MutationRecord[]): Element | null {
    const root = document.documentElement;
    const step = Math.max(1, Math.floor(records.length / 64));
    const counts = new Map<Element, number>();
    let n = 0;
    for (let i = 0; i < records.length; i += step) {
      const t = records[i]!.target;
      let el: Element | null = t.nodeType === Node.ELEMENT_NODE ? (t as Element) : t.parentElement;
      while (el && el !== root && el.childElementCount <= BIG_CONTAINER) el = el.parentElement;
      n++;
      if (el && el !== root && el !== document.body) counts.set(el, (counts.get(el) ?? 0) + 1);
    }
    let best: Element | null = null;
    let most = 0;
    for (const [el, c] of counts) if (c > most) [best, most] = [el, c];
    return best && most >= n * 0.8 ? best : null;
  }

  private unisolate(observeAll: boolean): void {
    if (!this.isolated) return;
    this.isolated = null;
    if (this.isolateTimer !== null) window.clearTimeout(this.isolateTimer);
    this.isolateTimer = null;
    if (observeAll && this.observer) {
      this.observer.disconnect();
      this.observer.observe(document.documentElement, FULL);
      this.request(true); // what changed inside the region meanwhile
    }
  }

  /** while a region is isolated, new children of its ancestors are observed too */
  private followIsolation(records: MutationRecord[]): void {
    const noisy = this.isolated;
    if (!noisy || !this.observer) return;
    if (!noisy.isConnected) return this.unisolate(true);
    for (const r of records) {
      if (r.type !== 'childList' || r.target === noisy || !(r.target as Node).contains(noisy)) continue;
      for (const n of Array.from(r.addedNodes)) if (n.nodeType === Node.ELEMENT_NODE) this.observer.observe(n, FULL);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    this.messages.note(records);
    if (this.isolated) this.followIsolation(records);
    else if (records.length > STORM) this.isolate(records);
    if (this.relevant) return this.request(true, true);
    // every record is looked at (no sample: a form's insertion may come after thousands of a
    // grid's records), each changed node once per batch
    const seen = new Set<Node>();
    for (const r of records) {
      if (r.type !== 'childList') {
        if (seen.has(r.target)) continue;
        seen.add(r.target);
      }
      if (this.isRelevant(r)) return this.request(true, true);
    }
    this.request(false);
  }

  private isRelevant(r: MutationRecord): boolean {
    const target = r.target;
    if (r.type === 'childList') {
      for (const list of [r.addedNodes, r.removedNodes]) {
        for (let i = 0; i < list.length; i++) {
          const node = list[i]!;
          if (node.nodeType === Node.ELEMENT_NODE) {
            const el = node as Element;
            if (el.localName === 'qadam-overlay') continue;
            if (el.matches(RELEVANT) || (el.childElementCount && el.querySelector(RELEVANT))) return true;
            if (list === r.removedNodes && this.holdsTarget(el)) return true;
          } else if (node.nodeType === Node.TEXT_NODE && target instanceof Element && target.closest(CAPTION)) return true;
        }
      }
      return false;
    }
    const el = r.type === 'characterData' ? target.parentElement : (target as Element);
    if (!el) return false;
    if (r.type === 'characterData') return !!el.closest(CAPTION);
    return el.matches(RELEVANT) || (el.childElementCount > 0 && el.childElementCount <= BIG_CONTAINER && !!el.querySelector(RELEVANT));
  }

  private holdsTarget(el: Element): boolean {
    if (!this.current) return false;
    for (const t of this.current.located.values()) if (el === t || el.contains(t)) return true;
    return false;
  }

  // ---- the scan ---------------------------------------------------------------------------

  private scan(): void {
    if (this.ctx.isInvalid) return;
    this.lastScan = performance.now();
    try {
      const w = this.where();
      this.href = w.href;
      const where = { pathname: w.pathname, hash: w.hash };
      if (!anyUrlFits(this.procedures, where)) {
        // nothing of ours can be on this URL: no observer, no text read; wait for navigation
        this.observe(false);
        this.show(null, null);
        return;
      }
      this.observe(true);
      // an open modal is read first (modal.ts); the overlay goes above it, in the top layer
      const { facts, all, modal } = readPage(this.procedures, where);
      this.overlay.setModal(modal);
      this.checkLastStepDone(facts);
      const last = this.current ? { procedure: this.current.rec.procedure.id, step: this.current.rec.step.id } : null;
      const chosen = chooseStep(all, this.followed, this.opts?.step?.() ?? null, facts, { profileKind: this.profileKind, last });
      if (!chosen) return this.show(null, null);
      const located = facts.located(chosen.step);
      this.guides?.locate(chosen.procedure.id, chosen.step.id, located);
this.show({ rec: chosen, located }, isDone(chosen.step, facts));
      this.errors = 0;
    } catch (err) {
      // never loop on errors and never break the portal: give up after a few
      if (++this.errors >= MAX_ERRORS) {
        this.observe(false);
        this.overlay.clear();
      }
      console.warn('Qadam: could not read this page', err instanceof Error ? err.message : '');
    }
  }

  /**
   * A step is finished when the page shows its result: the wizard's next stage, a success notice.
   * That page is usually no longer the step itself, so the step last recorded is checked here.
   */
  private checkLastStepDone(facts: PageFacts): void {
    const proc = this.procedures.find((p) => p.id === this.followed);
    const step = proc?.steps.find((s) => s.id === this.lastStep);
    if (!proc || !step || step.kind !== 'page' || !step.done || !isDone(step, facts)) return;
    const key = `${proc.id}/${step.id}/done`;
    if (this.doneRecorded === key) return;
    this.doneRecorded = key;
    this.save({ op: 'done', procedure: proc.id, step: step.id });
  }

  private show(cur: Current | null, stepDone: boolean | null): void {
    const prev = this.current;
    const sameStep = !!prev && !!cur && prev.rec.procedure === cur.rec.procedure && prev.rec.step === cur.rec.step;
    if (!sameStep) this.used.clear();
    this.current = cur;
    this.signing.follow(cur ? `${this.href}|${cur.rec.procedure.id}/${cur.rec.step.id}` : '');
    if (!cur) {
      this.verdict = null;
      this.overlay.clear();
      return;
    }
    // a step shown anew (page load, navigation): what the page shows is compared again
    if (!sameStep) {
      this.verdict = null;
      this.evaluateWarnings();
    }
    this.render();
    this.overlay.reposition(); // the change that made us rescan may have moved the fields
    this.validateAll();
    this.pickActive();
    const key = `${cur.rec.procedure.id}/${cur.rec.step.id}/${stepDone ? 1 : 0}`;
    // recorded once per step shown: a procedure picked in the popup while this page stays open is
    // kept (the page is not recorded again); the next step the page shows is
    if (key !== this.recorded) {
      this.recorded = key;
      this.followed = cur.rec.procedure.id;
      this.lastStep = cur.rec.step.id;
      this.save({ op: 'record', procedure: cur.rec.procedure.id, step: cur.rec.step.id, stepDone: !!stepDone });
    }
  }

  /** write the active profile's progress; a registering procedure's finished step marks the profile */
  private save(op: ProgressOp): void {
    if (!this.record) return;
    this.writes.push(null, (ops) => [...ops, op]);
  }

  private takeProgress(p: Progress): void {
    if (this.opts?.follow) {
      this.followed = this.opts.follow;
      this.lastStep = null;
      return;
    }
    this.followed = p.active;
    this.lastStep = p.active ? (p.procedures[p.active]?.step ?? null) : null;
  }

  private render(): void {
    const cur = this.current;
    if (!cur) return;
    const { procedure, step, index } = cur.rec;
    const L = this.lang;
    const base = `${procKey(procedure.id)}.steps.${step.id}`;
    const specs: RingSpec[] = [];
    step.fields.forEach((f, i) => {
      const el = cur.located.get(f.id);
      if (!el) return;
      if (f.silent) return;
      const taught = this.guides?.ringExtra(procedure.id, step.id, f.id);
      const spec: RingSpec = { id: f.id, el: visibleTarget(el) ?? el, source: el, n: i + 1, hint: this.hint(f, base), important: !!f.important || !!step.warning, ...(taught ? { taught } : {}) };
      // the first enterprise's name and date: in a private frame, on every such field (whether or not one is known)
      if (f.firstRegistered && this.record) {
        const fs = { kind: 'first' as const, lang: L, procedure: procedure.id, step: step.id, field: f.id };
        spec.extra = { key: `first/${procedure.id}/${step.id}/${f.id}/${L}/${stringsVersion()}`, make: () => privateFrame(fs, t(L, 'overlay.private.title')) };
      }
      specs.push(spec);
    });
    const stepLine = t(L, 'overlay.stepOf', { current: index + 1, total: procedure.steps.length, title: t(L, `${base}.title`) });
    this.overlay.setPanel(specs.length ? null : { key: `${procedure.id}/${step.id}`, stepLine, text: t(L, `${base}.text`), close: t(L, 'overlay.close') });
    this.overlay.set(specs, {
      brand: 'Qadam',
      stepLine,
      close: t(L, 'overlay.close'),
      reopen: t(L, 'overlay.reopen'),
      important: t(L, 'overlay.important'),
    });
    this.renderWarnings();
  }

  private hint(f: FieldDef, base: string): string {
    const L = this.lang;
    const key = `${base}.fields.${f.id}`;
    const text = has(L, key) || has('en', key) ? t(L, key) : t(L, `${base}.text`);
    // a choice: name the option as the page writes it (choice.ts)
    const el = f.choose ? this.current?.located.get(f.id) : undefined;
    const option = el ? chosenCaption(f, el) : null;
    return option ? `${t(L, 'overlay.chooseOption', { option })} ${text}` : text;
  }

  // ---- profiles: the wrong-company guard and registrations already done ---------------------

  /**
   * The identifiers the page shows for whose registration it is: the value (or the chosen
   * option, the checked radio's caption) of the step's `subject` fields. Read now, kept nowhere.
   */
  private subjectIds(): string[] {
    const cur = this.current;
    if (!cur) return [];
    const out: string[] = [];
    for (const f of cur.rec.step.fields) {
      const el = f.subject ? cur.located.get(f.id) : undefined;
      if (el) out.push(...identifiersIn(shownValue(el)));
    }
    return out;
  }

  /**
   * Ask the background whose the identifiers the page shows now are (issue 15): on a step shown
   * anew, on the user's own input, on navigation and on a profile change, never on a page script's
   * synthetic event, and at most once per WARN_MS. Only whether a profile is active, whether the
   * shown number is its own and whether it is registered decide what the page can see.
   */
  private evaluateWarnings(): void {
    if (!this.record || this.stopped || this.warnTimer !== null) return;
    const wait = this.lastWarn + WARN_MS - performance.now();
    if (wait > 0) {
      this.warnTimer = window.setTimeout(() => {
        this.warnTimer = null;
        this.evaluateWarnings();
      }, wait);
      return;
    }
    const cur = this.current;
    if (!cur) return;
    this.lastWarn = performance.now();
    const ids = this.subjectIds();
    const reg = cur.rec.procedure.registers;
    void whose(ids, reg?.portal ?? null)
      .then((answer) => {
        // the same step still shown (a rescan meanwhile makes a new `current` of the same step)
        const now = this.current?.rec;
        if (!answer || now?.procedure !== cur.rec.procedure || now.step !== cur.rec.step) return;
        this.verdict = { ids, answer };
        this.renderWarnings();
      })
      .catch(() => {});
  }

  private renderWarnings(): void {
    const cur = this.current;
    const v = this.verdict;
    if (!cur || !v?.answer.active) return this.overlay.setWarnings([]);
    const L = this.lang;
    const warnings: WarningSpec[] = [];
    const procedure = cur.rec.procedure.id;
    if (warnsRegistered(cur.rec.procedure, cur.rec.index, v.answer.registered)) {
      warnings.push({
        kind: 'already-registered',
        key: `reg/${this.profileTag}/${procedure}/${L}/${stringsVersion()}`,
        make: (close) => privateFrame({ kind: 'already-registered', lang: L, procedure }, t(L, 'overlay.alreadyRegisteredTitle'), close),
      });
    }
    if (v.ids.length && v.answer.verdict !== 'mine') {
      const shown = v.ids.slice(0, 8);
      warnings.push({
        kind: 'wrong-company',
        key: `wrong/${this.profileTag}/${shown.join(',')}/${L}/${stringsVersion()}`,
        make: (close) => privateFrame({ kind: 'wrong-company', lang: L, procedure, shown }, t(L, 'overlay.wrongCompanyTitle'), close),
      });
    }
    this.overlay.setWarnings(warnings);
  }

  // ---- rules ------------------------------------------------------------------------------

  private fieldDef(id: string): FieldDef | undefined {
    return this.current?.rec.step.fields.find((f) => f.id === id);
  }

  /** the rule's verdict on the value typed now; undefined when empty or nothing to check */
  private judge(f: FieldDef): RuleProblem | null | undefined {
    const el = this.current?.located.get(f.id);
    if (!el || !('value' in el)) return undefined;
    const value = String((el as HTMLInputElement).value ?? '');
    if (!value) return undefined;
    if (f.sameAs) {
      const other = this.current?.located.get(f.sameAs) as HTMLInputElement | undefined;
      return other ? checkSame(value, other.value) : undefined;
    }
    return f.rule ? checkRule(f.rule, value) : undefined;
  }

  private validate(f: FieldDef, showOk: boolean): void {
    const p = this.judge(f);
    this.overlay.setProblem(f.id, p ? t(this.lang, `rules.${p.key}`, p.params) : p === null && showOk ? null : undefined);
  }

  private validateAll(): void {
    for (const f of this.current?.rec.step.fields ?? []) if (f.rule || f.sameAs) this.validate(f, true);
  }

  private onInput(e: Event): void {
    // a key chosen in the page's list (E-IMZO): its program asks the key's password next
    if (e.type === 'change' && e.isTrusted && e.target instanceof HTMLSelectElement) this.handover(e);
    const id = this.overlay.fieldOf(e.target);
    if (!id) return;
    const f = this.fieldDef(id);
    if (!f) return;
    if (f.rule || f.sameAs) this.validate(f, true);
    // the confirmation depends on the first entry too
    for (const g of this.current?.rec.step.fields ?? []) if (g.sameAs === id) this.validate(g, true);
    if (e.type === 'focusout' || e.type === 'change') this.pickActive();
    // the user's own typing or choice only: a page script's synthetic events never evaluate warnings
    if (f.subject && e.type !== 'focusout' && e.isTrusted) this.evaluateWarnings();
  }

  private onFocus(e: Event): void {
    const id = this.overlay.fieldOf(e.target);
    if (id && id !== this.overlay.activeId) this.overlay.activate(id);
  }

  private onClick(e: Event): void {
    if (e.isTrusted) this.handover(e);
    const id = this.overlay.fieldOf(e.target);
    if (!id || this.fieldDef(id)?.kind !== 'action') return;
    this.used.add(id);
    this.pickActive();
    this.request(true); // a tab or button usually changes the page
  }

  /** a press (by the user, not a script) on a button that opens the signing program's window */
  private handover(e: Event): void {
    const cur = this.current;
    if (!cur) return;
    const id = this.overlay.fieldOf(e.target);
    const h = handoverOf(cur.rec.step, id ? this.fieldDef(id) : undefined, e.target);
    if (!h) return;
    const anchor = (id && this.overlay.elementOf(id)) || (e.target as Element);
    this.signing.show(programOf(cur.rec.procedure, this.portal), h, anchor, `${this.href}|${cur.rec.procedure.id}/${cur.rec.step.id}`);
  }

  /** the hint to show: the focused field, else the first with a problem, else the first not done */
  private pickActive(): void {
    const cur = this.current;
    if (!cur) return;
    const focused = this.overlay.fieldOf(document.activeElement);
    if (focused) return this.overlay.activate(focused);
    const fields = cur.rec.step.fields.filter((f) => !f.silent && cur.located.has(f.id));
    const bad = fields.find((f) => this.judge(f));
    if (bad) return this.overlay.activate(bad.id);
    const open = fields.find((f) => {
      if (f.kind === 'action') return !this.used.has(f.id);
      const el = cur.located.get(f.id) as HTMLInputElement;
      return !el.value;
    });
    const pick = open ?? fields[fields.length - 1];
    if (pick) this.overlay.activate(pick.id);
  }

  // ---- messages and storage ---------------------------------------------------------------

  private onMessage = (msg: unknown): Promise<unknown> | undefined => {
    if (this.guides && isGuideMessage(msg)) return this.guides.message(msg);
    if (!isQadamMessage(msg)) return undefined;
    return Promise.resolve(this.state());
  };

  private state(): StateAnswer {
    const cur = this.current;
    const messages = this.messages.unknown();
    if (!cur) return { portal: this.portal, procedure: null, step: null, fields: [], messages };
    const step: PageStep = cur.rec.step;
    return {
      portal: this.portal,
      procedure: cur.rec.procedure.id,
      step: step.id,
      fields: step.fields.filter((f) => !f.silent).map((f) => {
        const taught = this.guides?.taughtState(f.id);
        return { id: f.id, found: cur.located.has(f.id), valid: !this.judge(f), optional: !!f.optional, ...(taught ? { taught } : {}) };
      }),
      messages,
    };
  }

  private onStorage = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local') return;
    if (changes.settings) this.relang();
    if ((changes.progress || changes.profiles) && this.record) {
      void progressNow()
        .then(({ progress, tag, kind }) => {
          const switched = tag !== this.profileTag;
          this.profileTag = tag;
          this.profileKind = kind ?? null;
          if (switched) this.recorded = ''; // the page's step is now the new profile's
          const before = this.followed;
          this.takeProgress(progress);
          if (switched || changes.profiles) this.evaluateWarnings(); // the warnings are the active profile's
          if (this.followed !== before || switched) this.request(true);
        })
        .catch(() => {});
    }
  };
}

/** what a field shows: its value, its chosen option's caption, the checked radio's caption */
function shownValue(el: Element): string {
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.textContent ?? '';
  if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
    const group = el.name && el.form ? Array.from(el.form.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]`)) : [el];
    const checked = group.find((r) => r.checked);
    return checked ? (checked.closest('label')?.textContent ?? checked.value) : '';
  }
  if ('value' in el) return String((el as HTMLInputElement).value ?? '');
  return el.textContent ?? '';
}

/** the active profile's progress, from the background (the content script reads no profile) */
async function progressNow(): Promise<{ progress: Progress; tag: string; kind?: 'individual' | 'ie' | 'legal' | null }> {
  const a = (await browser.runtime.sendMessage({ type: 'qadam:progress-get' }).catch(() => null)) as { progress: Progress; tag: string; kind?: 'individual' | 'ie' | 'legal' | null } | null;
  return a ?? { progress: { active: null, procedures: {}, notice: null }, tag: '' };
}
