// The author recorded on new tags: the `kamerstuk.author` setting, else git's `user.name` in the letter's
// workspace folder (asked once per folder, with a timeout), else none.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { log } from './log';
import { settings } from './settings';

const GIT_TIMEOUT_MS = 2000;

export class AnnotationAuthor {
  private readonly gitNames = new Map<string, Promise<string | undefined>>();

  async for(letter: vscode.Uri): Promise<string | undefined> {
    const configured = settings.author();
    if (configured) return configured;
    const folder = vscode.workspace.getWorkspaceFolder(letter);
    if (!folder || folder.uri.scheme !== 'file') return undefined;
    const key = folder.uri.toString();
    let name = this.gitNames.get(key);
    if (!name) this.gitNames.set(key, (name = gitUserName(folder.uri.fsPath)));
    return name;
  }
}

function gitUserName(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['config', 'user.name'], { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
        if (error) {
          log().debug(`git config user.name: ${error.message}`);
          resolve(undefined);
          return;
        }
        resolve(String(stdout).trim() || undefined);
      });
    } catch (e) {
      log().debug(`git config user.name: ${String(e)}`);
      resolve(undefined);
    }
  });
}
