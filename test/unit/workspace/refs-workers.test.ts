// `kamerstuk refs` on worker threads (src/cli/parallel-refs.ts): the CLI and its worker entry bundled as
// scripts/build.mjs does, run over a generated team repository with the workers (two, and as many as it chooses)
// and without them (KAMERSTUK_CLI_WORKERS=0): the same bytes on stdout and stderr, table and JSON, so the order and
// every row stay as one thread gives them.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputFile } from 'esbuild';
import { commonOptions } from '../../../scripts/bundles.mjs';
import { MIN_FILES_FOR_WORKERS, refsWorkerPlan } from '../../../src/cli/parallel-refs';
import { generateTeamRepository, writeFiles } from '../../support/generated-notes';

describe('kamerstuk refs on worker threads', function () {
  this.timeout(120_000);
  let dir: string;
  let cli: string;
  const repo = generateTeamRepository({ notes: MIN_FILES_FOR_WORKERS + 50, seed: 7, noteSize: 2000 });
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-refs-workers-'));
    const { build } = await import('esbuild');
    for (const [entry, name] of [
      ['src/cli/main.ts', 'cli.js'],
      ['src/cli/refs-worker.ts', 'refs-worker.js'],
    ]) {
      const result = await build({ ...commonOptions(), entryPoints: [entry], outfile: join(dir, name), write: false, sourcemap: false, logLevel: 'silent' });
      writeFileSync(join(dir, name), result.outputFiles.find((f: OutputFile) => f.path.endsWith(name))!.text);
    }
    cli = join(dir, 'cli.js');
    writeFiles(join(dir, 'ws'), repo);
    // A note with a block too complex to scan fully: its warning must come out in its place on stderr.
    writeFileSync(join(dir, 'ws', 'notes', 'zz-nested.md'), `${'> '.repeat(120)}Zie Kamerstuk 36 410, nr. 5.\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (workers: string | undefined, ...args: string[]) => {
    const env = { ...process.env, KAMERSTUK_CLI_WORKERS: workers };
    if (workers === undefined) delete env.KAMERSTUK_CLI_WORKERS;
    const r = spawnSync(process.execPath, [cli, 'refs', ...args], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, r.stderr);
    return { stdout: r.stdout, stderr: r.stderr };
  };

  for (const args of [['ws', '--json'], ['ws'], ['ws/notes', 'ws/letters', '--json']]) {
    it(`gives the same output as one thread: refs ${args.join(' ')}`, () => {
      const one = run('0', ...args);
      assert.ok(one.stdout.length > 10_000, 'the output proves little');
      assert.deepEqual(run('2', ...args), one);
      assert.deepEqual(run(undefined, ...args), one);
    });
  }

  it('the warnings of blocks too complex to scan are printed, in the same place', () => {
    const { stderr } = run('2', 'ws', '--json');
    assert.match(stderr, /zz-nested\.md:1:1: warning:/);
  });

  it('is used only for many files, and not without the built worker', () => {
    assert.equal(refsWorkerPlan(MIN_FILES_FOR_WORKERS - 1, {}), undefined);
    // These sources run without dist/refs-worker.js beside them.
    assert.equal(refsWorkerPlan(10_000, { KAMERSTUK_CLI_WORKERS: '2' }), undefined);
  });
});
