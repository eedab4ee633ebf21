// `npm run demo`: the training sandbox in Chromium with the built extension, and the replica
// portals under their real host names (https://esf.gov.kz:8443/…, served on this computer).
// Builds first when the build is missing or older than the sources. No network is needed.
//   npm run demo                 a window opens on the sandbox (and a replica portal tab); close it to stop
//   npm run demo -- --headless   no display: checks that the sandbox and a replica portal render with
//                                their rings, prints the result, exits 0 (1 when they do not)
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
let headless = process.argv.includes('--headless');
// no display to open a window on (a server, a container, CI): say so and run the headless check instead
if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(
    'demo: no display here (DISPLAY and WAYLAND_DISPLAY are unset), so no window can open: running the ' +
      'headless check instead (npm run demo -- --headless).',
  );
  headless = true;
}
const OUT = path.join(ROOT, '.output/chrome-mv3/manifest.json');
const SOURCES = [
  'entrypoints',
  'components',
  'content-scripts',
  'lib',
  'procedures',
  'sandbox',
  'locales',
  'public',
  'replicas',
  'wxt.config.ts',
  'package.json',
];

function newest(p) {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((f) => newest(path.join(p, f))));
}

if (!fs.existsSync(OUT) || fs.statSync(OUT).mtimeMs < Math.max(...SOURCES.map(newest))) {
  console.log('demo: building the extension (npm run build)…');
  execSync('npm run build', { cwd: ROOT, stdio: headless ? 'ignore' : 'inherit' });
  console.log('demo: built into .output/chrome-mv3');
}

const { startServer } = await import('../tests/e2e/server.ts');
const { launch } = await import('../tests/e2e/browser.ts');
const server = await startServer({});
const FIRST = 'esf.second-enterprise/registration-data';
let q;
try {
  q = await launch(server, { headless, viewport: headless ? { width: 1280, height: 800 } : null });
} catch (e) {
  console.error(`demo: could not start Chromium: ${e instanceof Error ? e.message : e}`);
  await server.close();
  process.exit(1);
}
const sandboxUrl = `chrome-extension://${q.extensionId}/sandbox.html?lang=ru#/${FIRST}`;
const portalUrl = 'https://esf.gov.kz:8443/esf-web/login/?qadam-fixture=login-div-ru';

if (!headless) {
  const portal = await q.context.newPage();
  await portal.goto(portalUrl);
  const sandbox = await q.context.newPage();
  await sandbox.goto(sandboxUrl);
  for (const p of q.context.pages()) if (p.url() === 'about:blank') await p.close().catch(() => {});
  console.log(
    `demo: the sandbox is open: ${sandboxUrl}\n      a replica portal tab: ${portalUrl}\n      presenter ` +
      `mode: the «Presenter mode» button; keys → ← R F S. Close the window to stop.`,
  );
  await new Promise((resolve) => q.context.on('close', resolve));
  await server.close();
  process.exit(0);
}

// headless: check that it renders, then stop
let ok = false;
try {
  const page = await q.context.newPage();
  await page.goto(sandboxUrl);
  await page.locator(`body[data-qadam-shown="${FIRST}"]`).waitFor({ state: 'attached', timeout: 20_000 });
  const sandboxRings = await page.evaluate(
    () => document.querySelector('qadam-overlay')?.shadowRoot?.querySelectorAll('[data-qadam-field]').length ?? 0,
  );
  const banner = await page.evaluate(
    () =>
      document.querySelector('qadam-sandbox')?.shadowRoot?.querySelector('[data-qadam-training-banner]')?.innerText.replace(/\s+/g, ' ') ??
      '',
  );
  const portal = await q.context.newPage();
  await portal.goto(portalUrl);
  await portal.waitForFunction(
    () => (document.querySelector('qadam-overlay')?.shadowRoot?.querySelectorAll('[data-qadam-field]').length ?? 0) > 0,
    null,
    { timeout: 20_000 },
  );
  ok = sandboxRings > 0 && banner.length > 0;
  console.log(
    `demo: sandbox ${FIRST}: ${sandboxRings} ring(s), banner «${banner.slice(0, 40)}…»; replica portal ` +
      `${new URL(portalUrl).host}: ringed. ${ok ? 'OK' : 'FAILED'}`,
  );
} catch (e) {
  console.error(`demo: the sandbox did not render: ${e instanceof Error ? e.message : e}`);
} finally {
  await q.close();
  await server.close();
}
process.exit(ok ? 0 : 1);
