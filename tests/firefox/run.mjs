// `npm run test:firefox`: the Firefox build (.output/firefox-mv2, `npm run build:firefox`) in Debian's
// firefox-esr, driven by puppeteer-core over WebDriver BiDi. The replica portals are served on this
// computer; `network.dns.localDomains` maps the portal hosts to 127.0.0.1 (ports are not mapped, so
// the addresses carry the server's real port: the content script matches any port). It checks that
// Firefox rings the ESF registration replica, draws the profile warnings in private frames the page
// cannot read, validates a field, answers `qadam:state`, keeps no typed value, and leaves http alone.
// BiDi cannot open moz-extension:// pages itself: a privileged context (the browser window, allowed by
// --remote-allow-system-access) reads the extension's storage and opens its popup page in a tab,
// from which `qadam:state` is asked as the popup asks it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXT = path.join(ROOT, '.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => fs.existsSync(p));
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const ID = 'qadam@qadam.kz';

if (!fs.existsSync(path.join(EXT, 'manifest.json'))) {
  console.error(`test:firefox: ${EXT}/manifest.json is missing. Run \`npm run build:firefox\` first.`);
  process.exit(1);
}
if (!FIREFOX) {
  console.error("test:firefox: no Firefox found. Install Debian's: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).");
  process.exit(1);
}

const { startServer, MAPPED_HOSTS } = await import('../e2e/server.ts');
const server = await startServer({});
const at = (host, pathAndQuery) => `https://${host}:${server.port}${pathAndQuery}`;

const PAGE_BIN = '190540028173';
const HEAD = '781105301459';
const PROFILES = [
  {
    id: 'p-alpha',
    name: 'Alpha LLP',
    country: 'KZ',
    kind: 'legal',
    identifier: '170140003219',
    head: { id: HEAD },
    facts: { esf: { at: Date.UTC(2025, 2, 12, 9) } },
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
    identifier: '240140009997',
    head: { id: HEAD },
    facts: { esf: { at: Date.UTC(2026, 0, 20, 9) } },
    createdAt: Date.UTC(2025, 0, 3),
  },
];
const SEED = {
  profiles: { list: PROFILES, active: 'p-gamma' },
  profiles$: { v: 1 },
  progress: {
    byProfile: {
      'p-gamma': {
        active: 'esf.second-enterprise',
        procedures: { 'esf.second-enterprise': { step: null, seenAt: null, done: {} } },
        notice: null,
      },
    },
    notice: null,
  },
  progress$: { v: 2 },
  settings: { lang: 'ru' },
};

let browser;
let failed = 0;
const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push(`  ✓ ${name}`);
  } catch (e) {
    failed++;
    results.push(
      `  ✗ ${name}\n      ${String(e?.stack ?? e)
        .split('\n')
        .slice(0, 6)
        .join('\n      ')}`,
    );
  }
}

