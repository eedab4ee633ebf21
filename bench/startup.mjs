/**
 * The first portal page after the browser starts: from navigation to the ring of its password
 * field (`[data-qadam-field="password"]` in <qadam-overlay>), each run in a browser started anew
 * with the built extension (Chromium answers an extension's first storage.managed read of a
 * session only after ~3 s: the content script must not wait for it). Target ≤ 1.5 s. This figure
 * lives here, not in a test: a loaded machine once made it 2.1 s.
 * Run from bench/run.mjs, or alone after a build: `node --import tsx bench/startup.mjs`.
 */
import { fileURLToPath } from 'node:url';
import { median, r1 } from './stats.mjs';

export const STARTUP_TARGET_MS = 1500;
/** ESF's registration data (PrimeFaces shape), served by the test server */
const URL_ = 'https://esf.gov.kz:8443/esf-web/login/?qadam-fixture=regdata-div-ru#!/registration?type=UL';

export async function benchStartup(server, launch, runs = 3) {
  const ms = [];
  for (let r = 0; r < runs; r++) {
    const q = await launch(server, { extension: true });
    try {
      const page = await q.context.newPage();
      const t0 = Date.now();
      await page.goto(URL_);
      await page.locator('qadam-overlay [data-qadam-field="password"]').waitFor({ state: 'attached', timeout: 15_000 });
      ms.push(Date.now() - t0);
    } finally {
      await q.close();
    }
  }
  return {
    median: r1(median(ms)),
    max: r1(Math.max(...ms)),
    runs: ms.length,
    target: STARTUP_TARGET_MS,
    met: median(ms) <= STARTUP_TARGET_MS,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startServer } = await import('../tests/e2e/server.ts');
  const { launch } = await import('../tests/e2e/browser.ts');
  const server = await startServer({});
  try {
    console.log(JSON.stringify(await benchStartup(server, launch), null, 2));
  } finally {
    await server.close();
  }
}
