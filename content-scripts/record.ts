import { browser } from 'wxt/browser';
import type { Lang, PortalId } from '../procedures/types';
import { GUIDE_PREFIX, loadGuides, RECORDING_KEY, saveGuides, type Guide, type GuideField, type GuideStep } from '../lib/guide-model';
import { norm } from '../lib/text';
import { formatDate } from '../lib/dates';
import { hashRoute } from './recognise';
import { inputLabels, isShown } from './locate';
import { t } from './strings';
import type { Overlay } from './overlay';

/**
 * Recording a guide (contract.md «Record a guide»): every control the user clicks or fills becomes a
 * field of the current step — its caption words as read from the page, its kind and input type;
 * every new page or route a new step — its path and hash route (never a query string) and its
 * headings. NEVER a value: nothing here reads what is typed (a submit input's caption is its
 * value attribute as the page wrote it, read only for type=submit/button).
 *
 * The recording lives in storage.local (RECORDING_KEY) while it runs, so it survives page loads.
 */

export interface RecStep {
  path: string;
  route: string;
  headings: string[];
  /** the page's name as written (its first heading, else its title): the step's title */
  name?: string;
  fields: GuideField[];
}
export interface Recording {
  v: 1;
  portal: PortalId;
  steps: RecStep[];
}

const CONTROL = 'input:not([type=hidden]),select,textarea,button,a[href],[role=button],[role=tab],[role=menuitem],[role=link],summary';
const MAX_CAPTION = 80;
const MAX_STEPS = 50;
const MAX_FIELDS = 50;

const caption = (s: string | null | undefined) =>
  norm((s ?? '').slice(0, 400))
    .slice(0, MAX_CAPTION)
    .trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** the route of a hash without its query (`#!/x?token=1` → `/x`) */
export function routeOnly(hash: string): string {
  return hashRoute(hash).replace(/[?&].*$/, '');
}

/** what a control is for a guide, read from the page's own captions (never from its value) */
export function fieldOf(el: Element): Omit<GuideField, 'id'> | null {
  if (el.matches('input,select,textarea')) {
    const input = el as HTMLInputElement;
    const type = el instanceof HTMLTextAreaElement ? 'textarea' : input.type.toLowerCase();
    if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset') {
      const c = caption(input.getAttribute('value') ?? input.getAttribute('aria-label'));
      return c ? { kind: 'action', labels: [c] } : null;
    }
    // the strongest captions, any of which names it again (a <label> around the field and its
    // hint reads as one run of text; the caption just before the field is kept beside it)
    const labels: string[] = [];
    for (const l of [...inputLabels(el)].sort((a, b) => b.strength - a.strength)) {
      const c = caption(l.text);
      if (c && !labels.includes(c)) labels.push(c);
      if (labels.length >= 3) break;
    }
    if (!labels.length) return null;
    return { kind: 'input', labels, inputTypes: [type] };
  }
  const c = caption(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent);
  return c ? { kind: 'action', labels: [c] } : null;
}

function headings(doc: Document): string[] {
  const out: string[] = [];
  for (const h of Array.from(doc.querySelectorAll('h1,h2,h3,[role=heading],legend'))) {
    const c = caption(h.textContent);
    if (c && c.length >= 3 && isShown(h) && !out.includes(c)) out.push(c);
    if (out.length >= 3) break;
  }
  return out;
}

/** the shortest caption: the one a person reads as the field's name */
export function shortest(labels: readonly string[]): string {
  return labels.reduce((a, b) => (b.length < a.length ? b : a), labels[0] ?? '');
}

