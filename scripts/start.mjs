// `npm start`: builds the extension and opens samples/ in VS Code with it loaded. Uses the desktop `code` CLI
// when it is on PATH; otherwise the offline code-server (installed on first use), printing a 127.0.0.1 URL.
// Options: --web forces code-server; --screenshot FILE takes a screenshot through headless Chromium and exits
// (with --open FILE[:LINE], --click TEXT to click a side bar title first, --hover TEXT to show a hover, --preview to
// open the Markdown preview of the file to the side, as `markdown.showPreviewToSide` does).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureCodeServer } from '../test/runner/install.mjs';
import { startCodeServer, CHROMIUM_ARGS, chromiumPath } from '../test/runner/code-server-launch.mjs';

ensureDeps();

const root = resolve(import.meta.dirname, '..');
const samples = join(root, 'samples');
const args = process.argv.slice(2);
const screenshot = args.includes('--screenshot') ? args[args.indexOf('--screenshot') + 1] : undefined;
const openFile = args.includes('--open') ? args[args.indexOf('--open') + 1] : 'notes/brief-terrorismebestrijding.md';

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);

const hasCode = !args.includes('--web') && !screenshot && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  const r = spawnSync('code', ['--extensionDevelopmentPath', root, samples, join(samples, openFile)], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
}

const installed = await ensureCodeServer();
const server = await startCodeServer({ installed });
const stop = () => {
  server.stop();
  process.exit(0);
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, stop);
const url = server.workbenchUrl(samples, [
  ['extensionDevelopmentPath', server.remote(root)],
  ['openFile', server.remote(join(samples, openFile))],
  ['skipWelcome', 'true'],
  // `--open file.md:34:1` opens at that line and column.
  ...(/:\d+(:\d+)?$/.test(openFile) ? [['gotoLineMode', 'true']] : []),
]);

if (!screenshot) {
  console.log(`\nKamerstuk Annotator is running on the sample workspace. Open this address in a browser:\n\n  ${url}\n\nPress Ctrl-C to stop.`);
  await new Promise(() => {});
}

// Screenshot mode: the same workbench through headless Chromium, to check what a user sees.
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 60_000 });
  // `--click TEXT` clicks an element showing TEXT first (a view's title in the side bar, to expand it).
  const clickText = args.includes('--click') ? args[args.indexOf('--click') + 1] : undefined;
  if (clickText) {
    await page.waitForTimeout(3000);
    await page.locator('.pane-header, .composite-bar .action-label, [role="tab"]', { hasText: clickText }).first().click({ timeout: 20_000 });
    await page.waitForTimeout(2000);
  }
  if (args.includes('--preview')) await showPreviewToSide(page);
  const hoverText = args.includes('--hover') ? args[args.indexOf('--hover') + 1] : undefined;
  if (hoverText) await hoverOver(page, hoverText);
  else await page.waitForTimeout(4000);
  await page.screenshot({ path: screenshot });
  console.log(`screenshot written to ${screenshot}`);
} finally {
  await browser.close();
  server.stop();
}

/** `markdown.showPreviewToSide` through the command palette, then waits until the preview's webview shows the text. */
async function showPreviewToSide(page) {
  await page.waitForTimeout(3000);
  // Focus on the editor's tab (a click in the text would move the cursor, and the preview follows the cursor's line).
  await page.locator('.tabs-container .tab.active').first().click();
  await page.keyboard.press('Control+B'); // the side bar closed: room for the preview
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
  await page.keyboard.type('Markdown: Open Preview to the Side');
  await page.waitForTimeout(1000);
  await page.keyboard.press('Enter');
  // The preview is a webview: an iframe (the host) holding another iframe (the rendered document).
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => Boolean(document.querySelector('body.vscode-body h1'))).catch(() => false);
      if (!found) continue;
      // The first tagged passage in view, once the tags are there (the annotation file is read after a first render).
      await frame.waitForSelector('.kst-tag-label', { timeout: 15_000 }).catch(() => undefined);
      await page.waitForTimeout(1500);
      await frame
        .evaluate(() => document.querySelector('.kst-tag-label')?.closest('p, li, td, h2, h3')?.scrollIntoView({ block: 'start' }))
        .catch(() => undefined);
      await page.waitForTimeout(1500);
      return;
    }
    await page.waitForTimeout(500);
  }
  throw new Error('the Markdown preview did not open');
}

/* global document, NodeFilter -- the page.evaluate callbacks below run in the browser page */
async function hoverOver(page, text) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const rect = await page.evaluate((needle) => {
      for (const line of document.querySelectorAll('.view-line')) {
        const i = line.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
        if (i < 0) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent.length; // NBSP for spaces keeps the length
          if (seen + len > i) {
            const range = document.createRange();
            range.setStart(n, i - seen);
            range.setEnd(n, Math.min(len, i - seen + 3));
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
          seen += len;
        }
      }
      return null;
    }, text);
    if (rect) {
      await page.mouse.move(rect.x - 40, rect.y);
      await page.mouse.move(rect.x, rect.y, { steps: 5 });
      try {
        await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 3000 });
        await page.waitForFunction(
          () => {
            const h = document.querySelector('.monaco-hover:not(.hidden)');
            return h && h.textContent.trim().length > 20 && !/Loading|Laden/.test(h.textContent);
          },
          undefined,
          { timeout: 8000 },
        );
        await page.waitForTimeout(500);
        return;
      } catch {
        /* the first hover often comes before activation: retry */
      }
    }
    await page.waitForTimeout(1000);
  }
}
