// Messages of the annotation commands, shown without blocking the command (so keyboard use and tests never wait
// on a notification), and remembered for the test hook `AnnotationsApi.messages`.
import * as vscode from 'vscode';
import { log } from './log';

const recent: string[] = [];
const MAX_RECENT = 50;

type Level = 'info' | 'warning' | 'error';

/** Shows a message; `actions` run when their button is chosen. */
export function notify(level: Level, text: string, actions: Record<string, () => unknown> = {}): void {
  recent.push(text);
  if (recent.length > MAX_RECENT) recent.shift();
  if (level !== 'info') log().info(text);
  const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(text, ...Object.keys(actions)).then((choice) => {
    if (choice) void Promise.resolve(actions[choice]()).catch((e) => log().error(String(e)));
  });
}

/** The messages shown most recently, oldest first. */
export function recentMessages(): readonly string[] {
  return recent;
}
