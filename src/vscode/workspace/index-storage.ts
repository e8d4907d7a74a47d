// The saved workspace index: one file per shard (sharded-index.ts) in the workspace's storage (context.storageUri),
// each written with core's versioned serialize() and read back with deserialize(), which refuses corrupt, old or
// foreign data; such a file is deleted and its shard starts empty (its files are read again). Shards are decoded
// and encoded one at a time with the thread given back in between. Saves are debounced; flush() writes what is
// pending (on deactivate).
import * as vscode from 'vscode';
import { WorkspaceIndex } from '../../core/workspace';
import { Delayer } from '../common/delay';
import { Disposable } from '../common/disposable';
import { log } from '../common/log';
import { SHARD_COUNT, ShardedIndex } from './sharded-index';
import { yieldToHost } from './yield-to-host';

/** The folder's name says how many shards: another count is another folder, never misread. */
const FOLDER_NAME = `workspace-index-${SHARD_COUNT}`;
const SAVE_DELAY_MS = 5000;

export interface LoadResult {
  index: ShardedIndex;
  /** 'storage' when at least one shard was loaded; 'discarded' when none was and some file was refused. */
  from: 'storage' | 'none' | 'discarded';
  /** Whether a saved shard was refused (corrupt, old or foreign) and deleted. */
  discarded: boolean;
  /** The longest time spent decoding one shard (synchronous, on the extension host's thread), in ms. */
  parseMs: number;
}

export class IndexStorage extends Disposable {
  private readonly delayer = this.register(new Delayer(SAVE_DELAY_MS));
  private pending: (() => Array<{ shard: number; serialize: () => string }>) | undefined;
  private writing: Promise<void> = Promise.resolve();

  /** `storage`: the workspace's storage folder (none without a workspace: nothing is saved then). */
  constructor(private readonly storage: vscode.Uri | undefined) {
    super();
  }

  static shardFile(storage: vscode.Uri, shard: number): vscode.Uri {
    return vscode.Uri.joinPath(storage, FOLDER_NAME, `shard-${String(shard).padStart(2, '0')}.json`);
  }

  /** The saved index (shards that cannot be trusted start empty), or a new empty one. */
  async load(): Promise<LoadResult> {
    const storage = this.storage;
    if (!storage) return { index: new ShardedIndex(), from: 'none', discarded: false, parseMs: 0 };
    const shards: WorkspaceIndex[] = [];
    let loaded = 0;
    let discarded = false;
    let parseMs = 0;
    for (let i = 0; i < SHARD_COUNT; i++) {
      const file = IndexStorage.shardFile(storage, i);
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(file);
      } catch {
        continue;
      }
      const started = performance.now();
      const shard = WorkspaceIndex.deserialize(new TextDecoder().decode(bytes));
      parseMs = Math.max(parseMs, performance.now() - started);
      if (shard) {
        shards[i] = shard;
        loaded++;
      } else {
        discarded = true;
        await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
      }
      await yieldToHost();
    }
    if (discarded) log().info(vscode.l10n.t('The saved workspace index is damaged or from another version: it is built again.'));
    return { index: new ShardedIndex(shards), from: loaded ? 'storage' : discarded ? 'discarded' : 'none', discarded, parseMs };
  }

  /** Saves the shards `changed` gives after a quiet moment (the latest call wins). */
  schedule(changed: () => Array<{ shard: number; serialize: () => string }>): void {
    if (!this.storage) return;
    this.pending = changed;
    this.delayer.schedule(() => void this.flush());
  }

  /** Writes a pending save now; resolves when it is on disk (or failed, which is logged). */
  flush(): Promise<void> {
    this.delayer.cancel();
    const changed = this.pending;
    const storage = this.storage;
    this.pending = undefined;
    if (!changed || !storage) return this.writing;
    this.writing = this.writing.then(async () => {
      try {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(storage, FOLDER_NAME));
        for (const { shard, serialize } of changed()) {
          await vscode.workspace.fs.writeFile(IndexStorage.shardFile(storage, shard), new TextEncoder().encode(serialize()));
          await yieldToHost();
        }
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
    if (this.storage) await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.storage, FOLDER_NAME), { recursive: true }).then(undefined, () => undefined);
  }
}
