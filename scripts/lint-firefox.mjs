// addons-linter (the AMO validator) on the Firefox build: no errors, and no warning but the ones
// explained in the README («Firefox»). Exits 1 otherwise.
import { createInstance } from 'addons-linter';

const dir = process.argv[2] ?? '.output/firefox-mv2';
/** warnings we have explained: React DOM's own innerHTML (SVG and dangerouslySetInnerHTML, both unused by Qadam) */
const EXPLAINED = [{ code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/[\w-]+\.js$/, why: 'react-dom internals' }];

const linter = createInstance({
  config: {
    _: [dir],
    logLevel: 'fatal',
    stack: false,
    pretty: false,
    warningsAsErrors: false,
    metadata: false,
    output: 'none',
    boring: true,
    selfHosted: false,
  },
  runAsBinary: false,
});
const r = await linter.run();
const unexplained = r.warnings.filter((w) => !EXPLAINED.some((e) => e.code === w.code && e.file.test(w.file ?? '')));
for (const m of [...r.errors, ...unexplained]) console.error(`addons-linter: ${m._type} ${m.code} ${m.file ?? ''}: ${m.message}`);
console.log(
  `addons-linter ${dir}: ${r.errors.length} errors, ${r.warnings.length} warnings ` +
    `(${r.warnings.length - unexplained.length} explained in the README), ${r.notices.length} notices`,
);
process.exit(r.errors.length || unexplained.length ? 1 : 0);
