/** Small helpers shared by the bench scripts: order statistics, rounding, running one part alone. */
import { fileURLToPath } from 'node:url';

export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** the p-th percentile (nearest rank) */
export const pct = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
export const r1 = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
export const r3 = (x) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);

/**
 * When the module at `moduleUrl` is the one node was started with (`node --import tsx bench/x.mjs`,
 * after a build), run `bench(q)` in a browser with the extension and print its result.
 */
export async function runAlone(moduleUrl, bench) {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  const { startServer } = await import('../tests/e2e/server.ts');
  const { launch } = await import('../tests/e2e/browser.ts');
  const server = await startServer({});
  const q = await launch(server, { extension: true });
  try {
    console.log(JSON.stringify(await bench(q), null, 2));
  } finally {
    await q.close();
    await server.close();
  }
}
