import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripSources } from '../../scripts/strip-sources';

describe('the build leaves the catalogue’s evidence out', () => {
  it('removes each source array, brackets in strings included, and nothing else', () => {
    const code =
      `const a = { id: 'x', source: ['seed:000 [p. 3]', "it's ]"], fields: [1, [2]] };\nconst b = {\n  ` +
      `source: [\n    // a comment ] with a bracket\n    'inferred: y',\n  ],\n  done: true,\n};`;
    const out = stripSources(code);
    expect(out).not.toContain('source');
    expect(out).toContain('fields: [1, [2]]');
    expect(out).toContain('done: true');
    expect(() => new Function(out.replace(/const /g, 'var '))).not.toThrow();
  });

  it('every catalogue file still parses as the same data without its sources', async () => {
    const ts = await import('typescript');
    for (const f of ['esf', 'singlewindow', 'oneid', 'nca', 'oofd', 'messages']) {
      const src = readFileSync(join(process.cwd(), 'procedures', `${f}.ts`), 'utf8');
      const out = stripSources(src);
      expect(out.includes('source: ['), f).toBe(false);
      const diag =
        ts.transpileModule(out, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } }).diagnostics ?? [];
      expect(
        diag.map((d) => d.messageText),
        f,
      ).toEqual([]);
      expect(out.length, f).toBeLessThan(src.length);
    }
  });
});
