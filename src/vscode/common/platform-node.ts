// The Node implementation of the platform module (desktop and remote extension hosts): git through
// child_process, atomic replace of `file:` URIs through the operating system's rename.
import { execFile } from 'node:child_process';
import { rename } from 'node:fs/promises';
import { log } from './log';
import type { Platform } from './platform';

const GIT_TIMEOUT_MS = 2000;

export const platform: Platform = {
  kind: 'node',
  gitUserName,
  async atomicReplace(source, target) {
    if (target.scheme !== 'file') return false;
    await rename(source.fsPath, target.fsPath);
    return true;
  },
};

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
