// Suggest tags in a real VS Code: on a copy of the sample letter with one tag of the analyst, the command adds
// proposals (status proposed, author suggestion) that leave the existing tag alone, shows them in their own style
// and with their own view item, and accepting one makes it agreed with the analyst as author; a rejected one is
// remembered in the file and not proposed again.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { type Annotation, AnnotationStore, captureSelector } from '../../src/core/annotations';
import { SUGGESTED_PASSAGES } from '../../src/vscode/annotations/editor/decorations';
import { normalQuote, readRejected, REJECTED_KEY } from '../../src/core/suggestions';
import type { AnnotationNode } from '../../src/vscode/annotations/tree/annotations-tree';
import type { AnnotationsTestApi } from '../../src/vscode/testing/test-api';
import { eventually, extensionApi, hoverText, openSample, readWorkspaceFile, workspaceUri, writeWorkspaceFile } from './helpers';

const NAME = 'kst-29754-9016';
const LETTER = `letters/${NAME}.md`;
const YAML = `letters/${NAME}.annotations.yaml`;
const EXISTING = 'De komende periode wordt gewerkt aan een nadere uitwerking hiervan.';

function parse(text: string | undefined): AnnotationStore {
  assert.ok(text, 'no annotation file on disk');
  const r = AnnotationStore.parse(text);
  assert.ok(r.ok, 'the annotation file does not parse');
  return r.store;
}

