// The one workspace index of the editor: which documents each note cites (with positions), which letters and
// annotation files exist. Core's WorkspaceIndex holds the entries (in shards: sharded-index.ts); this service fills it and keeps it current:
// loaded from the workspace storage, then only files whose size or time changed are read again (off the extension
// host's thread: index-runner.ts); watcher events are batched (a branch switch of thousands of files is one job);
// unsaved edits of open notes are laid over the saved entries at query time. No file cap unless the setting
// `kamerstuk.workspaceIndex.maxFiles` sets one, and then the user is told.
import * as vscode from 'vscode';
import { indexFile, isAnnotationFilePath, isMarkdownPath, type FileStamp, type IndexedFile, type IndexedRef, type IndexStats } from '../../core/workspace';
import { COMMANDS } from '../common/commands';
import { CONTEXT_KEYS } from '../common/manifest-ids';
import { Delayer } from '../common/delay';
import { Disposable } from '../common/disposable';
import { EXCLUDE, isExcludedPath } from '../common/documents';
import { log } from '../common/log';
import type { Notifier } from '../common/notify';
import { withBuildProgress, type BuildProgress } from './index-progress';
import { createIndexRunner, type IndexRunner, type IndexTarget } from './index-runner';
import { IndexStorage } from './index-storage';
import type { ShardedIndex } from './sharded-index';
import { workspacePaths } from './workspace-paths';
import { ITEMS_PER_STEP, yieldToHost } from './yield-to-host';

/** Notes and letters (markdown) and annotation files. */
export const INDEX_GLOB = '**/*.{md,markdown,annotations.yaml}';
/** Every file and folder: a folder made or removed at once (a checkout) may come as one event for the folder. */
const WATCH_GLOB = '**/*';
const isIndexedPath = (path: string) => isMarkdownPath(path) || isAnnotationFilePath(path);
/** A name without a dot may be a folder (files of the index all have one). */
const mayBeFolder = (path: string) => !path.slice(path.lastIndexOf('/') + 1).includes('.');
/** Watcher events are collected this long before one job reads them all. */
const BATCH_DELAY_MS = 300;
/** A branch switch (git writes HEAD) makes the index compare every file's stamp: the watcher may miss a checkout's events. */
const HEAD_GLOB = '**/.git/HEAD';
const RESYNC_DELAY_MS = 1000;
/** Coming back to the window compares the stamps too (a checkout in another program), at most this often. */
const FOCUS_RESYNC_MS = 2 * 60_000;
/** Listeners hear of changes at most this often while a build runs. */
const CHANGE_THROTTLE_MS = 500;

export const MAX_FILES_SETTING = 'workspaceIndex.maxFiles';

