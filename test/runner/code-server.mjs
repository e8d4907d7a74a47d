// Integration test runner: runs the mocha suites in test/integration inside VS Code's real extension host,
// served by code-server and driven by Debian's Chromium through playwright-core. Works without internet.
// Streams the suites' output, exits with their result, and always cleans up (timeout, Ctrl-C, failure).
// KAMERSTUK_TEST_HOST=web runs the extension's browser build in the web worker extension host instead (the workbench
// payload extensionDevelopmentKind=web) with the browser entry of the tests (test/integration/web-index.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureCodeServer } from './install.mjs';
import { startCodeServer, CHROMIUM_ARGS, chromiumPath } from './code-server-launch.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const TIMEOUT_MS = Number(process.env.KAMERSTUK_TEST_TIMEOUT_MS || 10 * 60_000);
const verbose = !!process.env.KAMERSTUK_TEST_VERBOSE;
const host = process.env.KAMERSTUK_TEST_HOST || 'node';
if (host !== 'node' && host !== 'web') {
  console.error(`KAMERSTUK_TEST_HOST must be 'node' or 'web', not '${host}'.`);
  process.exit(2);
}
const testsEntry = host === 'web' ? join(root, 'out', 'test', 'integration-web', 'index.js') : join(root, 'out', 'test', 'integration', 'index.js');
if (!existsSync(testsEntry)) {
  console.error(`Missing ${testsEntry}: run 'node scripts/build.mjs' first.`);
  process.exit(2);
}
if (!existsSync(chromiumPath())) {
  console.error(`Chromium not found at ${chromiumPath()}: install Debian's package (apt-get install -y chromium) or set KAMERSTUK_CHROMIUM.`);
  process.exit(2);
}

const EXTENSION_ID = 'kamerstuk-annotator.kamerstuk-annotator';
const REPORTER_MARK = '\u2063kt\u2063'; // keep in step with test/integration/index.ts
const SUMMARY_MARK = '\u2063kt-summary\u2063'; // the web entry's summary (a web worker cannot write the file)
const cleanups = [];
let failedRun = false;
let finished = false;
async function finish(code, why) {
  if (finished) return;
  finished = true;
  failedRun = code !== 0;
  if (why) console.error(`[vscode-test] ${why}`);
  for (const c of cleanups.reverse()) {
    try {
      await c();
    } catch {
      /* keep cleaning */
    }
  }
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(130, `interrupted (${sig})`));
setTimeout(() => finish(1, `timed out after ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS).unref();

try {
  const installed = await ensureCodeServer();
  // The suites work on a copy of the sample workspace, so they may write annotation files freely.
  const scratch = mkdtempSync(join(tmpdir(), 'kamerstuk-workspace-'));
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
  const workspace = join(scratch, 'samples');
  cpSync(join(root, 'samples'), workspace, { recursive: true });
  const summary = process.env.KAMERSTUK_TEST_SUMMARY ?? join(root, '.test-results', 'integration.json');
  rmSync(summary, { force: true });

  const server = await startCodeServer({
    installed,
    log: verbose ? (l) => console.error(`[code-server] ${l}`) : undefined,
    // The workbench parses the payload's extensionDevelopmentKind, but code-server 4.139's running-location tracker
    // reads a property the browser environment service does not have, so the payload alone leaves the extension in
    // the Node host. The user setting remote.extensionKind (which accepts 'web') does move it to the web worker host.
    settings: host === 'web' ? { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : undefined,
    env: { KAMERSTUK_TEST_SUMMARY: summary, KAMERSTUK_TEST_WORKSPACE: workspace, KAMERSTUK_TEST_GREP: process.env.KAMERSTUK_TEST_GREP ?? '' },
  });
  cleanups.push(() => server.stop());
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage();
  const locale = process.env.KAMERSTUK_TEST_LOCALE;
  if (locale) {
    // The web workbench takes its display language from this global, which code-server sets only when a language
    // pack from the marketplace is installed. Pinning it runs the extension host with vscode.env.language = locale.
    await page.addInitScript((lang) => {
      Object.defineProperty(globalThis, '_VSCODE_NLS_LANGUAGE', { get: () => lang, set: () => {}, configurable: false });
    }, locale);
  }
  const exitCode = new Promise((resolveExit) => {
    page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  });
  // The extension host's console arrives here mixed with the workbench's log lines. The reporter marks its
  // lines (test/integration/index.ts); other lines are shown with KAMERSTUK_TEST_VERBOSE, or as context on failure.
  const context = [];
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    if (text.startsWith(REPORTER_MARK)) console.log(text.slice(REPORTER_MARK.length));
    else if (text.startsWith(SUMMARY_MARK)) {
      mkdirSync(dirname(summary), { recursive: true });
      writeFileSync(summary, text.slice(SUMMARY_MARK.length));
    } else if (verbose) console.log(`[workbench] ${text}`);
    else {
      context.push(text);
      if (context.length > 60) context.shift();
    }
  });
  cleanups.push(() => {
    if (failedRun && !verbose && context.length) console.error(`[vscode-test] last workbench log lines:\n  ${context.join('\n  ')}`);
  });
  const url = server.workbenchUrl(workspace, [
    ['extensionDevelopmentPath', server.remote(root)],
    ['extensionTestsPath', server.remote(testsEntry)],
    ['skipWelcome', 'true'],
    ...(host === 'web' ? [['extensionDevelopmentKind', 'web']] : []),
  ]);
  await page.goto(url);
  const code = await exitCode;
  await finish(code === 0 ? 0 : 1);
} catch (e) {
  await finish(1, e instanceof Error ? (e.stack ?? e.message) : String(e));
}
