// The team repository setup with real git: the CLI is bundled alone (as scripts/build.mjs bundles dist/cli.js)
// into a folder whose path has a space, a quote and a `%A`, and git runs it as the merge driver and from the
// pre-commit hook through the command lines src/core/team writes.

import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { commonOptions } from '../../../scripts/bundles.mjs';
import { captureSelector } from '../../../src/core/annotations/quote';
import {
  CLI_FILE_NAME,
  driverStatus,
  gitattributesWithMergeDriver,
  MERGE_DRIVER_KEY,
  mergeDriverConfig,
  preCommitHookWith,
  type CliInvocation,
} from '../../../src/core/team';
import { ANNOTATIONS_YAML, BROKEN, LETTER, offsetOf, tempDir, editedText as edited, parseStore as parse } from '../annotations/helpers';

const ROOT = resolve(__dirname, '../../..');
const FILE = 'kst-29754-716.annotations.yaml';

/** A git repository in a temp folder, with a local identity. */
function repository(name: string): {
  dir: string;
  cleanup: () => void;
  git: (...args: string[]) => string;
  run: (...args: string[]) => ReturnType<typeof spawnSync>;
} {
  const { dir, cleanup } = tempDir(name);
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', env, timeout: 30_000 });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Analist');
  git('config', 'user.email', 'analist@example.invalid');
  return { dir, cleanup, git, run };
}

