// git in a repository folder, for the team setup: the repository's top level, config values and paths inside
// .git. Runs only in a trusted workspace (Restricted Mode runs no git) and on disk.
import * as vscode from 'vscode';
import { type GitResult, platform } from '../common/platform';

/** git cannot run here: Restricted Mode, or no git on the PATH. The message says which, for the user. */
export class GitUnavailableError extends Error {}

async function git(args: string[], cwd: string): Promise<GitResult> {
  if (!vscode.workspace.isTrusted) throw new GitUnavailableError(vscode.l10n.t('Git is not run in Restricted Mode: trust this workspace first.'));
  const result = await platform.git(args, cwd);
  if (!result) throw new GitUnavailableError(vscode.l10n.t('Git could not be started. Install git and make sure it is on the PATH.'));
  return result;
}

export class Repository {
  private constructor(readonly root: vscode.Uri) {}

  /** The repository containing `folder`; undefined when it is none. Throws GitUnavailableError without git. */
  static async at(folder: vscode.Uri): Promise<Repository | undefined> {
    if (folder.scheme !== 'file') return undefined;
    const result = await git(['rev-parse', '--show-toplevel'], folder.fsPath);
    return result.code === 0 ? new Repository(vscode.Uri.file(result.stdout.trim())) : undefined;
  }

  /** The effective value of a config key (any scope), undefined when unset. */
  async configGet(key: string): Promise<string | undefined> {
    const r = await git(['config', '--get', key], this.root.fsPath);
    return r.code === 0 ? r.stdout.replace(/\r?\n$/, '') : undefined;
  }

  async configSetLocal(key: string, value: string): Promise<void> {
    const r = await git(['config', '--local', key, value], this.root.fsPath);
    if (r.code !== 0) throw new Error(r.stderr.trim() || `git config ${key} failed (${r.code})`);
  }

  /** A path inside the repository's git directory (honours core.hooksPath for hooks), as a URI. */
  async gitPath(relative: string): Promise<vscode.Uri> {
    const r = await git(['rev-parse', '--git-path', relative], this.root.fsPath);
    if (r.code !== 0) throw new Error(r.stderr.trim() || `git rev-parse --git-path ${relative} failed (${r.code})`);
    const path = r.stdout.trim();
    return /^([a-zA-Z]:)?[\\/]/.test(path) ? vscode.Uri.file(path) : vscode.Uri.joinPath(this.root, path);
  }
}
