// Which documents the extension works on, and finding them: the markdown selector, the workspace scan's exclude
// glob, open documents by URI, and the file name of a URI.
import * as vscode from 'vscode';
import { isWorkspaceScheme } from '../../core/annotations';

/** Every provider of the extension works on markdown. */
export const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** Folders a workspace scan never enters. */
// `.versions`: the previous versions an import keeps beside a letter (KEPT_VERSIONS_FOLDER) are not letters or notes.
export const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.versions/**}';

const EXCLUDED_FOLDERS = new Set(['node_modules', '.git', '.versions']);

/** Whether a workspace-relative path ('/' separators) lies in a folder a scan never enters (see EXCLUDE). */
export function isExcludedPath(path: string): boolean {
  return path.split('/').some((segment, i, all) => i < all.length - 1 && EXCLUDED_FOLDERS.has(segment));
}

/** The last path segment of a URI (its file name). */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The open document with this URI, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
}

/** The document of `file` if it is open in an editor with unsaved changes. */
export function unsavedDocument(file: vscode.Uri): vscode.TextDocument | undefined {
  const open = openDocument(file);
  return open?.isDirty ? open : undefined;
}

/** Whether a document can be a letter or an annotation file: on disk or in the workspace's own file system. */
export function isWorkspaceDocument(uri: vscode.Uri): boolean {
  return isWorkspaceScheme(
    uri.scheme,
    (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme),
  );
}

/** The editor showing `uri`: the active one if it does, else a visible one. */
export function editorFor(uri: vscode.Uri): vscode.TextEditor | undefined {
  const key = uri.toString();
  const active = vscode.window.activeTextEditor;
  if (active?.document.uri.toString() === key) return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
}
