// One file watcher for the workspace's markdown files, whose events every index and feature subscribes to
// (instead of one watcher each).
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';

export const MARKDOWN_GLOB = '**/*.{md,markdown}';

export class MarkdownFiles extends Disposable {
  private readonly watcher = this.register(vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB));
  readonly onDidCreate = this.watcher.onDidCreate;
  readonly onDidChange = this.watcher.onDidChange;
  readonly onDidDelete = this.watcher.onDidDelete;

  /** Created or changed on disk. */
  onDidWrite(listener: (uri: vscode.Uri) => unknown): vscode.Disposable {
    return vscode.Disposable.from(this.onDidCreate(listener), this.onDidChange(listener));
  }

  /** Created, changed or deleted on disk. */
  onDidAny(listener: (uri: vscode.Uri) => unknown): vscode.Disposable {
    return vscode.Disposable.from(this.onDidWrite(listener), this.onDidDelete(listener));
  }
}
