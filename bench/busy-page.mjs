/**
 * The busy bench page (bench/page.html) as every busy-page tool opens it: npm run bench (run.mjs),
 * and the finding tools profile.mjs, trace.mjs and ab.mjs. One URL, one window, one way to open it.
 */
export const CYCLES = 6;
export const SHOWN_MS = 700;
export const HIDDEN_MS = 400;
export const SETTLE_MS = 1500;
/** the measured window: every cycle of the form plus a margin, the same for every browser */
export const WINDOW_MS = HIDDEN_MS + CYCLES * (SHOWN_MS + HIDDEN_MS) + 600;

/** the 3,000-row journal changing `perFrame` rows every frame while the form comes and goes */
export const busyUrl = (perFrame = 1000) =>
  'https://esf.gov.kz:8443/esf-web/?qadam-fixture=page&rows=3000' +
  `&perFrame=${perFrame}&cycles=${CYCLES}&shown=${SHOWN_MS}&hidden=${HIDDEN_MS}#!/journal`;

/** a new tab on the busy page (with `init` run before the page's scripts), loaded and settled; with a CDP session */
export async function openBusy(q, { init, url = busyUrl() } = {}) {
  const page = await q.context.newPage();
  if (init) await page.addInitScript(init);
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench?.ready === true);
  await page.waitForTimeout(SETTLE_MS);
  return { page, cdp: await q.context.newCDPSession(page) };
}

/** start the form's cycles and wait out the window */
export async function runWindow(page) {
  await page.evaluate(() => window.__benchStart());
  await page.waitForTimeout(WINDOW_MS);
}

/**
 * One window's main-thread task time (CDP Performance TaskDuration, thread ticks) on a new busy
 * page, and how many overlays Qadam drew there (the finding tools check their configurations by it)
 */
export async function windowTaskMs(q, { url } = {}) {
  const { page, cdp } = await openBusy(q, url ? { url } : {});
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const get = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const m0 = await get();
    await runWindow(page);
    const m1 = await get();
    const overlays = await page.evaluate(() => document.querySelectorAll('qadam-overlay').length);
    return { ms: (m1.TaskDuration - m0.TaskDuration) * 1000, overlays };
  } finally {
    await page.close();
  }
}
