// Shared helpers for suites running inside VS Code.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kamerstuk-annotator.kamerstuk-annotator';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need the sample workspace open');
  return folder.uri.fsPath;
}

export async function openSample(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), relative)));
  return vscode.window.showTextDocument(doc);
}

/** Polls `get` until it returns a truthy value (editor features update asynchronously). */
export async function eventually<T>(get: () => T | PromiseLike<T>, message: string, ms = 10_000): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await get();
    if (last) return last as NonNullable<T>;
    if (Date.now() > until) throw new Error(`${message} (last value: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
