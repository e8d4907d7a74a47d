// The Commitments and Annotations views list the workspace index's annotation files, in a real VS Code: 2,100
// generated letters with a commitment each (past the 2,000 files the views' own search used to stop at) are all in
// the register and both views, an annotation file that does not parse is reported (not left out, not rewritten),
// one under .versions/ is never listed, a new annotation file (and a folder of them moved in at once) appears once
// the watcher's event reached the index, and a cold build of a new window's index tells of its files as they come.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LetterAnchors } from '../../src/vscode/annotations/anchors';
import { AnnotationStores } from '../../src/vscode/annotations/store/stores';
import { AnnotationTaxonomy } from '../../src/vscode/annotations/taxonomy';
import { AnnotationsTree } from '../../src/vscode/annotations/tree/annotations-tree';
import { Notifier } from '../../src/vscode/common/notify';
import type { CommitmentNode } from '../../src/vscode/commitments/commitments-tree';
import type { TestApi } from '../../src/vscode/testing/test-api';
import { eventually, extensionApi, workspaceRoot } from './helpers';

const FOLDER = 'generated-annotations';
/** More than the old cut of 2,000 annotation files. */
const COUNT = 2100;
const PER_FOLDER = 100;
const BROKEN_N = 9998;
const KEPT_N = 9999;
const NEW_N = COUNT + 1;

const letterId = (n: number) => `kst-36998-${n}`;
const annotationId = (n: number) => `g${n.toString(36).padStart(9, '0')}`;
const relative = (n: number, ext: string) => `${FOLDER}/d${String(Math.floor((n - 1) / PER_FOLDER)).padStart(2, '0')}/${letterId(n)}${ext}`;

const PROMISE = (n: number) => `Ik zal uw Kamer voor de zomer van 2025 informeren over de voortgang van onderdeel ${n}.`;

function letterText(n: number): string {
  return `---\nkamerstuk: ${letterId(n)}\ndatum: 2025-03-10\ndossier: 36998\ntitel: Voortgang onderdeel ${n}\n---\n\n# Nr. ${n} BRIEF VAN DE MINISTER VAN FINANCIËN\n\n${PROMISE(n)}\n`;
}

function annotationText(n: number): string {
  const text = letterText(n);
  const start = text.indexOf(PROMISE(n));
  return [
    'version: 1',
    'document:',
    `  id: ${letterId(n)}`,
    `  path: ${letterId(n)}.md`,
    'annotations:',
    `  - id: ${annotationId(n)}`,
    '    tag: commitment',
    `    quote: "${PROMISE(n)}"`,
    `    start: ${start}`,
    `    end: ${start + PROMISE(n).length}`,
    '',
  ].join('\n');
}

/** Not YAML an annotation file can be: reported by the views, never written. */
const BROKEN_TEXT = 'version: 1\nannotations: [\n  - id: broken\n';

