// Draws public/icon/{16,32,48,96,128}.png: a deep teal rounded square with a white three-step stair.
// Node built-ins only. Run: node scripts/icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [0x0f, 0x76, 0x6e];
const CRC = Array.from({ length: 256 }, (_, n) => {
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n >>> 0;
});
const crc32 = (buf) => ~buf.reduce((c, b) => CRC[(c ^ b) & 0xff] ^ (c >>> 8), ~0) >>> 0;
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

function icon(s) {
  // the stair snaps to whole pixels at every size, so 16 px stays crisp
  const m = Math.round(0.21 * s);
  const cut = [0, 1, 2, 3].map((i) => m + Math.round(((s - 2 * m) * i) / 3));
  const stairs = [0, 1, 2].map((i) => ({ x0: cut[i], x1: cut[i + 1], y0: cut[2 - i], y1: cut[3] }));
  const r = 0.22 * s;
  const inSquare = (x, y) => {
    const dx = Math.max(r - x, 0, x - (s - r)),
      dy = Math.max(r - y, 0, y - (s - r));
    return dx * dx + dy * dy <= r * r;
  };
  const inStair = (x, y) => stairs.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
  const N = 8; // samples per pixel side
  const raw = Buffer.alloc(s * (4 * s + 1));
  for (let py = 0; py < s; py++) {
    raw[py * (4 * s + 1)] = 0; // filter: none
    for (let px = 0; px < s; px++) {
      let cover = 0,
        white = 0;
      for (let j = 0; j < N; j++)
        for (let i = 0; i < N; i++) {
          const x = px + (i + 0.5) / N,
            y = py + (j + 0.5) / N;
          if (inSquare(x, y)) {
            cover++;
            if (inStair(x, y)) white++;
          }
        }
      const w = cover ? white / cover : 0;
      const o = py * (4 * s + 1) + 1 + px * 4;
      TEAL.forEach((c, k) => {
        raw[o + k] = Math.round(c + (255 - c) * w);
      });
      raw[o + 3] = Math.round((255 * cover) / (N * N));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../public/icon/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const s of [16, 32, 48, 96, 128]) writeFileSync(new URL(`${s}.png`, dir), icon(s));
