/**
 * A page-world attacker against Qadam (issue 15). Everything here runs as the portal page's own
 * scripts would (page.evaluate runs in the page's main world, not in the content script's):
 * - it reads every text and attribute under <qadam-overlay>, nested shadow roots included, and finds
 *   no profile name, identifier, date or id (they are drawn in private frames it cannot read);
 * - it writes 1,000 guessed identifiers into the field that shows the company, with synthetic
 *   events, and sees no difference between a guess that is a stored profile's and one that is not;
 *   a page that loads showing another profile's BIN looks the same as one showing nobody's;
 * - it forges clicks on every button the overlay offers and storage stays as it was;
 * - a portal address over plain http gets no overlay at all.
 * The user still reaches the frames by keyboard, and their buttons work on the user's own keys.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR } from './browser';
import {
  dumpStorage,
  expect,
  fixtureUrl,
  iinCheckDigit,
  loadCases,
  qadamState,
  screenshot,
  test,
  waitForStep,
  type Case,
  type Qadam,
} from './harness';

const kz = (first11: string) => first11 + String(iinCheckDigit(first11));
/** the replica's BIN (ESF «Шаг 2 - регистрационные данные»): Karasu's, a profile that is NOT active */
const PAGE_BIN = '190540028173';
const HEAD = '781105301459';
const ALPHA_BIN = kz('17014000321');
const GAMMA_BIN = kz('24014000999');
const ALPHA_AT = Date.UTC(2025, 2, 12, 9);
const GAMMA_AT = Date.UTC(2026, 0, 20, 9);

const PROFILES = [
  {
    id: 'p-alpha',
    name: 'Alpha LLP',
    country: 'KZ',
    kind: 'legal',
    identifier: ALPHA_BIN,
    head: { id: HEAD, name: 'Akhmetov Yerzhan' },
    facts: { esf: { at: ALPHA_AT } },
    createdAt: Date.UTC(2025, 0, 1),
  },
  {
    id: 'p-karasu',
    name: 'Karasu Logistic LLP',
    country: 'KZ',
    kind: 'legal',
    identifier: PAGE_BIN,
    head: { id: HEAD },
    facts: {},
    createdAt: Date.UTC(2025, 0, 2),
  },
  {
    id: 'p-gamma',
    name: 'Gamma Trade LLP',
    country: 'KZ',
    kind: 'legal',
    identifier: GAMMA_BIN,
    head: { id: HEAD },
    facts: { esf: { at: GAMMA_AT } },
    createdAt: Date.UTC(2025, 0, 3),
  },
];
/** what must never be readable by the page */
const SECRETS = [
  ...PROFILES.flatMap((p) => [p.id, p.name, p.identifier]),
  HEAD,
  'Akhmetov',
  '12.03.2025',
  '2025-03-12',
  '20.01.2026',
  '2026-01-20',
  '12/03/2025',
];

const esfCase = (file: string): Case => loadCases('esf').find((c) => c.file === file)!;

async function seed(q: Qadam, active = 'p-gamma'): Promise<void> {
  const page = await q.context.newPage();
  await page.goto(`chrome-extension://${q.extensionId}/popup.html`);
  await page.evaluate(
    async ([list, act]) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(x: unknown): Promise<void> } } } }).chrome;
      await c.storage.local.set({
        profiles: { list, active: act },
        profiles$: { v: 1 },
        progress: {
          byProfile: {
            [act as string]: {
              active: 'esf.second-enterprise',
              procedures: { 'esf.second-enterprise': { step: null, seenAt: null, done: {} } },
              notice: null,
            },
          },
          notice: null,
        },
        progress$: { v: 2 },
        settings: { lang: 'ru' },
      });
    },
    [PROFILES, active] as const,
  );
  await page.close();
}

