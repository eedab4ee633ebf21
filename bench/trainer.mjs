/**
 * Trainer mode: how fast a sandbox step opens (navigation → the replica shown with its rings:
 * `performance.mark('qadam:sandbox-shown')`, target ≤ 200 ms) and how fast the handout of the
 * longest procedure renders with every picture drawn (`qadam:handout-ready`, target ≤ 2 s).
 * Run from bench/run.mjs, or alone after a build: `node --import tsx bench/trainer.mjs`.
 */
import { PROCEDURES } from '../procedures/index.ts';
import { median, pct, r1, runAlone } from './stats.mjs';

export const TRAINER_TARGETS = { sandboxStepMs: 200, handoutMs: 2000 };

export async function benchTrainer(q, runs = 3) {
  const pageSteps = PROCEDURES.flatMap((p) => p.steps.filter((s) => s.kind === 'page').map((s) => `${p.id}/${s.id}`));
  const longest = [...PROCEDURES].sort((a, b) => b.steps.length - a.steps.length)[0];
  const step = [];
  const handout = [];
  const page = await q.context.newPage();
  // warm-up: caches and the background's strings
  await page.goto(`chrome-extension://${q.extensionId}/sandbox.html?lang=ru#/${pageSteps[0]}`);
  await page.locator('body[data-qadam-shown]').waitFor({ state: 'attached' });
  for (let r = 0; r < runs; r++) {
    for (const id of pageSteps) {
      await page.goto('about:blank');
      await page.goto(`chrome-extension://${q.extensionId}/sandbox.html?lang=ru#/${id}`);
      await page.locator(`body[data-qadam-shown="${id}"]`).waitFor({ state: 'attached', timeout: 15_000 });
      step.push(await page.evaluate(() => performance.getEntriesByName('qadam:sandbox-shown')[0]?.startTime ?? NaN));
    }
    await page.goto('about:blank');
    await page.goto(`chrome-extension://${q.extensionId}/handout.html?lang=ru#/${longest.id}`);
    await page.locator('body[data-qadam-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    handout.push(await page.evaluate(() => performance.getEntriesByName('qadam:handout-ready')[0]?.startTime ?? NaN));
  }
  await page.close();
  return {
    sandboxStepMs: {
      median: r1(median(step)),
      p95: r1(pct(step, 95)),
      max: r1(Math.max(...step)),
      samples: step.length,
      steps: pageSteps.length,
      target: TRAINER_TARGETS.sandboxStepMs,
      met: median(step) <= TRAINER_TARGETS.sandboxStepMs,
    },
    handoutMs: {
      procedure: longest.id,
      steps: longest.steps.length,
      median: r1(median(handout)),
      max: r1(Math.max(...handout)),
      runs: handout.length,
      target: TRAINER_TARGETS.handoutMs,
      met: median(handout) <= TRAINER_TARGETS.handoutMs,
    },
  };
}

await runAlone(import.meta.url, benchTrainer);
