// The annotation file of each letter: loaded on demand, edited in memory, written atomically (temp file + rename),
// and reloaded when it changes on disk (git pull, checkout, a hand edit) by a three-way merge with any change still
// pending, so nothing is lost. A file that does not parse or breaks the schema is never written, and neither is a
// file open in an editor with unsaved changes (on saving, the editor's text and the written tags would clash).
import * as vscode from 'vscode';
import {
  type AnnotationDiagnostic,
  AnnotationStore,
  encodingDiagnostics,
  isAnnotationFileName,
  type LetterReference,
  mergeAnnotationTexts,
} from '../../../core/annotations';
import { Disposable } from '../../common/disposable';
import { baseName, unsavedDocument } from '../../common/documents';
import { log } from '../../common/log';
import type { Notifier } from '../../common/notify';
import { readBytesOrEmpty, replaceAtomically } from '../../common/workspace-files';
import { ANNOTATION_FILE_GLOB, annotationFileFor, letterForAnnotationFile } from './paths';
import { assertEditable, initialState, type LetterAnnotationState } from './state';

export class AnnotationStores extends Disposable {
  private readonly states = new Map<string, Promise<LetterAnnotationState>>();
  private readonly loadedStates = new Map<string, LetterAnnotationState>();
  private readonly emitter = this.register(new vscode.EventEmitter<LetterAnnotationState>());
  private readonly filesEmitter = this.register(new vscode.EventEmitter<void>());
  private held = 0;
  /** A letter's annotations (or problems) changed. */
  readonly onDidChange = this.emitter.event;
  /** An annotation file appeared or disappeared in the workspace. */
  readonly onDidChangeFiles = this.filesEmitter.event;

