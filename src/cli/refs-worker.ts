// A worker thread of `kamerstuk refs` over many files (started by parallel-refs.ts; built to dist/refs-worker.js by
// scripts/build.mjs): it reads each file of a batch it is sent and answers with the batch's rows, in the same order.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { refRows, type FileRows } from './ref-rows';
import type { RefsBatch, RefsBatchResult } from './parallel-refs';

function rowsOf(path: string, shown: string): FileRows {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  return refRows(shown, text);
}

parentPort?.on('message', (batch: RefsBatch) => {
  const answer: RefsBatchResult = { id: batch.id, files: batch.files.map((f) => rowsOf(f.path, f.shown)) };
  parentPort!.postMessage(answer);
});
