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
