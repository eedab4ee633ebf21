// `npm run check:sandbox` (part of `npm test`, after the build): the built training sandbox holds
// exactly the replica pages it shows (replicas/sandbox-pages.ts) and no other page: none that only
// the tests open (tests/fixtures/), none of replicas/ the sandbox does not choose. Every chunk of the
// build that holds HTML must be one of those pages, byte for byte; it lists the pages it found.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['.output/chrome-mv3'];

/** every HTML page of replicas/ and tests/fixtures/, by content */
function pagesByContent() {
  const out = new Map();
  for (const base of ['replicas', 'tests/fixtures']) {
    const walk = (rel) => {
      for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
        const p = path.join(rel, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.html')) out.set(fs.readFileSync(path.join(ROOT, p), 'utf8'), p);
      }
    };
    walk(base);
  }
  return out;
}

/** the pages the sandbox shows: the keys of replicas/sandbox-pages.ts */
function shownPages() {
  const src = fs.readFileSync(path.join(ROOT, 'replicas/sandbox-pages.ts'), 'utf8');
  return new Set([...src.matchAll(/^ {2}'([\w-]+\/[\w.-]+\.html)': /gm)].map((m) => `replicas/${m[1]}`));
}

function files(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const known = pagesByContent();
const shown = shownPages();
let failed = false;
for (const dir of dirs) {
  const out = path.resolve(ROOT, dir);
  if (!fs.existsSync(path.join(out, 'manifest.json'))) {
    console.error(`check:sandbox: ${dir} is not built (npm run build)`);
    process.exit(1);
  }
  const found = new Map();
  const problems = [];
  let bytes = 0;
  for (const file of files(out).filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/<html[\s>]/i.test(text)) continue;
    const rel = path.relative(out, file);
    // a page chunk defines its string and exports it, nothing else (no import, no call)
    if (/\bimport\b|\(/.test(text.replace(/(["'`])(?:\\[\s\S]|(?!\1)[^\\])*\1/g, '""').replace(/export\s*\{[^}]*\}\s*;?\s*$/, ''))) {
      problems.push(`${rel} holds HTML but is no page chunk`);
      continue;
    }
    const html = (await import(pathToFileURL(file).href)).default;
    const page = typeof html === 'string' ? known.get(html) : undefined;
    if (!page) problems.push(`${rel} holds HTML that is no replica page`);
    else if (!shown.has(page)) problems.push(`${rel} is ${page}, which the sandbox does not show`);
    else {
      found.set(page, rel);
      bytes += Buffer.byteLength(text);
    }
  }
  for (const page of shown) if (!found.has(page)) problems.push(`${page} is shown by the sandbox but not in the build`);
  const size = `${(bytes / 1024).toFixed(1)} KiB`;
  const of = `of ${known.size} in replicas/ and tests/fixtures/`;
  console.log(`check:sandbox: ${dir}: ${found.size} replica pages (${size}), each its own chunk, ${of}`);
  if (process.argv.includes('--list')) for (const [page, rel] of [...found].sort()) console.log(`  ${page} → ${rel}`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  if (problems.length) failed = true;
}
process.exit(failed ? 1 : 0);
