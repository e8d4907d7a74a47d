// What the extension host and the index worker (index-worker.ts) say to each other, and the rules both runners
// share (no vscode import: the worker bundle has no vscode module).
import { indexFile, type FileStamp, type IndexedFile } from '../../core/workspace';

/** Larger files are listed in the index with a problem, never read (a generated dump is no note). */
export const MAX_INDEXED_FILE_BYTES = 5 * 1024 * 1024;

/** A file to stat or read: its index key and where it is on disk. */
export interface WorkerFile {
  path: string;
  fsPath: string;
}

export type WorkerRequest =
  { type: 'stat'; job: number; files: WorkerFile[] } | { type: 'index'; job: number; files: WorkerFile[] } | { type: 'cancel'; job: number };

export type WorkerReply =
  | { type: 'stamps'; job: number; stamps: FileStamp[] }
  | { type: 'batch'; job: number; files: IndexedFile[] }
  | { type: 'done'; job: number }
  | { type: 'error'; job: number; message: string };

/** The index entry of a file too large to read. */
export function tooLarge(stamp: FileStamp, problem: string): IndexedFile {
  return { ...indexFile(stamp, ''), problem };
}

/** Whole milliseconds, as vscode.workspace.fs.stat reports them, so both runners stamp a file alike. */
export const wholeMs = (ms: number) => Math.trunc(ms);
