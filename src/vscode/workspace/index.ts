// The workspace area: the index of notes, letters and annotation files is a service (workspace-index.ts, built in
// services.ts); this area registers what the user does with it: Stop indexing the workspace.
import type * as vscode from 'vscode';
import type { Services } from '../../services';
import { COMMANDS, registerCommand } from '../common/commands';

export function register({ workspaceIndex }: Services): vscode.Disposable {
  return registerCommand(COMMANDS.stopIndexing, () => workspaceIndex.stopBuilding());
}
