import type { EngineHandle, Where } from '../../content-scripts/engine';
import { startTraining } from '../../content-scripts/training';
import { PROCEDURES, procedureById } from '../../procedures';
import type { FieldDef, Lang, Procedure, Step } from '../../procedures/types';
import { LANGS } from '../../procedures/types';
import { pageLang } from '../../lib/page-lang';
import { loadHtml, pageFor } from '../../sandbox/pages';
import { addressOf, h } from '../../sandbox/dom';
import { sampleValue } from '../../sandbox/sample';
import { guideFieldList, guideProcedures, has, loadPageGuides, t } from '../../sandbox/guides';
import { isGuideId } from '../../lib/guide-model';
import css from '../../sandbox/ui.css?inline';

/**
 * The training sandbox: `sandbox.html#/<procedure id>/<step id>?lang=…` (also `?lang=` before the
 * hash, `presenter=1` for a projector, `embed=1` inside the handout). It shows the replica page of
 * a page step (replicas/: one source of truth) and runs the SAME engine as on the portal,
 * told which portal address the page stands for. Forms validate with the same rules and move on
 * as the portal would; links and forms never leave the page; nothing is recorded or sent.
 */

const params = new URLSearchParams(location.search);
/** buttons that go back or cancel, in the portals' languages: they never move a step on */
const BACK = /(назад|артқа|кері|orqaga|back|отмен|болдырма|бас тарт|bekor|cancel)/i;
const CANCEL = /(отмен|болдырма|бас тарт|bekor|cancel)/i;
const presenter = params.get('presenter') === '1';
const embed = params.get('embed') === '1';

interface Route {
  proc: Procedure;
  index: number;
  lang: Lang;
  /** the address names a procedure or step the catalogue does not have: said so, nothing else shown */
  unknown?: string;
}

function parseRoute(lang: Lang): Route {
  const { proc, stepId, lang: l, unknown } = addressOf(location, lang);
  return {
    proc,
    index: Math.max(
      0,
      proc.steps.findIndex((s) => s.id === stepId),
    ),
    lang: l,
    ...(unknown ? { unknown } : {}),
  };
}

class Sandbox {
  private route!: Route;
  private where: Where = { href: 'about:blank', pathname: '/', hash: '' };
  private engine: EngineHandle | null = null;
  private host = document.createElement('qadam-sandbox');
  private root = this.host.attachShadow({ mode: 'open' });
  private replicaNodes: Node[] = [];
  private loadSeq = 0;
  private speaking = false;

  constructor(private defaultLang: Lang) {}

  async start(): Promise<void> {
    this.route = parseRoute(this.defaultLang);
    if (presenter) this.host.setAttribute('data-presenter', '');
    if (embed) this.host.setAttribute('data-embed', '');
    const style = document.createElement('style');
    style.textContent = css;
    this.root.append(style);
    // after <body>: above the overlay's rings of fields that scroll under the bar
    document.documentElement.append(this.host);
    this.engine = startTraining({
      portal: procedureById(this.route.proc.id)!.portal,
      where: () => this.where,
      follow: this.route.proc.id,
      lang: this.route.lang,
      record: false,
      presenter,
      step: () => this.step().id,
      // tooltips stay above the training bar (a 720p projector leaves little room)
      keepClearBottom: () => {
        const bar = this.root.querySelector('.bar')?.getBoundingClientRect();
        return bar && bar.height > 0 ? Math.max(0, innerHeight - bar.top) : 0;
      },
    });
    addEventListener('hashchange', () => void this.go(parseRoute(this.route.lang)));
    document.addEventListener('click', (e) => this.onClick(e), { capture: true });
    document.addEventListener('submit', (e) => this.onSubmit(e), { capture: true });
    document.addEventListener('keydown', (e) => this.onKey(e));
    await this.show();
  }

  private step(): Step {
    return this.route.proc.steps[this.route.index]!;
  }

  /** the administrator's policy language arrived after the start: taken unless the address names one */
  policyLang(lang: Lang): void {
    if (this.route && !addressOf(location, lang).langNamed && lang !== this.route.lang) void this.go({ ...this.route, lang });
  }

  private tr(key: string, p?: Record<string, string | number>): string {
    return t(this.route.lang, key, p);
  }

  /** move to another procedure/step/language: the page reloads when the engine must change */
  private async go(r: Route): Promise<void> {
    if (r.unknown || this.route.unknown) {
      // to or from an address that names nothing known: no engine change, just what is shown
      if (!r.unknown && location.hash !== `#/${r.proc.id}/${r.proc.steps[r.index]!.id}`)
        history.replaceState(null, '', `#/${r.proc.id}/${r.proc.steps[r.index]!.id}`);
      this.route = r;
      return this.show();
    }
    const reload = r.proc.id !== this.route.proc.id || r.lang !== this.route.lang;
    const hash = `#/${r.proc.id}/${r.proc.steps[r.index]!.id}`;
    const search = new URLSearchParams(location.search);
    search.set('lang', r.lang);
    if (reload) {
      location.replace(`${location.pathname}?${search}${hash}`);
      if (location.hash === hash) location.reload();
      return;
    }
    this.route = r;
    if (location.hash !== hash) history.replaceState(null, '', hash);
    await this.show();
  }

