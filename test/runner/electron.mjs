// Second runner for machines that can download VS Code: the same suites through @vscode/test-electron.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'kamerstuk-workspace-'));
const workspace = join(scratch, 'samples');
cpSync(join(root, 'samples'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.KAMERSTUK_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { KAMERSTUK_TEST_WORKSPACE: workspace },
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  console.error('@vscode/test-electron needs to download VS Code; without internet use `npm test` (code-server runner).');
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
