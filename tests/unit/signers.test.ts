/**
 * The signing-software check against fake NCALayer and E-IMZO servers on 127.0.0.1: running,
 * silent, a wrong answer, connection refused. Node's `ws` stands in for the browser's WebSocket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWS, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { probe } from '../../lib/signers';

const WS = NodeWS as unknown as typeof globalThis.WebSocket;
const servers: WebSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function fake(onConnection: (socket: NodeWS) => void): Promise<string> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  server.on('connection', onConnection);
  await new Promise((r) => server.once('listening', r));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/service/cryptapi`;
}

async function freePort(): Promise<string> {
  const url = await fake(() => {});
  await new Promise((r) => servers.pop()!.close(r)); // closed again: nothing listens there now
  return url;
}

describe('NCALayer', () => {
  it('running: its first message carries result.version', async () => {
    const url = await fake((s) => s.send(JSON.stringify({ result: { version: '1.4' }, code: '200' })));
    expect(await probe('ncalayer', url, 2000, WS)).toEqual({ id: 'ncalayer', state: 'running', version: '1.4' });
  });
  it('unknown when something answers that is not NCALayer', async () => {
    const url = await fake((s) => s.send('hello'));
    expect((await probe('ncalayer', url, 2000, WS)).state).toBe('unknown');
  });
  it('unknown (not "not running") when the port opens but stays silent', async () => {
    const url = await fake(() => {});
    expect((await probe('ncalayer', url, 300, WS)).state).toBe('unknown');
  });
  it('not running when the connection is refused', async () => {
    expect((await probe('ncalayer', await freePort(), 2000, WS)).state).toBe('not-running');
  });
});

describe('E-IMZO', () => {
  it('running: answers {"name":"version"} with major and minor, and is asked nothing else', async () => {
    const asked: string[] = [];
    const url = await fake((s) =>
      s.on('message', (m) => {
        asked.push(String(m));
        s.send(JSON.stringify({ success: true, major: '4', minor: '65' }));
      }),
    );
    expect(await probe('e-imzo', url, 2000, WS)).toEqual({ id: 'e-imzo', state: 'running', version: '4.65' });
    expect(asked).toEqual([JSON.stringify({ name: 'version' })]);
  });
  it('unknown when it answers success:false', async () => {
    const url = await fake((s) => s.on('message', () => s.send(JSON.stringify({ success: false, reason: 'no API key' }))));
    expect((await probe('e-imzo', url, 2000, WS)).state).toBe('unknown');
  });
  it('not running when the connection is refused', async () => {
    expect((await probe('e-imzo', await freePort(), 2000, WS)).state).toBe('not-running');
  });
});

describe("KAZTOKEN on NCALayer's port", () => {
  const greet = (s: NodeWS) => s.send(JSON.stringify({ result: { version: '1.4' } }));
  it('answers getVersion with code 200 and KAZTOKENdesktop: it is KAZTOKEN, with its version; asked only that', async () => {
    const asked: string[] = [];
    const url = await fake((s) => {
      greet(s);
      s.on('message', (m) => {
        asked.push(String(m));
        s.send(JSON.stringify({ code: '200', responseObject: { name: 'KAZTOKENdesktop', version: '2.3.1' } }));
      });
    });
    expect(await probe('ncalayer', url, 2000, WS)).toEqual({ id: 'kaztoken', state: 'running', version: '2.3.1' });
    expect(asked).toEqual(['{"module":"kz.digiflow.mobile.extensions","method":"getVersion"}']);
  });
  it.each([
    ['an error (MODULE_NOT_FOUND)', JSON.stringify({ success: false, errorCode: 'MODULE_NOT_FOUND' })],
    ['{} (as sigex ncalayer-mocker does)', '{}'],
    ['code 500', JSON.stringify({ code: '500', message: 'module not found' })],
    ['code 200 from another module', JSON.stringify({ code: '200', responseObject: { name: 'Other', version: '1' } })],
    [
      'a KAZTOKEN answer with a bad version',
      JSON.stringify({ code: '200', responseObject: { name: 'KAZTOKENdesktop', version: '<img src=x>' } }),
    ],
    ['not JSON', 'hello'],
  ])('NCALayer as before when the answer is %s', async (_, answer) => {
    const url = await fake((s) => {
      greet(s);
      s.on('message', () => s.send(answer));
    });
    expect(await probe('ncalayer', url, 2000, WS)).toEqual({ id: 'ncalayer', state: 'running', version: '1.4' });
  });
  it('NCALayer when nothing answers the question within a short time', async () => {
    const url = await fake(greet);
    expect(await probe('ncalayer', url, 5000, WS, 200)).toEqual({ id: 'ncalayer', state: 'running', version: '1.4' });
  });
  it('NCALayer when the program closes the connection at the question', async () => {
    const url = await fake((s) => {
      greet(s);
      s.on('message', () => s.close());
    });
    expect(await probe('ncalayer', url, 2000, WS)).toEqual({ id: 'ncalayer', state: 'running', version: '1.4' });
  });
  it('a greeting whose version is not a version is not NCALayer (unknown)', async () => {
    const url = await fake((s) => s.send(JSON.stringify({ result: { version: 'x'.repeat(40) } })));
    expect((await probe('ncalayer', url, 2000, WS)).state).toBe('unknown');
  });
});
