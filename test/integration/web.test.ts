// Runs only in the browser's web worker extension host (KAMERSTUK_TEST_HOST=web: test/runner/code-server.mjs moves the
// extension there with the setting remote.extensionKind = ["web"] and loads the browser build of this suite,
// test/integration/web-index.ts). Skipped in the Node extension host. No Node here: no node:assert, no node:path,
// no helpers that use them.
import * as vscode from 'vscode';
import type { KamerstukApi } from '../../src/extension';

const EXTENSION_ID = 'kamerstuk-annotator.kamerstuk-annotator';

/** The tests run in the extension host of the extension under development: a web worker has no `process`. */
export function inWebWorkerHost(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Web && typeof (globalThis as { process?: unknown }).process === 'undefined';
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function until<T>(get: () => T | PromiseLike<T>, message: string, ms = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`${message} (last value: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function sample(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'the web tests need the sample workspace open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

describe('web extension host', function () {
  before(function () {
    if (!inWebWorkerHost()) this.skip();
  });

  it('runs the browser build of the extension and activates on a markdown file', async () => {
    const ext = vscode.extensions.getExtension<KamerstukApi>(EXTENSION_ID);
    check(ext, `extension ${EXTENSION_ID} is not installed`);
    check(ext.extensionKind === vscode.ExtensionKind.UI, `the extension runs as ${ext.extensionKind}, not in the web worker host`);
    const doc = await vscode.workspace.openTextDocument(sample('notes/brief-terrorismebestrijding.md'));
    await vscode.window.showTextDocument(doc);
    await until(() => ext.isActive, 'the extension did not activate on a markdown file');
    const commands = new Set(await vscode.commands.getCommands(true));
    check(commands.has('kamerstuk.openCitedDocument'), 'kamerstuk.openCitedDocument is not registered');
  });

  it('keeps the Tweede Kamer API off by design (no CORS in the browser)', async () => {
    const exported = await vscode.extensions.getExtension<KamerstukApi>(EXTENSION_ID)!.activate();
    check(exported.apiVersion === 1 && exported.testing, 'the extension exports no test API in ExtensionMode.Test');
    const api = exported.testing;
    check(api.metadata.offlineByDesign, 'the metadata service does not know it runs in the browser');
    check(api.metadata.status === 'disabled', `the API status is ${api.metadata.status}, expected disabled`);
  });

  it('shows the hover of a cited document from the team catalog', async () => {
    const doc = await vscode.workspace.openTextDocument(sample('notes/brief-terrorismebestrijding.md'));
    await vscode.window.showTextDocument(doc);
    const pos = doc.positionAt(doc.getText().indexOf('kst-29754-716') + 2);
    const text = await until(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      const t = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      // The first hovers may come before the workspace's letters are indexed (they do not wait for it): poll until
      // the hover also carries the letter's tags.
      return t.includes('Signed by') && t.includes('Tagged passages') ? t.replace(/\\(?=[-().])/g, '') : ''; // markdown escapes
    }, 'no hover with metadata and tags for kst-29754-716');
    check(text.includes('Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen'), `hover without the catalog title:\n${text}`);
    check(/Source: team catalog/.test(text), `hover not from the team catalog:\n${text}`);
    // The letter's annotation file, read through vscode.workspace.fs (no Node fs in the browser).
    check(/Tagged passages: /.test(text), `hover without the letter's tags:\n${text}`);
  });
});
