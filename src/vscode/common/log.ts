// The extension's output channel and the command that shows it.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Kamerstuk Annotator', { log: true });
  return channel;
}

export function registerLog(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    log(),
    vscode.commands.registerCommand('kamerstuk.showLog', () => log().show()),
  );
}
