// `npm run fuzz [-- RUNS [SEED]]`: the fuzz targets of test/unit/fuzz (store parser, merge driver, markdown block
// walk) with a long budget: 20,000 runs each by default and a random seed, which fast-check prints on a failure
// (run again with that seed to reproduce). `npm test` runs the same targets with a fixed seed and a few hundred runs.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const [runs = '20000', seed = ''] = process.argv.slice(2);
const env = { ...process.env, KAMERSTUK_FUZZ_RUNS: runs, ...(seed ? { KAMERSTUK_FUZZ_SEED: seed } : {}) };
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const r = spawnSync(process.execPath, [mocha, '--no-config', '--import', 'tsx', '--timeout', '0', 'test/unit/fuzz/*.test.ts'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