  private async show(): Promise<void> {
    const seq = ++this.loadSeq;
    const step = this.step();
    const { proc, lang } = this.route;
    document.documentElement.lang = lang;
    document.title = `${this.tr('sandbox.title')}: ${this.tr(`procedures.${proc.id}.title`)}`;
    let card: HTMLElement | null = null;
    let html: string | null = null;
    if (this.route.unknown) return this.showUnknown(this.route.unknown);
    const page = step.kind === 'page' ? pageFor(proc.id, step.id, lang) : null;
    if (page) html = await loadHtml(page);
    if (seq !== this.loadSeq) return;
    this.clearReplica();
    window.scrollTo(0, 0);
    if (page && html) {
      this.where = whereOf(page.url);
      this.insertReplica(html);
    } else {
      this.where = { href: `about:blank#${proc.id}/${step.id}`, pathname: '/qadam-sandbox-manual', hash: '' };
      card = this.card(step);
    }
    this.renderBar(card);
    this.engine?.rescan();
    this.whenShown(seq);
  }

  /** the address names a procedure or step Qadam does not know: say so, show no other one */
  private showUnknown(what: string): void {
    this.clearReplica();
    this.where = { href: 'about:blank', pathname: '/qadam-sandbox-unknown', hash: '' };
    const card = h(
      'section',
      { className: 'card', role: 'alert', 'data-qadam-unknown': what },
      h('h1', {}, this.tr('sandbox.unknownTitle')),
      h('p', {}, this.tr('sandbox.unknown', { address: what })),
    );
    this.renderBar(card);
    this.engine?.rescan();
    document.body.dataset.qadamShown = 'unknown';
    if (window.parent !== window) window.parent.postMessage({ type: 'qadam:sandbox-shown', step: '', drawn: false }, location.origin);
  }

  private clearReplica(): void {
    for (const n of this.replicaNodes) n.parentNode?.removeChild(n);
    this.replicaNodes = [];
    document.body.removeAttribute('class');
  }

