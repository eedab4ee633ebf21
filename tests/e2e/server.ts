/**
 * The replica-portal server for the browser tests and the benchmark.
 *
 * One TCP port speaks both HTTPS (self-signed certificate for esf.gov.kz, made with openssl into
 * tests/.cache/) and plain HTTP: the first byte of a connection tells which (0x16 = a TLS handshake).
 * Chromium is started with `--host-resolver-rules=MAP esf.gov.kz 127.0.0.1:<port>, ...`, so
 * https://esf.gov.kz:8443/esf-web/... and http://example.org/... both reach this server whatever
 * port it really listens on (a MAP rule with a port rewrites the port too).
 *
 * Any path on any host serves the replica named by the query parameter `qadam-fixture=<name>`
 * (`<name>.html` in one of `dirs`; by default the folders of the portal the host belongs to: its
 * replicas, replicas/<portal>/, then the pages only tests open, tests/fixtures/<portal>/); without it,
 * a 404 page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PORTALS, portalOfHost } from '../../procedures/portals';
import { replicaDir } from '../../replicas/files';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** pages only the tests open (a page that throws, a renamed variant), by portal; the replicas are in replicas/ */
export const TEST_PAGES_DIR = path.join(ROOT, 'tests/fixtures');
export const CACHE_DIR = path.join(ROOT, 'tests/.cache');

/** Host names the browser is told to resolve to this server: every portal host, and a non-portal one. */
export const MAPPED_HOSTS = [
  ...PORTALS.flatMap((p) => p.hosts.flatMap((h) => (h.startsWith('*.') ? [h.slice(2), h] : [h]))),
  'example.org',
  'www.example.org',
];

/** the pages of a portal: its replicas, then the pages only the tests open */
export function pageDirs(portal: string): string[] {
  return [replicaDir(portal), path.join(TEST_PAGES_DIR, portal)];
}

/** the pages of the portal a host belongs to (example.org: the ESF folder's non-portal page) */
function dirsForHost(host: string | undefined): string[] {
  return pageDirs(portalOfHost((host ?? '').replace(/:\d+$/, '')) ?? 'esf');
}

export interface ReplicaServer {
  /** the port the server really listens on */
  port: number;
  /** `--host-resolver-rules=...` for Chromium */
  hostResolverRules: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** the port to try first (default 0 = any free port); falls back to a free port when taken */
  port?: number;
  /** folders holding `<name>.html`, searched in order */
  dirs?: string[];
}

/** A self-signed certificate for esf.gov.kz, made once (valid 2 days; remade when older than 1). */
export function ensureCertificate(): { key: Buffer; cert: Buffer } {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const keyPath = path.join(CACHE_DIR, 'esf.gov.kz.key.pem');
  const certPath = path.join(CACHE_DIR, 'esf.gov.kz.cert.pem');
  const fresh = (p: string) => fs.existsSync(p) && Date.now() - fs.statSync(p).mtimeMs < 24 * 3600 * 1000;
  if (!fresh(keyPath) || !fresh(certPath)) {
    // Written under temporary names and renamed, so that parallel workers never read half a file.
    const tag = `${process.pid}-${Math.random().toString(36).slice(2)}`;
    const tmpKey = `${keyPath}.${tag}`;
    const tmpCert = `${certPath}.${tag}`;
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=esf.gov.kz', '-keyout', tmpKey, '-out', tmpCert],
        { stdio: 'pipe' },
      );
    } catch (e) {
      throw new Error(`openssl could not make the test certificate (is openssl installed? apt-get install -y openssl): ${String(e)}`);
    }
    fs.renameSync(tmpKey, keyPath);
    fs.renameSync(tmpCert, certPath);
  }
  return { key: fs.readFileSync(keyPath), cert: fs.readFileSync(certPath) };
}

const NOT_FOUND = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>
<body><h1>Not Found</h1><p>The requested page does not exist on this replica server.</p></body></html>`;

function handler(fixed: string[] | undefined): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://replica.invalid');
    const name = url.searchParams.get('qadam-fixture');
    const dirs = fixed ?? dirsForHost(req.headers.host);
    if (name && /^[\w.-]+$/.test(name) && !name.includes('..')) {
      for (const dir of dirs) {
        const file = path.join(dir, `${name}.html`);
        if (fs.existsSync(file)) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          res.end(fs.readFileSync(file));
          return;
        }
      }
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(NOT_FOUND);
  };
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as net.AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

export async function startServer(opts: ServerOptions = {}): Promise<ReplicaServer> {
  const { key, cert } = ensureCertificate();
  const onRequest = handler(opts.dirs);
  const httpsServer = https.createServer({ key, cert }, onRequest);
  const httpServer = http.createServer(onRequest);
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (!first) {
        socket.destroy();
        return;
      }
      socket.unshift(first);
      (first[0] === 0x16 ? httpsServer : httpServer).emit('connection', socket);
    });
  });
  let port: number;
  try {
    port = await listen(front, opts.port ?? 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !opts.port) throw e;
    port = await listen(front, 0);
  }
  const hostResolverRules = MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  return {
    port,
    hostResolverRules,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        front.close(() => resolve());
      }),
  };
}
