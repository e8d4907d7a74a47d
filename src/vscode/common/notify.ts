// Messages to the user, shown without blocking the command that shows them (so keyboard use and tests never wait
// on a notification); warnings and errors also go to the log. The last messages are kept for the test API.
import * as vscode from 'vscode';
import { log } from './log';

const MAX_RECENT = 50;

export type Level = 'info' | 'warning' | 'error';

export class Notifier {
  private readonly recent: string[] = [];

  /** Shows a message; `actions` run when their button is chosen. */
  notify(level: Level, text: string, actions: Record<string, () => unknown> = {}): void {
    this.recent.push(text);
    if (this.recent.length > MAX_RECENT) this.recent.shift();
    if (level !== 'info') log().info(text);
    const show =
      level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(text, ...Object.keys(actions)).then((choice) => {
      if (choice) void Promise.resolve(actions[choice]()).catch((e) => log().error(String(e)));
    });
  }

  /** The messages shown most recently, oldest first. */
  recentMessages(): readonly string[] {
    return this.recent;
  }
}
