// Related documents in the hover and the Dossier view, in a real VS Code against a local fake of the Tweede Kamer
// API (test/support/odata-server.ts, dossier 99002 of test/fixtures/odata).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { DossierNode } from '../../src/vscode/metadata/dossier-tree';
import { startODataServer, type ODataServer } from '../support/odata-server';
import { eventually, extensionApi, openSample, workspaceUri, writeWorkspaceFile } from './helpers';

const NOTE = 'notes/dossier-smit.md';
const LETTER = 'letters/kst-99002-13.md';

const hoverAt = async (doc: vscode.TextDocument, needle: string): Promise<string> => {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `'${needle}' not in ${doc.uri.path}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(i + 2));
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
};

const documentRows = (nodes: DossierNode[]) => nodes.flatMap((n) => (n.type === 'document' ? [n] : []));

describe('Dossier view and related documents in a real VS Code', () => {
  let server: ODataServer;
  const config = () => vscode.workspace.getConfiguration('kamerstuk');

  before(async () => {
    server = await startODataServer();
    await config().update('apiBaseUrl', server.url, vscode.ConfigurationTarget.Global);
    await config().update('online', true, vscode.ConfigurationTarget.Global);
    await writeWorkspaceFile(LETTER, '# Kabinetsappreciatie van de motie van het lid Smit\n\nSynthetische brief voor de tests.\n');
    await writeWorkspaceFile(NOTE, '# Notitie\n\nDe motie van het lid Smit (kst-99002-10) is vervangen; zie ook kst-99002-12.\n');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of [NOTE, LETTER]) await vscode.workspace.fs.delete(workspaceUri(f)).then(undefined, () => undefined);
    await config().update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    await config().update('online', undefined, vscode.ConfigurationTarget.Global);
    await server.close();
  });

  it('the hover of a motion does not wait for its related documents; a later hover shows them, the current version marked', async () => {
    const editor = await openSample(NOTE);
    // The first hover with the motion's metadata starts the lookup and says so.
    const first = await eventually(async () => {
      const t = await hoverAt(editor.document, 'kst-99002-10');
      return t.includes('Smit') ? t : undefined;
    }, 'no hover with the motion');
    assert.match(first, /Looking up related documents/, first);
    const later = await eventually(async () => {
      const t = await hoverAt(editor.document, 'kst-99002-10');
      return t.includes('current version') ? t.replace(/\\/g, '') : undefined;
    }, 'no later hover with the related documents');
    assert.match(later, /\*\*Related documents\*\*/, later);
    assert.match(later, /Case 2099Z00101: Motie van het lid Smit over synthetische dijken · Cabinet's assessment: Ontraden/, later);
    assert.match(
      later,
      /\[kst-99002-12\]\(command:kamerstuk\.openCitedDocument\?[^)]+\) · Motie \(gewijzigd\/nader\) · 2099-03-08 · .* · \*\*current version\*\*/,
      later,
    );
    assert.match(later, /\[kst-99002-10\]\([^)]+\) · Motie · 2099-03-01 · .* · this document/, later);
    assert.match(later, /Other documents of the case:[\s\S]*\[kst-99002-13\]/, later);
    assert.doesNotMatch(later, /DELETED/, later);
  });

  it("lists the note's dossier newest first, marking the letter in the workspace and the documents the note cites", async () => {
    const api = await extensionApi();
    await openSample(NOTE);
    api.dossier.refresh();
    const state = await eventually(async () => {
      const s = await api.dossier.current();
      return s.dossier?.nummer === '99002' && s.status === 'ok' && documentRows(s.nodes).some((n) => n.entry.sources.includes('tweedekamer')) ? s : undefined;
    }, 'the Dossier view did not list dossier 99002 from the API');
    const rows = documentRows(state.nodes);
    assert.equal(state.dossier?.titel, 'Tweede synthetisch dossier');
    assert.deepEqual(
      rows.map((n) => n.entry.id),
      ['kst-99002-21', 'kst-99002-20', 'kst-99002-12', 'kst-99002-11', '2099D00105', 'kst-99002-13', 'kst-99002-10', 'kst-99002-3'],
    );
    const byId = new Map(rows.map((n) => [n.entry.id, n]));
    assert.deepEqual(
      rows.filter((n) => n.cited).map((n) => n.entry.id),
      ['kst-99002-12', 'kst-99002-10'],
    );
    assert.equal(byId.get('kst-99002-13')?.letter?.toString(), workspaceUri(LETTER).toString());
    assert.deepEqual(
      rows.filter((n) => n.letter).map((n) => n.entry.id),
      ['kst-99002-13'],
    );

    const letterItem = api.dossier.getTreeItem(byId.get('kst-99002-13')!);
    assert.equal(letterItem.description, '2099-03-03 · Brief regering · in workspace');
    assert.equal(letterItem.command?.command, 'vscode.open');
    assert.equal(String(letterItem.command?.arguments?.[0]), String(workspaceUri(LETTER)));
    const citedItem = api.dossier.getTreeItem(byId.get('kst-99002-12')!);
    assert.equal(citedItem.description, '2099-03-08 · Motie (gewijzigd/nader) · cited here');
    assert.deepEqual(citedItem.command && [citedItem.command.command, citedItem.command.arguments], ['kamerstuk.openCitedDocument', ['kst-99002-12']]);
    assert.equal(citedItem.contextValue, 'kamerstuk.dossierDocument');
    assert.ok(String(citedItem.accessibilityInformation?.label).includes('cited here'));
  });

  it('follows the active editor: a letter shows its own dossier, a note citing nothing shows none', async () => {
    const api = await extensionApi();
    await openSample(LETTER);
    const forLetter = await eventually(async () => {
      const s = await api.dossier.current();
      return s.dossier?.nummer === '99002' && !documentRows(s.nodes).some((n) => n.cited) ? s : undefined;
    }, 'the view did not follow the letter');
    assert.ok(documentRows(forLetter.nodes).some((n) => n.entry.id === 'kst-99002-13' && n.letter));
    const empty = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Zonder verwijzingen\n' });
    await vscode.window.showTextDocument(empty);
    const none = await eventually(async () => {
      const s = await api.dossier.current();
      return s.dossier === undefined ? s : undefined;
    }, 'the view kept a dossier for a note without citations');
    assert.deepEqual(none.nodes, []);
  });

  it('offline, the sample dossier lists what the team catalog and the bundled catalog know, and says so', async () => {
    const api = await extensionApi();
    await config().update('online', false, vscode.ConfigurationTarget.Global);
    try {
      const before = server.requests.length;
      await openSample('letters/kst-29754-716.md');
      api.dossier.refresh();
      const state = await eventually(async () => {
        const s = await api.dossier.current();
        return s.dossier?.nummer === '29754' && s.status === 'offline' ? s : undefined;
      }, 'no offline listing of the sample dossier');
      const rows = documentRows(state.nodes);
      assert.ok(rows.length >= 3, JSON.stringify(rows.map((n) => n.entry.id)));
      assert.equal(rows[0].entry.id, 'kst-29754-716', 'newest first');
      assert.ok(rows[0].letter, 'the sample letter is marked as in the workspace');
      assert.ok(
        rows.every((n) => !n.entry.sources.includes('tweedekamer')),
        'an API row while offline',
      );
      assert.equal(state.dossier?.titel, 'Terrorismebestrijding');
      assert.equal(server.requests.length, before, 'a request while offline');
    } finally {
      await config().update('online', true, vscode.ConfigurationTarget.Global);
    }
  });
});
