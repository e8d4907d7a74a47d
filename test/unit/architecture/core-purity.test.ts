import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importsVscode = /(?:from\s+|require\(\s*|import\(\s*|import\s+)['"]vscode['"]/;

describe('architecture', () => {
  it('the pattern recognises every way of importing vscode', () => {
    for (const s of [`import * as vscode from 'vscode';`, `const v = require("vscode")`, `await import('vscode')`, `import 'vscode';`]) {
      assert.ok(importsVscode.test(s), s);
    }
    assert.ok(!importsVscode.test(`import { x } from './vscode-like';`));
  });

  it('nothing under src/core imports vscode', () => {
    const all = files('src/core');
    assert.ok(all.length > 0, 'src/core has no TypeScript files');
    const offenders = all.filter((f) => importsVscode.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('nothing under src/cli imports vscode', () => {
    const offenders = files('src/cli').filter((f) => importsVscode.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});

describe('core in a browser worker', () => {
  it('no file under src/core imports a Node built-in', () => {
    const nodeImport = /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:[\w/]+|fs|path|os|child_process|crypto|http|https|url|util|stream)['"]/;
    const offenders = files('src/core').filter((f) => nodeImport.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('every core module bundles for the browser platform, with no Node built-in left to resolve', async () => {
    const { build } = await import('esbuild');
    const entries = ['citations', 'markdown', 'metadata', 'annotations', 'report'].map((d) => `export * as ${d} from './src/core/${d}';`);
    const result = await build({
      stdin: { contents: entries.join('\n'), resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    assert.equal(result.errors.length, 0);
    const code = result.outputFiles[0].text;
    assert.ok(code.length > 50_000, 'the bundle is suspiciously small');
    assert.ok(!/require\(["'](?:node:)?(?:fs|path|os|child_process)["']\)/.test(code));
  });
});
