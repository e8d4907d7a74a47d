// The workspace index in a real VS Code on a generated team repository of 6,000 notes (past the old 5,000-file cap):
// the burst of new files is indexed in the background, Find All References finds a citation only the last note has,
// a new index service built from the saved index (what a reloaded window does) reads nothing again and its Cited
// documents view is complete, a damaged saved index is discarded, a branch switch of 2,000 files is one batch, and
// the file limit setting cuts and says so. The longest task on the extension host's thread during a cold build is
// measured with a timer probe and printed (not asserted: timing is the bench's business).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateTeamRepository, writeFiles, type GeneratedFile } from '../support/generated-notes';
import { IndexStorage } from '../../src/vscode/workspace/index-storage';
import type { WorkspaceIndexService } from '../../src/vscode/workspace/workspace-index';
import { eventually, extensionApi, scratch, workspaceRoot } from './helpers';

const NOTES = 6000;
const FOLDER = 'generated-team';
/** Cited only by the last generated note. */
const ONLY_IN_LAST = 'Kamerstuk 36 999, nr. 42';
const ONLY_IN_LAST_ID = 'kst-36999-42';
/** Cited by the files a simulated branch switch rewrites. */
const SWITCHED_ID = 'kst-36999-43';
const SWITCHED = 2000;

/** The reporter's mark (test/integration/index.ts): the runner prints such lines between the test lines. */
const REPORTER_MARK = '\u2063kt\u2063';
const report = (text: string) => console.log(`${REPORTER_MARK}      ${text}`);

