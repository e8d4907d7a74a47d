// The index worker (dist/index-worker.js, a Node worker_threads Worker of the desktop and remote extension hosts):
// stats and reads the workspace's files and runs core's indexFile on them, so the extension host's thread only
// receives the results. Never imports vscode.
import { readFile, stat } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { indexFile, type FileStamp, type IndexedFile } from '../../core/workspace';
import { MAX_INDEXED_FILE_BYTES, tooLarge, wholeMs, type WorkerFile, type WorkerReply, type WorkerRequest } from './index-protocol';
import { mapConcurrently } from '../../core/async/map-concurrently';

const PARALLEL_READS = 16;
const BATCH_FILES = 200;
const BATCH_MS = 100;

const cancelled = new Set<number>();
const decoder = new TextDecoder();
const post = (reply: WorkerReply) => parentPort?.postMessage(reply);

/** Runs `work` over the items, a few at a time, until the job is cancelled. */
async function each<T>(job: number, items: T[], work: (item: T) => Promise<void>): Promise<void> {
  await mapConcurrently(items, PARALLEL_READS, work, () => cancelled.has(job));
}

async function stampOf(file: WorkerFile): Promise<FileStamp | undefined> {
  try {
    const s = await stat(file.fsPath);
    return s.isFile() ? { path: file.path, size: s.size, mtime: wholeMs(s.mtimeMs) } : undefined;
  } catch {
    return undefined;
  }
}

async function stamps(job: number, files: WorkerFile[]): Promise<void> {
  const out: FileStamp[] = [];
  await each(job, files, async (f) => {
    const s = await stampOf(f);
    if (s) out.push(s);
  });
  post({ type: 'stamps', job, stamps: out });
}

async function entryOf(file: WorkerFile, stamp: FileStamp): Promise<IndexedFile> {
  if (stamp.size > MAX_INDEXED_FILE_BYTES) return tooLarge(stamp, 'too large');
  try {
    // Decoded as VS Code decodes a document (a byte order mark dropped), so offsets agree with the editor's.
    return indexFile(stamp, decoder.decode(await readFile(file.fsPath)));
  } catch (e) {
    return { ...indexFile(stamp, ''), problem: e instanceof Error ? e.message : String(e) };
  }
}

async function index(job: number, files: WorkerFile[]): Promise<void> {
  let batch: IndexedFile[] = [];
  let sent = Date.now();
  const flush = () => {
    if (batch.length) post({ type: 'batch', job, files: batch });
    batch = [];
    sent = Date.now();
  };
  await each(job, files, async (f) => {
    const stamp = await stampOf(f);
    // A file deleted since it was listed: the extension host hears of it from the watcher.
    if (!stamp) return;
    // Awaited before `batch` is read: another lane may have sent it and begun a new one meanwhile.
    const entry = await entryOf(f, stamp);
    batch.push(entry);
    if (batch.length >= BATCH_FILES || Date.now() - sent > BATCH_MS) flush();
  });
  flush();
  post({ type: 'done', job });
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'cancel') {
    cancelled.add(request.job);
    return;
  }
  const run = request.type === 'stat' ? stamps : index;
  run(request.job, request.files)
    .catch((e) => post({ type: 'error', job: request.job, message: e instanceof Error ? e.message : String(e) }))
    .finally(() => cancelled.delete(request.job));
});
