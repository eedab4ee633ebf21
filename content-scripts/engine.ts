import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { portalOfHost, proceduresOfPortal } from '../procedures';
import type { Lang, PortalId, Procedure } from '../procedures/types';
import { NO_POLICY, portalEnabled, type Managed } from '../lib/managed';
import { isQadamMessage, type ProgressAnswer, type StateAnswer } from '../lib/messages';
import { isGuideId } from '../lib/guide-model';
import { loadStrings } from './strings';
import { Overlay } from './overlay';
import { Guides, isGuideMessage } from './guides';
import { SigningCard } from './signing';
import { MessageWatch } from './explain';
import type { Recognised } from './recognise';
import { PageWatcher } from './page-watcher';
import { scanPage, type ScanResult } from './scanner';
import { renderStep } from './renderer';
import { judge, validateAll } from './validation';
import { ProfileWarnings } from './profile-warnings';
import { pageLang, progressNow, readPolicy, readSettings, watchPolicy, watchProgress, watchSettings, type Settings } from './storage-sync';
import { Following } from './following';
import { UserEvents } from './user-events';
import type { EngineOptions, TrainingPort, Where } from './training';

export type { EngineHandle, EngineOptions, Where } from './training';

/**
 * The content script's composition root: policy gating, then one Engine that wires the parts —
 * the page watcher (when to scan), the scanner (which step, where its fields are), the renderer
 * (the overlay), validation, the user's events, the profile warnings, what is followed and
 * recorded, storage sync, guides (teach, record), the signing hand-over, portal messages — and
 * answers the popup's question.
 */

const MAX_ERRORS = 5;

type Current = { rec: Recognised; located: Map<string, Element> };

/** what the engine needs of WXT's content-script context (an extension page gives its own: training.ts) */
export type EngineContext = Pick<ContentScriptContext, 'onInvalidated' | 'addEventListener' | 'isInvalid' | 'setTimeout'>;

/**
 * Start on a portal page (or a guide's site); with `opts`, on a sandbox page: then the engine's
 * port for the training adapter is returned (training.ts startTraining wraps it, so the adapter
 * stays out of the portal script).
 */
export function startEngine(ctx: EngineContext, opts?: EngineOptions, guideHostPortal?: PortalId): TrainingPort | null {
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
    return engine.training;
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
  watchPolicy(ctx, apply);
  void readPolicy().then(apply);
  return null;
}

const REAL_WHERE = (): Where => ({ href: location.href, pathname: location.pathname, hash: location.hash });

type Stored = [ProgressAnswer, Settings];
/** what the engine starts from, asked for in parallel */
function preload(): Promise<Stored> {
  return Promise.all([progressNow(), readSettings()]);
}

/** the document parsed (the content script starts while it is still loading) */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

