// The CLI bundled with the options scripts/build.mjs uses (in memory, to a temporary folder) still loads and runs:
// guards against dependencies whose "main" esbuild cannot follow (jsonc-parser's UMD build), which only fail there.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from 'esbuild';
import { commonOptions } from '../../../scripts/bundles.mjs';
import { tempDir } from '../annotations/helpers';

describe('kamerstuk: the bundled CLI', function () {
  this.timeout(60_000);
  let dir: string;
  let cleanup: () => void;
  let cli: string;
  before(async () => {
    ({ dir, cleanup } = tempDir('cli-bundle'));
    const { build } = await import('esbuild');
    const result = await build({
      ...commonOptions(),
      entryPoints: ['src/cli/main.ts'],
      outfile: join(dir, 'cli.js'),
      write: false,
      sourcemap: false,
      logLevel: 'silent',
    });
    const out = result.outputFiles.find((f: OutputFile) => f.path.endsWith('cli.js'))!;
    cli = join(dir, 'cli.js');
    writeFileSync(cli, out.text);
  });
  after(() => cleanup());

  const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

  it('loads, reads a JSONC settings file and rejects unknown options, as a child process', () => {
    const ws = join(dir, 'ws');
    mkdirSync(join(ws, '.vscode'), { recursive: true });
    writeFileSync(join(ws, '.vscode/settings.json'), '{\n  // tags\n  "kamerstuk.tags": { "risk": { "label": "risico, ]", }, },\n}\n');
    const check = run(ws, 'check');
    assert.equal(check.status, 0, check.stderr);
    assert.equal(check.stderr, '');
    const bogus = run(ws, 'report', '.', '--bogus');
    assert.equal(bogus.status, 2);
    assert.equal(bogus.stderr, "kamerstuk report: unknown option '--bogus'\nusage: kamerstuk report [dir] [--format md|csv|json]\n");
  });
});
