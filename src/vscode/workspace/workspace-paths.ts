// The index's keys: a file's path relative to its workspace folder with '/' separators, prefixed with the folder's
// name when the workspace has several folders (as VS Code's own relative paths). Converts both ways.
import * as vscode from 'vscode';

export const workspacePaths = {
  /** The index key of a URI in one of the workspace's folders; undefined outside them. */
  of(uri: vscode.Uri): string | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (!uri.path.startsWith(base)) return undefined;
    const relative = uri.path.slice(base.length);
    return folders.length > 1 ? `${folder.name}/${relative}` : relative;
  },

  /** The URI of an index key; undefined when its folder is no longer open. */
  uri(path: string): vscode.Uri | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, path);
    const slash = path.indexOf('/');
    const folder = folders.find((f) => f.name === path.slice(0, slash));
    return folder ? vscode.Uri.joinPath(folder.uri, path.slice(slash + 1)) : undefined;
  },
};