class Engine {
  private overlay = new Overlay();
  private watcher: PageWatcher;
  private lang: Lang = 'en';
  private current: Current | null = null;
  private href = '';
  private errors = 0;
  private stopped = false;
  private following: Following;
  private user: UserEvents;
  private warnings: ProfileWarnings;
  private unwatch: (() => void)[] = [];
  /** guides people made, taught fields, recording (portal pages only; content-scripts/guides.ts) */
  private guides: Guides | null = null;
  private signing = new SigningCard(
    (el) => this.overlay.mount(el),
    () => this.lang,
  );
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
    this.messages = new MessageWatch(
      portal,
      (el) => this.overlay.mount(el),
      () => this.lang,
      () => this.current?.rec.step.id ?? null,
    );
    this.following = new Following(this.record, opts?.follow);
    this.warnings = new ProfileWarnings(ctx, this.overlay, {
      current: () => this.current,
      lang: () => this.lang,
      profileTag: () => this.following.profileTag,
    });
    this.user = new UserEvents({
      overlay: this.overlay,
      signing: this.signing,
      portal,
      current: () => this.current,
      lang: () => this.lang,
      href: () => this.href,
      warn: () => this.warn(),
      rescan: () => this.watcher.request(true),
    });
    this.watcher = new PageWatcher(ctx, {
      scan: () => this.scan(),
      href: () => this.where().href,
      holds: (el) => this.holds(el),
      note: (records) => this.messages.note(records),
      observing: () => this.messages.soon(), // a message already shown
      unseen: () => this.messages.soon(), // an isolated region's ancestors changed (no records)
      // navigation: (when the browser says so, not a page script) evaluate warnings
      navigated: (trusted) => {
        if (trusted) this.warn();
      },
    });
    if (opts?.presenter) this.overlay.presenter = true;
    if (opts?.css) this.overlay.extraCss = opts.css;
    if (opts?.keepClearBottom) this.overlay.keepClearBottom = opts.keepClearBottom;
    if (!opts) {
      this.guides = new Guides(
        {
          overlay: this.overlay,
          lang: () => this.lang,
          current: () =>
            this.current
              ? {
                  procedure: this.current.rec.procedure.id,
                  step: this.current.rec.step.id,
                  fields: this.current.rec.step.fields.map((f) => f.id),
                }
              : null,
          changed: (procedures) => {
            this.procedures = procedures;
            this.watcher.request(true);
          },
        },
        portal,
        procedures,
      );
    }
  }

  /** what the sandbox's training adapter drives (training.ts) */
  get training() {
    return {
      rescan: () => this.watcher.request(true),
      shown: () => (this.current ? { step: this.current.rec.step, located: this.current.located } : null),
      fieldOf: (target: EventTarget | null) => this.overlay.fieldOf(target),
      rings: () => this.overlay.size,
      revalidate: () => this.validateAll(),
    };
  }

  /** an administrator's policy changed (language) */
  setManaged(m: Managed): void {
    if (m.language === this.managed.language) return;
    this.managed = m;
    this.relang();
  }

  /** take the language again (settings or policy changed) and show everything in it */
  private relang(): void {
    void readSettings()
      .then(async (s) => {
        const lang = pageLang(this.opts?.lang, s, this.managed);
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
    this.unwatch.splice(0).forEach((f) => f());
    this.watcher.stop();
    this.warnings.stop();
    this.following.flush();
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
    this.watcher.listen();
    ctx.addEventListener(window, 'pagehide', () => this.following.flush());
    this.user.listen(ctx);
    this.unwatch.push(watchSettings(() => this.relang()));
    if (this.record) this.unwatch.push(watchProgress((what) => this.onProgress(what.profiles)));
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
            if (procedures) this.watcher.request(true);
          });
        this.following.take(p);
        this.lang = pageLang(this.opts?.lang, s, this.managed);
      })
      .catch(() => {})
      .finally(() => {
        this.watcher.begin();
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

  // ---- the scan ---------------------------------------------------------------------------

  private scan(): void {
    try {
      const w = this.where();
      this.href = w.href;
      const last = this.current ? { procedure: this.current.rec.procedure.id, step: this.current.rec.step.id } : null;
      const { followed, lastStep, profileKind } = this.following;
      const result = scanPage({
        procedures: this.procedures,
        where: { pathname: w.pathname, hash: w.hash },
        followed,
        step: this.opts?.step?.() ?? null,
        evidence: { profileKind, last },
        lastStep,
      });
      this.take(result);
      this.errors = 0;
    } catch (err) {
      // never loop on errors and never break the portal: give up after a few
      if (++this.errors >= MAX_ERRORS) {
        this.watcher.observe(false);
        this.overlay.clear();
      }
      console.warn('Qadam: could not read this page', err instanceof Error ? err.message : '');
    }
  }

  /** what a scan found: observe or not, the modal, the last step's result, the step shown */
  private take(result: ScanResult): void {
    if (result.kind === 'elsewhere') {
      // nothing of ours can be on this URL: no observer, no text read; wait for navigation
      this.watcher.observe(false);
      return this.show(null, null);
    }
    this.watcher.observe(true);
    // the overlay goes above an open modal, in the top layer
    this.overlay.setModal(result.modal);
    if (result.lastStepDone) this.following.done(result.lastStepDone.procedure, result.lastStepDone.step);
    if (result.kind === 'none') return this.show(null, null);
    this.guides?.locate(result.rec.procedure.id, result.rec.step.id, result.located);
    this.show({ rec: result.rec, located: result.located }, result.done);
  }

  private holds(el: Element): boolean {
    if (!this.current) return false;
    for (const t of this.current.located.values()) if (el === t || el.contains(t)) return true;
    return false;
  }

  private show(cur: Current | null, stepDone: boolean | null): void {
    const prev = this.current;
    const sameStep = !!prev && !!cur && prev.rec.procedure === cur.rec.procedure && prev.rec.step === cur.rec.step;
    if (!sameStep) this.user.newStep();
    this.current = cur;
    this.signing.follow(cur ? `${this.href}|${cur.rec.procedure.id}/${cur.rec.step.id}` : '');
    if (!cur) {
      this.warnings.forget();
      this.overlay.clear();
      return;
    }
    // a step shown anew (page load, navigation): what the page shows is compared again
    if (!sameStep) {
      this.warnings.forget();
      this.warn();
    }
    this.render(); // places every ring anew (overlay.set): the change that made us rescan may have moved the fields
    this.validateAll();
    this.user.pickActive();
    this.following.shown(cur.rec.procedure.id, cur.rec.step.id, !!stepDone);
  }

  private render(): void {
    const cur = this.current;
    if (!cur) return;
    renderStep(this.overlay, {
      rec: cur.rec,
      located: cur.located,
      lang: this.lang,
      privateFrames: this.record,
      taught: this.guides ? (p, s, f) => this.guides?.ringExtra(p, s, f) : undefined,
    });
    this.warnings.render();
  }

  // ---- progress ---------------------------------------------------------------------------

  /** the progress or the profiles changed (the popup, another tab): ask the background again */
  private onProgress(profiles: boolean): void {
    void progressNow()
      .then((answer) => {
        const { switched, moved } = this.following.take(answer);
        if (switched || profiles) this.warn(); // the warnings are the active profile's
        if (moved || switched) this.watcher.request(true);
      })
      .catch(() => {});
  }

  /** evaluate the profile warnings (portal pages only: training reads no profile) */
  private warn(): void {
    if (this.record && !this.stopped) this.warnings.evaluate();
  }

  // ---- validation -------------------------------------------------------------------------

  private validateAll(): void {
    const cur = this.current;
    if (cur) validateAll(this.overlay, cur.rec.step, cur.located, this.lang);
  }

  // ---- the popup's question ---------------------------------------------------------------

  private onMessage = (msg: unknown): Promise<unknown> | undefined => {
    if (this.guides && isGuideMessage(msg)) return this.guides.message(msg);
    if (!isQadamMessage(msg)) return undefined;
    return Promise.resolve(this.state());
  };

  private state(): StateAnswer {
    const cur = this.current;
    const messages = this.messages.unknown();
    if (!cur) return { portal: this.portal, procedure: null, step: null, fields: [], messages };
    const step = cur.rec.step;
    return {
      portal: this.portal,
      procedure: cur.rec.procedure.id,
      step: step.id,
      fields: step.fields
        .filter((f) => !f.silent)
        .map((f) => {
          const taught = this.guides?.taughtState(f.id);
          return {
            id: f.id,
            found: cur.located.has(f.id),
            valid: !judge(f, cur.located),
            optional: !!f.optional,
            ...(taught ? { taught } : {}),
          };
        }),
      messages,
    };
  }
}