/** the page's name as a person reads it: its first heading (or panel title), else its title */
function pageName(doc: Document): string {
  const h = doc.querySelector('h1,h2,h3,[role=heading],.ui-panel-titlebar,.card-header');
  const text = (h && isShown(h) ? h.textContent : doc.title) ?? '';
  return text.replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** a slug from any title: latin letters and digits kept, the rest folded */
function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** a finished recording as a guide in the file's shape (steps without fields are left out) */
export function recordingToGuide(rec: Recording, title: string, lang: Lang, now = Date.now()): Guide {
  const name = title.trim().slice(0, 200) || 'Guide';
  const steps: GuideStep[] = rec.steps
    .filter((s) => s.fields.length)
    .map((s, i) => {
      // cut before escaping (an escape is never cut in two); a long address matches by its start
      const match: GuideStep['match'] = { path: [`^${escapeRe(s.path.slice(0, 90))}${s.path.length <= 90 ? '$' : ''}`] };
      if (s.route) match.hash = [`^${escapeRe(s.route.slice(0, 90))}${s.route.length <= 90 ? '(\\?|$)' : ''}`];
      if (s.headings.length) match.text = [s.headings];
      return {
        id: `step-${i + 1}`,
        title: { [lang]: s.name || s.headings[0] || `${s.path}${s.route ? `#${s.route}` : ''}` },
        match,
        fields: s.fields,
      };
    });
  return { id: `${GUIDE_PREFIX}${slug(name) || 'recorded'}-${now.toString(36)}`, portal: rec.portal, title: { [lang]: name }, steps };
}

/** a control used while recording joins the step (once per caption and kind) */
export function addField(step: RecStep, f: Omit<GuideField, 'id'>): boolean {
  if (step.fields.length >= MAX_FIELDS) return false;
  if (step.fields.some((x) => x.kind === f.kind && x.labels.join('|') === f.labels.join('|'))) return false;
  step.fields.push({ id: `field-${step.fields.length + 1}`, ...f, hint: {} });
  return true;
}

export class Recorder {
  private rec: Recording | null = null;
  private panel: HTMLElement | null = null;
  private listening = false;

  constructor(
    private portal: PortalId,
    private overlay: Overlay,
    private lang: () => Lang,
    /** the page's strings: the portal script's own, when this runs injected on demand (recorder-load.ts) */
    private tr: typeof t = t,
  ) {}

  private async read(): Promise<Recording | null> {
    try {
      const raw = (await browser.storage.local.get(RECORDING_KEY))[RECORDING_KEY] as Recording | undefined;
      return raw && raw.v === 1 && raw.portal === this.portal && Array.isArray(raw.steps) ? raw : null;
    } catch {
      return null;
    }
  }

  private save(): Promise<void> {
    return browser.storage.local.set({ [RECORDING_KEY]: this.rec });
  }

  /** a recording runs (this page was loaded while it did, or another tab changed it) */
  async resume(): Promise<void> {
    const rec = await this.read();
    if (!rec) {
      if (this.rec) this.detach();
      return;
    }
    this.rec = rec;
    this.attach();
    if (this.here()) await this.save();
    this.showPanel();
  }

  async begin(): Promise<{ recording: true }> {
    this.rec = { v: 1, portal: this.portal, steps: [] };
    this.here();
    await this.save();
    this.attach();
    this.showPanel();
    return { recording: true };
  }

  async end(title?: string): Promise<{ guide: Guide } | { guide: null }> {
    const rec = this.rec ?? (await this.read());
    this.detach();
    await browser.storage.local.remove(RECORDING_KEY);
    if (!rec) return { guide: null };
    const L = this.lang();
    const guide = recordingToGuide(rec, title || this.tr(L, 'overlay.recordedTitle', { date: formatDate(Date.now(), L) }), L);
    if (!guide.steps.length) return { guide: null };
    const { own } = await loadGuides();
    await saveGuides([...own, guide]);
    return { guide };
  }

  status(): { recording: boolean; steps: number; fields: number } {
    return {
      recording: !!this.rec,
      steps: this.rec?.steps.length ?? 0,
      fields: this.rec?.steps.reduce((n, s) => n + s.fields.length, 0) ?? 0,
    };
  }

  stop(): void {
    this.detach();
  }

  /** the step of this page: a new one when the path or the route changed; true when added */
  private here(): boolean {
    const rec = this.rec;
    if (!rec) return false;
    const path = location.pathname;
    const route = routeOnly(location.hash);
    const last = rec.steps[rec.steps.length - 1];
    if (last && last.path === path && last.route === route) {
      if (!last.headings.length) last.headings = headings(document);
      return false;
    }
    if (rec.steps.length >= MAX_STEPS) return false;
    rec.steps.push({ path, route, headings: headings(document), name: pageName(document), fields: [] });
    return true;
  }

  private attach(): void {
    if (this.listening) return;
    this.listening = true;
    document.addEventListener('click', this.onClick, true);
    document.addEventListener('change', this.onChange, true);
    window.addEventListener('hashchange', this.onRoute);
    window.addEventListener('popstate', this.onRoute);
  }

  private detach(): void {
    this.rec = null;
    this.panel?.remove();
    this.panel = null;
    if (!this.listening) return;
    this.listening = false;
    document.removeEventListener('click', this.onClick, true);
    document.removeEventListener('change', this.onChange, true);
    window.removeEventListener('hashchange', this.onRoute);
    window.removeEventListener('popstate', this.onRoute);
  }

  private onRoute = (): void => {
    if (this.here()) void this.save().then(() => this.showPanel());
  };

  private take(target: EventTarget | null, fromChange: boolean): void {
    if (!this.rec || !(target instanceof Element) || target.closest('qadam-overlay')) return;
    const el = target.closest(CONTROL);
    if (!el) return;
    const isField = el.matches('input,select,textarea') && !['submit', 'button', 'image', 'reset'].includes((el as HTMLInputElement).type);
    // a field is taken when it is filled or changed (a click into it alone is not using it)
    if (isField !== fromChange && !(isField && ['checkbox', 'radio'].includes((el as HTMLInputElement).type))) return;
    this.here();
    const f = fieldOf(el);
    const step = this.rec.steps[this.rec.steps.length - 1];
    if (!f || !step || !addField(step, f)) return;
    void this.save().then(() => this.showPanel());
  }

  private onClick = (e: Event): void => {
    if (e.isTrusted) this.take(e.target, false);
  };

  private onChange = (e: Event): void => {
    if (e.isTrusted) this.take(e.target, true);
  };

  /** the recording panel (`data-qadam-recording`): step, fields, Stop */
  private showPanel(): void {
    const rec = this.rec;
    if (!rec) return;
    const L = this.lang();
    if (!this.panel?.isConnected) {
      const panel = document.createElement('div');
      panel.className = 'panel';
      panel.setAttribute('data-qadam-recording', '');
      panel.setAttribute('role', 'status');
      panel.setAttribute('style', 'top:16px;bottom:auto;right:16px;border-color:#b91c1c;');
      const line = document.createElement('p');
      line.className = 'hint';
      const list = document.createElement('ol');
      list.setAttribute('style', 'margin:4px 0 8px;padding-left:20px;font-size:12px;max-height:30vh;overflow:auto;');
      const stop = document.createElement('button');
      stop.type = 'button';
      stop.setAttribute('data-qadam-record-stop', '');
      stop.addEventListener('click', () => void this.end());
      panel.append(line, list, stop);
      this.overlay.layerForGuides().append(panel);
      this.panel = panel;
    }
    const panel = this.panel;
    const step = rec.steps[rec.steps.length - 1];
    (panel.querySelector('.hint') as HTMLElement).textContent =
      `● ${this.tr(L, 'overlay.recording', { step: rec.steps.length, fields: step?.fields.length ?? 0 })}`;
    const list = panel.querySelector('ol') as HTMLElement;
    list.replaceChildren(
      ...(step?.fields ?? []).map((f) => {
        const li = document.createElement('li');
        li.textContent = shortest(f.labels);
        return li;
      }),
    );
    (panel.querySelector('button') as HTMLElement).textContent = this.tr(L, 'overlay.recordStop');
  }
}