  /** the replica's styles and body go into this page; its late parts are expanded at once */
  private insertReplica(html: string): void {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const s of Array.from(doc.querySelectorAll('script'))) s.remove();
    for (const tpl of Array.from(doc.querySelectorAll('template[data-late]')))
      tpl.replaceWith((tpl as HTMLTemplateElement).content.cloneNode(true));
    for (const st of Array.from(doc.head.querySelectorAll('style'))) {
      const copy = document.importNode(st, true);
      document.head.append(copy);
      this.replicaNodes.push(copy);
    }
    if (doc.body.className) document.body.className = doc.body.className;
    const frag = document.createDocumentFragment();
    for (const n of Array.from(doc.body.childNodes)) {
      const copy = document.importNode(n, true);
      this.replicaNodes.push(copy);
      frag.append(copy);
    }
    document.body.append(frag);
    // room for the training bar at the bottom
    const spacer = h('div', { 'aria-hidden': 'true' });
    spacer.style.height = presenter ? '260px' : '110px';
    document.body.append(spacer);
    this.replicaNodes.push(spacer);
  }

  private card(step: Step): HTMLElement {
    const base = `procedures.${this.route.proc.id}.steps.${step.id}`;
    const card = h('section', { className: 'card', 'data-qadam-manual': step.id, 'aria-labelledby': 'card-h' });
    const guide = isGuideId(this.route.proc.id);
    card.append(
      h('span', { className: 'kind' }, this.tr(step.kind === 'manual' ? 'ui.kindManual' : 'ui.kindPage')),
      h('h1', { id: 'card-h' }, this.tr(`${base}.title`)),
    );
    if (guide) {
      // a guide people made has no replica page: its step as a card, its own words as text only
      card.setAttribute('data-qadam-guide', '');
      card.append(h('p', {}, this.tr('sandbox.guideNoPage')));
      const fields = guideFieldList(this.route.proc.id, step.id, this.route.lang);
      if (fields) card.append(fields);
      return card;
    }
    card.append(h('p', {}, this.tr(`${base}.text`)));
    if (has(this.route.lang, `${base}.warning`) || has('en', `${base}.warning`))
      card.append(h('p', { className: 'warning' }, this.tr(`${base}.warning`)));
    if (step.kind === 'manual' && step.link)
      card.append(h('p', {}, h('a', { href: step.link, target: '_blank', rel: 'noreferrer' }, this.tr('ui.openLink'))));
    if (step.kind === 'page') card.append(h('p', {}, this.tr('sandbox.noPage')));
    return card;
  }

  private renderBar(card: HTMLElement | null): void {
    const { proc, index, lang } = this.route;
    const step = this.step();
    const base = `procedures.${proc.id}.steps.${step.id}`;
    const procSelect = h('select', { 'data-qadam-sandbox-procedure': '', 'aria-label': this.tr('ui.procedure') });
    for (const p of [...PROCEDURES, ...guideProcedures()])
      procSelect.append(
        h(
          'option',
          { value: p.id, selected: p.id === proc.id },
          `${this.tr(`ui.portalName.${p.portal}`)} — ${this.tr(`procedures.${p.id}.title`)}`,
        ),
      );
    procSelect.onchange = () => void this.go({ proc: procedureById(procSelect.value)!, index: 0, lang });
    const stepSelect = h('select', { 'data-qadam-sandbox-step': '', 'aria-label': this.tr('ui.steps') });
    proc.steps.forEach((s, i) =>
      stepSelect.append(
        h('option', { value: String(i), selected: i === index }, `${i + 1}. ${this.tr(`procedures.${proc.id}.steps.${s.id}.title`)}`),
      ),
    );
    stepSelect.onchange = () => void this.go({ ...this.route, index: Number(stepSelect.value) });
    const langSelect = h('select', { 'data-qadam-lang': '', 'aria-label': this.tr('ui.language') });
    for (const l of LANGS) langSelect.append(h('option', { value: l, selected: l === lang, lang: l }, t(l, `ui.langName.${l}`)));
    langSelect.onchange = () => void this.go({ ...this.route, lang: langSelect.value as Lang });
    const prev = h('button', { type: 'button', 'data-qadam-prev': '', disabled: index === 0 }, `← ${this.tr('sandbox.prev')}`);
    prev.onclick = () => this.move(-1);
    const next = h(
      'button',
      { type: 'button', className: 'primary', 'data-qadam-next': '', disabled: index === proc.steps.length - 1 },
      `${this.tr('sandbox.next')} →`,
    );
    next.onclick = () => this.move(1);
    const sample = h(
      'button',
      { type: 'button', 'data-qadam-sample': '', disabled: step.kind !== 'page' || isGuideId(proc.id) },
      this.tr('sandbox.sample'),
    );
    sample.onclick = () => this.engine?.fillSample((f: FieldDef) => sampleValue(f));
    const mode = h(
      'button',
      { type: 'button', 'data-qadam-presenter': '' },
      this.tr(presenter ? 'sandbox.presenterOff' : 'sandbox.presenterOn'),
    );
    mode.onclick = () => {
      const s = new URLSearchParams(location.search);
      if (presenter) s.delete('presenter');
      else s.set('presenter', '1');
      location.replace(`${location.pathname}?${s}${location.hash}`);
    };
    const handout = h('a', { href: `handout.html?lang=${lang}#/${proc.id}`, target: '_blank' }, this.tr('sandbox.handout'));
    const counter = h(
      'span',
      { className: 'counter', 'data-qadam-counter': '', 'aria-live': 'polite' },
      this.tr('sandbox.counter', { current: index + 1, total: proc.steps.length }),
    );
    const bar = h(
      'div',
      // the step on screen (contract «Trainer mode»); none when the address named an unknown one
      {
        className: 'bar',
        role: 'region',
        'aria-label': this.tr('sandbox.title'),
        ...(this.route.unknown ? {} : { 'data-procedure-id': proc.id, 'data-step-id': step.id }),
      },
      h(
        'div',
        { className: 'banner', 'data-qadam-training-banner': '' },
        h('strong', {}, this.tr('sandbox.banner')),
        h('span', {}, this.tr('sandbox.bannerText')),
      ),
      h(
        'div',
        { className: 'narration', 'data-qadam-narration': '' },
        h('h2', {}, this.tr(`${base}.title`)),
        h('p', {}, this.tr(`${base}.text`)),
      ),
      h(
        'div',
        { className: 'controls' },
        procSelect,
        stepSelect,
        prev,
        next,
        sample,
        langSelect,
        mode,
        handout,
        h('span', { className: 'keys' }, this.tr('sandbox.keys')),
        counter,
      ),
    );
    const style = this.root.querySelector('style')!;
    this.root.replaceChildren(style, ...(card ? [card] : []), bar);
  }

  private move(delta: number): void {
    const index = Math.min(this.route.proc.steps.length - 1, Math.max(0, this.route.index + delta));
    if (index !== this.route.index) void this.go({ ...this.route, index });
  }

  /** a click in the replica: never leaves the page; the step's button moves on as the portal would */
  private onClick(e: Event): void {
    if (this.host.contains(e.target as Node) || e.composedPath().includes(this.host)) return;
    const el = e.target as Element;
    const link = el.closest?.('a[href]');
    if (link && !link.closest('qadam-overlay')) e.preventDefault();
    const field = this.engine?.fieldAt(e.target);
    const st = this.engine?.status();
    if (!st || st.step !== this.step().id) return;
    const button = el.closest?.('button, input[type=submit], input[type=button], a.ui-button, [role=button]');
    const caption = (button?.textContent || (button as HTMLInputElement | null)?.value || '').trim();
    if (button && !field && BACK.test(caption)) {
      if (!CANCEL.test(caption)) window.setTimeout(() => this.move(-1), 350); // «Назад»: the stage before
      return;
    }
    const isSubmit = !!button && !field;
    const advance = (field?.kind === 'action' && !field.optional) || (isSubmit && st.actions === 0);
    if (advance && st.ready) window.setTimeout(() => this.move(1), 350);
  }

  private onSubmit(e: Event): void {
    e.preventDefault(); // nothing is sent anywhere
  }

  private onKey(e: KeyboardEvent): void {
    const tgt = e.composedPath()[0] as HTMLElement | undefined;
    if (tgt && /^(INPUT|TEXTAREA|SELECT)$/.test(tgt.tagName)) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.key;
    if (k === 'ArrowRight' || k === 'PageDown') this.move(1);
    else if (k === 'ArrowLeft' || k === 'PageUp') this.move(-1);
    else if (k === 'Home' || k === 'r' || k === 'R') void this.go({ ...this.route, index: 0 });
    else if (k === 'f' || k === 'F')
      void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {});
    else if (k === 's' || k === 'S') this.speak();
    else return;
    e.preventDefault();
  }

  /** read the narration aloud, where the browser has a voice for the language (never otherwise) */
  private speak(): void {
    const synth = globalThis.speechSynthesis;
    if (!synth) return;
    if (this.speaking) {
      synth.cancel();
      this.speaking = false;
      return;
    }
    const lang = this.route.lang;
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
    if (!voice) return;
    const base = `procedures.${this.route.proc.id}.steps.${this.step().id}`;
    const u = new SpeechSynthesisUtterance(`${this.tr(`${base}.title`)}. ${this.tr(`${base}.text`)}`);
    u.voice = voice;
    u.lang = voice.lang;
    u.onend = () => (this.speaking = false);
    this.speaking = true;
    synth.speak(u);
  }

  /** the first ringed field must not hide under the training bar: scroll it up when it does */
  private revealFirstRing(): void {
    const rings = Array.from(document.querySelector('qadam-overlay')?.shadowRoot?.querySelectorAll('[data-qadam-field]') ?? []);
    const bar = this.root.querySelector('.bar');
    const r = rings
      .map((x) => x.getBoundingClientRect())
      .filter((b) => b.height > 0)
      .sort((a, b) => a.top - b.top)[0];
    if (!r || !bar) return;
    const limit = bar.getBoundingClientRect().top - 24;
    if (r.bottom > limit) window.scrollBy({ top: r.bottom - limit + Math.min(200, limit / 3), behavior: 'instant' });
  }

  /** tell the handout (and the bench) when the step is drawn: rings placed, or a card shown */
  private whenShown(seq: number): void {
    const started = performance.now();
    const check = () => {
      if (seq !== this.loadSeq) return;
      const st = this.engine?.status();
      const step = this.step();
      const noPage = step.kind === 'page' && !pageFor(this.route.proc.id, step.id, this.route.lang);
      const drawn =
        step.kind === 'manual' ||
        noPage ||
        (st?.step === step.id && (st.rings > 0 || (step.kind === 'page' && step.fields.every((f) => f.optional || f.silent))));
      if (drawn || performance.now() - started > 5000) {
        this.revealFirstRing();
        document.body.dataset.qadamShown = `${this.route.proc.id}/${this.step().id}`;
        performance.mark('qadam:sandbox-shown');
        if (window.parent !== window)
          window.parent.postMessage({ type: 'qadam:sandbox-shown', step: this.step().id, drawn }, location.origin);
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }
}

function whereOf(url: string): Where {
  const u = new URL(url);
  return { href: u.href, pathname: u.pathname, hash: u.hash };
}

// the guides people made are found as the popup finds them (`#/guide.<slug>/<step>`)
// the language rule (lib/language.ts) unless the address names one; a fresh policy language
// arriving after the start is taken as the language picker would
let sandbox: Sandbox | null = null;
let fresh: Lang | null = null;
const onPolicy = (l: Lang) => {
  fresh = l;
  sandbox?.policyLang(l);
};
void Promise.all([pageLang(onPolicy), loadPageGuides().catch(() => [])]).then(([lang]) => {
  sandbox = new Sandbox(fresh ?? lang);
  void sandbox.start();
});
