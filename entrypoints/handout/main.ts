import { pageLang } from '../../lib/page-lang';
import { pageFor } from '../../sandbox/pages';
import { addressOf, h } from '../../sandbox/dom';
import { guideFieldList, has, loadPageGuides, t } from '../../sandbox/guides';
import { isGuideId } from '../../lib/guide-model';
import css from '../../sandbox/handout.css?inline';

/**
 * The printable handout of a procedure: `handout.html#/<procedure id>?lang=…` (or `?lang=` before
 * the hash). Every step in order (`data-step-id`) with its explanation; the manual steps with their
 * links; each page step with a picture of its training replica, ring drawn by the engine (the
 * sandbox in a frame, sample data only). A4, no picture cut by a page break: «Save as PDF».
 */

const SHOT_W = 1280;

function withLang(lang: string): string {
  const search = new URLSearchParams(location.search);
  search.set('lang', lang);
  return `${location.pathname}?${search}${location.hash}`;
}

async function main(): Promise<void> {
  // a trainer editing `#/<procedure>` gets that procedure's handout (as the sandbox follows its hash)
  addEventListener('hashchange', () => location.reload());
  // a guide people made (`#/guide.<slug>`) is found as the popup finds it
  // the language rule (lib/language.ts), unless the address names one; a fresh policy language
  // arriving later is named in the address (no second reload)
  const onPolicy = (fresh: string) => !addressOf(location, 'en').langNamed && location.replace(withLang(fresh));
  const [start] = await Promise.all([pageLang(onPolicy), loadPageGuides().catch(() => [])]);
  const { proc, lang } = addressOf(location, start);
  const tr = (key: string, p?: Record<string, string | number>) => t(lang, key, p);
  const base = `procedures.${proc.id}`;
  const guide = isGuideId(proc.id);
  document.documentElement.lang = lang;
  document.title = `${tr(`${base}.title`)} — ${tr('handout.title')}`;
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);

  const printBtn = h('button', { type: 'button', 'data-qadam-print': '' }, tr('handout.print'));
  printBtn.onclick = () => print();
  const list = h('ol', { className: 'steps' });
  const frames: HTMLIFrameElement[] = [];
  proc.steps.forEach((step, i) => {
    const key = `${base}.steps.${step.id}`;
    const li = h('li', { className: 'step', 'data-step-id': step.id, 'data-kind': step.kind });
    li.append(
      h(
        'h2',
        {},
        h('span', { className: 'n' }, String(i + 1)),
        h('span', {}, tr(`${key}.title`)),
        h('span', { className: 'kind' }, tr(step.kind === 'manual' ? 'handout.offPortal' : 'handout.onPortal')),
      ),
    );
    if (guide) {
      // a guide's step: its own title, then what it asks for (its texts, as text only)
      const fields = guideFieldList(proc.id, step.id, lang);
      if (fields) li.append(fields);
    } else li.append(h('p', {}, tr(`${key}.text`)));
    if (has(lang, `${key}.warning`) || has('en', `${key}.warning`)) li.append(h('p', { className: 'warning' }, tr(`${key}.warning`)));
    if (step.kind === 'manual' && step.link)
      li.append(h('p', { className: 'link' }, `${tr('handout.link')}: `, h('a', { href: step.link }, step.link)));
    if (step.kind === 'page' && pageFor(proc.id, step.id, lang)) {
      const frame = h('iframe', {
        src: `sandbox.html?embed=1&lang=${lang}#/${proc.id}/${step.id}`,
        title: tr(`${key}.title`),
        loading: 'eager',
        tabIndex: -1,
        'aria-hidden': 'true',
      });
      frames.push(frame);
      li.append(h('figure', {}, h('div', { className: 'shot' }, frame), h('figcaption', {}, tr('handout.training'))));
    }
    list.append(li);
  });
  const sheet = h(
    'main',
    { className: 'sheet' },
    h('div', { className: 'toolbar' }, printBtn),
    h(
      'header',
      {},
      h('p', { className: 'portal' }, tr(`ui.portalName.${proc.portal}`)),
      h('h1', {}, tr(`${base}.title`)),
      guide
        ? h('p', { className: 'summary', 'data-qadam-guide': '' }, tr('handout.guide'))
        : h('p', { className: 'summary' }, tr(`${base}.summary`)),
      h('p', {}, tr('handout.steps', { count: proc.steps.length })),
    ),
    ...(guide ? [] : [h('p', { className: 'training' }, tr('handout.training'))]),
    list,
    h('footer', {}, tr('handout.footer')),
  );
  document.body.append(sheet);

  // scale each picture to its box (screen and print widths differ)
  const fit = () => {
    for (const f of frames) {
      const w = f.parentElement!.clientWidth;
      f.style.transform = `scale(${w / SHOT_W})`;
    }
  };
  fit();
  addEventListener('resize', fit);
  matchMedia('print').addEventListener('change', fit);
  addEventListener('beforeprint', fit);

  // ready when every picture has its rings drawn (the sandbox frames say so)
  const pending = new Set(frames.map((f) => f.contentWindow));
  const done = () => {
    document.body.dataset.qadamReady = 'true';
    performance.mark('qadam:handout-ready');
  };
  if (!pending.size) return done();
  addEventListener('message', (e) => {
    if (e.origin !== location.origin || (e.data as { type?: string })?.type !== 'qadam:sandbox-shown') return;
    pending.delete(e.source as Window);
    if (!pending.size) done();
  });
}

void main();
