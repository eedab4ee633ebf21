/**
 * A Vite plugin for `wxt build`: the catalogue's `source: [...]` arrays (the evidence behind each
 * page step and portal message, issue 12) are documentation for people and for the unit tests
 * (tests/unit/sources.test.ts), never read at run time; they are left out of the built extension so
 * that the content script stays within its size budget. Vitest does not use this plugin.
 */
const FILE = /[\\/]procedures[\\/][^\\/]+\.ts$/;

/** `code` without each `source: [ … ],` property (brackets inside strings and comments respected) */
export function stripSources(code: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const m = /(^|[\s{,])source: \[/g;
    m.lastIndex = i;
    const hit = m.exec(code);
    if (!hit) break;
    const start = hit.index + (hit[1] ?? '').length;
    let k = start + 'source: ['.length;
    let depth = 1;
    let quote: string | null = null;
    while (depth && k < code.length) {
      const c = code[k];
      if (quote) {
        if (c === '\\') k++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '/' && code[k + 1] === '/') k = code.indexOf('\n', k) - 1;
      else if (c === '[') depth++;
      else if (c === ']') depth--;
      k++;
    }
    if (depth) break; // unbalanced: leave the rest as it is
    if (code[k] === ',') k++;
    out += code.slice(i, start);
    i = k;
  }
  return out + code.slice(i);
}

export function stripSourcesPlugin(): {
  name: string;
  enforce: 'pre';
  transform(code: string, id: string): { code: string; map: null } | null;
} {
  return {
    name: 'qadam-strip-sources',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!FILE.test(id.split('?')[0] ?? id) || !code.includes('source: [')) return null;
      return { code: stripSources(code), map: null };
    },
  };
}
