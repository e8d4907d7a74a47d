// The index runner of the browser's web worker host (and of virtual file systems elsewhere): files are read
// through vscode.workspace.fs and indexed on the extension host, in chunks of at most a few milliseconds of
// synchronous work with a macrotask between them, so hovers and other extensions get the thread in between.
import * as vscode from 'vscode';
import { indexFile, type FileStamp, type IndexedFile } from '../../core/workspace';
import { MAX_INDEXED_FILE_BYTES, tooLarge, wholeMs } from './index-protocol';
import type { IndexRunner, IndexTarget } from './index-runner';
import { yieldToHost } from './yield-to-host';
import { mapConcurrently } from '../../core/async/map-concurrently';

/** Synchronous work per chunk before the thread is given back. */
const CHUNK_MS = 12;
const PARALLEL_READS = 8;

async function stampOf(file: IndexTarget): Promise<FileStamp | undefined> {
  try {
    const s = await vscode.workspace.fs.stat(file.uri);
    return s.type & vscode.FileType.File ? { path: file.path, size: s.size, mtime: wholeMs(s.mtime) } : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `work` over the items, a few at a time. */
async function each<T>(items: T[], token: vscode.CancellationToken, work: (item: T) => Promise<void>): Promise<void> {
  await mapConcurrently(items, PARALLEL_READS, work, () => token.isCancellationRequested);
}

export class ChunkedIndexRunner implements IndexRunner {
  readonly kind = 'chunks' as const;
  private sliceStart = performance.now();

  /** Gives the thread back once the current slice of synchronous work is used up. */
  private async pace(): Promise<void> {
    if (performance.now() - this.sliceStart < CHUNK_MS) return;
    await yieldToHost();
    this.sliceStart = performance.now();
  }

  async stamps(files: IndexTarget[], token: vscode.CancellationToken): Promise<FileStamp[]> {
    const out: FileStamp[] = [];
    await each(files, token, async (f) => {
      const s = await stampOf(f);
      if (s) out.push(s);
      await this.pace();
    });
    return out;
  }

  async index(files: IndexTarget[], onBatch: (files: IndexedFile[]) => void, token: vscode.CancellationToken): Promise<void> {
    const decoder = new TextDecoder();
    const batch: IndexedFile[] = [];
    await each(files, token, async (f) => {
      const stamp = await stampOf(f);
      if (!stamp) return;
      if (stamp.size > MAX_INDEXED_FILE_BYTES) batch.push(tooLarge(stamp, 'too large'));
      else {
        try {
          const bytes = await vscode.workspace.fs.readFile(f.uri);
          await this.pace();
          batch.push(indexFile(stamp, decoder.decode(bytes)));
        } catch (e) {
          batch.push({ ...indexFile(stamp, ''), problem: e instanceof Error ? e.message : String(e) });
        }
      }
      if (batch.length >= 50) {
        onBatch(batch.splice(0));
        await this.pace();
      }
    });
    if (batch.length && !token.isCancellationRequested) onBatch(batch);
  }

  dispose(): void {}
}
