// Shared helpers for suites running inside VS Code.
import { strict as assert } from 'node:assert';
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

/** The extension's test API (activating it if needed); the extension exports it only in ExtensionMode.Test. */
export async function extensionApi(): Promise<import('../../src/vscode/testing/test-api').TestApi> {
  const ext = vscode.extensions.getExtension<import('../../src/extension').KamerstukApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in the test VS Code`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  if (!api.testing) throw new Error('the extension exports no test API: it does not run in ExtensionMode.Test');
  return api.testing;
}

export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

export async function readWorkspaceFile(relative: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));
  } catch {
    return undefined;
  }
}

export async function writeWorkspaceFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Selects the first occurrence of `needle` in the editor and returns its offsets. */
export function selectText(editor: vscode.TextEditor, needle: string): { start: number; end: number } {
  const start = editor.document.getText().indexOf(needle);
  if (start < 0) throw new Error(`'${needle}' not found in ${editor.document.uri.path}`);
  const end = start + needle.length;
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
  return { start, end };
}

/** The position `delta` characters into the first occurrence of `needle`. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 2): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `'${needle}' not found in ${doc.uri.path}`);
  return doc.positionAt(i + delta);
}

/** The text of all hovers, joined. */
export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** A new untitled markdown note with `content`, shown in an editor. */
export async function scratch(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(doc);
}
