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
/**
 * How far a ratio of medians can be trusted: the 5th and 95th percentiles of the ratio over
 * `n` resamples (with replacement) of each set of runs. A fixed seed: the same runs, the same answer.
 */
export function bootstrapRatio(a, b, n = 2000, seed = 13) {
  let t = seed >>> 0;
  const rand = () => {
    // mulberry32
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const resample = (xs) => xs.map(() => xs[Math.floor(rand() * xs.length)]);
  const ratios = [];
  for (let i = 0; i < n; i++) ratios.push(median(resample(a)) / median(resample(b)));
  return { p5: pct(ratios, 5), p95: pct(ratios, 95) };
}
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
