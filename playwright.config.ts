import { defineConfig } from '@playwright/test';
import os from 'node:os';

/**
 * Browser tests of the BUILT extension (.output/chrome-mv3, made by `npm run build`) in the system
 * Chromium (CHROMIUM_PATH, else /usr/bin/chromium; see tests/e2e/browser.ts). The replica server and
 * the browser are started by worker fixtures (tests/e2e/harness.ts): no webServer here.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  reporter: [['list']],
  fullyParallel: true,
  workers: Math.max(1, Math.min(2, os.cpus().length)),
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: { trace: 'off', screenshot: 'off', video: 'off' },
});
