// Packaging smoke test: builds the VSIX with vsce (scripts/package.mjs), installs it into code-server with --install-extension,
// opens a markdown file of the sample workspace in Chromium, and checks that the installed extension activated
// (its log channel, written by the extension host, records the activation).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureCodeServer } from './install.mjs';
import { startCodeServer, CHROMIUM_ARGS, chromiumPath } from './code-server-launch.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kamerstuk-vsix-'));
const vsix = join(work, 'kamerstuk-annotator.vsix');
let server;
let browser;
let ok = false;
try {
  const pack = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--out', vsix], { cwd: root, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`packaging failed (scripts/package.mjs refuses warnings):\n${pack.stdout}\n${pack.stderr}`);
  console.log(`packaged ${vsix} (${statSync(vsix).size} bytes)`);

  const installed = await ensureCodeServer();
  const profile = join(work, 'profile');
  mkdirSync(profile);
  server = await startCodeServer({ installed, extensionsToInstall: [vsix], keepProfile: profile });
  const extDirs = readdirSync(join(profile, 'extensions')).filter((n) => n.startsWith('kamerstuk-annotator.'));
  if (extDirs.length !== 1) throw new Error(`--install-extension did not install the VSIX (extensions: ${extDirs})`);
  console.log(`installed into code-server as ${extDirs[0]}`);

  const workspace = join(work, 'ws');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'note.md'), '# Notitie\n\nZie Kamerstukken II 2023/24, 29 754, nr. 716.\n');
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(
    server.workbenchUrl(workspace, [
      ['openFile', server.remote(join(workspace, 'note.md'))],
      ['skipWelcome', 'true'],
    ]),
  );
  const until = Date.now() + 60_000;
  let logText = '';
  while (Date.now() < until && !/activated/.test(logText)) {
    await new Promise((r) => setTimeout(r, 500));
    logText = findLogs(join(profile, 'user-data', 'logs'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
  }
  if (!/activated/.test(logText)) throw new Error('the installed extension did not log its activation within 60 s');
  console.log(`activation logged by the installed extension: ${logText.trim().split('\n').pop()}`);
  ok = true;
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
} finally {
  await browser?.close();
  server?.stop();
  rmSync(work, { recursive: true, force: true });
}
const summary = process.env.KAMERSTUK_TEST_SUMMARY;
if (summary) {
  mkdirSync(resolve(summary, '..'), { recursive: true });
  writeFileSync(summary, JSON.stringify({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, pending: 0, failures: [] }));
}
console.log(ok ? '  ✔ VSIX installs into code-server and activates' : '  ✗ VSIX smoke test failed');
process.exit(ok ? 0 : 1);

function findLogs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return findLogs(p);
    return /Kamerstuk Annotator\.log$/.test(n) ? [p] : [];
  });
}
