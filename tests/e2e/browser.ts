/**
 * Starting Chromium with (or without) the built extension, pointed at the replica server.
 * Shared by the Playwright specs and the benchmark (bench/run.mjs).
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, type ReplicaServer } from './server';

/** the built extension; QADAM_EXTENSION_DIR may point at another build (e.g. a copy kept while rebuilding) */
export const EXTENSION_DIR = path.resolve(process.env.QADAM_EXTENSION_DIR ?? path.join(ROOT, '.output/chrome-mv3'));

/** CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own Chromium if one is installed. */
export function chromiumPath(): string {
  const candidates: string[] = [];
  if (process.env.CHROMIUM_PATH) {
    if (!fs.existsSync(process.env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist. Unset it or point it at a Chromium binary.`);
    }
    return process.env.CHROMIUM_PATH;
  }
  candidates.push('/usr/bin/chromium');
  try {
    candidates.push(chromium.executablePath());
  } catch {
    /* no Playwright browser registry entry */
  }
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  throw new Error(
    [
      'No Chromium found for the browser tests.',
      'Install Debian/Ubuntu Chromium:   sudo apt-get update && sudo apt-get install -y chromium',

      'or point CHROMIUM_PATH at a Chromium/Chrome for Testing binary (branded Google Chrome cannot load ' +
        'unpacked extensions from the command line).',
    ].join('\n'),
  );
}

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built: ${EXTENSION_DIR}/manifest.json is missing. Run \`npm run build\` first.`);
  }
}

export interface Qadam {
  context: BrowserContext;
  /** the extension id (host of the service worker URL); '' when started without the extension */
  extensionId: string;
  userDataDir: string;
  /** the extension's service worker (looked up again each time: MV3 workers come and go) */
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
  /** close the browser but keep its profile, to start it again on the same one */
  closeKeepingProfile(): Promise<void>;
}

export interface LaunchOptions {
  /** start on this profile (a browser restart) instead of a new one */
  userDataDir?: string;
  extension?: boolean;
  /** null: the window's own size (a visible window) */
  viewport?: { width: number; height: number } | null;
  extraArgs?: string[];
  /** load the extension from this folder instead of the build (a copy has another id) */
  extensionDir?: string;
  /** false: a visible window (`npm run demo` on a machine with a display) */
  headless?: boolean;
}

export async function launch(server: ReplicaServer, opts: LaunchOptions = {}): Promise<Qadam> {
  const withExtension = opts.extension ?? true;
  if (withExtension) assertBuilt();
  const userDataDir = opts.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-profile-'));
  const extDir = opts.extensionDir ?? EXTENSION_DIR;
  const headless = opts.headless ?? true;
  const args = [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--ignore-certificate-errors',
    `--host-resolver-rules=${server.hostResolverRules}`,
    ...(withExtension ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : []),
    ...(opts.extraArgs ?? []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless,
    executablePath: chromiumPath(),
    args,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : undefined,
    viewport: opts.viewport === null ? null : (opts.viewport ?? { width: 1280, height: 800 }),
    ignoreHTTPSErrors: true,
  });
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const serviceWorker = async (): Promise<Worker> => {
    const found = context.serviceWorkers().find(isOurs);
    if (found) return found;
    return context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  };
  let extensionId = '';
  if (withExtension) {
    const sw = await serviceWorker();
    extensionId = new URL(sw.url()).host;
  }
  return {
    context,
    extensionId,
    userDataDir,
    serviceWorker,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
    async closeKeepingProfile() {
      await context.close().catch(() => {});
    },
  };
}
