// The content script runs on every portal page: its size is checked against a budget after each
// build (size is deterministic; speed is measured by `npm run bench`). Exits 1 over budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const BUDGET_GZ_KB = 40;
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['.output/chrome-mv3'];
let failed = false;
for (const dir of dirs) {
  const cs = path.join(dir, 'content-scripts');
  if (!fs.existsSync(cs)) {
    console.error(`size-check: ${cs} is missing: build first (npm run build)`);
    process.exit(1);
  }
  const files = fs.readdirSync(cs).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(cs, f));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  const kb = gz / 1024;
  const ok = kb <= BUDGET_GZ_KB;
  failed ||= !ok;
  console.log(
    `size-check: ${dir} content script ${files.join(', ')}: ${(raw / 1024).toFixed(1)} KB raw, ` +
      `${kb.toFixed(1)} KB gzip -9 (budget ${BUDGET_GZ_KB} KB) ${ok ? 'ok' : 'OVER BUDGET'}`,
  );
}
process.exit(failed ? 1 : 0);