/** the ESF registration data page with its warnings and first-enterprise frame settled */
async function openRegData(q: Qadam, bin?: string): Promise<Page> {
  const tab = await q.context.newPage();
  // a page that shows another BIN (set before the content script starts, as the portal would render it)
  if (bin) {
    await tab.addInitScript((b) => {
      document.addEventListener('DOMContentLoaded', () => {
        const el = document.getElementById('j_idt14:j_idt53') as HTMLInputElement | null;
        if (el) el.value = b;
      });
    }, bin);
  }
  await tab.goto(fixtureUrl(esfCase('regdata-div-ru.html')));
  await waitForStep(q, tab, ['registration-data'], 15_000);
  await expect(tab.locator('qadam-overlay [data-qadam-warning="wrong-company"] iframe[data-qadam-private]')).toHaveCount(1);
  await expect(tab.locator('qadam-overlay [data-qadam-warning="already-registered"] iframe[data-qadam-private]')).toHaveCount(1);
  await expect(tab.locator('qadam-overlay [role=tooltip]:not([hidden]) iframe[data-qadam-private]')).toHaveCount(1);
  // every frame has drawn its content (read by the test through the browser, as the user sees it)
  for (const f of await tab.locator('qadam-overlay iframe[data-qadam-private]').all())
    await expect(f.contentFrame().locator('.text')).not.toBeEmpty();
  return tab;
}

/**
 * What a page script can observe of the overlay: every element under it (nested shadow roots
 * too) with its attributes, text and box size; whether a frame's document is readable. The frame's
 * random token in its address is the one thing masked (it differs per frame, by design).
 */
function observe(page: Page): Promise<{ dump: string; text: string; readable: number }> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const text: string[] = [];
    let readable = 0;
    const walk = (root: Node): void => {
      for (const n of Array.from(root.childNodes)) {
        if (n.nodeType === Node.TEXT_NODE) {
          parts.push(`#${n.textContent}`);
          text.push(n.textContent ?? '');
          continue;
        }
        if (!(n instanceof Element)) continue;
        const attrs = Array.from(n.attributes).map((a) => {
          text.push(a.value);
          const value =
            a.name === 'src'
              ? a.value.replace(/t=[\w-]+/, 't=*')
              : a.name === 'style'
                ? a.value.replace(/translate\([^)]*\)/g, '')
                : a.value;
          return `${a.name}=${value}`;
        });
        const r = n.getBoundingClientRect();
        parts.push(`<${n.localName} ${attrs.join(' ')} ${Math.round(r.width)}x${Math.round(r.height)}>`);
        if (n instanceof HTMLIFrameElement) {
          try {
            if (n.contentDocument) {
              readable++;
              text.push(n.contentDocument.documentElement.outerHTML);
            }
          } catch {
            /* cross-origin: not readable, as intended */
          }
        }
        if (n.shadowRoot) walk(n.shadowRoot);
        walk(n);
      }
    };
    for (const host of Array.from(document.querySelectorAll('qadam-overlay'))) {
      parts.push(
        `<host ${Array.from(host.attributes)
          .map((a) => `${a.name}=${a.value}`)
          .join(' ')}>`,
      );
      if (host.shadowRoot) walk(host.shadowRoot);
      walk(host);
    }
    return { dump: parts.join('\n'), text: text.join('\n'), readable };
  });
}

