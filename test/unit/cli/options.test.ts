// Strict option parsing of every `kamerstuk` command: unknown options, missing values and values given to flags
// exit 2 with one error line and the command's usage line; `--help` prints the usage and exits 0.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANNOTATIONS_YAML, runCli, sampleWorkspace } from '../annotations/helpers';

const USAGE: Record<string, string> = {
  refs: 'usage: kamerstuk refs <file|dir>... [--json]',
  resolve: 'usage: kamerstuk resolve <citation|id>... [--json] [--offline] [--api URL] [--timeout MS]',
  anchor: 'usage: kamerstuk anchor <annotations.yaml> [--json] [--write [--accept]] [--previous FILE|REV]',
  check: 'usage: kamerstuk check [dir] [--strict]',
  report: 'usage: kamerstuk report [dir] [--format md|csv|json]',
  'merge-driver': 'usage: kamerstuk merge-driver %O %A %B',
};

/** Arguments each command accepts, so that only the option under test can make it fail. */
const VALID: Record<string, string[]> = {
  refs: ['letters'],
  resolve: ['kst-29754-683', '--offline'],
  anchor: ['letters/kst-29754-716.annotations.yaml'],
  check: ['.'],
  report: ['.'],
  'merge-driver': ['base.yaml', 'ours.yaml', 'theirs.yaml'],
};

/** A flag each command has, to give a value it must refuse. */
const FLAG: Record<string, string> = { refs: '--json', resolve: '--json', anchor: '--write', check: '--strict', report: '--help', 'merge-driver': '--help' };

