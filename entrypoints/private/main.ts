import { browser } from 'wxt/browser';
import { procedureById } from '../../procedures';
import { activeProfile, firstRegistered, loadProfiles, profileByIdentifier, type Profiles } from '../../lib/profiles';
import { setActiveProfile } from '../../lib/profile-store';
import { procKey, t } from '../../lib/strings';
import type { FrameSpec } from '../../lib/private-messages';
import { FRAME_CLOSE } from '../../lib/private-page';
import { formatDate } from '../../lib/dates';
import { registeredOn } from '../../lib/registered';
import { sendToBackground } from '../../lib/messages';
import css from './private.css?inline';

/**
 * The private frame (issue 15): whatever names a profile (its name, number, dates, which other
 * profiles exist) is drawn here, in an extension page framed into the portal page, which the
 * portal's scripts cannot read. The address holds only a random token; what to show comes from the
 * background under that token, the profiles from storage. The frame follows profile changes; its
 * buttons act on the user's own clicks only (a page cannot click into it).
 */

const token = new URLSearchParams(location.search).get('t') ?? '';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text) e.textContent = text;
  return e;
}

const close = () => parent.postMessage({ type: FRAME_CLOSE }, '*');

function render(spec: FrameSpec, ps: Profiles): void {
  const L = spec.lang;
  const me = activeProfile(ps);
  const root = el('div', `card ${spec.kind}`);
  const head = el('div', 'head');
  head.append(el('span', 'brand', 'Qadam'));
  let text = '';
  let action: HTMLButtonElement | null = null;
  if (spec.kind === 'first') {
    const proc = procedureById(spec.procedure);
    const portal = proc?.steps.flatMap((s) => (s.kind === 'page' ? s.fields : [])).find((f) => f.id === spec.field)?.firstRegistered;
    const first = portal ? firstRegistered(ps, portal) : null;
    const at = portal ? first?.facts[portal]?.at : undefined;
    text =
      first && at
        ? t(L, `${procKey(spec.procedure)}.steps.${spec.step}.first.${spec.field}`, { name: first.name, date: formatDate(at, L) })
        : t(L, 'overlay.private.noFirst');
    root.setAttribute('role', 'status');
  } else {
    head.append(el('span', 'title', t(L, spec.kind === 'wrong-company' ? 'overlay.wrongCompanyTitle' : 'overlay.alreadyRegisteredTitle')));
    const x = el('button', 'close', '×');
    x.type = 'button';
    x.setAttribute('aria-label', t(L, 'overlay.close'));
    x.title = t(L, 'overlay.close');
    x.addEventListener('click', close);
    head.append(x);
    root.setAttribute('role', 'alert');
    if (spec.kind === 'already-registered') {
      const fact = registeredOn(me?.facts, procedureById(spec.procedure)?.registers?.portal);
      text = me && fact ? t(L, `${procKey(spec.procedure)}.registered`, { name: me.name, date: formatDate(fact.at, L) }) : '';
    } else if (me) {
      const shown = spec.shown?.[0] ?? '';
      const match = profileByIdentifier(ps, shown);
      text = t(L, match ? 'overlay.wrongCompanyKnown' : 'overlay.wrongCompany', {
        shown,
        name: me.name,
        id: me.identifier,
        other: match?.name ?? '',
      });
      if (match && match.id !== me.id) {
        action = el('button', 'act', t(L, 'overlay.switchTo', { name: match.name }));
        action.type = 'button';
        action.setAttribute('data-qadam-switch', '');
        // only the user's own click in this frame switches (a portal page cannot reach it)
        action.addEventListener('click', (e) => {
          if (e.isTrusted) void setActiveProfile(match.id);
        });
      }
    }
  }
  root.append(head, el('p', 'text', text));
  if (action) root.append(action);
  document.body.replaceChildren(root);
}

async function main(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const spec: FrameSpec | null = (await sendToBackground({ type: 'qadam:private-get', token }).catch(() => null)) ?? null;
  if (!spec) return;
  document.documentElement.lang = spec.lang;
  const titleKey =
    spec.kind === 'first'
      ? 'overlay.private.title'
      : spec.kind === 'wrong-company'
        ? 'overlay.wrongCompanyTitle'
        : 'overlay.alreadyRegisteredTitle';
  document.title = `Qadam — ${t(spec.lang, titleKey)}`;
  const draw = () => void loadProfiles().then((ps) => render(spec, ps));
  draw();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'profiles' in changes) draw();
  });
  if (spec.kind !== 'first') {
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
    });
  }
}

void main();