/** Runs `work` while a timer probe records how late its ticks came: the longest the thread was busy at a stretch. */
async function probed<T>(work: () => Promise<T>): Promise<{ result: T; maxLateMs: number; ticks: number }> {
  const every = 5;
  let expected = performance.now() + every;
  let maxLateMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLateMs = Math.max(maxLateMs, now - expected);
    expected = now + every;
    ticks++;
  }, every);
  try {
    return { result: await work(), maxLateMs, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('Workspace index on 6,000 generated notes', function () {
  this.timeout(300_000);
  let files: GeneratedFile[];
  let lastNote: GeneratedFile;
  const root = () => path.join(workspaceRoot(), FOLDER);
  const extra: WorkspaceIndexService[] = [];
  const temp: string[] = [];
  let testApi: Awaited<ReturnType<typeof extensionApi>>;
  const api = () => testApi.workspaceIndex;
  /** A second index service over the same workspace (disposed after the suite). */
  const fresh = (storage: vscode.Uri | undefined): WorkspaceIndexService => {
    const service = api().create(storage);
    extra.push(service);
    return service;
  };

  before(async () => {
    testApi = await extensionApi();
    await api().service.settled();
    files = generateTeamRepository({ notes: NOTES, noteSize: 3000 });
    const notes = files.filter((f) => f.path.startsWith('notes/'));
    assert.equal(notes.length, NOTES);
    lastNote = notes[notes.length - 1];
    lastNote.text += `\nTot slot de brief over de uitvoering (${ONLY_IN_LAST}).\n`;
    assert.ok(!files.some((f) => f !== lastNote && f.text.includes('36 999')), 'the citation of the last note must be its own');
    writeFiles(root(), files);
  });

  after(async () => {
    for (const s of extra.splice(0)) s.dispose();
    rmSync(root(), { recursive: true, force: true });
    for (const t of temp) rmSync(t, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('kamerstuk').update('workspaceIndex.maxFiles', undefined, vscode.ConfigurationTarget.Global);
    await eventually(() => api().workspaceIndexStats().files < NOTES, 'the generated files stay in the index', 120_000);
    await api().service.settled();
  });

  it('indexes the burst of new files in the background, past the old 5,000-file cap', async () => {
    let last = api().workspaceIndexStats();
    const stats = await eventually(
      () => {
        last = api().workspaceIndexStats();
        return last.files >= files.length ? last : undefined;
      },
      'the new files did not reach the index',
      180_000,
    ).catch((e: Error) => assert.fail(`${e.message}: ${JSON.stringify(last)}`));
    await api().service.settled();
    assert.equal(stats.runner, 'worker');
    assert.ok(stats.notes >= NOTES, JSON.stringify(stats));
    assert.ok(stats.annotationFiles >= files.filter((f) => f.path.endsWith('.annotations.yaml')).length, JSON.stringify(stats));
  });

  it('Find All References finds a citation that only the last of the 6,000 notes has', async () => {
    const editor = await scratch(`Zie ook ${ONLY_IN_LAST}.\n`);
    const pos = editor.document.positionAt(editor.document.getText().indexOf('36 999') + 2);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, pos);
    const inLast = refs.filter((r) => r.uri.fsPath === path.join(root(), ...lastNote.path.split('/')));
    assert.equal(inLast.length, 1, JSON.stringify(refs.map((r) => r.uri.path)));
    const doc = await vscode.workspace.openTextDocument(inLast[0].uri);
    assert.equal(doc.getText(inLast[0].range).replace(/\s+/g, ' '), ONLY_IN_LAST);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('workspace symbols (Ctrl+T, #kst-36999) list the documents only the last note cites, at that note', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '#kst-36999');
    const mine = symbols.filter((s) => s.name === ONLY_IN_LAST_ID);
    assert.equal(mine.length, 1, JSON.stringify(symbols.map((s) => s.name)));
    assert.equal(mine[0].location.uri.fsPath, path.join(root(), ...lastNote.path.split('/')));
    assert.ok(
      symbols.every((s) => s.name.startsWith('kst-36999')),
      JSON.stringify(symbols.map((s) => s.name)),
    );
  });

  it('completion after kst- offers a kamerstuk cited elsewhere in the workspace that no source knows', async () => {
    const editor = await scratch('Zie kst-36999');
    const end = editor.document.lineAt(0).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes(ONLY_IN_LAST_ID), JSON.stringify(labels.slice(0, 20)));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a cold build runs off the extension host thread (timer probe), and a new service from the saved index reads nothing again', async () => {
    const storage = mkdtempSync(path.join(tmpdir(), 'kamerstuk-index-'));
    temp.push(storage);
    const cold = fresh(vscode.Uri.file(storage));
    const { maxLateMs, ticks } = await probed(() => cold.ready());
    const coldStats = cold.stats();
    report(
      `cold build of ${coldStats.files} files (${coldStats.refs} citations) in ${coldStats.buildMs} ms on the ${coldStats.runner} runner; ` +
        `longest task on the extension host thread: ${maxLateMs.toFixed(1)} ms (timer probe, ${ticks} ticks; ` +
        `longest step of the index service itself: ${coldStats.longestStepMs.toFixed(1)} ms)`,
    );
    assert.equal(coldStats.loadedFromStorage, false);
    assert.ok(coldStats.indexedThisSession >= files.length, JSON.stringify(coldStats));
    await cold.flush();

    // What a reloaded window builds: the saved index, then only what changed.
    const warm = fresh(vscode.Uri.file(storage));
    await warm.ready();
    const warmStats = warm.stats();
    report(
      `warm start from the saved index: ${warmStats.buildMs} ms, ${warmStats.reusedFromSaved} reused, ${warmStats.indexedThisSession} read again; ` +
        `longest step ${warmStats.longestStepMs.toFixed(1)} ms`,
    );
    assert.equal(warmStats.loadedFromStorage, true);
    assert.equal(warmStats.files, coldStats.files);
    assert.ok(warmStats.reusedFromSaved >= files.length, JSON.stringify(warmStats));
    assert.ok(warmStats.indexedThisSession < warmStats.files / 100, JSON.stringify(warmStats));

    // Its Cited documents view is complete: the same documents and counts as the cold build's.
    const [coldRows, warmRows] = [await api().citedDocuments(cold), await api().citedDocuments(warm, [ONLY_IN_LAST_ID])];
    assert.deepEqual(
      warmRows.map((r) => [r.id, r.count]),
      coldRows.map((r) => [r.id, r.count]),
    );
    const last = warmRows.find((r) => r.id === ONLY_IN_LAST_ID);
    assert.deepEqual(last?.notes, [vscode.workspace.asRelativePath(path.join(root(), ...lastNote.path.split('/')))]);
    assert.ok(warmRows.length > 100, `${warmRows.length} cited documents`);
  });

  it('the extension saves its index in the workspace storage, and a service built from it reuses it', async () => {
    const storageUri = api().storageUri;
    assert.ok(storageUri, 'the test workspace has a storage folder');
    await api().service.settled();
    await api().service.flush();
    const again = fresh(storageUri);
    await again.ready();
    const s = again.stats();
    assert.equal(s.loadedFromStorage, true, JSON.stringify(s));
    assert.ok(s.reusedFromSaved >= files.length, JSON.stringify(s));
  });

  it('Stop indexing the workspace keeps and saves what was read; the next start reads only the rest', async () => {
    const storage = mkdtempSync(path.join(tmpdir(), 'kamerstuk-index-'));
    temp.push(storage);
    const first = fresh(vscode.Uri.file(storage));
    const building = first.ready();
    // Stopped while it reads: after some files went in, long before all of them could.
    for (let n = 0; n < 400 && first.stats().files < 50; n++) await new Promise((done) => setTimeout(done, 5));
    assert.equal(first.stopBuilding(), true, 'no build was running to stop');
    await building;
    const stopped = first.stats();
    assert.equal(stopped.stopped, true);
    assert.equal(stopped.built, true, 'a stopped build still serves what it read');
    assert.ok(stopped.files < files.length, `stopped after ${stopped.files} of ${files.length} files`);
    assert.equal(first.stopBuilding(), false, 'nothing left to stop');
    await first.flush();
    first.dispose();
    const next = fresh(vscode.Uri.file(storage));
    await next.ready();
    const s = next.stats();
    assert.equal(s.reusedFromSaved, stopped.files, JSON.stringify(s));
    assert.ok(s.files >= files.length, JSON.stringify(s));
    next.dispose();
  });

  it('a damaged or foreign saved index is discarded and built again', async () => {
    for (const junk of ['{"format":"kamerstuk-index","version":1,"files":[{"path":', JSON.stringify({ format: 'someone-else', version: 1, files: [] })]) {
      const storage = mkdtempSync(path.join(tmpdir(), 'kamerstuk-index-'));
      temp.push(storage);
      const file = IndexStorage.shardFile(vscode.Uri.file(storage), 0).fsPath;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, junk);
      const service = fresh(vscode.Uri.file(storage));
      await service.ready();
      const s = service.stats();
      assert.equal(s.loadedFromStorage, false, junk);
      assert.equal(s.discardedSaved, true, junk);
      assert.ok(s.files >= files.length, JSON.stringify(s));
      await service.flush();
      assert.notEqual(readFileSync(file, 'utf8'), junk, 'the damaged file was not replaced');
      service.dispose();
    }
  });

  it(`a branch switch (git checkout) that changes ${SWITCHED} files is taken in as one batch`, async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Analist');
    git('config', 'user.email', 'analist@example.org');
    git('config', 'commit.gpgsign', 'false');
    git('add', '-A');
    git('commit', '-q', '-m', 'notes');
    git('checkout', '-q', '-b', 'switched');
    const switched = files.filter((f) => f.path.startsWith('notes/')).slice(0, SWITCHED);
    writeFiles(
      root(),
      switched.map((f) => ({ path: f.path, text: `${f.text}\nNa de wissel: Kamerstuk 36 999, nr. 43.\n` })),
    );
    git('commit', '-q', '-a', '-m', 'switched');
    git('checkout', '-q', 'main');
    await api().service.resync();
    const before = api().workspaceIndexStats();
    assert.equal((await api().service.citing((id) => id === SWITCHED_ID)).length, 0, 'main has no such citation');

    git('checkout', '-q', 'switched');
    let found = 0;
    const citing = await eventually(
      async () => {
        const places = await api().service.citing((id) => id === SWITCHED_ID);
        found = places.length;
        return places.length >= SWITCHED ? places : undefined;
      },
      'the switched files did not reach the index',
      120_000,
    ).catch((e: Error) => assert.fail(`${e.message}: ${found} citing; ${JSON.stringify({ before, now: api().workspaceIndexStats() })}`));
    assert.equal(new Set(citing.map((p) => p.uri.toString())).size, SWITCHED);
    const after = api().workspaceIndexStats();
    report(
      `branch switch of ${SWITCHED} files: ${after.batches - before.batches} watcher batches, ${after.resyncs - before.resyncs} stamp comparisons ` +
        `(${after.indexedThisSession - before.indexedThisSession} files read)`,
    );
    assert.ok(after.indexedThisSession - before.indexedThisSession >= SWITCHED, JSON.stringify({ before, after }));
    assert.equal(after.files, before.files);
  });

  it('the file limit setting cuts the index and tells the user', async () => {
    await vscode.workspace.getConfiguration('kamerstuk').update('workspaceIndex.maxFiles', 100, vscode.ConfigurationTarget.Global);
    const limited = fresh(undefined);
    await limited.ready();
    const s = limited.stats();
    assert.equal(s.files, 100);
    assert.ok(s.cutFiles >= files.length - 100, JSON.stringify(s));
    // The extension's own index takes the new limit at once.
    await eventually(() => api().workspaceIndexStats().files === 100, "the extension's index did not apply the new limit", 60_000);
    assert.ok(
      testApi.annotations.messages().some((m) => /kamerstuk\.workspaceIndex\.maxFiles/.test(m)),
      JSON.stringify(testApi.annotations.messages()),
    );
  });
});
