/** issue 15: the version a local program reports is bounded before the popup shows it */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWS, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { probe, validVersion } from '../../lib/signers';

const WS = NodeWS as unknown as typeof globalThis.WebSocket;
const servers: WebSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('signing-program versions', () => {
  it('take /^[\\w.-]{1,32}$/ only', () => {
    for (const ok of ['1.4', '4.65', '1.4.0-rc_2', 7, 'a'.repeat(32)]) expect(validVersion(ok)).toBe(String(ok));
    for (const bad of ['', 'a'.repeat(33), '1.4 <b>', '1.4\n', 'версия', '1/2', null, {}, Number.NaN, Infinity])
      expect(validVersion(bad)).toBeNull();
  });

  it('a program on the port whose version is not one is reported unknown, its text shown nowhere', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    servers.push(server);
    server.on('connection', (s) => s.send(JSON.stringify({ result: { version: 'x'.repeat(5000) }, code: '200' })));
    await new Promise((r) => server.once('listening', r));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    expect(await probe('ncalayer', url, 2000, WS)).toEqual({ id: 'ncalayer', state: 'unknown' });
  });
});