function maxFilesSetting(): number {
  const n = vscode.workspace.getConfiguration('kamerstuk').get<number>(MAX_FILES_SETTING, 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export interface WorkspaceIndexStats extends IndexStats {
  /** Whether the index was loaded from the workspace storage at the start of this session. */
  loadedFromStorage: boolean;
  /** Whether a saved index was found but refused (corrupt, old or foreign). */
  discardedSaved: boolean;
  /** Files left out because of `kamerstuk.workspaceIndex.maxFiles` (0: none). */
  cutFiles: number;
  /** Where files were read: 'worker' (a worker thread) or 'chunks' (the extension host, in yielding chunks). */
  runner: 'worker' | 'chunks';
  /** Whether the first build is done. */
  built: boolean;
  /** Whether the user stopped the first build (Stop indexing the workspace): the index holds what was read. */
  stopped: boolean;
  /** Milliseconds the first build took. */
  buildMs?: number;
  /** The longest synchronous step of this service on the extension host's thread (decoding the saved index, finding what is stale, taking in a batch), in ms. */
  longestStepMs: number;
  /** Watcher events waiting for the next batch, and batches run so far. */
  pendingEvents: number;
  batches: number;
  /** Comparisons of every file's stamp since the first build (after a branch switch, on coming back to the window). */
  resyncs: number;
}

/** One place citing a document, with its range in the file (or in the open document's unsaved text). */
export interface CitingPlace {
  uri: vscode.Uri;
  ref: IndexedRef;
  range: vscode.Range;
}

/** The range of a citation from its line and column and the text as written. */
export function rangeOfRef(ref: IndexedRef): vscode.Range {
  const length = ref.end - ref.start;
  const text = ref.text.length === length ? ref.text : undefined;
  const lastBreak = text ? text.lastIndexOf('\n') : -1;
  if (!text || lastBreak < 0) return new vscode.Range(ref.line, ref.column, ref.line, ref.column + length);
  const breaks = text.split('\n').length - 1;
  return new vscode.Range(ref.line, ref.column, ref.line + breaks, text.length - lastBreak - 1);
}

export interface WorkspaceIndexOptions {
  extensionUri: vscode.Uri;
  /** The workspace storage (context.storageUri); without it nothing is saved. */
  storageUri: vscode.Uri | undefined;
  notifier: Notifier;
}

export class WorkspaceIndexService extends Disposable {
  private index: ShardedIndex | undefined;
  private readonly runner: IndexRunner;
  private readonly storage: IndexStorage;
  private readonly cancel = this.register(new vscode.CancellationTokenSource());
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** The index's entries changed (a build's batch, a file changed on disk); throttled. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly annotationFilesEmitter = this.register(new vscode.EventEmitter<void>());
  /** An annotation file came into the index or left it (fired with onDidChange, so throttled while a build runs). */
  readonly onDidChangeAnnotationFiles = this.annotationFilesEmitter.event;
  /** The set of annotation files the last onDidChangeAnnotationFiles told of. */
  private annotationFilesSeen: { index?: ShardedIndex; version: number } = { version: 0 };
  /** Their URIs, kept while the set stays the same. */
  private annotationUris: { index: ShardedIndex; version: number; uris: readonly vscode.Uri[] } | undefined;
  private readonly changeThrottle = this.register(new Delayer(CHANGE_THROTTLE_MS));
  private changePending = false;
  private readonly batchDelayer = this.register(new Delayer(BATCH_DELAY_MS));
  private readonly pendingWrites = new Map<string, vscode.Uri>();
  private readonly pendingDeletes = new Set<string>();
  /** Folders created (to be searched for files) or deleted (their entries removed), by index path. */
  private readonly pendingFolders = new Map<string, { uri: vscode.Uri; what: 'write' | 'delete' }>();
  private batchRunning: Promise<void> = Promise.resolve();
  private built: Promise<void> | undefined;
  private builtDone = false;
  private info = {
    loadedFromStorage: false,
    discardedSaved: false,
    cutFiles: 0,
    buildMs: undefined as number | undefined,
    longestStepMs: 0,
    batches: 0,
    resyncs: 0,
    stopped: false,
  };
  /** The first build's own cancellation: the user's Stop Indexing, or the service's end. */
  private buildCancel = this.register(new vscode.CancellationTokenSource());
  private readonly resyncDelayer = this.register(new Delayer(RESYNC_DELAY_MS));
  private lastResync = 0;
  /** Unsaved text of open notes, indexed once per document version. */
  private readonly overlay = new Map<string, { version: number; file: IndexedFile; uri: vscode.Uri }>();
  private lettersCache: Map<string, vscode.Uri> | undefined;
  /** Core's citedIds() walks every entry: kept until the index changes. */
  private citedCache: Map<string, number> | undefined;

  constructor(private readonly options: WorkspaceIndexOptions) {
    super();
    this.runner = this.register(createIndexRunner(options.extensionUri));
    this.storage = this.register(new IndexStorage(options.storageUri));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(WATCH_GLOB));
    this.register(watcher.onDidCreate((uri) => this.queue(uri, 'write', true)));
    this.register(watcher.onDidChange((uri) => this.queue(uri, 'write', false)));
    this.register(watcher.onDidDelete((uri) => this.queue(uri, 'delete', true)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.overlayChanged(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.overlay.delete(d.uri.toString()) && this.changed()));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => this.overlay.delete(d.uri.toString())));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild(false)));
    // A new file limit applies at once (files past it leave the index, files it lets in are read).
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`kamerstuk.${MAX_FILES_SETTING}`) && this.builtDone && void this.rebuild(false)),
    );
    const head = this.register(vscode.workspace.createFileSystemWatcher(HEAD_GLOB));
    this.register(head.onDidCreate(() => this.resyncSoon()));
    this.register(head.onDidChange(() => this.resyncSoon()));
    this.register(vscode.window.onDidChangeWindowState((state) => state.focused && Date.now() - this.lastResync > FOCUS_RESYNC_MS && this.resyncSoon()));
    this.register({ dispose: () => this.cancel.cancel() });
  }

  /** Resolves when the first build is done (it starts on the first call). */
  ready(): Promise<void> {
    this.built ??= this.startBuild();
    return this.built;
  }

  private startBuild(): Promise<void> {
    this.buildCancel.dispose();
    this.buildCancel = new vscode.CancellationTokenSource();
    const build = this.buildCancel;
    const ended = this.cancel.token.onCancellationRequested(() => build.cancel());
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.indexing, true);
    const done = () => {
      ended.dispose();
      void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.indexing, false);
    };
    return this.build(build.token)
      .finally(done)
      .catch((e) => {
        log().error(`workspace index: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        // Without the index, references, symbols, completion and the Cited documents view are empty: say so once.
        if (!this.cancel.token.isCancellationRequested)
          this.options.notifier.notify(
            'error',
            vscode.l10n.t('The workspace could not be indexed, so references and the Cited documents view are incomplete. The details are in the log.'),
            { [vscode.l10n.t('Show Log')]: () => vscode.commands.executeCommand(COMMANDS.showLog) },
          );
      });
  }

  /** Whether the first build is done (answers without waiting for it). */
  get isReady(): boolean {
    return this.builtDone;
  }

  /**
   * Stops the first build (the command Stop Indexing the Workspace): what was read is kept and saved, the rest is
   * read at the next start (or by a later build). False when no build is running.
   */
  stopBuilding(): boolean {
    if (this.builtDone || !this.built || this.buildCancel.token.isCancellationRequested) return false;
    this.info.stopped = true;
    this.buildCancel.cancel();
    return true;
  }

  private async build(token: vscode.CancellationToken): Promise<void> {
    const started = performance.now();
    const loaded = await this.storage.load();
    if (this.cancel.token.isCancellationRequested || (token.isCancellationRequested && !this.info.stopped)) return;
    this.index = loaded.index;
    this.fireChanged();
    this.info.loadedFromStorage = loaded.from === 'storage';
    this.info.discardedSaved = loaded.discarded;
    this.info.longestStepMs = Math.max(this.info.longestStepMs, loaded.parseMs ?? 0);
    await withBuildProgress(async (progress) => {
      const targets = await this.listFiles(token);
      progress.report(0, targets.length);
      await yieldToHost();
      const stamps = await this.runner.stamps(targets, token);
      if (token.isCancellationRequested) return;
      await yieldToHost();
      const toRead = await this.staleTargets(targets, stamps);
      await this.read(toRead, token, progress, targets.length - toRead.length, targets.length);
    });
    // Ended with the service: nothing more. Stopped by the user: what was read serves, and is saved.
    if (this.cancel.token.isCancellationRequested || (token.isCancellationRequested && !this.info.stopped)) return;
    if (this.info.stopped) {
      const indexed = this.indexNow.stats().files;
      this.options.notifier.notify(
        'info',
        vscode.l10n.t('Indexing stopped with {0} files indexed; the others are read the next time the workspace is opened.', indexed),
      );
    }
    this.builtDone = true;
    this.info.buildMs = Math.round(performance.now() - started);
    const s = this.indexNow.stats();
    log().info(
      vscode.l10n.t(
        'Workspace index ready in {0} ms: {1} files ({2} notes, {3} letters, {4} annotation files), {5} citations; {6} read, {7} reused from the saved index',
        this.info.buildMs,
        s.files,
        s.notes,
        s.letters,
        s.annotationFiles,
        s.refs,
        s.indexedThisSession,
        s.reusedFromSaved,
      ),
    );
    this.saveSoon();
    this.fireChanged(true);
    this.scheduleBatch();
  }

  /**
   * The targets whose stamps differ from the index's; entries of files that are gone are removed. Three steps, each
   * its own task (a cold build of thousands of files would otherwise be one long one).
   */
  private async staleTargets(targets: IndexTarget[], stamps: FileStamp[]): Promise<IndexTarget[]> {
    const index = this.indexNow;
    const { changed, removed } = this.step(() => index.stale(stamps));
    await yieldToHost();
    this.step(() => {
      for (const path of removed) index.remove(path);
    });
    if (removed.length) this.fireChanged();
    await yieldToHost();
    return this.step(() => {
      const byPath = new Map(targets.map((t) => [t.path, t]));
      return changed.map((s) => byPath.get(s.path)).filter((t): t is IndexTarget => !!t);
    });
  }

  /** Runs a synchronous step and remembers the longest. */
  private step<T>(run: () => T): T {
    const started = performance.now();
    try {
      return run();
    } finally {
      this.info.longestStepMs = Math.max(this.info.longestStepMs, performance.now() - started);
    }
  }

  private get indexNow(): ShardedIndex {
    if (!this.index) throw new Error('the workspace index is not loaded yet');
    return this.index;
  }

  /** The workspace's files, cut to the setting's limit (and the user told). */
  private async listFiles(token: vscode.CancellationToken, quiet = false): Promise<IndexTarget[]> {
    if (!vscode.workspace.workspaceFolders?.length) return [];
    const uris = await vscode.workspace.findFiles(INDEX_GLOB, EXCLUDE, undefined, token);
    let targets: IndexTarget[] = [];
    for (let i = 0; i < uris.length; i += ITEMS_PER_STEP) {
      if (i) await yieldToHost();
      this.step(() => {
        for (const uri of uris.slice(i, i + ITEMS_PER_STEP)) {
          const path = workspacePaths.of(uri);
          if (path !== undefined) targets.push({ path, uri });
        }
      });
    }
    const max = maxFilesSetting();
    this.info.cutFiles = 0;
    if (max && targets.length > max) {
      // Deterministic: the same files are left out every time (the last ones by path).
      targets.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      this.info.cutFiles = targets.length - max;
      targets = targets.slice(0, max);
      if (!quiet)
        this.options.notifier.notify(
          'warning',
          vscode.l10n.t(
            'The workspace has {0} notes, letters and annotation files; only the first {1} are indexed (setting kamerstuk.workspaceIndex.maxFiles). References and the Cited documents, Commitments and Annotations views leave out the rest.',
            uris.length,
            max,
          ),
        );
    }
    return targets;
  }

  /** Reads `targets` through the runner and puts the results in the index, batch by batch. */
  private async read(targets: IndexTarget[], token: vscode.CancellationToken, progress?: BuildProgress, doneBefore = 0, total = targets.length): Promise<void> {
    if (!targets.length) return;
    let done = doneBefore;
    await this.runner.index(
      targets,
      (files) =>
        this.step(() => {
          const index = this.index;
          if (token.isCancellationRequested || !index) return;
          // Same text as the entry's (a checkout that rewrote a file as it was): only the stamp changes.
          for (const f of files) if (!index.restamp(f, f.hash)) index.upsert(f);
          done += files.length;
          progress?.report(done, total);
          this.fireChanged();
        }),
      token,
    );
  }

  // Incremental updates: watcher events collected, then one job.

  private queue(uri: vscode.Uri, what: 'write' | 'delete', orFolder: boolean): void {
    const path = workspacePaths.of(uri);
    // The watcher sees every file; kept versions of letters, .git and node_modules are not indexed (as at the start).
    if (path === undefined || isExcludedPath(path)) return;
    if (!isIndexedPath(path)) {
      if (orFolder && mayBeFolder(path)) {
        this.pendingFolders.set(path, { uri, what });
        this.scheduleBatch();
      }
      return;
    }
    if (what === 'write') {
      this.pendingDeletes.delete(path);
      this.pendingWrites.set(path, uri);
    } else {
      this.pendingWrites.delete(path);
      this.pendingDeletes.add(path);
    }
    this.scheduleBatch();
  }

  private scheduleBatch(): void {
    if (!this.builtDone || !this.hasPending()) return;
    this.batchDelayer.schedule(() => {
      this.batchRunning = this.batchRunning.then(() => this.runBatch()).catch((e) => log().warn(`workspace index: ${String(e)}`));
    });
  }

  private hasPending(): boolean {
    return this.pendingWrites.size > 0 || this.pendingDeletes.size > 0 || this.pendingFolders.size > 0;
  }

  private async runBatch(): Promise<void> {
    const index = this.index;
    if (!index || this.isDisposed) return;
    this.info.batches++;
    const folders = [...this.pendingFolders.entries()];
    this.pendingFolders.clear();
    const deletes = [...this.pendingDeletes];
    const writes = new Map(this.pendingWrites);
    this.pendingDeletes.clear();
    this.pendingWrites.clear();
    // Removed folders: their entries, found in one pass over the index.
    const gone = folders.filter(([, f]) => f.what === 'delete').map(([path]) => `${path}/`);
    if (gone.length) this.step(() => deletes.push(...[...index.files()].filter((f) => gone.some((g) => f.path.startsWith(g))).map((f) => f.path)));
    for (const [, folder] of folders) {
      if (folder.what === 'delete') continue;
      const stat = await Promise.resolve(vscode.workspace.fs.stat(folder.uri)).catch(() => undefined);
      if (!stat || !(stat.type & vscode.FileType.Directory)) continue;
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder.uri, INDEX_GLOB), EXCLUDE)) {
        const filePath = workspacePaths.of(uri);
        if (filePath !== undefined) writes.set(filePath, uri);
      }
    }
    for (const path of deletes) index.remove(path);
    if (deletes.length) this.fireChanged();
    // Under a file limit, new files are read only while there is room.
    const max = maxFilesSetting();
    let room = max ? max - index.stats().files : Infinity;
    const fresh = [...writes].map(([path, uri]) => ({ path, uri })).filter((w) => !!index.get(w.path) || room-- > 0);
    await this.read(fresh, this.cancel.token);
    if (deletes.length || fresh.length) {
      this.lettersCache = undefined;
      this.fireChanged(true);
      this.saveSoon();
    }
  }

  private resyncSoon(): void {
    if (this.builtDone) this.resyncDelayer.schedule(() => void this.resync());
  }

  /** Compares every file's stamp with the index and reads what changed (after a branch switch; events the watcher missed). */
  async resync(): Promise<void> {
    await this.ready();
    this.lastResync = Date.now();
    const run = async () => {
      const index = this.index;
      const token = this.cancel.token;
      if (!index || this.isDisposed) return;
      const targets = await this.listFiles(token, true);
      await yieldToHost();
      const stamps = await this.runner.stamps(targets, token);
      if (token.isCancellationRequested) return;
      await yieldToHost();
      const toRead = await this.staleTargets(targets, stamps);
      await this.read(toRead, token);
      this.info.resyncs++;
      this.fireChanged(true);
      this.saveSoon();
    };
    this.batchRunning = this.batchRunning.then(run).catch((e) => log().warn(`workspace index: ${String(e)}`));
    await this.batchRunning;
  }

  /** Reads every file again (the saved index is forgotten when `fromScratch`). */
  async rebuild(fromScratch = true): Promise<void> {
    await this.built;
    // The saved index is brought up to date first, or forgotten.
    if (fromScratch) await this.storage.clear();
    else {
      this.saveSoon();
      await this.storage.flush();
    }
    this.builtDone = false;
    this.built = this.startBuild();
    await this.built;
  }

  private saveSoon(): void {
    const index = this.index;
    if (index) this.storage.schedule(() => index.takeDirty());
  }

  /** Writes the index to the workspace storage now, if it changed (on deactivate). */
  flush(): Promise<void> {
    return this.storage.flush();
  }

  private fireChanged(now = false): void {
    this.lettersCache = undefined;
    this.citedCache = undefined;
    if (now) {
      this.changeThrottle.cancel();
      this.changePending = false;
      this.emitChanged();
      return;
    }
    if (this.changePending) return;
    this.changePending = true;
    this.changeThrottle.schedule(() => {
      this.changePending = false;
      this.emitChanged();
    });
  }

  private emitChanged(): void {
    this.changeEmitter.fire();
    const index = this.index;
    const version = index?.annotationFilesVersion ?? 0;
    if (index === this.annotationFilesSeen.index && version === this.annotationFilesSeen.version) return;
    this.annotationFilesSeen = { index, version };
    this.annotationFilesEmitter.fire();
  }

  private changed(): void {
    this.fireChanged();
  }

  // Unsaved edits of open notes.

  private overlayChanged(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || workspacePaths.of(document.uri) === undefined) return;
    // Indexed lazily (at the next query), so typing does no work here.
    this.overlay.delete(document.uri.toString());
    this.fireChanged();
  }

  /** The index entries of open notes with unsaved changes, at their current version. */
  private dirtyEntries(): Array<{ uri: vscode.Uri; file: IndexedFile }> {
    const out: Array<{ uri: vscode.Uri; file: IndexedFile }> = [];
    for (const d of vscode.workspace.textDocuments) {
      if (!d.isDirty || d.isClosed || d.languageId !== 'markdown') continue;
      const path = workspacePaths.of(d.uri);
      if (path === undefined) continue;
      const key = d.uri.toString();
      let entry = this.overlay.get(key);
      if (!entry || entry.version !== d.version) {
        entry = { version: d.version, uri: d.uri, file: indexFile({ path, size: -1, mtime: -1 }, d.getText()) };
        this.overlay.set(key, entry);
      }
      out.push({ uri: entry.uri, file: entry.file });
    }
    return out;
  }

  // Queries. Each waits for the first build.

  /** Every place citing a document whose id `matches` (the caller decides about aliases). */
  async citing(matches: (id: string) => boolean): Promise<CitingPlace[]> {
    await this.ready();
    const index = this.index;
    if (!index) return [];
    const dirty = this.dirtyEntries();
    const dirtyPaths = new Set(dirty.map((d) => d.file.path));
    const out: CitingPlace[] = [];
    for (const id of this.citedNow(index).keys()) {
      if (!matches(id)) continue;
      for (const { path, ref } of index.citing(id)) {
        if (dirtyPaths.has(path)) continue;
        const uri = workspacePaths.uri(path);
        if (uri) out.push({ uri, ref, range: rangeOfRef(ref) });
      }
    }
    for (const d of dirty) for (const ref of d.file.refs) if (matches(ref.id)) out.push({ uri: d.uri, ref, range: rangeOfRef(ref) });
    return out;
  }

  /** Every cited document id with its number of citing places (unsaved edits included). */
  async citedIds(): Promise<Map<string, number>> {
    await this.ready();
    const index = this.index;
    if (!index) return new Map();
    const counts = new Map(this.citedNow(index));
    const add = (refs: readonly IndexedRef[], sign: 1 | -1) => {
      for (const r of refs) {
        const n = (counts.get(r.id) ?? 0) + sign;
        if (n > 0) counts.set(r.id, n);
        else counts.delete(r.id);
      }
    };
    for (const d of this.dirtyEntries()) {
      add(index.get(d.file.path)?.refs ?? [], -1);
      add(d.file.refs, 1);
    }
    return counts;
  }

  private citedNow(index: ShardedIndex): ReadonlyMap<string, number> {
    this.citedCache ??= index.citedIds();
    return this.citedCache;
  }

  /** Every letter of the workspace by id (the shortest path when two files declare one id). */
  async letters(): Promise<Map<string, vscode.Uri>> {
    await this.ready();
    return this.lettersNow();
  }

  /** The letters known now (without waiting for the first build). */
  lettersNow(): Map<string, vscode.Uri> {
    if (this.lettersCache) return this.lettersCache;
    const found = new Map<string, { path: string; uri: vscode.Uri }>();
    for (const f of this.index?.files() ?? []) {
      if (!f.letterId) continue;
      const prev = found.get(f.letterId);
      if (prev && (prev.path.length < f.path.length || (prev.path.length === f.path.length && prev.path < f.path))) continue;
      const uri = workspacePaths.uri(f.path);
      if (uri) found.set(f.letterId, { path: f.path, uri });
    }
    this.lettersCache = new Map([...found].map(([id, v]) => [id, v.uri]));
    return this.lettersCache;
  }

  /** Every annotation file of the workspace (`*.annotations.yaml`; never in kept versions or excluded folders), by path. */
  async annotationFiles(): Promise<readonly vscode.Uri[]> {
    await this.ready();
    return this.annotationFilesNow();
  }

  /**
   * The annotation files known now, without waiting for the first build (the saved index and what the build read so
   * far; onDidChangeAnnotationFiles tells of more). Only their paths: the consumers read and parse them, and a file
   * that does not parse is listed like any other.
   */
  annotationFilesNow(): readonly vscode.Uri[] {
    const index = this.index;
    if (!index) return [];
    const version = index.annotationFilesVersion;
    const known = this.annotationUris;
    if (known && known.index === index && known.version === version) return known.uris;
    const uris = index.annotationFiles().flatMap((f) => workspacePaths.uri(f.path) ?? []);
    this.annotationUris = { index, version, uris };
    return uris;
  }

  /** The index entry of a workspace file (as on disk). */
  entry(uri: vscode.Uri): IndexedFile | undefined {
    const path = workspacePaths.of(uri);
    return path === undefined ? undefined : this.index?.get(path);
  }

  /** The core index's statistics and where they came from (for the test API and the log). */
  stats(): WorkspaceIndexStats {
    const core: IndexStats = this.index?.stats() ?? { files: 0, notes: 0, letters: 0, annotationFiles: 0, refs: 0, indexedThisSession: 0, reusedFromSaved: 0 };
    const pendingEvents = this.pendingWrites.size + this.pendingDeletes.size + this.pendingFolders.size;
    return { ...core, ...this.info, runner: this.runner.kind, built: this.builtDone, pendingEvents };
  }

  /** Resolves once the watcher events received so far are in the index. */
  async settled(): Promise<void> {
    await this.ready();
    if (this.hasPending()) {
      this.batchDelayer.cancel();
      this.batchRunning = this.batchRunning.then(() => this.runBatch());
    }
    await this.batchRunning;
  }
}