describe('team repository setup with real git', function () {
  this.timeout(60_000);
  let tools: { dir: string; cleanup: () => void };
  /** The folder the CLI and a runtime link live in: a space, a quote and a `%A` git would expand if unescaped. */
  let bin: string;
  let cli: string;

  before(async function () {
    this.timeout(60_000);
    tools = tempDir('team-tools');
    bin = join(tools.dir, "Jan's tools 100%A", 'bin');
    mkdirSync(bin, { recursive: true });
    cli = join(bin, CLI_FILE_NAME);
    await build({
      ...commonOptions(),
      sourcemap: false,
      logLevel: 'silent',
      entryPoints: [join(ROOT, 'src/cli/main.ts')],
      outfile: cli,
      banner: { js: '#!/usr/bin/env node' },
    });
  });
  after(() => tools?.cleanup());

  describe('the merge driver', () => {
    let repo: ReturnType<typeof repository>;
    beforeEach(() => {
      repo = repository('team-merge');
      const attributes = gitattributesWithMergeDriver('*.png binary\n');
      writeFileSync(join(repo.dir, '.gitattributes'), attributes.text);
      writeFileSync(join(repo.dir, 'kst-29754-716.md'), LETTER);
      writeFileSync(join(repo.dir, FILE), ANNOTATIONS_YAML);
      repo.git('add', '.');
      repo.git('commit', '-q', '-m', 'letter and tags');
    });
    afterEach(() => repo.cleanup());

    /** Commits `text` as the annotation file on a new branch `name` from main. */
    const branch = (name: string, text: string) => {
      repo.git('checkout', '-q', '-b', name, 'main');
      writeFileSync(join(repo.dir, FILE), text);
      repo.git('commit', '-q', '-am', name);
    };

    it("merges two analysts' tags cleanly, where git alone reports a conflict", () => {
      const annaAt = offsetOf(LETTER, 'Het intrekken van de verblijfsvergunning gebeurt');
      const bramAt = offsetOf(LETTER, 'Hiermee versterken we de veiligheid in Nederland.');
      branch(
        'anna',
        edited((s) => {
          s.add({ id: 'anna000001', tag: 'measure', ...captureSelector(LETTER, annaAt, annaAt + 48), author: 'Anna' });
          s.update('m1a2b3c4d5', { note: 'Anna: nieuw sinds juli 2023' });
        }),
      );
      branch(
        'bram',
        edited((s) => {
          s.add({ id: 'bram000001', tag: 'conclusion', ...captureSelector(LETTER, bramAt, bramAt + 49), author: 'Bram' });
          s.update('k1l2m3n4o5', { tag: 'measure' });
        }),
      );
      repo.git('checkout', '-q', 'anna');

      const without = repo.run('merge', '--no-edit', 'bram');
      assert.notEqual(without.status, 0, 'without the driver configured, git should report a conflict');
      assert.match(String(without.stdout), /CONFLICT \(content\): Merge conflict in kst-29754-716\.annotations\.yaml/);
      repo.git('merge', '--abort');

      const invocation: CliInvocation = { runtime: process.execPath, cli, electron: false };
      for (const [key, value] of mergeDriverConfig(invocation)) repo.git('config', key, value);
      assert.equal(driverStatus(repo.git('config', '--get', MERGE_DRIVER_KEY).replace(/\n$/, ''), invocation), 'current');

      const merge = repo.run('merge', '--no-edit', 'bram');
      assert.equal(merge.status, 0, String(merge.stdout) + String(merge.stderr));
      const store = parse(readFileSync(join(repo.dir, FILE), 'utf8'));
      assert.equal(store.get('anna000001')?.author, 'Anna');
      assert.equal(store.get('bram000001')?.tag, 'conclusion');
      assert.equal(store.get('m1a2b3c4d5')?.note, 'Anna: nieuw sinds juli 2023');
      assert.equal(store.get('k1l2m3n4o5')?.tag, 'measure');
      assert.equal(store.annotations().length, 6);
      assert.equal(repo.git('status', '--porcelain'), '');
    });
  });

  describe('the pre-commit hook', () => {
    let repo: ReturnType<typeof repository>;
    let hook: string;
    beforeEach(() => {
      repo = repository('team-hook');
      hook = resolve(repo.dir, repo.git('rev-parse', '--git-path', 'hooks/pre-commit').trim());
      mkdirSync(join(hook, '..'), { recursive: true });
    });
    afterEach(() => repo.cleanup());

    const install = (invocation: CliInvocation) => {
      const update = preCommitHookWith(existsSync(hook) ? readFileSync(hook, 'utf8') : undefined, invocation);
      assert.equal(update.refused, undefined);
      writeFileSync(hook, update.text);
      chmodSync(hook, 0o755);
    };
    const commit = (message: string, files: Record<string, string>) => {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(repo.dir, name), text);
      repo.git('add', ...Object.keys(files));
      return repo.run('commit', '-q', '-m', message);
    };
    const commits = () => Number(repo.git('rev-list', '--count', 'HEAD').trim());

    it('refuses a commit with a broken annotation file and lets a valid one through; an existing hook still runs', () => {
      // Electron's way (ELECTRON_RUN_AS_NODE=1 before a quoted runtime path): Node ignores the variable, so a
      // link to Node in the odd folder stands in for the Electron binary.
      const runtime = join(bin, '..', 'Code Helper');
      if (!existsSync(runtime)) symlinkSync(process.execPath, runtime);
      writeFileSync(hook, '#!/bin/sh\necho "existing hook ran" >> .git/hook.log\nexit 0\n');
      install({ runtime, cli, electron: true });

      const first = commit('letter and tags', { 'kst-29754-716.md': LETTER, [FILE]: ANNOTATIONS_YAML });
      assert.equal(first.status, 0, String(first.stdout) + String(first.stderr));
      assert.equal(commits(), 1);

      const broken = commit('broken', { [FILE]: readFileSync(BROKEN[0].path, 'utf8') });
      assert.notEqual(broken.status, 0);
      assert.match(String(broken.stderr), /the annotation check failed/);
      assert.match(String(broken.stderr), /checked 1 annotation file: [1-9]\d* errors?/); // git shows hook output on stderr
      assert.equal(commits(), 1);

      repo.git('reset', '-q'); // the broken file stays in the working tree, unstaged
      const unrelated = commit('nothing about annotations', { 'notes.txt': 'todo\n' });
      assert.equal(unrelated.status, 0, 'a commit that stages no checked path is not held up');

      const fixed = commit('fixed', { [FILE]: edited((s) => s.update('m1a2b3c4d5', { note: 'gecontroleerd' })) });
      assert.equal(fixed.status, 0, String(fixed.stdout) + String(fixed.stderr));
      assert.equal(commits(), 3);
      assert.equal(readFileSync(join(repo.dir, '.git/hook.log'), 'utf8'), 'existing hook ran\n'.repeat(3));
    });

    it('after a moved CLI, warns and skips instead of blocking every commit; re-running the setup repairs it', () => {
      const elsewhere = join(tools.dir, 'moved', CLI_FILE_NAME);
      install({ runtime: process.execPath, cli: elsewhere, electron: false });
      const skipped = commit('skipped', { [FILE]: readFileSync(BROKEN[0].path, 'utf8') });
      assert.equal(skipped.status, 0);
      assert.match(String(skipped.stderr), /annotation check skipped/);

      mkdirSync(join(elsewhere, '..'), { recursive: true });
      copyFileSync(cli, elsewhere);
      install({ runtime: process.execPath, cli: elsewhere, electron: false });
      const refused = commit('refused', { [FILE]: readFileSync(BROKEN[1].path, 'utf8') });
      assert.notEqual(refused.status, 0);
      assert.equal(readFileSync(hook, 'utf8').split('kamerstuk annotator >>>').length, 2, 'one block, replaced in place');
    });
  });
});
