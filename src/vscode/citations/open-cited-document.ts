// Where a cited document lives: its letter in the workspace when there is one, otherwise its official
// publication. Shared by Go to Definition, document links and the "Open cited document" command.
import * as vscode from 'vscode';
import { officialUrl, refAt } from '../core/citations';
import type { CitationDocuments } from './citation-documents';
import type { WorkspaceLetters } from './workspace-letters';

export type CitedTarget = { kind: 'workspace'; uri: vscode.Uri } | { kind: 'external'; uri: vscode.Uri };

export async function citedTarget(letters: WorkspaceLetters, id: string): Promise<CitedTarget | undefined> {
  const local = await letters.find(id);
  if (local) return { kind: 'workspace', uri: local };
  const url = officialUrl(id);
  return url ? { kind: 'external', uri: vscode.Uri.parse(url, true) } : undefined;
}

export async function openTarget(target: CitedTarget): Promise<void> {
  if (target.kind === 'workspace') await vscode.window.showTextDocument(target.uri, { preview: false });
  else await vscode.env.openExternal(target.uri);
}

/** The id of the citation at the cursor of the active markdown editor. */
export function idAtCursor(citations: CitationDocuments): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  return refAt(citations.get(editor.document).refs, editor.document.offsetAt(editor.selection.active))?.id ?? undefined;
}
