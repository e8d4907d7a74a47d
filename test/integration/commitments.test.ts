import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { AnnotationStore } from '../../src/core/annotations';
import { commitmentDue, commitmentLetter } from '../../src/core/commitments';
import type { CommitmentNode } from '../../src/vscode/commitments/commitments-tree';
import { documentItems } from '../../src/vscode/commitments/fulfilment-suggestions';
import type { TestApi } from '../../src/vscode/testing/test-api';
import { eventually, extensionApi, hoverText, openSample, positionOf, readWorkspaceFile, selectText, workspaceUri, writeWorkspaceFile } from './helpers';

const PROMISE_LETTER = 'kst-29754-9601';
const ANSWER_LETTER = 'kst-29754-9602';
const UNRELATED_LETTER = 'kst-29754-9603';
const SUGGESTED = 'Ik informeer uw Kamer voor 1 oktober 2025 over de volgende stap van het programma.';
const BROKEN_LETTER = 'kst-29754-9604';
const COMMITMENT = 'Ik zal uw Kamer voor de zomer van 2025 informeren over de uitkomsten van de evaluatie van de screening.';

/** A letter of 10 March 2025 with one promise ("voor de zomer van 2025"). */
const promiseLetter = `---
kamerstuk: ${PROMISE_LETTER}
datum: 2025-03-10
dossier: 29754
titel: Evaluatie van de screening van asielzoekers
---

Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2024-2025

29 754 Terrorismebestrijding

# Nr. 9601 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID

Den Haag, 10 maart 2025

De screening van asielzoekers wordt dit jaar geëvalueerd. ${COMMITMENT} Daarbij betrek ik de ervaringen van de ketenpartners.
`;

/** A later letter that cites the promise's letter and says it fulfils it. */
const answerLetter = `---
kamerstuk: ${ANSWER_LETTER}
datum: 2025-06-12
dossier: 29754
titel: Uitkomsten van de evaluatie van de screening
---

# Nr. 9602 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID

Den Haag, 12 juni 2025

Met deze brief kom ik mijn toezegging na uit mijn brief van 10 maart 2025 (Kamerstuk 29 754, nr. 9601) om uw Kamer te informeren over de uitkomsten van de evaluatie van de screening van asielzoekers.
`;

/** A letter on another subject that does not cite the promise. */
const unrelatedLetter = `---
kamerstuk: ${UNRELATED_LETTER}
datum: 2025-05-01
dossier: 29754
titel: Voortgang van een ander programma
---

# Nr. 9603 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID

Hierbij informeer ik u over de voortgang van het programma voor cybersecurity bij gemeenten. ${SUGGESTED}
`;

function label(en: string, nl: string): string {
  return vscode.env.language.toLowerCase().startsWith('nl') ? nl : en;
}

function parseYaml(text: string | undefined): AnnotationStore {
  assert.ok(text, 'no annotation file on disk');
  const r = AnnotationStore.parse(text);
  assert.ok(r.ok, `annotation file does not parse: ${JSON.stringify(!r.ok && r.diagnostics)}`);
  return r.store;
}

