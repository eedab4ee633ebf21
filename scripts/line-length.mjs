// House rule (issue 13): no source line over 140 characters, counted in characters (not bytes: the
// catalogue and tests quote Cyrillic). Part of `npm run lint`. Prettier (printWidth 140) formats the
// code; what it cannot break (long strings, comments) is broken by hand. Not checked: the locale
// files (one JSON string a line), Markdown prose, and the replica pages (replicas/, kept in the shape
// the portals serve them: see README «Replicas»).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const MAX = 140;
const CHECKED = /\.(ts|tsx|mjs|js|cjs|css)$|^bench\/.*\.html$|^entrypoints\/.*\.html$/;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && CHECKED.test(f) && !f.startsWith('replicas/') && !f.startsWith('tests/fixtures/'));

const over = [];
for (const f of files) {
  let text;
  try {
    text = readFileSync(f, 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    const n = [...line].length;
    if (n > MAX) over.push(`${f}:${i + 1}: ${n} characters`);
  });
}
if (over.length) {
  console.error(`line-length: ${over.length} line(s) over ${MAX} characters:\n${over.join('\n')}`);
  process.exit(1);
}
console.log(`line-length: ${files.length} files, no line over ${MAX} characters`);
