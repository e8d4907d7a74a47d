// The Node implementation of the platform module (desktop and remote extension hosts): git through
// child_process, atomic replace of `file:` URIs through the operating system's rename.
import { execFile } from 'node:child_process';
import { chmod, realpath, rename, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { log } from './log';
import type { GitResult, Platform } from './platform';

const GIT_TIMEOUT_MS = 2000;
/** Enough for a letter's text (`git cat-file blob` of a previous version). */
const GIT_MAX_BYTES = 64 * 1024 * 1024;

export const platform: Platform = {
  kind: 'node',
  git,
  async atomicReplace(source, target) {
    if (target.scheme !== 'file') return false;
    await rename(source.fsPath, target.fsPath);
    return true;
  },
  async realTarget(uri) {
    if (uri.scheme !== 'file') return uri;
    return realpath(uri.fsPath).then(
      (path) => vscode.Uri.file(path),
      () => uri,
    );
  },
  async isReadOnly(uri) {
    if (uri.scheme !== 'file') return false;
    return stat(uri.fsPath).then(
      (s) => (s.mode & 0o222) === 0,
      () => false,
    );
  },
  async makeExecutable(target) {
    if (target.scheme !== 'file') return false;
    await chmod(target.fsPath, 0o755);
    return true;
  },
  scriptRuntime: () => ({ path: process.execPath, electron: !!process.versions.electron }),
};

function git(args: readonly string[], cwd: string): Promise<GitResult | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', [...args], { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: GIT_MAX_BYTES, windowsHide: true }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
        if (code === undefined) {
          // Not started (no git on PATH) or killed by the timeout.
          log().debug(`git ${args.join(' ')}: ${error?.message}`);
          resolve(undefined);
          return;
        }
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      });
    } catch (e) {
      log().debug(`git ${args.join(' ')}: ${String(e)}`);
      resolve(undefined);
    }
  });
}
