import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { AnnotationStore, captureSelector, letterHash } from '../../src/core/annotations';
import { CHANGED_PASSAGES } from '../../src/vscode/annotations/editor/decorations';
import type { AnnotationNode } from '../../src/vscode/annotations/tree/annotations-tree';
import type { AnnotationsTestApi as AnnotationsApi } from '../../src/vscode/testing/test-api';
import { eventually, extensionApi, hoverText, openSample, readWorkspaceFile, selectText, workspaceUri, writeWorkspaceFile } from './helpers';

const SAMPLE = 'letters/kst-29754-716.md';
const COMMITMENT = 'De komende periode wordt gewerkt aan een nadere uitwerking hiervan.';
const CONCLUSION_START = 'Alle partners concludeerden dat er in beginsel voldoende mensen, middelen, kennis en wettelijke mogelijkheden zijn';
const HEADING_3 = 'Het Ministerie van Buitenlandse Zaken houdt het beleid inzake de afgifte van laissez-passers aan vreemdelingen tegen het licht.';
const OTHER_PASSAGE = 'Hiermee versterken we de veiligheid in Nederland.';

/** A writable copy of the sample letter under another id, so the suites' letters do not interfere. */
async function letterCopy(name: string): Promise<{ relative: string; yaml: string; uri: vscode.Uri; text: string }> {
  const sample = (await readWorkspaceFile(SAMPLE))!;
  const text = sample.replace('kamerstuk: kst-29754-716', `kamerstuk: ${name}`);
  const relative = `letters/${name}.md`;
  const uri = await writeWorkspaceFile(relative, text);
  return { relative, yaml: `letters/${name}.annotations.yaml`, uri, text };
}

/** A copy of the sample letter under another id with the sample's tags, the store loaded. */
async function letterWithSampleTags(name: string): Promise<Awaited<ReturnType<typeof letterCopy>> & { sampleYaml: string }> {
  const letter = await letterCopy(name);
  const sampleYaml = (await readWorkspaceFile('letters/kst-29754-716.annotations.yaml'))!.replace(/kst-29754-716(\.md)?/g, (m, md) => `${name}${md ?? ''}`);
  await writeWorkspaceFile(letter.yaml, sampleYaml);
  return { ...letter, sampleYaml };
}

function parseYaml(text: string | undefined): AnnotationStore {
  assert.ok(text, 'no annotation file on disk');
  const r = AnnotationStore.parse(text);
  assert.ok(r.ok, `annotation file does not parse: ${JSON.stringify(!r.ok && r.diagnostics)}`);
  return r.store;
}

function label(en: string, nl: string): string {
  return vscode.env.language.toLowerCase().startsWith('nl') ? nl : en;
}

async function children(api: AnnotationsApi, node?: AnnotationNode): Promise<AnnotationNode[]> {
  return (await api.view.getChildren(node)) ?? [];
}

