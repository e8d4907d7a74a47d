// The author recorded on new tags: the `kamerstuk.author` setting (application-scoped), else git's `user.name` in
// the letter's workspace folder (asked once per folder; never in Restricted Mode, which runs no git, nor in the
// browser, which has none), else none.
import * as vscode from 'vscode';
import { platform } from '../common/platform';
import { settings } from '../common/settings';

export class AnnotationAuthor {
  private readonly gitNames = new Map<string, Promise<string | undefined>>();

  async for(letter: vscode.Uri): Promise<string | undefined> {
    const configured = settings.author();
    if (configured) return configured;
    if (!vscode.workspace.isTrusted) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(letter);
    if (!folder || folder.uri.scheme !== 'file') return undefined;
    const key = folder.uri.toString();
    let name = this.gitNames.get(key);
    if (!name) this.gitNames.set(key, (name = gitUserName(folder.uri.fsPath)));
    return name;
  }
}

async function gitUserName(cwd: string): Promise<string | undefined> {
  const result = await platform.git(['config', 'user.name'], cwd);
  return result?.code === 0 ? result.stdout.trim() || undefined : undefined;
}
