// `kamerstuk refs` over many files on worker threads: the files go out in batches to whichever worker is free
// (refs-worker.ts reads and scans them), and the answers are handed on in the order of the files, so the output
// is the same as one thread's. Used only by the bundled CLI, next to which dist/refs-worker.js is built.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileRows } from './ref-rows';

export interface RefsFile {
  /** Where to read it. */
  path: string;
  /** How the rows name it. */
  shown: string;
}

export interface RefsBatch {
  id: number;
  files: RefsFile[];
}

export interface RefsBatchResult {
  id: number;
  files: FileRows[];
}

/** Fewer files than this are scanned in the command's own thread: starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 400;
const BATCH = 64;

/**
 * The worker entry and how many workers to start, or undefined to scan in this thread: too few files, one
 * processor, no built worker next to this bundle (unit tests run the sources), or KAMERSTUK_CLI_WORKERS=0.
 */
export function refsWorkerPlan(files: number, env: NodeJS.ProcessEnv = process.env): { entry: string; workers: number } | undefined {
  const entry = join(__dirname, 'refs-worker.js');
  const setting = env.KAMERSTUK_CLI_WORKERS;
  const asked = setting && /^\d+$/.test(setting) ? Number(setting) : undefined;
  const workers = Math.min(asked ?? Math.min(availableParallelism(), 8), Math.ceil(files / BATCH));
  if (workers < 1 || !existsSync(entry)) return undefined;
  if (asked === undefined && (files < MIN_FILES_FOR_WORKERS || workers < 2)) return undefined;
  return { entry, workers };
}

/**
 * Reads and scans `files` on `workers` threads, calling `use` for each file's rows in the order of `files`; a
 * rejection of `use` (a file that could not be read) stops the workers and rejects.
 */
export async function refRowsInWorkers(
  files: readonly RefsFile[],
  plan: { entry: string; workers: number },
  use: (file: RefsFile, rows: FileRows) => void,
): Promise<void> {
  const batches: RefsBatch[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ id: batches.length, files: files.slice(i, i + BATCH) });
  const done = new Map<number, FileRows[]>();
  const pool: Worker[] = [];
  let sent = 0;
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (w: Worker) => {
        if (sent < batches.length) w.postMessage(batches[sent++]);
      };
      const onResult = (w: Worker, result: RefsBatchResult) => {
        done.set(result.id, result.files);
        send(w);
        try {
          for (let rows = done.get(next); rows; rows = done.get(next)) {
            done.delete(next);
            const batch = batches[next++];
            rows.forEach((r, i) => use(batch.files[i], r));
          }
        } catch (e) {
          reject(e);
          return;
        }
        if (next === batches.length) resolve();
      };
      for (let i = 0; i < plan.workers; i++) {
        const w = new Worker(plan.entry);
        pool.push(w);
        w.on('message', (r: RefsBatchResult) => onResult(w, r));
        w.on('error', reject);
        w.on('exit', (code) => {
          if (next < batches.length) reject(new Error(`a refs worker stopped (exit code ${code})`));
        });
        send(w);
        send(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
