// addons-linter (the AMO validator) on the Firefox build: no errors, and no warning but the ones
// explained in the README («Firefox»). Exits 1 otherwise.
import { createInstance } from 'addons-linter';

const dir = process.argv[2] ?? '.output/firefox-mv2';
/** warnings we have explained: React DOM's own innerHTML (SVG and dangerouslySetInnerHTML, both unused by Qadam) */
const EXPLAINED = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/[\w-]+\.js$/, why: 'react-dom internals' },
  // «Unsafe call to import»: the portal script imports the extension's own recorder.js, by its
  // runtime.getURL address (content-scripts/recorder-load.ts), never anything from outside the package
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^content-scripts\/portal\.js$/, message: /import/, why: 'the packaged recorder.js' },
];

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
const unexplained = r.warnings.filter(
  (w) => !EXPLAINED.some((e) => e.code === w.code && e.file.test(w.file ?? '') && (!e.message || e.message.test(w.message ?? ''))),
);
for (const m of [...r.errors, ...unexplained]) console.error(`addons-linter: ${m._type} ${m.code} ${m.file ?? ''}: ${m.message}`);
console.log(
  `addons-linter ${dir}: ${r.errors.length} errors, ${r.warnings.length} warnings ` +
    `(${r.warnings.length - unexplained.length} explained in the README), ${r.notices.length} notices`,
);
process.exit(r.errors.length || unexplained.length ? 1 : 0);
