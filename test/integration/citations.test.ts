import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HOSTILE_TITLE, startODataServer, type ODataServer } from '../support/odata-server';
import { documentsFor } from '../../src/vscode/citations/insert-citation';
import { eventually, extensionApi, hoverText, openSample, positionOf, scratch, workspaceRoot } from './helpers';

const BRIEF = 'notes/brief-terrorismebestrijding.md';
const LETTER_TITLE = 'Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen';

describe('citations in a real VS Code', () => {
  it('hover over a citation in the sample brief shows the letter title, soort and signatories', async () => {
    const editor = await openSample(BRIEF);
    const pos = positionOf(editor.document, 'Kamerstukken II 2023/24, 29 754, nr. 716');
    const text = await eventually(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      const t = hoverText(hovers ?? []);
      return t.includes('Stand van zaken') ? t : undefined;
    }, 'no hover with the letter title');
    assert.ok(text.replace(/\\/g, '').includes(LETTER_TITLE), text);
    assert.ok(text.includes('Brief regering'), text);
    assert.ok(text.replace(/\\/g, '').includes('Yeşilgöz-Zegerius'), text);
  });

  it('Go to Definition on a citation opens the sample letter', async () => {
    const editor = await openSample(BRIEF);
    const pos = positionOf(editor.document, 'kst-29754-716');
    const locations = await eventually(
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, pos),
      'no definition',
    );
    const target = 'uri' in locations[0] ? locations[0].uri : locations[0].targetUri;
    assert.equal(target.fsPath, path.join(workspaceRoot(), 'letters', 'kst-29754-716.md'));
  });

  it('Go to Definition on a document outside the workspace opens a read-only page, never the browser', async () => {
    const editor = await openSample(BRIEF);
    const pos = positionOf(editor.document, 'Kamerstukken II 2022–2023, 29 754, nr. 680');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', editor.document.uri, pos);
    assert.equal(locations.length, 1);
    assert.equal(locations[0].uri.scheme, 'kamerstuk-document');
    const page = await vscode.workspace.openTextDocument(locations[0].uri);
    assert.match(page.getText(), /https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-680\.html/);
    assert.match(page.getText(), /Brief regering/);
  });

  it('Find All References lists the notes citing the same document', async () => {
    const editor = await openSample(BRIEF);
    const pos = positionOf(editor.document, 'kst-29754-716');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, pos);
    const inBrief = refs.filter((r) => r.uri.fsPath === editor.document.uri.fsPath);
    // The brief cites kst-29754-716 four times: in Leidraad form, as an id, and by its aliases in the team catalog
    // (document number 2024D25640 and zaak 2024Z10806).
    const texts = inBrief.map((r) => editor.document.getText(r.range));
    assert.equal(inBrief.length, 4, JSON.stringify(texts));
    assert.ok(texts.includes('2024D25640') && texts.includes('2024Z10806'), JSON.stringify(texts));
  });

  it('an alias is the same document: its hover offers the letter, and Go to Definition opens it', async () => {
    const editor = await openSample(BRIEF);
    const pos = positionOf(editor.document, '2024D25640');
    const text = await eventually(async () => {
      const t = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos)) ?? []);
      return t.includes('command:kamerstuk.openCitedDocument') ? t : undefined;
    }, 'the hover of an alias has no "Open letter in workspace"');
    assert.ok(text.includes('Stand van zaken'), text);
    const definitions = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', editor.document.uri, pos);
    assert.equal(definitions[0]?.uri.fsPath, path.join(workspaceRoot(), 'letters', 'kst-29754-716.md'));
  });

  it('document links point at the workspace letter', async () => {
    const editor = await openSample(BRIEF);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri, 50);
    const onId = links.find((l) => editor.document.getText(l.range) === 'kst-29754-716');
    assert.ok(onId?.target, 'no resolved link on kst-29754-716');
    assert.equal(onId.target.fsPath, path.join(workspaceRoot(), 'letters', 'kst-29754-716.md'));
    // A document outside the workspace has no link: Ctrl+click is Go to Definition alone (its page), one result.
    const outside = links.filter((l) => /683/.test(editor.document.getText(l.range)));
    assert.deepEqual(outside, [], 'a citation outside the workspace has a link as well as a definition');
    const pos = positionOf(editor.document, '29 754, nr. 683');
    const definitions = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', editor.document.uri, pos);
    assert.deepEqual(
      definitions.map((d) => d.uri.scheme),
      ['kamerstuk-document'],
    );
  });

  it('does not treat text inside code as a citation', async () => {
    const editor = await openSample(BRIEF);
    const pos = positionOf(editor.document, '29 754, nr. 999');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
    assert.ok(!hoverText(hovers ?? []).includes('999'));
  });

  it('reports an impossible vergaderjaar and a quick fix rewrites it', async () => {
    const editor = await scratch('# Notitie\n\nZie Kamerstukken II 2022/24, 29 754, nr. 680 voor de aanleiding.\n');
    const uri = editor.document.uri;
    const diagnostic = await eventually(
      () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'kamerstuk' && d.code === 'invalid-vergaderjaar'),
      'no vergaderjaar diagnostic',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.includes('2022/23'));
    assert.ok(fix?.edit, `no fix to 2022/23 among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(editor.document.getText().includes('Kamerstukken II 2022/23, 29 754, nr. 680'), editor.document.getText());
    await eventually(() => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'invalid-vergaderjaar'), 'diagnostic stayed after the fix');
  });

  it('warns on a block too complex to scan fully, and still hovers the citation in it', async () => {
    const nested = `${'- '.repeat(200)}Kamerstuk 29 754, nr. 716`;
    const editor = await scratch(`# Notitie\n\n${nested}\n\nZie kst-29754-680.\n`);
    const uri = editor.document.uri;
    const diagnostic = await eventually(
      () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'kamerstuk' && d.code === 'nesting-too-deep'),
      'no scan limit diagnostic',
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.range.start.line, 2);
    assert.ok(diagnostic.message.includes('64'), diagnostic.message);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.equal(links.filter((l) => l.range.start.line === 2).length, 1, 'the citation in the plain-text block has no link');
  });

  it("lints the analyst's notes only: not an official letter, not the read-only page of a cited document", async () => {
    const problem = 'Zie Kamerstukken II 2022/24, 29 754, nr. 680 voor de aanleiding.';
    const sample = (await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(workspaceRoot(), 'letters', 'kst-29754-716.md')))).toString();
    const letterUri = vscode.Uri.file(path.join(workspaceRoot(), 'letters', 'kst-29754-9020.md'));
    await vscode.workspace.fs.writeFile(
      letterUri,
      new TextEncoder().encode(sample.replace('kamerstuk: kst-29754-716', 'kamerstuk: kst-29754-9020') + `\n${problem}\n`),
    );
    try {
      const letter = await vscode.window.showTextDocument(letterUri);
      const page = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'kamerstuk-document', path: '/kst-29754-683.md' }));
      // The same problem in a note is reported: by then the letter and the page have been looked at too.
      const note = await scratch(`# Notitie\n\n${problem}\n\n${page.getText()}\n`);
      await eventually(() => vscode.languages.getDiagnostics(note.document.uri).some((d) => d.code === 'invalid-vergaderjaar'), 'the note has no problem');
      const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kamerstuk');
      assert.deepEqual(ours(letter.document.uri), [], 'an official letter was linted');
      assert.deepEqual(ours(page.uri), [], 'the read-only page was linted');
      // The unsaved note is closed without a save prompt.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.window.showTextDocument(letterUri);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(letterUri);
    }
  });

  it('offers a fix for each problem of a citation: both possible vergaderjaren and the missing number', async () => {
    const editor = await scratch('# Notitie\n\nZie Kamerstukken II 2022/24, 29754, nr. voor de aanleiding.\n');
    const uri = editor.document.uri;
    const year = await eventually(() => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'invalid-vergaderjaar'), 'no vergaderjaar diagnostic');
    const titles = (
      await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, year.range, vscode.CodeActionKind.QuickFix.value)
    ).map((a) => a.title);
    assert.ok(titles.some((t) => t.includes('2022/23')) && titles.some((t) => t.includes('2023/24')), titles.join(' | '));
    const number = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'missing-ondernummer')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      number.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const add = actions.find((a) => a.title.includes('nr.') && !a.title.includes('29 754'));
    assert.ok(add?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    assert.match(editor.document.getText(), /29754, nr\. nummer voor de aanleiding/);
  });

  it('offers rewrites of a correct citation into the other styles', async () => {
    const editor = await scratch('Zie kst-29754-680.\n');
    const range = new vscode.Range(0, 6, 0, 6);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range);
    const titles = actions.map((a) => a.title);
    assert.ok(
      titles.some((t) => t.includes('29 754, nr. 680')),
      titles.join(' | '),
    );
  });

  it('Insert citation takes a typed citation or number as an item, looked up by its id, known or not', async () => {
    const { metadata } = await extensionApi();
    const signal = new AbortController().signal;
    const [known] = await documentsFor(metadata, '29754 683', false, signal);
    assert.equal(known.id, 'kst-29754-683');
    assert.match(known.title ?? '', /Van Haga/);
    const [unknown] = await documentsFor(metadata, 'Kamerstuk 36 999, nr. 7', false, signal);
    assert.deepEqual([unknown.id, unknown.source], ['kst-36999-7', 'typed']);
    // Words are still a search of the titles.
    assert.ok((await documentsFor(metadata, 'terroristen', false, signal)).some((m) => m.id === 'kst-29754-716'));
  });

  it('completion after kst-, Kamerstuk and Kamerstukken keeps the notation the user started', async () => {
    for (const [typed, expected] of [
      ['Zie kst-29754-6', 'kst-29754-680'],
      ['Zie Kamerstukken 29754', 'Kamerstukken II 2022/23, 29 754, nr. 680'],
      ['Zie Kamerstuk 29754', 'Kamerstuk 29 754, nr. 680'],
    ]) {
      const editor = await scratch(typed);
      const end = editor.document.lineAt(0).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, ' ');
      const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'kst-29754-680');
      assert.equal(item?.insertText, expected, typed);
    }
  });

  it('completion after kst- offers documents the catalogs know', async () => {
    const editor = await scratch('Zie kst-29754-6');
    const end = editor.document.lineAt(0).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end);
    const ours = list.items.filter((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('kst-29754-6'));
    const labels = ours.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('kst-29754-680') && labels.includes('kst-29754-683'), labels.join(', '));
    const item = ours.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'kst-29754-680')!;
    // The notation the user started: an id.
    assert.equal(item.insertText, 'kst-29754-680');
  });

  it('"Save metadata to team catalog" adds the document and keeps the catalog\'s comments', async () => {
    const catalog = vscode.Uri.file(path.join(workspaceRoot(), '.kamerstuk', 'catalog.yaml'));
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(catalog));
    assert.ok(!before.includes('kst-29754-683'));
    await vscode.commands.executeCommand('kamerstuk.saveToCatalog', 'kst-29754-683');
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(catalog));
    assert.match(after, /kst-29754-683:/);
    assert.match(after, /Van Haga/);
    assert.ok(after.startsWith('# Team catalog'), 'the leading comment was lost');
    assert.match(after, /kst-29754-716:/);
  });

  it('"Save metadata to team catalog" starts from the catalog on disk, so an entry pulled a moment ago survives', async () => {
    const catalog = vscode.Uri.file(path.join(workspaceRoot(), '.kamerstuk', 'catalog.yaml'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(catalog));
    // A colleague's entry arrives (git pull) and the save follows at once, before any watcher has fired.
    const pulled = text.replace('documents:\n', 'documents:\n  kst-29754-999:\n    title: Entry of a colleague\n');
    await vscode.workspace.fs.writeFile(catalog, new TextEncoder().encode(pulled));
    await vscode.commands.executeCommand('kamerstuk.saveToCatalog', 'kst-29754-680');
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(catalog));
    assert.match(after, /kst-29754-999:/, 'the pulled entry was lost');
    assert.match(after, /kst-29754-680:/);
  });

  describe('with the Tweede Kamer API (a local OData server)', () => {
    let server: ODataServer;
    const config = () => vscode.workspace.getConfiguration('kamerstuk');

    before(async () => {
      server = await startODataServer({ mode: 'duplicates' });
      await config().update('apiBaseUrl', server.url, vscode.ConfigurationTarget.Global);
      await config().update('online', true, vscode.ConfigurationTarget.Global);
    });
    after(async () => {
      await config().update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
      await config().update('online', undefined, vscode.ConfigurationTarget.Global);
      await server.close();
    });

    /** The hover at `at` in a new note once it includes `ready`, without markdown escapes. */
    async function hoverOnce(note: string, at: string, ready: string, failure: string): Promise<string> {
      const editor = await scratch(note);
      const pos = positionOf(editor.document, at);
      const text = await eventually(async () => {
        const t = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos)) ?? []);
        return t.includes(ready) ? t : undefined;
      }, failure);
      return text.replace(/\\/g, '');
    }

    it('a motion from the API shows submitters, outcome and votes per fractie, duplicate rows dropped', async () => {
      const plain = await hoverOnce('De motie 2099D00012 is aangenomen.\n', '2099D00012', 'Fractie A', 'no motion hover with votes');
      assert.match(plain, /Submitted by: Jansen/, plain);
      assert.match(plain, /Outcome: \*\*adopted\*\*/, plain);
      assert.match(plain, /\| Fractie A \| For \|/, plain);
      // Every Stemming row was served twice; the tally counts each fractie once.
      assert.match(plain, /For 102, against 41, did not vote 7/, plain);
      assert.ok(
        server.requests.every((r) => r.filter === '' || /Verwijderd eq false/.test(r.filter)),
        'a query without Verwijderd eq false',
      );
    });

    it('an amendment cited in prose is an amendment: its hover shows the soort, submitters and outcome like a motion', async () => {
      const note = 'Het amendement van het lid Jansen (99001-VI, nr. 61) is aangenomen.\n';
      const plain = await hoverOnce(note, 'nr. 61', 'Outcome', 'no amendment hover with an outcome');
      assert.match(plain, /Amendement van het lid Jansen/, plain);
      assert.match(plain, /Amendement · 2099-01-09 · kst-99001-VI-61/, plain);
      assert.match(plain, /Submitted by: Jansen/, plain);
      assert.match(plain, /Outcome: \*\*adopted\*\*/, plain);
      assert.doesNotMatch(plain, /Signed by/, 'an amendment has submitters, not signatories');
    });

    it('with the API silent, the hover of a document only the bundled catalog knows shows it, marked refreshing', async () => {
      server.setMode('hang');
      // A team catalog without kst-29754-680: then only the bundled catalog (asked after the API) knows it.
      const catalog = vscode.Uri.file(path.join(workspaceRoot(), '.kamerstuk', 'catalog.yaml'));
      const before = await vscode.workspace.fs.readFile(catalog);
      await vscode.workspace.fs.writeFile(catalog, new TextEncoder().encode('version: 1\ndocuments:\n  kst-29754-716:\n    title: Alleen deze\n'));
      try {
        const editor = await scratch('Zie de brief (Kamerstuk 29 754, nr. 680).\n');
        const pos = positionOf(editor.document, '29 754, nr. 680');
        const hover = async () =>
          hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos)) ?? []);
        const text = await eventually(async () => {
          const t = await hover();
          return /Source: bundled|Bron: gebundeld/.test(t) ? t : undefined;
        }, 'the hover did not come from the bundled catalog');
        assert.ok(text.includes('Brief regering'), text);
        assert.ok(!/No metadata found|Geen gegevens/.test(text), text);
        assert.match(text, /refreshing|ververst/, text);
      } finally {
        await vscode.workspace.fs.writeFile(catalog, before);
        server.setMode('duplicates');
      }
    });

    it('a hostile title from the API renders inert', async () => {
      server.setMode('hostile');
      const editor = await scratch('Het stuk 2099D00013 komt van de API.\n');
      const pos = positionOf(editor.document, '2099D00013');
      const hovers = await eventually(async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
        return h?.length && hoverText(h).includes('onerror') ? h : undefined;
      }, 'no hover with the API title');
      assert.ok(server.requests.length > 0, 'the API was not asked');
      for (const h of hovers) {
        for (const c of h.contents) {
          const md = c as vscode.MarkdownString;
          assert.notEqual(md.isTrusted, true, 'hover markdown must not be fully trusted');
          assert.ok(!md.supportHtml, 'hover markdown must not render HTML');
          if (typeof md.isTrusted === 'object') assert.ok(md.isTrusted.enabledCommands.every((c) => c.startsWith('kamerstuk.')));
          // No live link or tag can form: the brackets, parentheses and angle brackets of the title are escaped.
          assert.ok(!/(^|[^\\])\[x\]\(command:/.test(md.value), md.value);
          assert.ok(!/(^|[^\\])<img/.test(md.value), md.value);
        }
      }
      // The title is still shown, as text.
      assert.ok(hoverText(hovers).replace(/\\/g, '').includes(HOSTILE_TITLE.slice(0, 30)), hoverText(hovers));
    });
  });
});
