// The CLI this extension ships (dist/cli.js), copied to a stable place in the extension's global storage, so a
// git merge driver or hook that runs it keeps working across extension updates (the extension folder's name
// changes with every version). The copy is refreshed whenever it differs from the shipped one.
import * as vscode from 'vscode';
import { CLI_FILE_NAME, type CliInvocation } from '../../core/team';
import { platform } from '../common/platform';

/** How git can run the CLI on this machine, after making sure the stable copy is current; undefined in the browser. */
export async function installedCli(context: vscode.ExtensionContext): Promise<CliInvocation | undefined> {
  const runtime = platform.scriptRuntime();
  if (!runtime || context.globalStorageUri.scheme !== 'file') return undefined;
  const shipped = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js'));
  const target = vscode.Uri.joinPath(context.globalStorageUri, 'bin', CLI_FILE_NAME);
  if (!(await sameBytes(target, shipped))) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, shipped);
  }
  return { runtime: runtime.path, electron: runtime.electron, cli: target.fsPath };
}

/** The stable copy's invocation without writing anything (to compare with a configured driver). */
export function expectedCli(context: vscode.ExtensionContext): CliInvocation | undefined {
  const runtime = platform.scriptRuntime();
  if (!runtime || context.globalStorageUri.scheme !== 'file') return undefined;
  return { runtime: runtime.path, electron: runtime.electron, cli: vscode.Uri.joinPath(context.globalStorageUri, 'bin', CLI_FILE_NAME).fsPath };
}

async function sameBytes(file: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  try {
    const current = await vscode.workspace.fs.readFile(file);
    return current.length === bytes.length && current.every((b, i) => b === bytes[i]);
  } catch {
    return false;
  }
}