describe('suggest tags in a real VS Code', () => {
  let api: AnnotationsTestApi;
  let uri: vscode.Uri;
  let existing: Annotation;
  let suggested: Annotation[] = [];
  const author = vscode.workspace.getConfiguration('kamerstuk');
  let previousAuthor: string | undefined;

  before(async () => {
    api = (await extensionApi()).annotations;
    previousAuthor = author.inspect<string>('author')?.globalValue;
    await author.update('author', 'Analist Suggesties', vscode.ConfigurationTarget.Global);
    const text = (await readWorkspaceFile('letters/kst-29754-716.md'))!.replace('kamerstuk: kst-29754-716', `kamerstuk: ${NAME}`);
    uri = await writeWorkspaceFile(LETTER, text);
    const store = AnnotationStore.create({ id: NAME, path: `${NAME}.md` });
    const start = text.indexOf(EXISTING);
    existing = store.add({ tag: 'measure', ...captureSelector(text, start, start + EXISTING.length), author: 'Analist JenV', status: 'agreed' });
    await writeWorkspaceFile(YAML, store.toString());
    await openSample(LETTER);
  });

  after(async () => {
    await author.update('author', previousAuthor, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of [LETTER, YAML]) await vscode.workspace.fs.delete(workspaceUri(f)).then(undefined, () => undefined);
  });

  it('adds suggestions as proposed tags by "suggestion" and leaves the existing tag untouched', async () => {
    const before = await readWorkspaceFile(YAML);
    suggested = (await vscode.commands.executeCommand<Annotation[]>('kamerstuk.suggestTags')) ?? [];
    assert.ok(suggested.length >= 3, `too few suggestions: ${suggested.length}; messages: ${api.messages().join(' | ')}`);
    const store = parse(
      await eventually(async () => ((await readWorkspaceFile(YAML)) !== before ? readWorkspaceFile(YAML) : undefined), 'the file was not written'),
    );
    const all = store.annotations();
    assert.equal(all.length, suggested.length + 1);
    for (const a of all.filter((x) => x.id !== existing.id)) {
      assert.equal(a.status, 'proposed', a.quote);
      assert.equal(a.author, 'suggestion', a.quote);
      assert.ok(['commitment', 'measure', 'conclusion'].includes(a.tag), a.tag);
      assert.ok(a.end <= existing.start || a.start >= existing.end, `a suggestion overlaps the existing tag: ${a.quote}`);
      assert.ok(a.note, 'a suggestion says why');
    }
    assert.deepEqual(store.get(existing.id), existing, 'the existing tag changed');
    assert.ok(
      api.messages().some((m) => m.includes(String(suggested.length))),
      `no count message: ${api.messages().join(' | ')}`,
    );
    assert.ok(all.some((a) => a.tag === 'conclusion' && a.quote.startsWith('Alle partners concludeerden')));
  });

  it('marks suggestions in their own style and gives them their own view item', async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())!;
    const ranges = await eventually(
      () => (api.decorationRanges(editor)[SUGGESTED_PASSAGES]?.length === suggested.length ? true : undefined),
      'suggestions not decorated',
    );
    assert.ok(ranges);
    const letters = await eventually(
      async () => ((await api.view.getChildren()) ?? []).find((n) => n.kind === 'letter' && n.letter.toString() === uri.toString()),
      'letter not in view',
    );
    const passages: AnnotationNode[] = [];
    for (const tag of (await api.view.getChildren(letters)) ?? []) passages.push(...((await api.view.getChildren(tag)) ?? []));
    const contexts = new Map(passages.filter((p) => p.kind === 'passage').map((p) => [(p as { id: string }).id, api.view.getTreeItem(p).contextValue]));
    assert.equal(contexts.get(existing.id), 'kamerstuk.annotation');
    for (const s of suggested) assert.equal(contexts.get(s.id), 'kamerstuk.suggestion', s.quote);
  });

  it('the hover of a suggestion offers Accept and Reject (a reviewed tag has none); accepting at the cursor works as from the palette', async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())!;
    const third = suggested[2];
    const hoverAt = async (offset: number) =>
      hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(offset)));
    const text = await eventually(async () => {
      const t = await hoverAt(third.start + 2);
      return t.includes('command:kamerstuk.acceptSuggestion') ? t : undefined;
    }, 'the hover of a suggestion has no Accept link');
    assert.match(text, /command:kamerstuk\.rejectSuggestion/);
    const reviewed = await eventually(async () => (await hoverAt(existing.start + 2)) || undefined, 'the existing tag has no hover');
    assert.doesNotMatch(reviewed, /command:kamerstuk\.(accept|reject)Suggestion/);
    // No argument: the suggestion under the cursor (the palette and the editor's menu run it so).
    const at = editor.document.positionAt(third.start + 2);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('kamerstuk.acceptSuggestion');
    await eventually(
      async () => parse(await readWorkspaceFile(YAML)).get(third.id)?.status === 'agreed' || undefined,
      'the suggestion at the cursor was not accepted',
    );
    assert.ok(
      api.messages().some((m) => m.includes(third.quote.slice(0, 20))),
      `the acceptance (with Undo) is not told: ${api.messages().join(' | ')}`,
    );
  });

  it('accepting one makes it agreed with the analyst as author; rejecting one removes it', async () => {
    const [first, second] = suggested;
    await vscode.commands.executeCommand('kamerstuk.acceptSuggestion', { id: first.id, letter: uri.toString() });
    const accepted = await eventually(async () => {
      const a = parse(await readWorkspaceFile(YAML)).get(first.id);
      return a?.status === 'agreed' ? a : undefined;
    }, 'the suggestion was not accepted');
    assert.equal(accepted.author, 'Analist Suggesties');
    assert.equal(accepted.quote, first.quote);
    await vscode.commands.executeCommand('kamerstuk.rejectSuggestion', { id: second.id, letter: uri.toString() });
    await eventually(async () => (parse(await readWorkspaceFile(YAML)).has(second.id) ? undefined : true), 'the suggestion was not removed');
    const store = parse(await readWorkspaceFile(YAML));
    assert.deepEqual(store.get(existing.id), existing, 'the existing tag changed');
    // The rejection is remembered in the file, for everyone sharing it.
    assert.deepEqual(readRejected(store.topLevelExtras()[REJECTED_KEY]), [{ tag: second.tag, quote: normalQuote(second.quote) }]);
    // Suggesting again proposes nothing on passages that are tagged now, nor the rejected suggestion.
    const again = (await vscode.commands.executeCommand<Annotation[]>('kamerstuk.suggestTags')) ?? [];
    for (const a of again) assert.ok(!store.annotations().some((b) => a.start < b.end && b.start < a.end), `overlaps a tag: ${a.quote}`);
    assert.ok(!again.some((a) => a.tag === second.tag && a.quote === second.quote), `the rejected suggestion came back: ${second.quote}`);
    const after = parse(await readWorkspaceFile(YAML));
    assert.ok(!after.annotations().some((a) => a.tag === second.tag && a.quote === second.quote), 'the rejected suggestion is in the file again');
  });
});