describe('annotations in a real VS Code', () => {
  let api: AnnotationsApi;
  const created: string[] = [];

  before(async () => {
    api = (await extensionApi()).annotations;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of created) await vscode.workspace.fs.delete(workspaceUri(f)).then(undefined, () => undefined);
  });

  describe('tagging a letter', () => {
    let letter: Awaited<ReturnType<typeof letterCopy>>;
    let editor: vscode.TextEditor;
    let measureId: string;

    before(async () => {
      letter = await letterCopy('kst-29754-9001');
      created.push(letter.relative, letter.yaml);
      editor = await openSample(letter.relative);
    });

    it('tags the selection: the annotation file is written and the decoration appears', async () => {
      const sel = selectText(editor, COMMITMENT);
      const added = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { tag: 'measure' });
      assert.equal(added?.length, 1, `no annotation added; messages: ${api.messages().join(' | ')}`);
      measureId = added[0].id;

      const store = parseYaml(await readWorkspaceFile(letter.yaml));
      const [a] = store.annotations();
      assert.equal(store.annotations().length, 1);
      assert.equal(a.id, measureId);
      assert.equal(a.tag, 'measure');
      assert.equal(a.quote, COMMITMENT);
      assert.deepEqual({ start: a.start, end: a.end }, sel);
      assert.equal(a.prefix, letter.text.slice(sel.start - 32, sel.start));
      assert.ok(a.created && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(a.created), a.created);
      // The version the tag was made on: the letter's text on disk, by its git blob id.
      assert.deepEqual(store.letter, { id: 'kst-29754-9001', path: 'kst-29754-9001.md', hash: letterHash(letter.text) });

      const ranges = await eventually(() => api.decorationRanges(editor).measure, 'no measure decoration');
      assert.equal(ranges.length, 1);
      assert.equal(editor.document.getText(ranges[0]), COMMITMENT);
    });

    it('the decoration follows the passage when the letter is edited above it; saving leaves the annotation file as it was', async () => {
      const yamlBefore = await readWorkspaceFile(letter.yaml);
      const before = api.decorationRanges(editor).measure[0];
      const inserted = 'Een nieuwe alinea die de analist heeft ingevoegd.\n\n';
      const at = editor.document.positionAt(editor.document.getText().indexOf('De asielprocedure heeft tot doel'));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, at, inserted);
      assert.ok(await vscode.workspace.applyEdit(edit));

      const moved = await eventually(() => {
        const r = api.decorationRanges(editor).measure?.[0];
        return r && r.start.line === before.start.line + 2 ? r : undefined;
      }, 'the decoration did not follow the passage');
      assert.equal(editor.document.getText(moved), COMMITMENT);

      assert.ok(await editor.document.save(), 'the letter copy could not be saved');
      // Positions are hints: the passage's quote and context still find it, so its entry is not rewritten.
      await api.stores.idle();
      assert.equal(await readWorkspaceFile(letter.yaml), yamlBefore, 'a paragraph typed above the tag rewrote the annotation file');

      // A word changed right before the passage: its context is renewed on save, and only its entry changes.
      const prefixStart = editor.document.getText().indexOf(COMMITMENT) - 20;
      const reword = new vscode.WorkspaceEdit();
      reword.replace(
        editor.document.uri,
        new vscode.Range(editor.document.positionAt(prefixStart), editor.document.positionAt(prefixStart + 6)),
        'XXXXXXXXXXXX',
      );
      assert.ok(await vscode.workspace.applyEdit(reword));
      assert.ok(await editor.document.save());
      const expected = editor.document.getText().indexOf(COMMITMENT);
      await eventually(
        async () => parseYaml(await readWorkspaceFile(letter.yaml)).get(measureId)?.start === expected,
        'the renewed selector was not stored on save',
      );
    });

    it('the Annotations view lists the letter, its tag and the passage', async () => {
      const letters = await eventually(async () => {
        const roots = await children(api);
        return roots.find((n) => n.kind === 'letter' && n.letter.toString() === letter.uri.toString());
      }, 'the letter is not in the Annotations view');
      const tags = await children(api, letters);
      const measure = tags.find((n) => n.kind === 'tag' && n.tag === 'measure');
      assert.ok(measure, JSON.stringify(tags.map((t) => t.kind)));
      assert.equal(api.view.getTreeItem(measure).label, label('measure', 'maatregel'));
      const passages = await children(api, measure);
      assert.equal(passages.length, 1);
      const item = api.view.getTreeItem(passages[0]);
      assert.ok(String(item.label).startsWith('De komende periode'), String(item.label));
      assert.equal(item.contextValue, 'kamerstuk.annotation');
      assert.equal(item.command?.command, 'vscode.open');
    });

    it('hover on the passage shows tag, note, status and linked documents, escaped', async () => {
      await api.stores.edit(letter.uri, (s) => s.update(measureId, { note: 'Check <b>dit</b> [link](command:evil)', refs: ['kst-29754-683'] }));
      await vscode.commands.executeCommand('kamerstuk.setStatus', { id: measureId, letter: letter.uri.toString(), status: 'agreed' });
      const pos = editor.document.positionAt(editor.document.getText().indexOf(COMMITMENT) + 5);
      const text = await eventually(async () => {
        const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos));
        return t.includes('dit') && t.includes(label('agreed', 'akkoord')) ? t : undefined;
      }, 'no hover with the note');
      const plain = text.replace(/\\/g, '');
      assert.ok(plain.includes(`**${label('measure', 'maatregel')}**`), text);
      assert.ok(plain.includes('Check <b>dit</b> [link](command:evil)'), text);
      assert.ok(plain.includes('kst-29754-683'), text);
      assert.ok(!/(^|[^\\])<b>/.test(text), `raw HTML in the hover: ${text}`);
      assert.ok(!/\]\(command:evil\)/.test(text), `a live link in the hover: ${text}`);
    });

    it("merges a change on disk (another analyst's pull) with a pending change: nothing is lost", async () => {
      const release = api.stores.holdWrites();
      let conclusionId: string | undefined;
      try {
        selectText(editor, CONCLUSION_START);
        const added = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { tag: 'conclusion' });
        conclusionId = added?.[0]?.id;
        assert.ok(conclusionId, `not tagged: ${api.messages().join(' | ')}`);
        const disk = (await readWorkspaceFile(letter.yaml))!;
        assert.ok(!disk.includes(conclusionId), 'the pending change was written while writes were held');

        // The other analyst's version: the file as it was, plus their own tag.
        const theirs = parseYaml(disk);
        const start = editor.document.getText().indexOf(OTHER_PASSAGE);
        theirs.add({
          id: 'other00001',
          tag: 'commitment',
          ...captureSelector(editor.document.getText(), start, start + OTHER_PASSAGE.length),
          author: 'Andere analist',
        });
        await writeWorkspaceFile(letter.yaml, theirs.toString());
        await eventually(() => api.stores.peek(letter.uri)?.store?.has('other00001'), 'the change on disk was not reloaded');
      } finally {
        await release();
      }
      await api.stores.idle();
      const merged = parseYaml(await readWorkspaceFile(letter.yaml));
      assert.ok(merged.has('other00001'), "the other analyst's tag was lost");
      assert.ok(merged.has(conclusionId!), 'the pending tag was lost');
      assert.ok(merged.has(measureId), 'the earlier tag was lost');
      assert.equal(merged.get(measureId)?.status, 'agreed');
      await eventually(
        () => api.decorationRanges(editor).commitment?.length === 1 && api.decorationRanges(editor).conclusion?.length === 1,
        'merged tags are not decorated',
      );
    });

    it('removes the tag at the cursor and the one given by the view', async () => {
      const at = editor.document.getText().indexOf(CONCLUSION_START) + 10;
      editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
      await api.anchors.ensure(letter.uri);
      await vscode.commands.executeCommand('kamerstuk.removeAnnotation');
      await vscode.commands.executeCommand('kamerstuk.removeAnnotation', { id: 'other00001', letter: letter.uri });
      const store = parseYaml(await readWorkspaceFile(letter.yaml));
      assert.deepEqual(
        store.annotations().map((a) => a.id),
        [measureId],
      );
      await eventually(
        () => !api.decorationRanges(editor).conclusion?.length && !api.decorationRanges(editor).commitment?.length,
        'removed tags are still decorated',
      );
    });

    it('re-attaches an orphan to the selection', async () => {
      // Replace the passage's text in the editor: the tag is orphaned, not moved elsewhere.
      const start = editor.document.getText().indexOf(COMMITMENT);
      const replacement = 'Wij werken dit jaar verder aan de leerlijn.';
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        editor.document.uri,
        new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + COMMITMENT.length)),
        replacement,
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      await eventually(async () => (await api.anchorResults(letter.uri)).find((r) => r.id === measureId)?.status === 'orphaned', 'the tag was not orphaned');
      assert.ok(!api.decorationRanges(editor).measure?.length, 'an orphan is decorated');
      const roots = await children(api);
      const letterNode = roots.find((n) => n.kind === 'letter' && n.letter.toString() === letter.uri.toString())!;
      const tagNode = (await children(api, letterNode)).find((n) => n.kind === 'tag' && n.tag === 'measure')!;
      const [orphan] = await children(api, tagNode);
      assert.equal(api.view.getTreeItem(orphan).contextValue, 'kamerstuk.orphan');

      selectText(editor, replacement);
      await vscode.commands.executeCommand('kamerstuk.reattachOrphan', orphan);
      const store = parseYaml(await readWorkspaceFile(letter.yaml));
      assert.equal(store.get(measureId)?.quote, replacement);
      const ranges = await eventually(() => api.decorationRanges(editor).measure, 'the re-attached tag is not decorated');
      assert.equal(editor.document.getText(ranges[0]), replacement);
      await editor.document.save();
    });
  });

  describe('reviewing a changed passage', () => {
    const IND_ID = 'm7d2p9r4v6';
    let letter: Awaited<ReturnType<typeof letterCopy>>;
    let editor: vscode.TextEditor;
    const target = () => ({ id: IND_ID, letter: letter.uri.toString() });

    before(async () => {
      letter = await letterWithSampleTags('kst-29754-9010');
      created.push(letter.relative, letter.yaml);
      await api.stores.get(letter.uri);
      await api.stores.edit(letter.uri, (s) => s.update(IND_ID, { status: 'agreed' }));
      editor = await openSample(letter.relative);
    });

    it('one word changed in an agreed passage: marked changed, agreement suspended, both texts in the hover, quote kept on save', async () => {
      const start = editor.document.getText().indexOf('2023 een uitgebreider open') + '2023 een '.length;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        editor.document.uri,
        new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 'uitgebreider'.length)),
        'grondiger',
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      const changed = await eventually(() => api.decorationRanges(editor)[CHANGED_PASSAGES]?.[0], 'the changed passage is not marked');
      assert.ok(editor.document.getText(changed).includes('grondiger'), editor.document.getText(changed));

      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, changed.start.translate(0, 3));
      const text = hoverText(hovers);
      assert.ok(text.includes('**uitgebreider**') && text.includes('**grondiger**'), text);
      assert.ok(text.includes(label('suspended', 'opgeschort')), text);
      assert.ok(text.includes('command:kamerstuk.acceptChangedText'), text);

      const roots = await children(api);
      const letterNode = roots.find((n) => n.kind === 'letter' && n.letter.toString() === letter.uri.toString())!;
      const tagNode = (await children(api, letterNode)).find((n) => n.kind === 'tag' && n.tag === 'measure')!;
      // The tag's row shows its gutter icon (colour and initial): a legend of the decorations.
      const icon = api.view.getTreeItem(tagNode).iconPath as vscode.Uri;
      assert.equal(icon.scheme, 'data');
      assert.match(Buffer.from(icon.path.split(',')[1], 'base64').toString('utf8'), new RegExp(`>${label('M', 'M')}</text>`));
      const passage = (await children(api, tagNode)).find((n) => n.kind === 'passage' && n.id === IND_ID)!;
      const item = api.view.getTreeItem(passage);
      assert.equal(item.contextValue, 'kamerstuk.changed');
      assert.match(String(item.description), new RegExp(label('passage changed', 'passage gewijzigd')));

      assert.ok(await editor.document.save());
      await api.stores.idle();
      const stored = parseYaml(await readWorkspaceFile(letter.yaml)).get(IND_ID)!;
      assert.ok(stored.quote.includes('uitgebreider'), 'the new words were stored without an accept');
      assert.equal(stored.status, 'agreed');
    });

    it('accepting the new text stores it, and the agreement holds again', async () => {
      await vscode.commands.executeCommand('kamerstuk.acceptChangedText', target());
      const stored = parseYaml(await readWorkspaceFile(letter.yaml)).get(IND_ID)!;
      assert.ok(stored.quote.includes('grondiger') && !stored.quote.includes('uitgebreider'), stored.quote);
      assert.equal(stored.status, 'agreed');
      await eventually(() => !api.decorationRanges(editor)[CHANGED_PASSAGES], 'the passage is still marked changed');
    });

    it('re-attaching an agreed tag by hand sets it back to proposed; a new tag starts as proposed', async () => {
      const other = 'Dit onderzoek vindt plaats voorafgaand aan een verzoek aan de AIVD';
      selectText(editor, other);
      await vscode.commands.executeCommand('kamerstuk.reattachOrphan', target());
      let store = parseYaml(await readWorkspaceFile(letter.yaml));
      assert.equal(store.get(IND_ID)?.quote, other);
      assert.equal(store.get(IND_ID)?.status, 'proposed');

      selectText(editor, 'Met deze maatregel wordt beoogd de melding aan de AIVD completer te maken.');
      const added = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { tag: 'measure' });
      store = parseYaml(await readWorkspaceFile(letter.yaml));
      assert.equal(store.get(added[0].id)?.status, 'proposed');
      await editor.document.save();
    });
  });

  describe('arranging the Annotations view', () => {
    it('groups by status, filters to commitments, says how many tags are reviewed, and shows the whole passage', async () => {
      const letter = await letterWithSampleTags('kst-29754-9012');
      created.push(letter.relative, letter.yaml);
      const sampleYaml = letter.sampleYaml;
      const sample = parseYaml(sampleYaml).annotations();
      await api.stores.get(letter.uri);
      const letterNode = async () => (await children(api)).find((n) => n.kind === 'letter' && n.letter.toString() === letter.uri.toString())!;
      try {
        const reviewed = sample.filter((a) => a.status === 'agreed' || a.status === 'disputed').length;
        const description = String(api.view.getTreeItem(await letterNode()).description);
        assert.ok(description.includes(label(`${reviewed} of ${sample.length} reviewed`, `${reviewed} van ${sample.length} beoordeeld`)), description);

        await vscode.commands.executeCommand('kamerstuk.groupAnnotations', 'status');
        const groups = await children(api, await letterNode());
        assert.deepEqual(
          groups.map((g) => (g.kind === 'group' ? g.key : g.kind)),
          ['proposed', 'agreed', 'disputed', 'none'].filter((k) => sample.some((a) => (a.status ?? 'none') === k)),
        );
        const agreed = groups.find((g) => g.kind === 'group' && g.key === 'agreed')!;
        assert.deepEqual(
          (await children(api, agreed)).map((p) => (p.kind === 'passage' ? p.id : '')).sort(),
          sample
            .filter((a) => a.status === 'agreed')
            .map((a) => a.id)
            .sort(),
        );

        await vscode.commands.executeCommand('kamerstuk.groupAnnotations', 'tag');
        await vscode.commands.executeCommand('kamerstuk.filterAnnotations', { tags: ['commitment'] });
        const tags = await children(api, await letterNode());
        assert.deepEqual(
          tags.map((t) => (t.kind === 'tag' ? t.tag : t.kind)),
          ['commitment'],
        );
        const [passage] = await children(api, tags[0]);
        const tooltip = api.view.getTreeItem(passage).tooltip as vscode.MarkdownString;
        assert.ok(passage.kind === 'passage' && tooltip.value.replace(/&nbsp;/g, ' ').includes(passage.annotation.quote), tooltip.value);
      } finally {
        await vscode.commands.executeCommand('kamerstuk.clearAnnotationFilter');
        await vscode.commands.executeCommand('kamerstuk.groupAnnotations', 'tag');
      }
    });
  });

  describe('a hand-edited annotation file', () => {
    it('reads Dutch statuses and tag labels as the keys, and fixes a typo of a tag with a quick fix', async () => {
      const letter = await letterCopy('kst-29754-9011');
      created.push(letter.relative, letter.yaml);
      const entry = (id: string, tag: string, status: string, quote: string) => {
        const at = letter.text.indexOf(quote);
        const s = captureSelector(letter.text, at, at + quote.length);
        return [
          `  - id: ${id}`,
          `    tag: ${tag}`,
          `    quote: ${JSON.stringify(s.quote)}`,
          `    prefix: ${JSON.stringify(s.prefix)}`,
          `    suffix: ${JSON.stringify(s.suffix)}`,
          `    start: ${s.start}`,
          `    end: ${s.end}`,
          `    status: ${status}`,
        ].join('\n');
      };
      const yaml = [
        'version: 1',
        'document:',
        '  path: kst-29754-9011.md',
        'annotations:',
        entry('a1b2c3d4e5', 'maatregel', 'akkoord', COMMITMENT),
        entry('b1b2c3d4e5', 'toezeging', 'voorgesteld', OTHER_PASSAGE),
        '',
      ].join('\n');
      await writeWorkspaceFile(letter.yaml, yaml);
      const editor = await openSample(letter.relative);
      const ranges = await eventually(() => api.decorationRanges(editor).measure, 'the tag written as its label is not shown');
      assert.equal(editor.document.getText(ranges[0]), COMMITMENT);
      assert.equal((await api.stores.get(letter.uri)).store?.get('a1b2c3d4e5')?.status, 'agreed');

      const yamlUri = workspaceUri(letter.yaml);
      const typo = await eventually(
        () => vscode.languages.getDiagnostics(yamlUri).find((d) => d.code === 'unknown-tag'),
        'no diagnostic for the typo of a tag',
      );
      assert.ok(!vscode.languages.getDiagnostics(yamlUri).some((d) => d.code === 'status'), 'a Dutch status is an error');
      assert.ok(typo.message.includes('commitment'), typo.message);
      const yamlEditor = await vscode.window.showTextDocument(yamlUri);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        yamlUri,
        typo.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.title.includes('commitment'));
      assert.ok(fix?.edit, `no fix among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(await yamlEditor.document.save());
      await vscode.window.showTextDocument(editor.document);
      await eventually(() => !vscode.languages.getDiagnostics(yamlUri).some((d) => d.code === 'unknown-tag'), 'the fixed typo is still reported');
      const fixed = await eventually(() => api.decorationRanges(editor).commitment, 'the fixed tag is not shown');
      assert.equal(editor.document.getText(fixed[0]), OTHER_PASSAGE);
    });
  });

  describe('a broken annotation file', () => {
    const BROKEN = 'version: 1\ndocument:\n  id: kst-29754-9002\n   path: kst-29754-9002.md\nannotations: []\n';
    let letter: Awaited<ReturnType<typeof letterCopy>>;

    before(async () => {
      letter = await letterCopy('kst-29754-9002');
      created.push(letter.relative, letter.yaml);
      await writeWorkspaceFile(letter.yaml, BROKEN);
    });

    it('gives a diagnostic with line and column, refuses tagging with a message, and leaves the bytes unchanged', async () => {
      const editor = await openSample(letter.relative);
      const file = workspaceUri(letter.yaml);
      const diagnostics = await eventually(() => (api.diagnostics(file).length ? api.diagnostics(file) : undefined), 'no diagnostic for the broken file');
      assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
      assert.ok(diagnostics[0].range.start.line >= 2, `unexpected position ${JSON.stringify(diagnostics[0].range)}`);
      assert.ok(
        vscode.languages.getDiagnostics(file).some((d) => d.source === 'kamerstuk'),
        'not in the Problems panel',
      );

      selectText(editor, COMMITMENT);
      const added = await vscode.commands.executeCommand('kamerstuk.tagSelection', { tag: 'measure' });
      assert.equal(added, undefined);
      const last = api.messages().at(-1) ?? '';
      assert.ok(last.includes('kst-29754-9002.annotations.yaml') && /error|fout/i.test(last), last);
      await api.stores.idle();
      assert.equal(await readWorkspaceFile(letter.yaml), BROKEN, 'the broken file was changed');
    });

    it('once the file is fixed on disk, the problems go and tagging works again', async () => {
      const fixed = '# fixed by hand\nversion: 1\ndocument:\n  id: kst-29754-9002\n  path: kst-29754-9002.md\nannotations: []\n';
      await writeWorkspaceFile(letter.yaml, fixed);
      const file = workspaceUri(letter.yaml);
      await eventually(() => api.diagnostics(file).length === 0 && !api.stores.peek(letter.uri)?.problems, 'the problems did not go');
      const editor = await openSample(letter.relative);
      selectText(editor, COMMITMENT);
      const added = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { index: 1 });
      assert.equal(added?.length, 1, api.messages().join(' | '));
      const text = (await readWorkspaceFile(letter.yaml))!;
      assert.ok(text.startsWith('# fixed by hand\n'), 'the hand-written comment was lost');
      assert.equal(parseYaml(text).annotations()[0].tag, 'commitment');
    });
  });

  describe('an annotation file that is not UTF-8', () => {
    // Latin-1 from an old tool: "coördinator" is the byte 0xF6 there.
    const LATIN1 = Uint8Array.from(
      [
        ...'version: 1\ndocument:\n  id: kst-29754-9006\n  path: kst-29754-9006.md\nannotations:\n  - id: l1a2t3i4n5\n    tag: measure\n    quote: "Hiermee versterken we de veiligheid in Nederland."\n    prefix: ""\n    suffix: ""\n    start: 0\n    end: 49\n    note: "Met de coördinator besproken."\n',
      ].map((c) => c.charCodeAt(0)),
    );
    let letter: Awaited<ReturnType<typeof letterCopy>>;

    before(async () => {
      letter = await letterCopy('kst-29754-9006');
      created.push(letter.relative, letter.yaml);
      await vscode.workspace.fs.writeFile(workspaceUri(letter.yaml), LATIN1);
    });

    it('is an error at its first bad byte; tagging is refused and the bytes are never rewritten', async () => {
      const editor = await openSample(letter.relative);
      const file = workspaceUri(letter.yaml);
      const diagnostics = await eventually(() => (api.diagnostics(file).length ? api.diagnostics(file) : undefined), 'no diagnostic for the Latin-1 file');
      assert.equal(diagnostics[0].code, 'encoding');
      assert.equal(diagnostics[0].range.start.line, 12);
      selectText(editor, COMMITMENT);
      assert.equal(await vscode.commands.executeCommand('kamerstuk.tagSelection', { tag: 'measure' }), undefined);
      await api.stores.idle();
      assert.deepEqual([...(await vscode.workspace.fs.readFile(file))], [...LATIN1], 'the Latin-1 file was rewritten');
    });
  });

  describe('an annotation file with unsaved hand edits', () => {
    let letter: Awaited<ReturnType<typeof letterCopy>>;
    let yamlUri: vscode.Uri;

    before(async () => {
      letter = await letterCopy('kst-29754-9004');
      created.push(letter.relative, letter.yaml);
      yamlUri = workspaceUri(letter.yaml);
      const editor = await openSample(letter.relative);
      selectText(editor, COMMITMENT);
      const added = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { tag: 'measure' });
      assert.equal(added?.length, 1, api.messages().join(' | '));
    });

    after(async () => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === yamlUri.toString());
      if (doc?.isDirty) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    it('refuses to change the tags while the file has unsaved edits, leaves its bytes alone, and works again after a revert', async () => {
      const onDisk = (await readWorkspaceFile(letter.yaml))!;
      const measureId = parseYaml(onDisk).annotations()[0].id;
      const yamlDoc = await vscode.workspace.openTextDocument(yamlUri);
      await vscode.window.showTextDocument(yamlDoc);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(yamlUri, new vscode.Position(0, 0), '# hand edit, not saved yet\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(yamlDoc.isDirty, 'the annotation file is not dirty');

      const editor = await openSample(letter.relative);
      selectText(editor, OTHER_PASSAGE);
      const added = await vscode.commands.executeCommand('kamerstuk.tagSelection', { tag: 'conclusion' });
      assert.equal(added, undefined, 'tagged while the annotation file had unsaved edits');
      const last = api.messages().at(-1) ?? '';
      assert.ok(last.includes('kst-29754-9004.annotations.yaml') && /save or revert|sla uw wijzigingen/i.test(last), last);

      await vscode.commands.executeCommand('kamerstuk.setStatus', { id: measureId, letter: letter.uri.toString(), status: 'agreed' });
      assert.match(api.messages().at(-1) ?? '', /save or revert|sla uw wijzigingen/i);
      await api.stores.idle();
      assert.equal(await readWorkspaceFile(letter.yaml), onDisk, 'the annotation file was changed under the unsaved edits');
      assert.ok(yamlDoc.isDirty, 'the unsaved edits are gone');

      await vscode.window.showTextDocument(yamlDoc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.ok(!yamlDoc.isDirty, 'the annotation file was not reverted');
      await openSample(letter.relative);
      selectText(vscode.window.activeTextEditor!, OTHER_PASSAGE);
      const again = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { tag: 'conclusion' });
      assert.equal(again?.length, 1, api.messages().join(' | '));
      const store = parseYaml(await readWorkspaceFile(letter.yaml));
      assert.ok(store.has(measureId) && store.has(again[0].id), 'a tag is missing after the revert');
    });

    it('tags the selection as it is after the letter changed while the tag was being picked', async () => {
      const editor = await openSample(letter.relative);
      const heading = editor.document.getText().indexOf('De asielprocedure heeft tot doel');
      selectText(editor, CONCLUSION_START);
      const pending = vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection');
      await new Promise((r) => setTimeout(r, 800)); // the tag quick pick opens
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, editor.document.positionAt(heading), 'Een alinea ingevoegd terwijl het label werd gekozen.\n\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      // Accept until the command returns: on a slow machine the quick pick may open later than 800 ms.
      let added: { id: string }[] | undefined;
      for (const until = Date.now() + 10_000; !added && Date.now() < until;) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        added = await Promise.race([pending, new Promise<undefined>((r) => setTimeout(() => r(undefined), 300))]);
      }
      if (!added) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(added?.length, 1, `not tagged: ${api.messages().join(' | ')}`);
      const expected = editor.document.getText().indexOf(CONCLUSION_START);
      const stored = parseYaml(await readWorkspaceFile(letter.yaml)).get(added[0].id)!;
      assert.equal(stored.start, expected, 'the tag was stored at the offsets from before the edit');
      assert.ok(stored.quote.startsWith(CONCLUSION_START), stored.quote);
      await editor.document.save();
    });
  });

  describe('a symlinked or read-only annotation file', () => {
    it('writes through a symbolic link (the shared target changes, the link stays) and refuses a read-only file', async function () {
      if (process.platform === 'win32') this.skip();
      const fs = await import('node:fs');
      const letter = await letterCopy('kst-29754-9007');
      const shared = `letters/shared-9007.annotations.yaml`;
      created.push(letter.relative, letter.yaml, shared);
      const empty = AnnotationStore.create({ id: 'kst-29754-9007', path: 'kst-29754-9007.md' }).toString();
      await writeWorkspaceFile(shared, empty);
      fs.symlinkSync('shared-9007.annotations.yaml', workspaceUri(letter.yaml).fsPath);
      const editor = await openSample(letter.relative);
      selectText(editor, COMMITMENT);
      const added = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { tag: 'measure' });
      assert.equal(added?.length, 1, api.messages().join(' | '));
      await api.stores.idle();
      assert.ok(fs.lstatSync(workspaceUri(letter.yaml).fsPath).isSymbolicLink(), 'the link was replaced by a copy');
      assert.ok(parseYaml(await readWorkspaceFile(shared)).has(added[0].id), 'the shared target was not written');

      const target = workspaceUri(shared).fsPath;
      fs.chmodSync(target, 0o444);
      try {
        const before = fs.readFileSync(target, 'utf8');
        selectText(editor, OTHER_PASSAGE);
        await vscode.commands.executeCommand('kamerstuk.tagSelection', { tag: 'conclusion' });
        await api.stores.idle();
        assert.equal(fs.readFileSync(target, 'utf8'), before, 'a read-only file was replaced');
        assert.ok(
          api.messages().some((m) => /read-only|alleen-lezen/.test(m)),
          api.messages().join(' | '),
        );
      } finally {
        fs.chmodSync(target, 0o644);
      }
    });
  });

  describe('a letter with CRLF line endings', () => {
    it('stores offsets of the LF text (as in an LF checkout) and decorates the right passage', async () => {
      const lf = await letterCopy('kst-29754-9008');
      created.push(lf.relative, lf.yaml);
      await writeWorkspaceFile(lf.relative, lf.text.replace(/\n/g, '\r\n'));
      const editor = await openSample(lf.relative);
      assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
      selectText(editor, OTHER_PASSAGE);
      const added = await vscode.commands.executeCommand<{ id: string; start: number; end: number }[]>('kamerstuk.tagSelection', { tag: 'conclusion' });
      assert.equal(added?.length, 1, api.messages().join(' | '));
      const start = lf.text.indexOf(OTHER_PASSAGE);
      assert.deepEqual([added[0].start, added[0].end], [start, start + OTHER_PASSAGE.length], 'offsets are not those of the LF text');
      const ranges = await eventually(() => api.decorationRanges(editor).conclusion, 'the tag is not decorated');
      assert.equal(editor.document.getText(ranges[0]), OTHER_PASSAGE);
      assert.equal((await api.anchorResults(lf.uri)).find((r) => r.id === added[0].id)?.status, 'exact');
    });
  });

  describe('an annotation file that cannot be written', () => {
    it('keeps the tags, says so once, and writes them when the file can be written again', async () => {
      const letter = await letterCopy('kst-29754-9005');
      created.push(letter.relative, letter.yaml);
      const blocker = workspaceUri(letter.yaml);
      // A directory where the annotation file should be: every write fails.
      await vscode.workspace.fs.createDirectory(blocker);
      try {
        const editor = await openSample(letter.relative);
        const shown = () => api.messages().filter((m) => m.includes('kst-29754-9005.annotations.yaml') && /not saved yet|nog niet opgeslagen/.test(m)).length;
        const before = shown();
        selectText(editor, COMMITMENT);
        const first = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { tag: 'measure' });
        assert.equal(first?.length, 1, api.messages().join(' | '));
        assert.equal(shown(), before + 1, `no message that the tags are not saved: ${api.messages().join(' | ')}`);
        assert.ok(api.stores.peek(letter.uri)?.dirty, 'the change is not pending');
        selectText(editor, OTHER_PASSAGE);
        const second = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { tag: 'commitment' });
        assert.equal(second?.length, 1, api.messages().join(' | '));
        assert.equal(shown(), before + 1, 'the failure was reported again');

        await vscode.workspace.fs.delete(blocker, { recursive: true });
        await vscode.commands.executeCommand('kamerstuk.refreshAnnotations');
        await api.stores.idle();
        const store = await eventually(async () => {
          const text = await readWorkspaceFile(letter.yaml);
          return text ? parseYaml(text) : undefined;
        }, 'the pending tags were not written');
        assert.ok(store.has(first[0].id) && store.has(second[0].id), JSON.stringify(store.annotations().map((a) => a.id)));
        assert.ok(!api.stores.peek(letter.uri)?.dirty, 'still pending after the write');
      } finally {
        await vscode.workspace.fs.delete(blocker, { recursive: true }).then(undefined, () => undefined);
      }
    });
  });

  describe('the sample workspace', () => {
    it("decorates the sample letter's tags when it is opened", async () => {
      const editor = await openSample(SAMPLE);
      const ranges = await eventually(
        () => (api.decorationRanges(editor).measure?.length === 3 ? api.decorationRanges(editor) : undefined),
        'sample tags not decorated',
      );
      assert.equal(ranges.commitment?.length, 2);
      assert.equal(ranges.conclusion?.length, 1);
      assert.equal(editor.document.getText(ranges.measure.find((r) => editor.document.getText(r).startsWith('Het Ministerie'))!), HEADING_3);
      const counts = await api.tagCounts(editor.document.uri);
      assert.deepEqual(counts, { [label('measure', 'maatregel')]: 3, [label('commitment', 'toezegging')]: 2, [label('conclusion', 'conclusie')]: 1 });
    });

    it('refuses to tag a note that is not a letter, and says why', async () => {
      const editor = await openSample('notes/brief-terrorismebestrijding.md');
      selectText(editor, 'De commissie JenV kan de brief agenderen');
      const added = await vscode.commands.executeCommand('kamerstuk.tagSelection', { index: 0 });
      assert.equal(added, undefined);
      assert.match(api.messages().at(-1) ?? '', /brief-terrorismebestrijding\.md/);
      assert.equal(await readWorkspaceFile('notes/brief-terrorismebestrijding.annotations.yaml'), undefined);
    });

    it('re-anchors a letter replaced on disk and reports moved and orphaned tags', async () => {
      const letter = await letterWithSampleTags('kst-29754-9003');
      created.push(letter.relative, letter.yaml);
      const sampleYaml = letter.sampleYaml;
      await api.stores.get(letter.uri);
      const conclusion = letter.text.slice(letter.text.indexOf(CONCLUSION_START), letter.text.indexOf('Daarbij hecht het kabinet'));
      const revised = letter.text
        .replace('De asielprocedure heeft tot doel', 'Deze brief is herzien.\n\nDe asielprocedure heeft tot doel')
        .replace(conclusion, '');
      await writeWorkspaceFile(letter.relative, revised);
      const report = await eventually(() => api.revisions.report(letter.uri), 'no report for the replaced letter');
      assert.ok(report.orphaned.includes('k2e7y5u1z9'), JSON.stringify(report));
      assert.ok(report.moved.length >= 4, JSON.stringify(report));
      await api.stores.idle();
      const store = parseYaml(await readWorkspaceFile(letter.yaml));
      // The heading's quote and context still find it: its stored position is a hint, left as it was.
      const heading = store.get('m4q8g3l6c0')!;
      assert.equal(heading.quote, HEADING_3);
      assert.deepEqual(heading, parseYaml(sampleYaml).get('m4q8g3l6c0'), 'a selector that still holds was rewritten');
      assert.equal(store.get('k2e7y5u1z9')?.start, 8988, 'an orphan was moved');
    });
  });
});