/** run privileged code in the browser window (system access) and return its JSON result */
async function privileged(conn, chromeCtx, body) {
  const r = await conn.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (async () => { ${body} })()))()`,
    target: { context: chromeCtx },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  const res = r.result ?? r;
  if (res.type !== 'success') throw new Error(`privileged code failed: ${JSON.stringify(res.exceptionDetails ?? res).slice(0, 400)}`);
  return JSON.parse(res.result.value);
}

const STORAGE = `
  const policy = WebExtensionPolicy.getByID(${JSON.stringify(ID)});
  const { ExtensionStorageIDB } = ChromeUtils.importESModule('resource://gre/modules/ExtensionStorageIDB.sys.mjs');
  const db = await ExtensionStorageIDB.open(ExtensionStorageIDB.getStoragePrincipal(policy.extension));`;

const rings = (page) =>
  page.evaluate(() =>
    Array.from(document.querySelector('qadam-overlay')?.shadowRoot?.querySelectorAll('[data-qadam-field]') ?? []).map((e) =>
      e.getAttribute('data-qadam-field'),
    ),
  );

try {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'network.dns.localDomains': MAPPED_HOSTS.filter((h) => !h.startsWith('*')).join(',') },
  });
  const version = await browser.version();
  const installed = await browser.installExtension(EXT);
  assert.equal(installed, ID);
  const conn = browser.connection;
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeCtx = (tree.result ?? tree).contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml')?.context;
  assert.ok(chromeCtx, 'the browser window is reachable (--remote-allow-system-access)');
  console.log(`test:firefox: ${version}, extension ${installed} from ${path.relative(ROOT, EXT)}, replicas on port ${server.port}`);
  await privileged(conn, chromeCtx, `${STORAGE} await db.set(${JSON.stringify(SEED)}); return true;`);

  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });

  await check('rings the ESF registration data replica', async () => {
    await page.goto(at('esf.gov.kz', '/esf-web/login/?qadam-fixture=regdata-div-ru#!/registration?type=UL'));
    await page.waitForFunction(
      () => (document.querySelector('qadam-overlay')?.shadowRoot?.querySelectorAll('[data-qadam-field]').length ?? 0) > 0,
      { timeout: 20_000 },
    );
    assert.deepEqual(await rings(page), ['password']);
    const box = await page.evaluate(() => {
      const ring = document
        .querySelector('qadam-overlay')
        .shadowRoot.querySelector('[data-qadam-field="password"]')
        .getBoundingClientRect();
      const field = document.querySelector('input[type=password]').getBoundingClientRect();
      return { dl: field.left - ring.left, dt: field.top - ring.top, dr: ring.right - field.right, db: ring.bottom - field.bottom };
    });
    for (const [k, v] of Object.entries(box)) assert.ok(v >= -1 && v <= 5, `the ring encloses the field (${k} ${v})`);
  });

  await check('draws the profile warnings in private frames the page cannot read', async () => {
    await page.waitForFunction(
      () =>
        document.querySelector('qadam-overlay')?.shadowRoot?.querySelectorAll('[data-qadam-warning] iframe[data-qadam-private]').length ===
        2,
      { timeout: 15_000 },
    );
    const seen = await page.evaluate(() => {
      const root = document.querySelector('qadam-overlay').shadowRoot;
      const frames = Array.from(root.querySelectorAll('iframe[data-qadam-private]'));
      return {
        text:
          root.textContent +
          Array.from(root.querySelectorAll('*'))
            .flatMap((e) => Array.from(e.attributes).map((a) => a.value))
            .join(' '),
        readable: frames.filter((f) => {
          try {
            return !!f.contentDocument;
          } catch {
            return false;
          }
        }).length,
        frames: frames.length,
      };
    });
    assert.equal(seen.readable, 0, 'no frame document is readable from the page');
    assert.ok(seen.frames >= 2);
    for (const p of PROFILES) for (const s of [p.name, p.identifier, p.id]) assert.ok(!seen.text.includes(s), `the page can read «${s}»`);
    // the user sees them: the frame's own document, reached by the test through BiDi
    // the user sees them: each frame's own document, reached by the test through BiDi (not by the page)
    const frameTexts = async () => {
      const t = await conn.send('browsingContext.getTree', {});
      const all = [];
      const walk = (cs) => cs.forEach((c) => (all.push(c), walk(c.children ?? [])));
      walk((t.result ?? t).contexts);
      const texts = [];
      for (const c of all.filter((x) => x.url.startsWith('moz-extension://') && x.url.includes('/private.html'))) {
        const r = await conn
          .send('script.evaluate', {
            expression: 'document.body ? document.body.innerText : ""',
            target: { context: c.context },
            awaitPromise: false,
            resultOwnership: 'none',
          })
          .catch(() => null);
        const res = r?.result ?? r;
        if (res?.type === 'success') texts.push(res.result.value);
      }
      return texts.join('\n');
    };
    let inside = '';
    for (let i = 0; i < 100 && !inside.includes('Karasu Logistic LLP'); i++) {
      inside = await frameTexts();
      if (!inside.includes('Karasu Logistic LLP')) await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(inside, /Karasu Logistic LLP/);
    assert.match(inside, /Gamma Trade LLP/);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'firefox-private-frames-esf.png') });
  });

  const typed = ['Zx9!secret-Pass', '900101300126'];
  await check('validates a field (the login IIN on «change e-mail») without keeping what is typed', async () => {
    await page.goto(at('esf.gov.kz', '/esf-web/login/?qadam-fixture=change-email-div-ru#!/change-email'));
    await page.waitForFunction(() => document.querySelector('qadam-overlay')?.shadowRoot?.querySelector('[data-qadam-field="login"]'), {
      timeout: 20_000,
    });
    const login = await page.evaluateHandle(() => {
      const ring = document.querySelector('qadam-overlay').shadowRoot.querySelector('[data-qadam-field="login"]').getBoundingClientRect();
      return Array.from(document.querySelectorAll('input')).find((i) => {
        const b = i.getBoundingClientRect();
        return Math.abs(b.left - ring.left) < 8 && Math.abs(b.top - ring.top) < 8;
      });
    });
    await login.click();
    await page.keyboard.type('12345', { delay: 5 });
    await page.waitForFunction(() => document.querySelector('qadam-overlay').shadowRoot.querySelector('[data-qadam-invalid="login"]'), {
      timeout: 10_000,
    });
    const why = await page.evaluate(
      () => document.querySelector('qadam-overlay').shadowRoot.querySelector('[role=tooltip]:not([hidden]) .problem')?.textContent ?? '',
    );
    assert.ok(why.length > 5, `the tooltip says why: «${why}»`);
    await login.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await page.keyboard.type(typed[1], { delay: 5 });
    await page.waitForFunction(() => !document.querySelector('qadam-overlay').shadowRoot.querySelector('[data-qadam-invalid="login"]'), {
      timeout: 10_000,
    });
  });

  await check(
    'answers qadam:state (asked from the extension popup page, as the popup asks); records a guide with the recorder loaded on demand',
    async () => {
      const host = await privileged(
        conn,
        chromeCtx,
        `
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(ID)});
      gBrowser.addTab('moz-extension://' + policy.mozExtensionHostname + '/popup.html', {
        triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
      });
      return policy.mozExtensionHostname;`,
      );
      let popupCtx = null;
      for (let i = 0; i < 100 && !popupCtx; i++) {
        const t = await conn.send('browsingContext.getTree', {});
        popupCtx = (t.result ?? t).contexts.find((c) => c.url.startsWith(`moz-extension://${host}/popup.html`))?.context ?? null;
        if (!popupCtx) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(popupCtx, 'the popup page opened in a tab');
      let state = null;
      for (let i = 0; i < 50 && !state; i++) {
        const r = await conn.send('script.evaluate', {
          expression:
            `(async () => { const out = []; for (const t of await browser.tabs.query({})) { try { const s = ` +
            `await browser.tabs.sendMessage(t.id, { type: 'qadam:state' }); if (s) out.push(s); } catch {} } ` +
            `return JSON.stringify(out); })()`,
          target: { context: popupCtx },
          awaitPromise: true,
          resultOwnership: 'none',
        });
        const res = r.result ?? r;
        const list = res.type === 'success' ? JSON.parse(res.result.value) : [];
        state = list.find((s) => s.step === 'change-email') ?? null;
        if (!state) await new Promise((r2) => setTimeout(r2, 100));
      }
      assert.ok(state, 'a content script answered with the change-email step');
      assert.equal(state.portal, 'esf');
      const login = state.fields.find((f) => f.id === 'login');
      assert.deepEqual([login?.found, login?.valid], [true, true]);

      // recording a guide: the recorder (recorder.js) is not in the portal script; it is imported on
      // demand into the portal script's isolated world (content-scripts/recorder-load.ts)
      const tell = async (msg) => {
        const r = await conn.send('script.evaluate', {
          expression:
            `(async () => { for (const t of await browser.tabs.query({})) { try { const s = await browser.tabs.sendMessage(t.id, ` +
            `{ type: 'qadam:state' }); if (s?.step === 'change-email') return JSON.stringify(await browser.tabs.sendMessage(t.id, ` +
            `${JSON.stringify(msg)})); } catch {} } return 'null'; })()`,
          target: { context: popupCtx },
          awaitPromise: true,
          resultOwnership: 'none',
        });
        const res = r.result ?? r;
        return res.type === 'success' ? JSON.parse(res.result.value) : null;
      };
      assert.deepEqual(await tell({ type: 'qadam:record', action: 'start' }), { recording: true }, 'the recording started');
      await page.bringToFront();
      await page.waitForFunction(() => !!document.querySelector('qadam-overlay')?.shadowRoot?.querySelector('[data-qadam-recording]'), {
        timeout: 10_000,
      });
      assert.equal(await page.evaluate(() => typeof globalThis.__qadamRecorder), 'undefined', 'the page cannot see the recorder');
      assert.deepEqual(await tell({ type: 'qadam:record', action: 'stop' }), { guide: null }, 'nothing recorded: no guide');
      await page.waitForFunction(() => !document.querySelector('qadam-overlay')?.shadowRoot?.querySelector('[data-qadam-recording]'), {
        timeout: 10_000,
      });
      await conn.send('browsingContext.close', { context: popupCtx }).catch(() => {});
    },
  );

  await check('keeps no typed value (the extension storage read through the privileged context)', async () => {
    await page.bringToFront();
    const all = await privileged(conn, chromeCtx, `${STORAGE} return await db.get(null);`);
    const stored = JSON.stringify(all);
    assert.match(stored, /change-email/, 'the step was recorded');
    for (const v of typed) assert.ok(!stored.includes(v), `storage holds «${v}»`);
  });

  await check('a portal address over plain http gets no overlay', async () => {
    await page.goto(`http://esf.gov.kz:${server.port}/esf-web/login/?qadam-fixture=regdata-div-ru#!/registration?type=UL`);
    await page.waitForFunction(() => document.readyState === 'complete');
    // the same page over https in another tab is ringed, so the script had its chance here too
    const other = await browser.newPage();
    await other.goto(at('esf.gov.kz', '/esf-web/login/?qadam-fixture=regdata-div-ru#!/registration?type=UL'));
    await other.waitForFunction(() => !!document.querySelector('qadam-overlay'), { timeout: 20_000 });
    await other.close();
    assert.equal(await page.evaluate(() => !!document.querySelector('qadam-overlay')), false);
  });
} catch (e) {
  failed++;
  results.push(`  ✗ setup: ${e?.stack ?? e}`);
} finally {
  await browser?.close().catch(() => {});
  await server.close();
}
console.log(results.join('\n'));
// the plain closing line CI reads: «N passed, N failed»
console.log(`firefox: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
