// Who stats and reads the workspace's files for the index and runs core's indexFile on them: a worker thread in the
// desktop and remote extension hosts (platform-node.ts), chunks that yield to other work in the browser's web worker
// host (platform-web.ts). The web bundle swaps the import below at build time (scripts/bundles.mjs).
import type * as vscode from 'vscode';
import type { FileStamp, IndexedFile } from '../../core/workspace';

/** A workspace file the index knows by `path` (workspace-paths.ts). */
export interface IndexTarget {
  path: string;
  uri: vscode.Uri;
}

export interface IndexRunner extends vscode.Disposable {
  /** 'worker' when the files are read on a worker thread, 'chunks' when on the extension host in yielding chunks. */
  readonly kind: 'worker' | 'chunks';
  /** Size and modification time of each file (a file that cannot be stat'ed is left out). */
  stamps(files: IndexTarget[], token: vscode.CancellationToken): Promise<FileStamp[]>;
  /** Reads and indexes the files; results arrive in batches, in no particular order. Resolves when all are done. */
  index(files: IndexTarget[], onBatch: (files: IndexedFile[]) => void, token: vscode.CancellationToken): Promise<void>;
}

export { createIndexRunner } from './platform-node';
