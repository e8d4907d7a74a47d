// The workspace folder a command writes into (folder-choice.ts decides): the active editor's, else the only one,
// else a pick among the workspace's folders.
import * as vscode from 'vscode';
import { folderChoice } from './folder-choice';

export type TargetFolder = { folder: vscode.WorkspaceFolder } | { none: true } | { cancelled: true };

/** `placeHolder`: the question the pick asks when the workspace has several folders and no editor decides. */
export async function targetFolder(placeHolder: string): Promise<TargetFolder> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const document = vscode.window.activeTextEditor?.document.uri;
  const own = document && vscode.workspace.getWorkspaceFolder(document);
  const choice = folderChoice(folders, own ? folders.find((f) => f.uri.toString() === own.uri.toString()) : undefined);
  if (choice.kind === 'none') return { none: true };
  if (choice.kind === 'use') return { folder: choice.folder };
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder, ignoreFocusOut: true });
  return picked ? { folder: picked } : { cancelled: true };
}