test('the page reads everything under <qadam-overlay> and finds no profile name, identifier, date or id', async ({ fresh }) => {
  await seed(fresh);
  const tab = await openRegData(fresh);
  const seen = await observe(tab);
  expect(seen.readable, 'no private frame’s document is readable by the page').toBe(0);
  for (const s of SECRETS) expect(seen.text, `the page can read «${s}»`).not.toContain(s);
  expect(seen.dump).toContain('data-qadam-private');
  // …while the user sees them, in the frames
  const wrong = tab.locator('qadam-overlay [data-qadam-warning="wrong-company"] iframe').contentFrame();
  await expect(wrong.locator('[role=alert]')).toContainText('Karasu Logistic LLP');
  await expect(wrong.locator('[role=alert]')).toContainText('Gamma Trade LLP');
  await expect(
    tab.locator('qadam-overlay [data-qadam-warning="already-registered"] iframe').contentFrame().locator('[role=alert]'),
  ).toContainText('20.01.2026');
  await expect(tab.locator('qadam-overlay [role=tooltip]:not([hidden]) iframe').contentFrame().locator('[role=status]')).toContainText(
    '«Alpha LLP»',
  );
  await screenshot(tab, 'private-frames-esf');
  // the frames' own addresses carry a token only
  for (const src of await tab
    .locator('qadam-overlay iframe[data-qadam-private]')
    .evaluateAll((fs) => fs.map((f) => (f as HTMLIFrameElement).src))) {
    expect(src).toMatch(/^chrome-extension:\/\/[a-p]{32}\/private\.html\?t=[\w-]+$/);
  }
});

test('1,000 guessed identifiers written with synthetic events: a stored profile’s looks exactly like any other', async ({ fresh }) => {
  await seed(fresh);
  const tab = await openRegData(fresh);
  const before = await observe(tab);
  const guesses = Array.from({ length: 1000 }, (_, i) => kz(String(90_000_000_000 + i * 7919).slice(0, 11)));
  guesses[499] = ALPHA_BIN; // a stored, not active profile
  guesses[500] = GAMMA_BIN; // the active profile itself
  guesses[501] = HEAD; // the active profile's head
  // the attacker's loop, in the page: write a guess, fire input/change/keyup, wait a frame, look
  const seen = await tab.evaluate(async (list) => {
    const field = document.getElementById('j_idt14:j_idt53') as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const look = (): string => {
      const root = document.querySelector('qadam-overlay')?.shadowRoot;
      if (!root) return 'none';
      return Array.from(root.querySelectorAll('*'))
        .map(
          (e) =>
            `${e.localName}:${Array.from(e.attributes)
              .map((a) => (a.name === 'src' || a.name === 'style' ? a.name : `${a.name}=${a.value}`))
              .join(',')}:${e.childElementCount}:${Math.round(e.getBoundingClientRect().height)}`,
        )
        .join('|');
    };
    const out: string[] = [];
    for (const g of list) {
      setter.call(field, g);
      for (const type of ['input', 'change', 'keyup']) field.dispatchEvent(new Event(type, { bubbles: true }));
      field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push(look());
    }
    setter.call(field, '190540028173');
    return out;
  }, guesses);
  expect(new Set(seen).size, 'every guess left the overlay exactly as every other').toBe(1);
  expect(seen[499]).toBe(seen[0]);
  expect(seen[500]).toBe(seen[0]);
  expect(seen[501]).toBe(seen[0]);
  // and still: the same warnings, nothing readable
  const after = await observe(tab);
  expect(after.readable).toBe(0);
  for (const s of SECRETS) expect(after.text).not.toContain(s);
  expect(after.dump.match(/data-qadam-warning=[\w-]+/g)).toEqual(before.dump.match(/data-qadam-warning=[\w-]+/g));
});

test('a page showing another profile’s BIN looks the same to the page as one showing nobody’s', async ({ fresh }) => {
  await seed(fresh);
  const nobody = kz('23014000777');
  const views: string[] = [];
  for (const bin of [ALPHA_BIN, nobody, PAGE_BIN]) {
    const tab = await openRegData(fresh, bin);
    views.push((await observe(tab)).dump);
    await tab.close();
  }
  expect(views[1], 'another profile’s BIN vs nobody’s').toBe(views[0]);
  expect(views[2]).toBe(views[0]);
});

