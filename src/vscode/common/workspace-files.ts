// Reading and replacing small text files through vscode.workspace.fs (works in virtual workspaces and the browser).
import * as vscode from 'vscode';
import { tempFileName } from '../../core/annotations';
import { baseName } from './documents';
import { platform } from './platform';

/** The file's bytes; none when it does not exist. Any other read error is thrown: an unreadable file is not empty. */
export async function readBytesOrEmpty(uri: vscode.Uri): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return new Uint8Array();
    throw e;
  }
}

/** The file's text; '' when it does not exist. Any other read error is thrown: an unreadable file is not empty. */
export async function readTextOrEmpty(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await readBytesOrEmpty(uri));
}

/** A file whose bytes are not UTF-8: its text cannot be rewritten without losing characters. */
export class NotUtf8Error extends Error {}

/**
 * The file's text for rewriting it; '' when it does not exist. Throws NotUtf8Error (with a message for people) when
 * its bytes are not UTF-8, where readTextOrEmpty would turn them into U+FFFD and a write would lose them.
 */
export async function readUtf8OrEmpty(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readBytesOrEmpty(uri));
  } catch (e) {
    if (e instanceof TypeError) throw new NotUtf8Error(vscode.l10n.t('{0} is not UTF-8 text; it was not changed (save it as UTF-8 first)', baseName(uri)));
    throw e;
  }
}

/**
 * Writes a temp file next to the target and renames it over the target, so readers never see half a file; returns
 * false (the target untouched) when `unchanged` says the target changed since it was read. On disk the rename is
 * the operating system's (atomic: vscode.workspace.fs.rename with overwrite deletes the target first, so a watcher
 * or `git` could see the file missing); other file systems (virtual workspaces, the browser) use theirs. A symbolic
 * link is written through (its shared target changes, the link stays); a read-only file is refused.
 */
export async function replaceAtomically(link: vscode.Uri, text: string, unchanged: () => Promise<boolean> = async () => true): Promise<boolean> {
  const target = await platform.realTarget(link);
  if (await platform.isReadOnly(target)) throw new Error(vscode.l10n.t('{0} is read-only', baseName(link)));
  const name = baseName(target);
  const tmp = vscode.Uri.joinPath(target, '..', tempFileName(name, Math.random().toString(36).slice(2, 10)));
  const discard = () => vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
  try {
    await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
    if (!(await unchanged())) {
      await discard();
      return false;
    }
    if (!(await platform.atomicReplace(tmp, target))) await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
    return true;
  } catch (e) {
    await discard();
    throw e;
  }
}
