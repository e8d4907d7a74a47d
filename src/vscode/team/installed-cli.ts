// The CLI this extension ships (dist/cli.js), copied to a stable place in the extension's global storage, so a
// git merge driver or hook that runs it keeps working across extension updates (the extension folder's name
// changes with every version). The copy is replaced atomically, so a merge running meanwhile never reads half.
import * as vscode from 'vscode';
import { CLI_FILE_NAME, type CliInvocation } from '../../core/team';
import { platform } from '../common/platform';
import { readTextOrEmpty, replaceAtomically } from '../common/workspace-files';

/** Where the stable copy lives and how git runs it; undefined where no runtime can (the browser). */
export function expectedCli(context: vscode.ExtensionContext): CliInvocation | undefined {
  const runtime = platform.scriptRuntime();
  if (!runtime || context.globalStorageUri.scheme !== 'file') return undefined;
  return { runtime: runtime.path, electron: runtime.electron, cli: stableCopy(context).fsPath };
}

/** The invocation, after making sure the stable copy is the CLI of this version of the extension. */
export async function installedCli(context: vscode.ExtensionContext): Promise<CliInvocation | undefined> {
  const expected = expectedCli(context);
  if (expected) await refreshCopy(context, true);
  return expected;
}

/**
 * Brings the stable copy up to date with the shipped CLI (after an extension update). Without `create`, only an
 * existing copy is refreshed: a machine that never set up a repository gets no file.
 */
export async function refreshCopy(context: vscode.ExtensionContext, create: boolean): Promise<void> {
  const target = stableCopy(context);
  const current = await readTextOrEmpty(target);
  if (!current && !create) return;
  const shipped = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js')));
  if (current === shipped) return;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  await replaceAtomically(target, shipped);
}

function stableCopy(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.globalStorageUri, 'bin', CLI_FILE_NAME);
}