test('forged clicks on every overlay button and a forged Escape change nothing: storage, warnings and hints stay', async ({ fresh }) => {
  await seed(fresh);
  const tab = await openRegData(fresh);
  await expect.poll(async () => JSON.stringify(await dumpStorage(fresh))).toContain('registration-data');
  const before = await dumpStorage(fresh);
  const shapeBefore = (await observe(tab)).dump;
  const pressed = await tab.evaluate(async () => {
    const buttons: HTMLElement[] = [];
    const walk = (root: ParentNode): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el instanceof HTMLButtonElement || el.getAttribute('role') === 'button' || el instanceof HTMLIFrameElement)
          buttons.push(el as HTMLElement);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    for (const host of Array.from(document.querySelectorAll('qadam-overlay'))) if (host.shadowRoot) walk(host.shadowRoot);
    for (const b of buttons) {
      b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    return buttons.length;
  });
  expect(pressed, 'the overlay offers buttons (× on the hint, the frames)').toBeGreaterThanOrEqual(3);
  await expect(tab.locator('qadam-overlay [role=tooltip]:not([hidden])')).toHaveCount(1);
  expect((await observe(tab)).dump).toBe(shapeBefore);
  expect(await dumpStorage(fresh)).toEqual(before);
  expect((before.profiles as { active: string }).active).toBe('p-gamma');
});

test('the user reaches the frames by keyboard and switches the profile with a key press there', async ({ fresh }) => {
  await seed(fresh);
  const tab = await openRegData(fresh);
  const frameEl = tab.locator('qadam-overlay [data-qadam-warning="wrong-company"] iframe[data-qadam-private]');
  await expect(frameEl).toHaveAttribute('title', /.+/);
  const inside = frameEl.contentFrame();
  await expect(inside.locator('[role=alert]')).toBeVisible();
  await screenshot(tab, 'private-frame-wrong-company');
  const sw = inside.locator('button[data-qadam-switch]');
  await expect(sw).toContainText('Karasu Logistic LLP');
  await sw.focus();
  await tab.keyboard.press('Enter');
  await expect.poll(async () => ((await dumpStorage(fresh)).profiles as { active: string }).active).toBe('p-karasu');
  // the page now shows the active profile's BIN: the wrong-company warning goes
  await expect(tab.locator('qadam-overlay [data-qadam-warning="wrong-company"]')).toHaveCount(0);
});

test('a portal address over plain http gets no overlay; the same page over https does', async ({ fresh }) => {
  await seed(fresh);
  const c = esfCase('regdata-div-ru.html');
  const insecure = await fresh.context.newPage();
  await insecure.goto(fixtureUrl(c).replace(/^https:/, 'http:'));
  await expect(insecure.locator('h1, h2, h3').first()).toBeVisible();
  // the same replica over https, in another tab: recognised and ringed (the script does run there)
  const secure = await fresh.context.newPage();
  await secure.goto(fixtureUrl(c));
  await waitForStep(fresh, secure, ['registration-data'], 15_000);
  await expect(secure.locator('qadam-overlay')).toHaveCount(1);
  await secure.close();
  expect(await qadamState(fresh, insecure), 'no content script answers in the http tab').toBeNull();
  await expect(insecure.locator('qadam-overlay')).toHaveCount(0);
  expect(new URL(insecure.url()).protocol).toBe('http:');
});

test('the content script holds no storage item of profiles or progress (it asks the background)', () => {
  // WXT storage items read their key as soon as they are defined (migrations): the portal script
  // must define none for profiles or progress (issue 15: «every portal tab holds the whole list»)
  const script = fs.readFileSync(path.join(EXTENSION_DIR, 'content-scripts/portal.js'), 'utf8');
  expect(script).not.toContain('local:profiles');
  expect(script).not.toContain('local:progress');
  expect(script).toContain('qadam:whose');
});

