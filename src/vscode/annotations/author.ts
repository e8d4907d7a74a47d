// The author recorded on new tags: the `kamerstuk.author` setting, else git's `user.name` in the letter's
// workspace folder (asked once per folder, with a timeout; never in the browser, which has no git), else none.
import * as vscode from 'vscode';
import { platform } from './platform';
import { settings } from './settings';

export class AnnotationAuthor {
  private readonly gitNames = new Map<string, Promise<string | undefined>>();

  async for(letter: vscode.Uri): Promise<string | undefined> {
    const configured = settings.author();
    if (configured) return configured;
    const folder = vscode.workspace.getWorkspaceFolder(letter);
    if (!folder || folder.uri.scheme !== 'file') return undefined;
    const key = folder.uri.toString();
    let name = this.gitNames.get(key);
    if (!name) this.gitNames.set(key, (name = platform.gitUserName(folder.uri.fsPath)));
    return name;
  }
}
