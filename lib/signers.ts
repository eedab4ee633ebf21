import type { Procedure } from '../procedures/types';

/**
 * Is the signing program running, and which version? Only a version query: Qadam never lists
 * keys and never signs. Three honest answers: running (with the version it reported), not running
 * (nothing answers on its port), unknown (the connection opened but the answer was not its own, or
 * the check could not be made from here: never reported as "not installed").
 */
export type SignerId = NonNullable<Procedure['signer']>;
/** what answered: KAZTOKEN's program serves NCALayer's port and greets like it */
export type DetectedSigner = SignerId | 'kaztoken';
export interface SignerState {
  id: DetectedSigner;
  state: 'running' | 'not-running' | 'unknown';
  version?: string;
}

export const SIGNER_ENDPOINTS: Record<SignerId, readonly string[]> = {
  // NCALayer greets every new connection with a message whose result.version is its version
  ncalayer: ['wss://127.0.0.1:13579/'],
  // E-IMZO answers {"name":"version"} with {"success":true,"major":"…","minor":"…"}; older builds listen on ws 64646
  'e-imzo': ['wss://127.0.0.1:64443/service/cryptapi', 'ws://127.0.0.1:64646/service/cryptapi'],
};

export const SIGNER_DOWNLOADS: Record<SignerId, string> = {
  ncalayer: 'https://pki.gov.kz/index.php/ru/ncalayer',
  'e-imzo': 'https://e-imzo.uz/main/downloads/',
};

/** a version string as a program reports it (`1.4.0`, `3.20`): letters, digits, `_ . -`, at most 32 */
export function validVersion(v: unknown): string | null {
  const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : v;
  return typeof s === 'string' && /^[\w.-]{1,32}$/.test(s) ? s : null;
}

export const SIGNER_NAMES: Record<DetectedSigner, string> = { ncalayer: 'NCALayer', 'e-imzo': 'E-IMZO', kaztoken: 'KAZTOKEN' };

/**
 * Asked after NCALayer's greeting, as public NCALayer clients do (sigex-kz/ncalayer-js-client,
 * `connect()`: «Идентификация KAZTOKEN mobile/desktop»): KAZTOKEN answers
 * `{"code":"200","responseObject":{"name":"KAZTOKENdesktop","version":"…"}}`; NCALayer answers an
 * error (`{"success":false,"errorCode":"MODULE_NOT_FOUND"}`), `{}` (sigex-kz/ncalayer-mocker) or nothing.
 */
export const KAZTOKEN_ASK = JSON.stringify({ module: 'kz.digiflow.mobile.extensions', method: 'getVersion' });
/** how long NCALayer may keep silent after that question before it is taken as NCALayer */
export const KAZTOKEN_WAIT_MS = 800;

export function kaztokenVersion(data: unknown): string | null {
  let m: unknown;
  try {
    m = JSON.parse(String(data));
  } catch {
    return null;
  }
  const r = m as { code?: unknown; responseObject?: { name?: unknown; version?: unknown } } | null;
  if (typeof r !== 'object' || r === null || String(r.code) !== '200') return null;
  const o = r.responseObject;
  if (typeof o !== 'object' || o === null || typeof o.name !== 'string' || !/kaztoken/i.test(o.name)) return null;
  return typeof o.version === 'string' || typeof o.version === 'number' ? validVersion(String(o.version)) : null;
}

function versionOf(id: SignerId, data: unknown): string | null {
  let m: unknown;
  try {
    m = JSON.parse(String(data));
  } catch {
    return null;
  }
  if (typeof m !== 'object' || m === null) return null;
  if (id === 'ncalayer') {
    const v = (m as { result?: { version?: unknown } }).result?.version;
    return validVersion(v);
  }
  const e = m as { success?: unknown; major?: unknown; minor?: unknown };
  return e.success === true && e.major !== undefined ? validVersion(`${String(e.major)}.${String(e.minor ?? 0)}`) : null;
}

export function probe(
  id: SignerId,
  url: string,
  timeoutMs = 3000,
  WS: typeof WebSocket = WebSocket,
  kaztokenWaitMs = KAZTOKEN_WAIT_MS,
): Promise<SignerState> {
  return new Promise((resolve) => {
    let ws: WebSocket;
    try {
      ws = new WS(url);
    } catch {
      return resolve({ id, state: 'unknown' }); // the browser refused to even try
    }
    let opened = false;
    let settled = false;
    /** NCALayer's greeting came with this version: now only KAZTOKEN's answer can change who it is */
    let greeted: string | null = null;
    const done = (s: SignerState) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        ws.close();
      } catch {
        /* already closed */
      }
      resolve(s);
    };
    let timer = setTimeout(() => done({ id, state: 'unknown' }), timeoutMs);
    const asNcalayer = (): SignerState => ({ id, state: 'running', version: greeted! });
    ws.onopen = () => {
      opened = true;
      if (id === 'e-imzo') ws.send(JSON.stringify({ name: 'version' }));
    };
    ws.onmessage = (e) => {
      if (greeted !== null) {
        const k = kaztokenVersion(e.data);
        return done(k ? { id: 'kaztoken', state: 'running', version: k } : asNcalayer());
      }
      const version = versionOf(id, e.data);
      if (!version) return done({ id, state: 'unknown' });
      if (id !== 'ncalayer') return done({ id, state: 'running', version });
      // NCALayer's greeting: is it KAZTOKEN behind that port? (only a version question)
      greeted = version;
      clearTimeout(timer);
      timer = setTimeout(() => done(asNcalayer()), kaztokenWaitMs);
      try {
        ws.send(KAZTOKEN_ASK);
      } catch {
        done(asNcalayer());
      }
    };
    ws.onerror = () => done(greeted !== null ? asNcalayer() : { id, state: opened ? 'unknown' : 'not-running' });
    ws.onclose = () => done(greeted !== null ? asNcalayer() : { id, state: opened ? 'unknown' : 'not-running' });
  });
}

/** every endpoint of the program in turn: running wins, then unknown, else not running */
export async function checkSigner(id: SignerId, timeoutMs?: number): Promise<SignerState> {
  let unknown = false;
  for (const url of SIGNER_ENDPOINTS[id]) {
    const s = await probe(id, url, timeoutMs);
    if (s.state === 'running') return s;
    if (s.state === 'unknown') unknown = true;
  }
  return { id, state: unknown ? 'unknown' : 'not-running' };
}