test('the extension pages’ CSP lets the browser refuse any connection but to the signing programs', async ({ qadam }) => {
  const page = await qadam.context.newPage();
  await page.goto(`chrome-extension://${qadam.extensionId}/popup.html`);
  const blocked = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const fetched = await fetch('https://example.org/collect').then(
      () => 'sent',
      () => 'refused',
    );
    const ws = await new Promise<string>((resolve) => {
      try {
        const s = new WebSocket('ws://127.0.0.1:9/');
        s.onerror = () => resolve('refused');
        s.onopen = () => resolve('open');
      } catch {
        resolve('refused');
      }
    });
    while (seen.length < 2) await new Promise((r) => setTimeout(r, 20));
    return { fetched, ws, seen };
  });
  expect(blocked.fetched).toBe('refused');
  expect(blocked.ws).toBe('refused');
  expect(blocked.seen.every((s) => s.startsWith('connect-src'))).toBe(true);
  expect(blocked.seen.join(' ')).toContain('example.org');
  await page.close();
});

test('a page flipping between two recognisable steps every other frame writes progress about once a second, ending on the last', async ({
  fresh,
}) => {
  // an extension page counts the writes of progress (storage.onChanged), as they happen
  const counter = await fresh.context.newPage();
  await counter.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
  await counter.evaluate(() => {
    const w = globalThis as unknown as {
      writes: string[];
      chrome: { storage: { onChanged: { addListener(f: (c: Record<string, { newValue?: unknown }>, a: string) => void): void } } };
    };
    w.writes = [];
    w.chrome.storage.onChanged.addListener((changes, area) => {
      const p = changes.progress?.newValue as
        { byProfile?: Record<string, { procedures?: Record<string, { step?: string }> }> } | undefined;
      if (area === 'local' && p) w.writes.push(p.byProfile?._?.procedures?.['oneid.register-individual']?.step ?? '?');
    });
  });
  const oneid = (file: string): Case => loadCases('oneid').find((c) => c.file === file)!;
  const tab = await fresh.context.newPage();
  await tab.goto(fixtureUrl(oneid('offer-div-ru.html')));
  await waitForStep(fresh, tab, ['accept-offer'], 15_000);
  await tab.bringToFront();
  // the page's own script: the identification stage's body (fetched from the same server) and the
  // offer's, swapped 241 times, every other animation frame, so that the page rests on the
  // identification stage. (Resting on the offer, the step first written, could not show that the
  // other step was followed at all: a write a second is 60 frames, 30 swaps, and the engine, now
  // in step with every swap, then meets the same stage at every write.)
  const frames = await tab.evaluate(
    async (url) => {
      const html = await (await fetch(url)).text();
      const b = new DOMParser().parseFromString(html, 'text/html').body;
      const a = document.body;
      const overlay = document.querySelector('qadam-overlay');
      let n = 0;
      let frame = 0;
      await new Promise<void>((resolve) => {
        // every other frame, so that the content script's scan (a frame after it saw the change) meets both
        const flip = () => {
          if (frame++ % 2 === 0) {
            const next = n % 2 ? a : b;
            const cur = n % 2 ? b : a;
            cur.replaceWith(next);
            if (overlay) next.append(overlay);
            n++;
          }
          if (n >= 241) resolve();
          else requestAnimationFrame(flip);
        };
        requestAnimationFrame(flip);
      });
      return n;
    },
    fixtureUrl(oneid('identification-div-ru.html')),
  );
  expect(frames).toBe(241);
  // the page rests on the identification stage (n odd: the fetched body): the last write names it
  await expect
    .poll(async () => counter.evaluate(() => (globalThis as unknown as { writes: string[] }).writes.at(-1)))
    .toBe('identification');
  const writes = await counter.evaluate(() => (globalThis as unknown as { writes: string[] }).writes);
  expect(new Set(writes), 'both steps were recognised while flipping').toEqual(new Set(['accept-offer', 'identification']));
  // 241 swaps take about 8 s (480 frames): about one write a second (the first at once), never one per swap
  expect(writes.length).toBeLessThanOrEqual(20);
});
