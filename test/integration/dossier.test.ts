// Related documents in the hover and the Dossier view, in a real VS Code against a local fake of the Tweede Kamer
// API (test/support/odata-server.ts, dossier 99002 of test/fixtures/odata).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { DossierNode, DossierState } from '../../src/vscode/metadata/dossier-tree';
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
const fromApi = (s: DossierState) => documentRows(s.nodes).some((n) => n.entry.sources.includes('tweedekamer'));
const REFRESH = 'kamerstuk.refreshDossier';

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
    assert.equal(letterItem.id, 'kst-99002-13', 'a stable id keeps focus and selection on refresh');
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
  it('rebuilds for edits of the note shown only, not of any other markdown document', async () => {
    const api = await extensionApi();
    const editor = await openSample(NOTE);
    await eventually(async () => (await api.dossier.current()).dossier?.nummer === '99002', 'no dossier for the note');
    // Schedules made while the citation index announces a change (the tree listens before this test does).
    const delayer = (api.dossier as unknown as { delayer: { schedule: (run: () => void) => void } }).delayer;
    let inThisTurn = false;
    const scheduledFor: string[] = [];
    const schedule = delayer.schedule;
    delayer.schedule = (run: () => void) => {
      inThisTurn = true;
      queueMicrotask(() => (inThisTurn = false));
      schedule.call(delayer, run);
    };
    const listener = api.citations.onDidChange((uri) => inThisTurn && scheduledFor.push(uri.toString()));
    try {
      const other = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Ander stuk\n' });
      const seen = (uri: vscode.Uri) =>
        new Promise<void>((resolve) => {
          const l = api.citations.onDidChange((u) => u.toString() === uri.toString() && (l.dispose(), resolve()));
        });
      const otherSeen = seen(other.uri);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(other.uri, new vscode.Position(1, 0), 'Zie kst-99002-12.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await otherSeen;
      const noteSeen = seen(editor.document.uri);
      const noteEdit = new vscode.WorkspaceEdit();
      noteEdit.insert(editor.document.uri, new vscode.Position(1, 0), '\n');
      assert.ok(await vscode.workspace.applyEdit(noteEdit));
      await noteSeen;
      assert.deepEqual(scheduledFor, [editor.document.uri.toString()]);
    } finally {
      listener.dispose();
      delete (delayer as { schedule?: unknown }).schedule;
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('a build that failed is not kept, and one started before a refresh never overwrites what the view shows', async () => {
    const api = await extensionApi();
    await openSample(NOTE);
    const tree = api.dossier as unknown as { build?: () => Promise<DossierState> };
    try {
      tree.build = () => Promise.reject(new Error('synthetic failure'));
      api.dossier.refresh();
      await assert.rejects(api.dossier.current(), /synthetic failure/);
      delete tree.build;
      const again = await api.dossier.current();
      assert.equal(again.dossier?.nummer, '99002', 'the failure was kept');

      let finishOlder!: (s: DossierState) => void;
      tree.build = () => new Promise((resolve) => (finishOlder = resolve));
      api.dossier.refresh();
      const older = api.dossier.current();
      delete tree.build;
      api.dossier.refresh();
      const newer = await eventually(async () => {
        const s = await api.dossier.current();
        return s.dossier?.nummer === '99002' && s.status !== 'loading' ? s : undefined;
      }, 'no newer build');
      const description = api.dossier.view?.description;
      assert.match(String(description), /99002/);
      finishOlder({ dossier: { nummer: '12345', titel: 'Verouderd' }, status: 'ok', nodes: [] });
      await older;
      assert.equal(api.dossier.view?.description, description, 'an older build overwrote the title');
      assert.equal(api.dossier.view?.message, newer.message);
    } finally {
      delete tree.build;
      api.dossier.refresh();
    }
  });

  it('says so when the API has more of the dossier than it gave', async () => {
    const api = await extensionApi();
    await openSample(NOTE);
    server.setMode('more-elsewhere');
    try {
      await vscode.commands.executeCommand(REFRESH);
      const state = await eventually(async () => {
        const s = await api.dossier.current();
        return s.status === 'ok' && fromApi(s) ? s : undefined;
      }, 'no listing from the API');
      assert.equal(state.truncated, true);
      assert.equal(state.message, `Showing the newest ${documentRows(state.nodes).length} documents; the dossier has more.`);
      assert.equal(api.dossier.view?.message, state.message);
    } finally {
      server.setMode('normal');
      await vscode.commands.executeCommand(REFRESH);
    }
  });

  it('while the related lookup hangs the hover answers at once with the title and the view keeps the last list; Refresh starts anew', async () => {
    const api = await extensionApi();
    const editor = await openSample(NOTE);
    await eventually(async () => {
      const s = await api.dossier.current();
      return s.status === 'ok' && fromApi(s) && !s.truncated ? s : undefined;
    }, 'no listing from the API to begin with');
    server.setMode('hang');
    try {
      await vscode.commands.executeCommand(REFRESH);
      // The first hover: the motion's title at once, its related documents being looked up (the lookup hangs).
      const first = await hoverAt(editor.document, 'kst-99002-10');
      assert.match(first, /Smit/, first);
      assert.match(first, /Looking up related documents/, first);
      // The Dossier view shows the API's previous list while the new one does not come.
      const loading = await eventually(async () => {
        const s = await api.dossier.current();
        return s.status === 'loading' ? s : undefined;
      }, 'the view does not say it is loading');
      assert.ok(fromApi(loading), 'the API list was replaced by the local records while loading');
      assert.match(loading.message ?? '', /again; showing the list it gave before/);
    } finally {
      server.setMode('normal');
    }
    // Refresh stops the hanging lookups: new ones start and answer.
    await vscode.commands.executeCommand(REFRESH);
    const later = await eventually(async () => {
      const t = await hoverAt(editor.document, 'kst-99002-10');
      return t.includes('current version') ? t : undefined;
    }, 'Refresh did not start a new lookup while the old one hung');
    assert.match(later, /Related documents/);
    await eventually(async () => {
      const s = await api.dossier.current();
      return s.status === 'ok' && fromApi(s) ? s : undefined;
    }, 'the view did not list the dossier from the API again');
  });
});
