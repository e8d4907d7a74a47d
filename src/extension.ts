// activate(): wires the editor features, nothing else.
import * as vscode from 'vscode';
import { log, registerLog } from './vscode/log';

export function activate(context: vscode.ExtensionContext): void {
  registerLog(context);
  log().info(vscode.l10n.t('Kamerstuk Annotator activated ({0})', vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'));
}

export function deactivate(): void {}