  /**
   * `tagAlias`: the key a tag written as its label (`maatregel`) stands for, in the team's taxonomy; such a tag is
   * read as the key and written as the key the next time the file is written.
   */
  constructor(
    private readonly notifier: Notifier,
    private readonly tagAlias: (tag: string) => string | undefined = () => undefined,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(ANNOTATION_FILE_GLOB));
    this.register(
      vscode.Disposable.from(
        watcher.onDidChange((uri) => this.reconcile(uri)),
        watcher.onDidCreate((uri) => (this.filesEmitter.fire(), this.reconcile(uri))),
        watcher.onDidDelete((uri) => (this.filesEmitter.fire(), this.reconcile(uri))),
        vscode.workspace.onDidSaveTextDocument((d) => isAnnotationFileName(baseName(d.uri)) && this.reconcile(d.uri)),
        // Reverted (or saved): changes held back while the file had unsaved edits can be written now.
        vscode.workspace.onDidChangeTextDocument(
          (e) =>
            !e.document.isDirty &&
            isAnnotationFileName(baseName(e.document.uri)) &&
            this.loadedStates.get(letterForAnnotationFile(e.document.uri).toString())?.dirty &&
            this.reconcile(e.document.uri),
        ),
      ),
    );
  }

  /** The letter's annotations, loading the file beside it the first time. */
  get(letter: vscode.Uri): Promise<LetterAnnotationState> {
    const key = letter.toString();
    let state = this.states.get(key);
    if (!state) {
      state = this.load(letter);
      this.states.set(key, state);
    }
    return state;
  }

  /** The letter's annotations if they were loaded. */
  peek(letter: vscode.Uri): LetterAnnotationState | undefined {
    return this.loadedStates.get(letter.toString());
  }

  loaded(): LetterAnnotationState[] {
    return [...this.loadedStates.values()];
  }

  /**
   * Applies `change` to the letter's store (creating the file for the letter on the first tag) and writes the
   * file. Throws BrokenAnnotationFileError when the file on disk has errors, UnsavedAnnotationFileError when it is
   * open with unsaved changes; it is then left untouched. A failed write keeps the change pending (see write()).
   */
  async edit<T>(letter: vscode.Uri, change: (store: AnnotationStore) => T, letterRef?: () => LetterReference): Promise<T> {
    const state = await this.get(letter);
    await state.queue;
    assertEditable(state);
    state.store ??= AnnotationStore.create(letterRef?.() ?? { path: baseName(letter) });
    const result = change(state.store);
    state.dirty = true;
    this.changed(state);
    await this.enqueue(state, () => this.write(state));
    return result;
  }

  /** Re-reads every loaded file and retries pending writes (the Refresh command; also catches changes a watcher missed). */
  async refresh(): Promise<void> {
    await Promise.all(this.loaded().map((s) => this.enqueue(s, () => this.sync(s)).catch(() => undefined)));
    this.filesEmitter.fire();
  }

  /** Test hook: keeps edits in memory (pending) until the returned function is called. */
  holdWrites(): () => Promise<void> {
    this.held++;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.held--;
      if (this.held === 0)
        await Promise.all(
          this.loaded()
            .filter((s) => s.dirty)
            .map((s) => this.enqueue(s, () => this.write(s)).catch(() => undefined)),
        );
    };
  }

  /** Resolves when every pending read, merge and write has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.states.values()].map(async (p) => (await p).queue));
  }

  private async load(letter: vscode.Uri): Promise<LetterAnnotationState> {
    const file = annotationFileFor(letter);
    const state = initialState(letter, file);
    try {
      this.absorb(state, await readDisk(file));
    } catch (e) {
      log().error(`Reading ${file.toString()}: ${String(e)}`);
    }
    this.loadedStates.set(letter.toString(), state);
    return state;
  }

  private reconcile(file: vscode.Uri): void {
    const state = this.loadedStates.get(letterForAnnotationFile(file).toString());
    if (state) this.enqueue(state, () => this.sync(state)).catch(() => undefined);
  }

  /** Runs `task` after the file's earlier tasks; the returned promise rejects with its error (also logged). */
  private enqueue(state: LetterAnnotationState, task: () => Promise<void>): Promise<void> {
    const run = state.queue.then(task);
    state.queue = run.catch((e) => log().error(`${state.file.toString()}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    return run;
  }

  /** Reads the file; when it changed, merges it with pending changes; writes changes still pending (a retry). */
  private async sync(state: LetterAnnotationState): Promise<void> {
    const disk = await readDisk(state.file);
    if (disk.text !== state.disk) this.absorb(state, disk);
    if (state.dirty) await this.write(state);
  }

  /**
   * Takes in the file's text from disk. Without pending changes the disk wins; with pending changes the result is
   * mergeAnnotationTexts(base, ours, disk, 'ours'): both sides' changes survive, ours wins a field changed both ways.
   */
  private absorb(state: LetterAnnotationState, disk: DiskText): void {
    const text = disk.text;
    state.disk = text;
    if (disk.problems) {
      // Not UTF-8: like a file that does not parse, shown read-only and never written (pending changes are kept).
      state.problems = disk.problems;
      this.changed(state);
      return;
    }
    if (!state.dirty || !state.store) {
      if (!text.trim()) {
        state.store = undefined;
        state.problems = undefined;
        state.base = text;
      } else {
        const parsed = AnnotationStore.parse(text, { tagAlias: this.tagAlias });
        if (parsed.ok) {
          state.store = parsed.store;
          state.problems = undefined;
          state.base = text;
        } else {
          // The last good annotations stay visible, read-only, until the file is fixed.
          state.problems = parsed.diagnostics;
        }
      }
      this.changed(state);
      return;
    }
    const merged = mergeAnnotationTexts(state.base, state.store.toString(), text, 'ours');
    if (!merged.ok) {
      // The disk side does not parse: keep the pending changes in memory until it is fixed.
      state.problems = merged.diagnostics;
      this.changed(state);
      return;
    }
    const parsed = AnnotationStore.parse(merged.text, { tagAlias: this.tagAlias });
    if (!parsed.ok) {
      state.problems = parsed.diagnostics;
      this.changed(state);
      return;
    }
    if (merged.conflicts.length) {
      const details = merged.conflicts.map((c) => vscode.l10n.t(c.message.template, ...c.message.args));
      for (const d of details) log().warn(`${state.file.toString()}: ${d}`);
      this.notifier.notify(
        'warning',
        vscode.l10n.t(
          '{0} changed on disk while you had unsaved tag changes. Both were kept; where both changed the same field, your version was kept: {1}',
          baseName(state.file),
          details.join('; '),
        ),
      );
    }
    state.store = parsed.store;
    state.problems = undefined;
    state.base = text;
    state.dirty = merged.text !== text;
    this.changed(state);
  }

  /**
   * Writes pending changes. Held back (still pending) while the file has errors or unsaved changes in an editor: the
   * save or revert of that editor retries. A failure is shown once and retried on the next edit, sync or refresh.
   */
  private async write(state: LetterAnnotationState): Promise<void> {
    if (this.held > 0 || !state.dirty || !state.store) return;
    try {
      for (let attempt = 0; ; attempt++) {
        if (unsavedDocument(state.file)) return;
        // Someone may have changed the file since we read it: merge first, never overwrite their work.
        const current = await readDisk(state.file);
        if (current.text !== state.disk) this.absorb(state, current);
        if (state.problems || !state.dirty || !state.store) return;
        const text = state.store.toString();
        if (text !== current.text) {
          // Read again just before replacing the file; if it changed meanwhile, merge that change and start over.
          if (!(await replaceAtomically(state.file, text, async () => (await readDisk(state.file)).text === current.text))) {
            // Still pending; the watcher's event for the change that keeps coming syncs (and writes) again.
            if (attempt + 1 >= MAX_WRITE_ATTEMPTS) return;
            continue;
          }
        }
        state.disk = text;
        state.base = text;
        state.dirty = false;
        state.writeFailed = false;
        this.filesEmitter.fire();
        return;
      }
    } catch (e) {
      log().error(`Writing ${state.file.toString()}: ${e instanceof Error ? e.message : String(e)}`);
      if (!state.writeFailed) {
        state.writeFailed = true;
        this.notifier.notify(
          'error',
          vscode.l10n.t(
            'The tags of {0} are not saved yet: {1} could not be written ({2}). They are kept and saved again on the next change or refresh.',
            baseName(state.letter),
            baseName(state.file),
            e instanceof Error ? e.message : String(e),
          ),
        );
      }
    }
  }

  private changed(state: LetterAnnotationState): void {
    state.revision++;
    this.emitter.fire(state);
  }
}

/** What is on disk: the text, or for bytes that are not UTF-8 a marker no decoded text can equal, with the problem. */
interface DiskText {
  text: string;
  problems?: AnnotationDiagnostic[];
}

/** A lone surrogate: no UTF-8 decoding produces it, so it never equals a file's text. */
const UNDECODABLE = '\ud800';

async function readDisk(file: vscode.Uri): Promise<DiskText> {
  const bytes = await readBytesOrEmpty(file);
  const problems = encodingDiagnostics(bytes);
  return problems.length ? { text: UNDECODABLE, problems } : { text: new TextDecoder().decode(bytes) };
}

/** Times a write starts over because the file changed while it was being written, before it waits for the next sync. */
const MAX_WRITE_ATTEMPTS = 3;
