import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { openSample } from './helpers';

// Runs in the Dutch pass of `npm test` (code-server started with --locale nl); skipped in the English pass.
describe('Dutch user interface', function () {
  before(function () {
    if (!vscode.env.language.toLowerCase().startsWith('nl')) this.skip();
  });

  it('loads the Dutch bundle for runtime strings', () => {
    assert.ok(vscode.l10n.bundle, 'no l10n bundle loaded');
    assert.equal(vscode.l10n.t('Open cited document'), 'Geciteerd document openen');
  });

  it('shows citation problems in Dutch', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Zie Kamerstukken II 2022/24, 29 754, nr. 680.\n' });
    await vscode.window.showTextDocument(doc);
    const until = Date.now() + 10_000;
    let diagnostic: vscode.Diagnostic | undefined;
    while (!diagnostic && Date.now() < until) {
      diagnostic = vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'invalid-vergaderjaar');
      if (!diagnostic) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(diagnostic, 'no diagnostic');
    assert.match(diagnostic.message, /vergaderjaar/i);
    assert.notEqual(diagnostic.message, 'Impossible vergaderjaar 2022/24: its two years must follow each other (perhaps 2022/23)');
    assert.match(diagnostic.message, /Onmogelijk|onmogelijk/, diagnostic.message);
  });

  it('shows the hover of a cited document with Dutch labels', async () => {
    const editor = await openSample('notes/brief-terrorismebestrijding.md');
    const i = editor.document.getText().indexOf('kst-29754-716');
    const pos = editor.document.positionAt(i + 2);
    let text = '';
    const until = Date.now() + 10_000;
    while (!text.includes('Ondertekend door') && Date.now() < until) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      if (!text.includes('Ondertekend door')) await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(text, /Ondertekend door: /, text);
    assert.match(text, /Bron: teamcatalogus/, text);
    assert.doesNotMatch(text, /Signed by|Source: /, text);
  });
});