describe('kamerstuk: strict options for every command', () => {
  let dir: string;
  let cleanup: () => void;
  let savedXdg: string | undefined;
  beforeEach(() => {
    ({ dir, cleanup } = sampleWorkspace('options'));
    for (const f of ['base.yaml', 'ours.yaml', 'theirs.yaml']) writeFileSync(join(dir, f), ANNOTATIONS_YAML);
    savedXdg = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = join(dir, 'cache');
  });
  afterEach(() => {
    if (savedXdg === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = savedXdg;
    cleanup();
  });

  const assertUsageError = (r: { code: number; out: string; err: string }, command: string, error: string) => {
    assert.equal(r.code, 2, r.err);
    assert.deepEqual(r.err.split('\n'), [`kamerstuk ${command}: ${error}`, USAGE[command]]);
    assert.equal(r.out, '');
  };

  for (const command of Object.keys(USAGE)) {
    describe(command, () => {
      it('the valid arguments used below succeed', async () => {
        const r = await runCli(dir, command, ...VALID[command]);
        assert.equal(r.code, 0, r.err);
      });

      it('an unknown option exits 2 with the usage line, wherever it stands', async () => {
        assertUsageError(await runCli(dir, command, ...VALID[command], '--bogus'), command, "unknown option '--bogus'");
        assertUsageError(await runCli(dir, command, '--bogus=1', ...VALID[command]), command, "unknown option '--bogus'");
        assertUsageError(await runCli(dir, command, ...VALID[command], '-x'), command, "unknown option '-x'");
      });

      it('a value given to a flag exits 2', async () => {
        assertUsageError(await runCli(dir, command, ...VALID[command], `${FLAG[command]}=yes`), command, `option '${FLAG[command]}' takes no value`);
      });

      it('--help and -h print the usage and exit 0, even without the required arguments', async () => {
        for (const help of ['--help', '-h']) {
          const r = await runCli(dir, command, help);
          assert.equal(r.code, 0, r.err);
          assert.ok(r.out.startsWith(`Usage: kamerstuk ${command} ${USAGE[command].slice(`usage: kamerstuk ${command} `.length)}\n\n`), r.out);
          assert.equal(r.err, '');
        }
      });
    });
  }

  it('a missing value for a value option exits 2, also when an option stands where the value should be', async () => {
    assertUsageError(await runCli(dir, 'report', '.', '--format'), 'report', "option '--format' needs a value");
    assertUsageError(await runCli(dir, 'report', '--format', '--help'), 'report', "option '--format' needs a value");
    assertUsageError(await runCli(dir, 'resolve', 'kst-29754-683', '--offline', '--api'), 'resolve', "option '--api' needs a value");
    assertUsageError(await runCli(dir, 'resolve', 'kst-29754-683', '--offline', '--timeout'), 'resolve', "option '--timeout' needs a value");
  });

  it('values are checked as before: --format, --api and --timeout', async () => {
    assertUsageError(await runCli(dir, 'report', '--format', 'xlsx'), 'report', "unknown format 'xlsx'; use md, csv or json");
    assertUsageError(await runCli(dir, 'report', '--format='), 'report', "unknown format ''; use md, csv or json");
    assertUsageError(await runCli(dir, 'resolve', 'kst-29754-683', '--api=ftp://x'), 'resolve', "--api must be an http(s) URL, not 'ftp://x'");
    assertUsageError(await runCli(dir, 'resolve', 'kst-29754-683', '--timeout=0'), 'resolve', '--timeout needs a positive number of milliseconds');
  });

  it('missing or extra arguments are usage errors with the usage line', async () => {
    assertUsageError(await runCli(dir, 'refs'), 'refs', 'give at least one file or directory');
    assertUsageError(await runCli(dir, 'resolve', '--offline'), 'resolve', 'give at least one citation or id');
    assertUsageError(await runCli(dir, 'anchor'), 'anchor', 'expected one annotation file');
    assertUsageError(await runCli(dir, 'merge-driver', 'base.yaml', 'ours.yaml'), 'merge-driver', 'expected the files %O %A %B');
    assertUsageError(await runCli(dir, 'check', 'letters', 'more'), 'check', 'expected at most one directory');
    assertUsageError(await runCli(dir, 'report', 'letters', 'more'), 'report', 'expected at most one directory');
  });

  it('options keep their forms: --opt value, --opt=value, flags anywhere, and -- ends the options', async () => {
    const json = async (...args: string[]) => JSON.parse((await runCli(dir, 'report', ...args)).out) as unknown[];
    assert.equal((await json('--format', 'json')).length, 4);
    assert.equal((await json('--format=json', '.')).length, 4);
    assert.equal((await json('.', '--format', 'json')).length, 4);
    const resolved = await runCli(dir, 'resolve', '--json', 'kst-29754-683', '--offline', '--api=http://127.0.0.1:9/', '--timeout=5000');
    assert.equal(resolved.code, 0, resolved.err);
    assert.equal((JSON.parse(resolved.out) as { metadata: { source: string } }[])[0].metadata.source, 'bundled');

    mkdirSync(join(dir, 'odd'));
    writeFileSync(join(dir, 'odd', '--json.md'), 'Zie kst-29754-683.\n');
    const refs = await runCli(join(dir, 'odd'), 'refs', '--json', '--', '--json.md');
    assert.equal(refs.code, 0, refs.err);
    assert.deepEqual(
      (JSON.parse(refs.out) as { file: string; id: string }[]).map((r) => [r.file, r.id]),
      [['--json.md', 'kst-29754-683']],
    );
    assert.equal((await runCli(join(dir, 'odd'), 'refs', '--', '--bogus')).err, 'kamerstuk refs: no such file or directory: --bogus');
  });

  it('kamerstuk --help lists every command with its usage', async () => {
    const r = await runCli(dir, '--help');
    assert.equal(r.code, 0);
    for (const [command, usage] of Object.entries(USAGE))
      assert.ok(r.out.includes(`  kamerstuk ${command} ${usage.slice(`usage: kamerstuk ${command} `.length)}\n`), command);
  });

  it('an unknown command, also one named like an Object method, is a usage error', async () => {
    for (const name of ['bogus', 'toString', '__proto__']) {
      const r = await runCli(dir, name);
      assert.equal(r.code, 2, name);
      assert.match(r.err, new RegExp(`^kamerstuk: unknown command '${name}'`));
    }
  });
});