describe('commitments in a real VS Code', () => {
  let api: TestApi;
  let area: NonNullable<TestApi['commitments']>;
  let editor: vscode.TextEditor;
  let id: string;
  const created = [
    `letters/${PROMISE_LETTER}.md`,
    `letters/${PROMISE_LETTER}.annotations.yaml`,
    `letters/${ANSWER_LETTER}.md`,
    `letters/${UNRELATED_LETTER}.md`,
    `letters/${UNRELATED_LETTER}.annotations.yaml`,
    `letters/${BROKEN_LETTER}.md`,
    `letters/${BROKEN_LETTER}.annotations.yaml`,
    'commitments-export.json',
    'commitments-export.ics',
  ];
  const config = () => vscode.workspace.getConfiguration('kamerstuk.commitments');

  /** The commitment of the promise letter in the tree, with its group. */
  async function inTree(): Promise<{ group: CommitmentNode & { kind: 'group' }; node: CommitmentNode & { kind: 'commitment' } } | undefined> {
    for (const group of await area.tree.getChildren()) {
      if (group.kind !== 'group') continue;
      const node = (await area.tree.getChildren(group)).find((n) => n.kind === 'commitment' && n.id === id);
      if (node?.kind === 'commitment') return { group, node };
    }
    return undefined;
  }

  before(async () => {
    api = await extensionApi();
    assert.ok(api.commitments, 'the test API has no commitments area');
    area = api.commitments;
    await writeWorkspaceFile(`letters/${ANSWER_LETTER}.md`, answerLetter);
    await writeWorkspaceFile(`letters/${UNRELATED_LETTER}.md`, unrelatedLetter);
    await writeWorkspaceFile(`letters/${PROMISE_LETTER}.md`, promiseLetter);
    // Measured as of the promise's own date, so nothing is overdue yet whatever the clock says.
    await config().update('referenceDate', '2025-03-10', vscode.ConfigurationTarget.Global);
    editor = await openSample(`letters/${PROMISE_LETTER}.md`);
  });

  after(async () => {
    await config().update('referenceDate', undefined, vscode.ConfigurationTarget.Global);
    await config().update('groupBy', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of created) await vscode.workspace.fs.delete(workspaceUri(f)).then(undefined, () => undefined);
  });

  it('tagging a commitment stores the due date read from its passage, and the hover shows it', async () => {
    selectText(editor, COMMITMENT);
    const added = await vscode.commands.executeCommand<{ id: string }[]>('kamerstuk.tagSelection', { tag: 'commitment' });
    assert.equal(added?.length, 1, `no annotation added; messages: ${api.annotations.messages().join(' | ')}`);
    id = added[0].id;

    const expected = commitmentDue(
      parseYaml(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`)).get(id)!,
      commitmentLetter('x.md', promiseLetter, []),
    );
    assert.equal(expected.dueSource, 'parsed');
    assert.ok(expected.due?.to, 'core reads no deadline from the passage');
    // "voor de zomer van 2025" in a letter of March 2025: ends in 2025, after the letter.
    assert.ok(expected.due.to > '2025-03-10' && expected.due.to < '2026-01-01', expected.due.to);

    const stored = await eventually(
      async () => parseYaml(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`)).get(id)?.due,
      'the due date was not stored',
    );
    assert.deepEqual(stored, expected.due);

    const hover = await eventually(async () => {
      const text = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, COMMITMENT, 10)),
      );
      return text.includes(label('Due:', 'Termijn:')) ? text : undefined;
    }, 'the hover shows no due date');
    assert.ok(hover.includes(stored.text), hover);
    const toYear = stored.to!.slice(0, 4);
    assert.ok(hover.includes(toYear), `the hover names no date of ${toYear}: ${hover}`);
    assert.match(hover, /command:kamerstuk\.editCommitmentDue/);
    assert.match(hover, /command:kamerstuk\.markCommitmentFulfilled/);
  });

  it('the Commitments view lists it under the month it is due, overdue against the reference date; the status bar counts it', async () => {
    const due = parseYaml(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`)).get(id)!.due!;
    const found = await eventually(inTree, 'the commitment is not in the Commitments view');
    assert.equal(found.group.by, 'month');
    assert.equal(found.group.key, due.to!.slice(0, 7));
    assert.equal(found.node.letter.toString(), editor.document.uri.toString());
    const item = area.tree.getTreeItem(found.node);
    assert.equal(item.contextValue, 'commitment.open');
    assert.ok(!String(item.description).includes(label('overdue', 'over tijd')), String(item.description));
    // Choosing the item opens the passage.
    const [uri, options] = item.command!.arguments as [vscode.Uri, { selection: vscode.Range }];
    assert.equal(uri.toString(), editor.document.uri.toString());
    assert.equal(editor.document.getText(options.selection), COMMITMENT);

    const oneCommitment = label('1 commitment', '1 toezegging');
    await eventually(
      () => area.statusBar.text?.includes(oneCommitment) && !area.statusBar.text.includes(label('overdue', 'over tijd')),
      'the status bar does not count the commitment',
    );

    // A day after the deadline: overdue in the item, the group, the view's badge and the status bar.
    const after = new Date(Date.parse(`${due.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await config().update('referenceDate', after, vscode.ConfigurationTarget.Global);
    const overdueItem = await eventually(async () => {
      const f = await inTree();
      const i = f && area.tree.getTreeItem(f.node);
      return i && String(i.description).includes(label('overdue', 'over tijd')) ? { f, i } : undefined;
    }, 'the commitment is not marked overdue after its deadline');
    assert.ok((overdueItem.i.iconPath as vscode.ThemeIcon).id === 'warning');
    // A screen reader hears the state, overdue, the letter and the passage once each.
    const spoken = overdueItem.i.accessibilityInformation!.label;
    assert.equal(spoken.split(label('overdue', 'over tijd')).length, 2, spoken);
    assert.equal(spoken.split(PROMISE_LETTER).length, 2, spoken);
    assert.ok(spoken.includes(COMMITMENT.slice(0, 60)), spoken);
    await eventually(() => (area.view.badge?.value ?? 0) >= 1, 'the view has no overdue badge');
    await eventually(
      () => area.statusBar.text?.includes(label('1 commitment, 1 overdue', '1 toezegging, 1 over tijd')),
      'the status bar does not say it is overdue',
    );

    // The day of the deadline itself is not overdue.
    await config().update('referenceDate', due.to, vscode.ConfigurationTarget.Global);
    await eventually(async () => {
      const f = await inTree();
      return f && !String(area.tree.getTreeItem(f.node).description).includes(label('overdue', 'over tijd'));
    }, 'the commitment is overdue on the day of its deadline');
    // A reference date that is no date is ignored, and the view says so.
    await config().update('referenceDate', 'gisteren', vscode.ConfigurationTarget.Global);
    await eventually(() => area.view.message?.includes('gisteren'), 'the view does not say the reference date is ignored');
    await config().update('referenceDate', after, vscode.ConfigurationTarget.Global);
    await eventually(() => area.view.message === undefined, 'the message about the reference date stays');
    // The status bar hint shows the view.
    assert.ok((await vscode.commands.getCommands(true)).includes('kamerstuk.commitments.focus'), 'the view has no focus command');
  });

  it('Group by switches the view to states and back, remembered in the setting', async () => {
    await vscode.commands.executeCommand('kamerstuk.groupCommitments', 'status');
    assert.equal(config().get('groupBy'), 'status');
    const found = await eventually(async () => {
      const f = await inTree();
      return f?.group.by === 'status' ? f : undefined;
    }, 'the view is not grouped by state');
    assert.equal(found.group.key, 'open');
    await eventually(() => area.view.description?.includes(label('by state', 'op stand')), `the description names no grouping: ${area.view.description}`);
    await vscode.commands.executeCommand('kamerstuk.groupCommitments', 'month');
    assert.equal((await eventually(inTree, 'the commitment left the view')).group.by, 'month');
  });

  it('the fulfilment pick offers the other letters, ticks only the suggested one, and keeps a linked document from outside ticked', async () => {
    const register = await area.model.current();
    const c = register.commitments.find((x) => x.annotation.id === id);
    assert.ok(c, 'the commitment is not in the register');
    const letters = (await area.model.letters.all(register.letters)).map((l) => l.letter);
    const items = documentItems(c, letters).filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    const byId = new Map(items.filter((i) => i.id).map((i) => [i.id!, i]));
    assert.equal(byId.get(ANSWER_LETTER)?.picked, true, 'the citing letter is not ticked');
    assert.equal(byId.get(ANSWER_LETTER)?.suggested, true);
    assert.equal(byId.get(UNRELATED_LETTER)?.picked, false, 'a letter that neither cites nor answers it is ticked');
    assert.ok(!byId.has(PROMISE_LETTER), "the commitment's own letter is offered");
    assert.ok(
      items.some((i) => !i.id),
      'no way to name a document outside the workspace',
    );
    // Once linked, exactly the linked documents are ticked, also one that is not in the workspace.
    const linked = documentItems({ ...c, annotation: { ...c.annotation, fulfilledBy: ['kst-29754-1'] } }, letters).filter((i) => i.picked);
    assert.deepEqual(
      linked.map((i) => i.id),
      ['kst-29754-1'],
    );
  });

  it('Mark fulfilled suggests the later letter that cites it (ticked), and writes fulfilment and fulfilledBy once confirmed', async () => {
    const running = vscode.commands.executeCommand<{ fulfilledBy?: string[] } | undefined>('kamerstuk.markCommitmentFulfilled', {
      id,
      letter: editor.document.uri.toString(),
    });
    let done = false;
    void running.then(
      () => (done = true),
      () => (done = true),
    );
    // Confirm the quick pick as it is offered (the suggestions ticked), then the proposed date.
    await eventually(async () => {
      if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return done;
    }, 'the quick pick and the date input were not confirmed');
    const result = await running;
    assert.deepEqual(result?.fulfilledBy, [ANSWER_LETTER], `suggested: ${JSON.stringify(result)}; messages: ${api.annotations.messages().join(' | ')}`);

    const a = parseYaml(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`)).get(id)!;
    assert.equal(a.fulfilment, 'fulfilled');
    assert.deepEqual(a.fulfilledBy, [ANSWER_LETTER]);
    // The proposed date is the fulfilling letter's.
    assert.equal(a.fulfilled, '2025-06-12');
    assert.ok(a.due, 'marking it fulfilled lost the due date');

    const found = await eventually(async () => {
      const f = await inTree();
      return f && area.tree.getTreeItem(f.node).contextValue === 'commitment.fulfilled' ? f : undefined;
    }, 'the view does not show the commitment fulfilled');
    assert.ok(!String(area.tree.getTreeItem(found.node).description).includes(label('overdue', 'over tijd')), 'a fulfilled commitment is still overdue');
    await eventually(
      () => area.statusBar.text?.includes(label('1 commitment', '1 toezegging')) && !area.statusBar.text.includes(label('overdue', 'over tijd')),
      'the status bar still counts it overdue',
    );
    const hover = await eventually(async () => {
      const text = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, COMMITMENT, 10)),
      );
      // Markdown escapes the id's hyphens.
      return text.replace(/\\/g, '').includes(ANSWER_LETTER) ? text : undefined;
    }, 'the hover does not say what fulfilled it');
    assert.match(hover, /command:kamerstuk\.reopenCommitment/);
  });

  it('Edit due date refuses a date that does not exist and removes nothing; Reopen clears the fulfilment', async () => {
    const before = await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`);
    const refused = await vscode.commands.executeCommand('kamerstuk.editCommitmentDue', { id, letter: editor.document.uri.toString(), due: '2025-02-30' });
    assert.equal(refused, undefined);
    assert.equal(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`), before);

    await vscode.commands.executeCommand('kamerstuk.editCommitmentDue', { id, letter: editor.document.uri.toString(), due: '2025-04-01 – 2025-09-30' });
    const edited = parseYaml(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`)).get(id)!;
    assert.equal(edited.due?.from, '2025-04-01');
    assert.equal(edited.due?.to, '2025-09-30');

    await vscode.commands.executeCommand('kamerstuk.reopenCommitment', { id, letter: editor.document.uri.toString() });
    const reopened = parseYaml(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`)).get(id)!;
    assert.equal(reopened.fulfilment, undefined);
    assert.equal(reopened.fulfilledBy, undefined);
    assert.equal(reopened.fulfilled, undefined);
    assert.equal((await eventually(inTree, 'the commitment left the view')).group.key, '2025-09');
  });

  it('Mark dropped keeps the note; an id that is no document id is refused; Reopen makes it open again', async () => {
    const letter = editor.document.uri.toString();
    await vscode.commands.executeCommand('kamerstuk.markCommitmentDropped', { id, letter, note: 'Vervalt: de evaluatie is gestopt.' });
    const dropped = parseYaml(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`)).get(id)!;
    assert.equal(dropped.fulfilment, 'dropped');
    assert.equal(dropped.fulfilmentNote, 'Vervalt: de evaluatie is gestopt.');
    const found = await eventually(async () => {
      const f = await inTree();
      return f && area.tree.getTreeItem(f.node).contextValue === 'commitment.dropped' ? f : undefined;
    }, 'the view does not show the commitment dropped');
    assert.ok(!String(area.tree.getTreeItem(found.node).description).includes(label('overdue', 'over tijd')));
    // An id that is no document id is refused and changes nothing.
    const before = await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`);
    assert.equal(
      await vscode.commands.executeCommand('kamerstuk.markCommitmentFulfilled', { id, letter, by: ['brief van juni'], date: '2025-06-12' }),
      undefined,
    );
    assert.equal(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`), before);
    await vscode.commands.executeCommand('kamerstuk.reopenCommitment', { id, letter });
    assert.equal(parseYaml(await readWorkspaceFile(`letters/${PROMISE_LETTER}.annotations.yaml`)).get(id)!.fulfilment, undefined);
  });

  it('a suggested commitment enters the register only when accepted, and then gets its due date stored', async () => {
    const text = unrelatedLetter;
    const start = text.indexOf(SUGGESTED);
    const yaml = `version: 1
document:
  id: ${UNRELATED_LETTER}
  path: ${UNRELATED_LETTER}.md
annotations:
  - id: s1s2s3s4s5
    tag: commitment
    quote: "${SUGGESTED}"
    prefix: ${JSON.stringify(text.slice(start - 32, start))}
    suffix: ${JSON.stringify(text.slice(start + SUGGESTED.length, start + SUGGESTED.length + 32))}
    start: ${start}
    end: ${start + SUGGESTED.length}
    author: suggestion
    status: proposed
`;
    await writeWorkspaceFile(`letters/${UNRELATED_LETTER}.annotations.yaml`, yaml);
    const uri = workspaceUri(`letters/${UNRELATED_LETTER}.md`);
    await eventually(async () => (await api.annotations.stores.get(uri)).store?.get('s1s2s3s4s5'), 'the suggestion was not loaded');
    area.model.invalidate();
    const register = await area.model.current();
    assert.ok(
      register.letters.some((l) => l.uri.toString() === uri.toString()),
      'the letter with the suggestion was not read',
    );
    assert.ok(!register.commitments.some((c) => c.annotation.id === 's1s2s3s4s5'), 'a pending suggestion counts as a commitment');
    assert.equal(
      parseYaml(await readWorkspaceFile(`letters/${UNRELATED_LETTER}.annotations.yaml`)).get('s1s2s3s4s5')!.due,
      undefined,
      'the suggestion was rewritten',
    );

    // Accepting it (as the Annotations view does: status agreed, the analyst as author).
    await api.annotations.stores.edit(uri, (s) => s.update('s1s2s3s4s5', { status: 'agreed', author: 'Analist' }));
    const due = await eventually(
      async () => parseYaml(await readWorkspaceFile(`letters/${UNRELATED_LETTER}.annotations.yaml`)).get('s1s2s3s4s5')!.due,
      'no due date stored on acceptance',
    );
    const read = commitmentDue(parseYaml(yaml).get('s1s2s3s4s5')!, commitmentLetter('x.md', unrelatedLetter, []));
    assert.deepEqual(due, read.due);
    assert.ok(due.to && due.to >= '2025-09-30' && due.to <= '2025-10-01', due.to);
    await eventually(
      async () => (await area.model.current()).commitments.some((c) => c.annotation.id === 's1s2s3s4s5'),
      'the accepted commitment is not in the register',
    );
  });

  it('a command from the palette acts on the commitment selected in the view when the view was used after the editor', async () => {
    /** Puts the cursor `delta` characters into the promise and waits until the extension has heard of it. */
    const moveCursor = async (delta: number) => {
      const heard = new Promise<void>((resolve) => {
        const listening = vscode.window.onDidChangeTextEditorSelection(() => (listening.dispose(), resolve()));
      });
      const at = positionOf(editor.document, COMMITMENT, delta);
      editor.selection = new vscode.Selection(at, at);
      await heard;
    };
    const yamlOf = async (letter: string, tag: string) => parseYaml(await readWorkspaceFile(`letters/${letter}.annotations.yaml`)).get(tag)!;
    const promiseDue = (await yamlOf(PROMISE_LETTER, id)).due;
    // The cursor in the promise letter's commitment, then the other commitment chosen in the view.
    editor = await vscode.window.showTextDocument(editor.document);
    await moveCursor(5);
    await vscode.commands.executeCommand('kamerstuk.commitments.focus');
    const node = await eventually(async () => {
      for (const group of await area.tree.getChildren()) {
        if (group.kind !== 'group') continue;
        const n = (await area.tree.getChildren(group)).find((c) => c.kind === 'commitment' && c.id === 's1s2s3s4s5');
        if (n) return n;
      }
      return undefined;
    }, 'the accepted suggestion is not in the view');
    await area.view.reveal(node, { select: true, focus: true });
    await eventually(() => area.view.selection.some((n) => n.kind === 'commitment' && n.id === 's1s2s3s4s5'), 'the view did not select the commitment');
    await vscode.commands.executeCommand('kamerstuk.editCommitmentDue', { due: '2025-12-31' });
    assert.equal((await yamlOf(UNRELATED_LETTER, 's1s2s3s4s5')).due?.to, '2025-12-31', 'the selected commitment was not changed');
    assert.deepEqual((await yamlOf(PROMISE_LETTER, id)).due, promiseDue, 'the commitment under the cursor was changed');
    // The cursor moved after that: the commitment under it is the one meant.
    editor = await vscode.window.showTextDocument(editor.document);
    await moveCursor(15);
    await vscode.commands.executeCommand('kamerstuk.editCommitmentDue', { due: '2025-11-30' });
    assert.equal((await yamlOf(PROMISE_LETTER, id)).due?.to, '2025-11-30', 'the commitment under the cursor was not changed');
    assert.equal((await yamlOf(UNRELATED_LETTER, 's1s2s3s4s5')).due?.to, '2025-12-31');
    // The promise's due date back as it was (the export below reads it).
    await api.annotations.stores.edit(editor.document.uri, (st) => st.update(id, { due: promiseDue ?? null }));
    assert.deepEqual((await yamlOf(PROMISE_LETTER, id)).due, promiseDue);
  });

  it('a letter whose annotation file does not parse is listed as such, and the file is left alone', async () => {
    await writeWorkspaceFile(`letters/${BROKEN_LETTER}.md`, unrelatedLetter.replace(UNRELATED_LETTER, BROKEN_LETTER));
    const broken = 'version: 1\nannotations:\n  - id: [unclosed\n';
    await writeWorkspaceFile(`letters/${BROKEN_LETTER}.annotations.yaml`, broken);
    const node = await eventually(async () => {
      area.model.invalidate();
      return (await area.tree.getChildren()).find((n) => n.kind === 'broken' && n.letter.path.endsWith(`${BROKEN_LETTER}.md`));
    }, 'the broken annotation file is not listed');
    assert.match(String(area.tree.getTreeItem(node).description), new RegExp(label('errors', 'fouten')));
    assert.equal(await readWorkspaceFile(`letters/${BROKEN_LETTER}.annotations.yaml`), broken);
  });

  it('exports the register as JSON and as an ICS calendar', async () => {
    const json = await vscode.commands.executeCommand<vscode.Uri>('kamerstuk.exportCommitments', {
      format: 'json',
      path: workspaceUri('commitments-export.json').fsPath,
    });
    assert.ok(json, 'nothing exported');
    const data = JSON.parse((await readWorkspaceFile('commitments-export.json'))!) as {
      commitments: Array<{ id: string; due: { to: string } | null; letter: { id: string } }>;
    };
    const mine = data.commitments.find((c) => c.id === id);
    assert.ok(mine, 'the export lacks the commitment');
    assert.equal(mine.letter.id, PROMISE_LETTER);
    assert.equal(mine.due?.to, '2025-09-30');
    await vscode.commands.executeCommand('kamerstuk.exportCommitments', { format: 'ics', path: workspaceUri('commitments-export.ics').fsPath });
    const ics = (await readWorkspaceFile('commitments-export.ics'))!;
    assert.match(ics, /^BEGIN:VCALENDAR/);
    assert.ok(ics.replace(/\r\n[ \t]/g, '').includes('20250930'), 'the calendar has no event on the due date');
  });
});
