/**
 * Signing-software readiness in the popup, against fake NCALayer and E-IMZO servers on their real
 * local ports (wss 13579; wss 64443 and ws 64646): running with its version, silent, a wrong
 * answer, and nothing listening. Serial: the ports are fixed.
 */
import https from 'node:https';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ensureCertificate } from './server';
import { expect, screenshot, test, type Qadam } from './harness';
import { holdPorts } from './ports';

test.describe.configure({ mode: 'serial' });

// the programs' ports are fixed: one spec file at a time holds them (tests/e2e/ports.ts)
let releasePorts = (): void => {};
test.beforeAll(async () => {
  test.setTimeout(600_000);
  releasePorts = await holdPorts();
});
test.afterAll(() => releasePorts());

type Behaviour = 'ncalayer' | 'ncalayer-error' | 'kaztoken' | 'e-imzo' | 'silent' | 'wrong';
interface Fake {
  close(): Promise<void>;
}

async function fakeSigner(port: number, secure: boolean, behaviour: Behaviour): Promise<Fake> {
  const server = secure ? https.createServer(ensureCertificate()) : http.createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (s: WebSocket) => {
    if (behaviour === 'ncalayer' || behaviour === 'ncalayer-error' || behaviour === 'kaztoken')
      s.send(JSON.stringify({ result: { version: '1.4' } }));
    // after the greeting Qadam asks kz.digiflow.mobile.extensions getVersion: NCALayer refuses, KAZTOKEN answers
    if (behaviour === 'ncalayer-error') s.on('message', () => s.send(JSON.stringify({ success: false, errorCode: 'MODULE_NOT_FOUND' })));
    if (behaviour === 'kaztoken')
      s.on('message', () => s.send(JSON.stringify({ code: '200', responseObject: { name: 'KAZTOKENdesktop', version: '2.3.1' } })));
    if (behaviour === 'wrong') s.send('{"hello":"world"}');
    if (behaviour === 'e-imzo') s.on('message', () => s.send(JSON.stringify({ success: true, major: '4', minor: '65' })));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  expect((server.address() as AddressInfo).port).toBe(port);
  return {
    close: () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => r());
      }),
  };
}

/** the popup on a signing step of `procedure` (stored progress: no portal tab needed) */
async function popupOnStep(q: Qadam, procedure: string, step: string) {
  const sw = await q.serviceWorker();
  await sw.evaluate(
    ([p, s]) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      return c.storage.local.set({
        progress: { active: p, procedures: { [p]: { step: s, seenAt: Date.now(), done: {} } }, notice: null },
        progress$: { v: 1 },
      });
    },
    [procedure, step] as [string, string],
  );
  const page = await q.context.newPage();
  await page.setViewportSize({ width: 360, height: 720 });
  await page.goto(`chrome-extension://${q.extensionId}/popup.html`);
  return page;
}

const cases: Array<{
  name: string;
  procedure: string;
  step: string;
  signer: string;
  servers: Array<[number, boolean, Behaviour]>;
  state: string;
  version?: string;
}> = [
  {
    name: 'NCALayer running',
    procedure: 'singlewindow.self-registration',
    step: 'select-eds',
    signer: 'ncalayer',
    servers: [[13579, true, 'ncalayer']],
    state: 'running',
    version: '1.4',
  },
  {
    name: 'NCALayer running, refuses the KAZTOKEN question',
    procedure: 'singlewindow.self-registration',
    step: 'select-eds',
    signer: 'ncalayer',
    servers: [[13579, true, 'ncalayer-error']],
    state: 'running',
    version: '1.4',
  },
  {
    name: "KAZTOKEN on NCALayer's port",
    procedure: 'oofd.connect-kkm-wireless',
    step: 'sign-contract',
    signer: 'kaztoken',
    servers: [[13579, true, 'kaztoken']],
    state: 'running',
    version: '2.3.1',
  },
  {
    name: 'NCALayer not running',
    procedure: 'singlewindow.self-registration',
    step: 'select-eds',
    signer: 'ncalayer',
    servers: [],
    state: 'not-running',
  },
  {
    name: 'NCALayer port answers something else',
    procedure: 'oofd.connect-kkm-wireless',
    step: 'sign-contract',
    signer: 'ncalayer',
    servers: [[13579, true, 'wrong']],
    state: 'unknown',
  },
  {
    name: 'E-IMZO running (wss 64443)',
    procedure: 'oneid.verify-with-eds',
    step: 'choose-key',
    signer: 'e-imzo',
    servers: [[64443, true, 'e-imzo']],
    state: 'running',
    version: '4.65',
  },
  {
    name: 'E-IMZO running, older build (ws 64646)',
    procedure: 'oneid.verify-with-eds',
    step: 'choose-key',
    signer: 'e-imzo',
    servers: [[64646, false, 'e-imzo']],
    state: 'running',
    version: '4.65',
  },
  {
    name: 'E-IMZO silent',
    procedure: 'oneid.verify-with-eds',
    step: 'choose-key',
    signer: 'e-imzo',
    servers: [[64443, true, 'silent']],
    state: 'unknown',
  },
  {
    name: 'E-IMZO not running',
    procedure: 'oneid.verify-with-eds',
    step: 'choose-key',
    signer: 'e-imzo',
    servers: [],
    state: 'not-running',
  },
];

for (const c of cases) {
  test(`signing software: ${c.name}`, async ({ fresh }) => {
    const fakes = await Promise.all(c.servers.map(([port, secure, b]) => fakeSigner(port, secure, b)));
    try {
      const popup = await popupOnStep(fresh, c.procedure, c.step);
      const el = popup.locator(`[data-signer="${c.signer}"]`);
      await expect(el).toHaveAttribute('data-signer-state', c.state, { timeout: 10_000 });
      if (c.version) await expect(el).toContainText(c.version);
      if (c.signer === 'kaztoken') await expect(el).toContainText('PIN');
      await screenshot(popup, `signer-${c.signer}-${c.state}`);
    } finally {
      await Promise.all(fakes.map((f) => f.close()));
    }
  });
}

test('no signing check on a step that does not sign', async ({ fresh }) => {
  const popup = await popupOnStep(fresh, 'singlewindow.self-registration', 'account-data');
  await expect(popup.locator('[data-procedure-id="singlewindow.self-registration"]')).toBeVisible();
  await expect(popup.locator('[data-signer]')).toHaveCount(0);
});