describe('Commitments and Annotations views over 2,100 annotation files (workspace index)', function () {
  this.timeout(300_000);
  let api: TestApi;
  let area: NonNullable<TestApi['commitments']>;
  const root = () => path.join(workspaceRoot(), FOLDER);
  const write = (rel: string, text: string) => {
    const file = path.join(workspaceRoot(), ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const mine = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri).startsWith(`${FOLDER}/`);
  const indexed = () => api.workspaceIndex.service.annotationFilesNow().filter(mine);
  /** The register's commitments of the generated letters, by annotation id. */
  const registered = async () =>
    new Map((await area.model.current()).commitments.filter((c) => c.letter.path.startsWith(`${FOLDER}/`)).map((c) => [c.annotation.id, c]));

  before(async () => {
    api = await extensionApi();
    assert.ok(api.commitments, 'the test API has no commitments area');
    area = api.commitments;
    await api.workspaceIndex.service.settled();
    for (let n = 1; n <= COUNT; n++) {
      write(relative(n, '.md'), letterText(n));
      write(relative(n, '.annotations.yaml'), annotationText(n));
    }
    write(`${FOLDER}/broken/${letterId(BROKEN_N)}.md`, letterText(BROKEN_N));
    write(`${FOLDER}/broken/${letterId(BROKEN_N)}.annotations.yaml`, BROKEN_TEXT);
    // A kept version of a letter and its tags: never a letter of the views.
    write(`${FOLDER}/.versions/${letterId(KEPT_N)}.md`, letterText(KEPT_N));
    write(`${FOLDER}/.versions/${letterId(KEPT_N)}.annotations.yaml`, annotationText(KEPT_N));
    // The burst of new files reaches the index through the watcher, in batches.
    await eventually(() => indexed().length >= COUNT + 1, 'the generated annotation files did not reach the index', 180_000).catch((e: Error) =>
      assert.fail(`${e.message}: ${indexed().length} of ${COUNT + 1}`),
    );
    await api.workspaceIndex.service.settled();
  });

  after(async () => {
    rmSync(root(), { recursive: true, force: true });
    await eventually(() => indexed().length === 0, 'the generated annotation files stay in the index', 120_000);
    await api.workspaceIndex.service.settled();
  });

  it('the index lists every generated annotation file, the one that does not parse too, none under .versions', async () => {
    const files = indexed();
    const paths = files.map((f) => vscode.workspace.asRelativePath(f));
    assert.equal(paths.length, COUNT + 1, paths.slice(-5).join(', '));
    assert.ok(paths.includes(relative(COUNT, '.annotations.yaml')));
    assert.ok(paths.includes(`${FOLDER}/broken/${letterId(BROKEN_N)}.annotations.yaml`));
    assert.ok(!paths.some((p) => p.includes('/.versions/')), 'a kept version is listed');
    assert.deepEqual(
      (await api.workspaceIndex.service.annotationFiles()).filter(mine).map((f) => f.toString()),
      files.map((f) => f.toString()),
    );
  });

  it('the Commitments view lists the commitment of every letter, past the old cut of 2,000 annotation files', async () => {
    const found = await eventually(
      async () => {
        const r = await registered();
        return r.size >= COUNT ? r : undefined;
      },
      'the register has not every generated commitment',
      180_000,
    ).catch(async (e: Error) => assert.fail(`${e.message}: ${(await registered()).size} of ${COUNT}`));
    assert.equal(found.size, COUNT);
    assert.ok(found.has(annotationId(1)) && found.has(annotationId(COUNT)));
    assert.ok(!found.has(annotationId(KEPT_N)), 'the kept version counts as a letter');
    const register = await area.model.current();
    const broken = register.letters.find(
      (l) => l.brokenFile && vscode.workspace.asRelativePath(l.brokenFile).endsWith(`${letterId(BROKEN_N)}.annotations.yaml`),
    );
    assert.ok(broken, 'the annotation file that does not parse is not reported');
    assert.equal(readFileSync(path.join(root(), 'broken', `${letterId(BROKEN_N)}.annotations.yaml`), 'utf8'), BROKEN_TEXT, 'the broken file was written');

    // In the view itself: the last letter's commitment, under one of its groups.
    const last = annotationId(COUNT);
    let node: CommitmentNode | undefined;
    for (const group of await area.tree.getChildren()) {
      if (group.kind !== 'group') continue;
      node ??= (await area.tree.getChildren(group)).find((n) => n.kind === 'commitment' && n.id === last);
    }
    assert.ok(node, `the view does not list ${last}`);
  });

  it("a new window's Annotations view (no annotation file loaded yet) lists every generated letter, the broken one with its problem", async () => {
    // Over stores of its own: the extension's stores have loaded files the other views asked for.
    const taxonomy = new AnnotationTaxonomy();
    const stores = new AnnotationStores(new Notifier());
    const anchors = new LetterAnchors(stores);
    const tree = new AnnotationsTree(stores, anchors, taxonomy, api.annotations.revisions, api.workspaceIndex.service);
    try {
      assert.equal(stores.loaded().length, 0);
      const letters = (await tree.getChildren()).filter((n) => n.kind === 'letter' && mine(n.letter));
      assert.equal(letters.length, COUNT + 1);
      const broken = letters.find((n) => n.letter.path.endsWith(`/${letterId(BROKEN_N)}.md`));
      assert.ok(broken, 'the letter with the broken annotation file is missing');
      const problems = await tree.getChildren(broken);
      assert.ok(problems.length && problems.every((p) => p.kind === 'problem'), JSON.stringify(problems.map((p) => p.kind)));
      const last = letters.find((n) => n.letter.path.endsWith(`/${letterId(COUNT)}.md`));
      assert.ok(last, `the view does not list ${letterId(COUNT)}`);
      assert.deepEqual(
        (await tree.getChildren(last)).map((n) => (n.kind === 'tag' ? [n.tag, n.count] : n.kind)),
        [['commitment', 1]],
      );
    } finally {
      for (const d of [tree, anchors, stores, taxonomy]) d.dispose();
    }
  });

  it('a new annotation file appears in both views once the watcher event reached the index', async () => {
    write(relative(NEW_N, '.md'), letterText(NEW_N));
    write(relative(NEW_N, '.annotations.yaml'), annotationText(NEW_N));
    await eventually(() => indexed().some((f) => f.path.endsWith(`/${letterId(NEW_N)}.annotations.yaml`)), 'the new file is not in the index', 60_000);
    await eventually(async () => (await registered()).has(annotationId(NEW_N)), 'the new commitment is not in the register', 60_000);
    const letters = await eventually(async () => {
      const all = (await api.annotations.view.getChildren()).filter((n) => n.kind === 'letter' && mine(n.letter));
      return all.length >= COUNT + 2 ? all : undefined;
    }, 'the Annotations view does not list the new letter');
    assert.ok(
      letters.some((n) => n.letter.path.endsWith(`/${letterId(NEW_N)}.md`)),
      'the Annotations view does not list the new letter',
    );
    assert.equal(letters.length, COUNT + 2);
  });

  it('a folder of tagged letters moved into the workspace at once (a checkout, a move: one watcher event for the folder) appears in both views', async () => {
    const n = NEW_N + 1;
    const staging = mkdtempSync(path.join(path.dirname(workspaceRoot()), 'moved-'));
    try {
      mkdirSync(path.join(staging, 'moved'));
      writeFileSync(path.join(staging, 'moved', `${letterId(n)}.md`), letterText(n));
      writeFileSync(path.join(staging, 'moved', `${letterId(n)}.annotations.yaml`), annotationText(n));
      assert.ok(!(await registered()).has(annotationId(n)));
      renameSync(path.join(staging, 'moved'), path.join(root(), 'moved'));
      await eventually(async () => (await registered()).has(annotationId(n)), 'the moved commitment is not in the register', 60_000);
      const letters = (await api.annotations.view.getChildren()).filter((l) => l.kind === 'letter' && mine(l.letter));
      assert.ok(
        letters.some((l) => l.letter.path.endsWith(`/moved/${letterId(n)}.md`)),
        'the Annotations view does not list the moved letter',
      );
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  });

  it("while a new window's index is built, its annotation files come in with change events (what the views refresh on)", async () => {
    // No saved index: a cold first build, as in a new clone.
    const cold = api.workspaceIndex.create(undefined);
    try {
      let events = 0;
      let seenAtEvents = 0;
      const listener = cold.onDidChangeAnnotationFiles(() => {
        events++;
        seenAtEvents = cold.annotationFilesNow().filter(mine).length;
      });
      assert.deepEqual(cold.annotationFilesNow(), [], 'files before the build began');
      const all = (await cold.annotationFiles()).filter(mine);
      listener.dispose();
      // As many as the extension's own index has (the suite's earlier test may have added one).
      const expected = indexed().length;
      assert.ok(expected >= COUNT + 1, String(expected));
      assert.equal(all.length, expected);
      assert.ok(events >= 1, 'no change event while the build took the files in');
      assert.equal(seenAtEvents, expected, 'the last event came before the last annotation files');
    } finally {
      cold.dispose();
    }
  });
});
