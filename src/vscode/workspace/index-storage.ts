// The saved workspace index: one file in the workspace's storage (context.storageUri), written with core's
// versioned serialize() and read back with deserialize(), which refuses corrupt, old or foreign data; such a file is
// deleted and the index is built again. Saves are debounced; flush() writes what is pending (on deactivate).
import * as vscode from 'vscode';
import { WorkspaceIndex } from '../../core/workspace';
import { Delayer } from '../common/delay';
import { Disposable } from '../common/disposable';
import { log } from '../common/log';

const FILE_NAME = 'workspace-index.json';
const SAVE_DELAY_MS = 5000;

export interface LoadResult {
  index: WorkspaceIndex;
  from: 'storage' | 'none' | 'discarded';
  /** Milliseconds spent decoding and checking the saved index (synchronous, on the extension host's thread). */
  parseMs?: number;
}

export class IndexStorage extends Disposable {
  private readonly delayer = this.register(new Delayer(SAVE_DELAY_MS));
  private pending: (() => string) | undefined;
  private writing: Promise<void> = Promise.resolve();

  /** `folder`: the workspace's storage folder (none without a workspace: nothing is saved then). */
  constructor(private readonly folder: vscode.Uri | undefined) {
    super();
  }

  private get file(): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, FILE_NAME);
  }

  /** The saved index, or a new empty one when there is none or it cannot be trusted. */
  async load(): Promise<LoadResult> {
    const file = this.file;
    if (!file) return { index: new WorkspaceIndex(), from: 'none' };
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      return { index: new WorkspaceIndex(), from: 'none' };
    }
    const started = performance.now();
    const index = WorkspaceIndex.deserialize(new TextDecoder().decode(bytes));
    const parseMs = performance.now() - started;
    if (index) return { index, from: 'storage', parseMs };
    log().info(vscode.l10n.t('The saved workspace index is damaged or from another version: it is built again.'));
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    return { index: new WorkspaceIndex(), from: 'discarded' };
  }

  /** Saves `serialize()` after a quiet moment (the latest call wins). */
  schedule(serialize: () => string): void {
    if (!this.file) return;
    this.pending = serialize;
    this.delayer.schedule(() => void this.flush());
  }

  /** Writes a pending save now; resolves when it is on disk (or failed, which is logged). */
  flush(): Promise<void> {
    this.delayer.cancel();
    const serialize = this.pending;
    const file = this.file;
    this.pending = undefined;
    if (!serialize || !file || !this.folder) return this.writing;
    const folder = this.folder;
    this.writing = this.writing.then(async () => {
      try {
        await vscode.workspace.fs.createDirectory(folder);
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(serialize()));
      } catch (e) {
        log().warn(vscode.l10n.t('The workspace index could not be saved: {0}', e instanceof Error ? e.message : String(e)));
      }
    });
    return this.writing;
  }

  /** Forgets the saved index (a rebuild from scratch). */
  async clear(): Promise<void> {
    this.delayer.cancel();
    this.pending = undefined;
    const file = this.file;
    if (file) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  }
}
