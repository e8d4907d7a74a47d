// The extension's output channel (the one module-level singleton: every file may log) and the command that shows it.
import * as vscode from 'vscode';
import { registerCommand } from './commands';
import { COMMANDS } from './manifest-ids';

let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Kamerstuk Annotator', { log: true });
  return channel;
}

/** The log channel and its Show Log command; disposing closes the channel. */
export function registerLog(): vscode.Disposable {
  const output = log();
  return vscode.Disposable.from(
    { dispose: () => ((channel = undefined), output.dispose()) },
    registerCommand(COMMANDS.showLog, () => output.show()),
  );
}
