// `npm test`: builds, runs the unit suites (plain Node) and the integration suites (inside a real VS Code),
// then prints one closing line `N passed, N failed` that sums every suite.
import { ensureDeps } from './ensure-deps.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

ensureDeps();

const root = resolve(import.meta.dirname, '..');
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function counts(file) {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}

const stages = [];
const buildCode = step('build', process.execPath, ['scripts/build.mjs']);
if (buildCode !== 0) {
  console.log('\nbuild failed\n0 passed, 1 failed');
  process.exit(1);
}
const only = process.argv[2]; // `npm test -- unit`, `integration`, `integration-nl`, `integration-web` or `vsix`
for (const [name, cmd, args, env = {}] of [
  ['unit', process.execPath, [join(root, 'node_modules', 'mocha', 'bin', 'mocha.js')]],
  ['integration', process.execPath, ['test/runner/code-server.mjs']],
  // The same VS Code with a Dutch display language: the Dutch suite, which the English pass skips.
  ['integration-nl', process.execPath, ['test/runner/code-server.mjs'], { KAMERSTUK_TEST_LOCALE: 'nl', KAMERSTUK_TEST_GREP: 'Dutch user interface' }],
  // The web build in VS Code's web worker extension host (as on vscode.dev / github.dev).
  ['integration-web', process.execPath, ['test/runner/code-server.mjs'], { KAMERSTUK_TEST_HOST: 'web' }],
  ['vsix', process.execPath, ['test/runner/vsix-smoke.mjs']],
]) {
  if (only && only !== name) continue;
  const summary = join(results, `${name}.json`);
  const code = step(`${name} tests`, cmd, args, { ...env, KAMERSTUK_TEST_SUMMARY: summary });
  stages.push({ name, code, summary: counts(summary) });
}

let passed = 0;
let failed = 0;
console.log('');
for (const s of stages) {
  if (!s.summary) {
    console.log(`${s.name}: no results (the runner exited with ${s.code} before reporting)`);
    failed += 1;
    continue;
  }
  passed += s.summary.passed;
  failed += s.summary.failed;
  if (s.code !== 0 && s.summary.failed === 0) failed += 1; // a crash after the suites still fails the run
  console.log(`${s.name}: ${s.summary.passed} passed, ${s.summary.failed} failed, ${s.summary.pending} pending`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || stages.some((s) => s.code !== 0) ? 1 : 0);
