// The browser's index runner (swapped in for platform-node.ts by the web bundle): no worker threads, so chunks.
import type * as vscode from 'vscode';
import { ChunkedIndexRunner } from './chunked-runner';
import type { IndexRunner } from './index-runner';

export function createIndexRunner(_extensionUri: vscode.Uri): IndexRunner {
  return new ChunkedIndexRunner();
}
