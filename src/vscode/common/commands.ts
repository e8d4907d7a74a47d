// The one way commands are registered: failures are logged and shown to the user, never left as an unhandled
// rejection. The ids are in manifest-ids.ts.
import * as vscode from 'vscode';
import { log } from './log';
import type { CommandId } from './manifest-ids';

export { COMMANDS, type CommandId } from './manifest-ids';

/** What a command does with an error it did not handle itself (the area's own wording, else a generic one). */
export type FailureReporter = (error: unknown) => void;

/** A generic failure report: logged with its stack, shown as an error message. */
function reportUnexpected(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  log().error(error instanceof Error ? (error.stack ?? text) : text);
  void vscode.window.showErrorMessage(vscode.l10n.t('Kamerstuk Annotator: the command failed: {0}', text));
}

/** Registers a command whose failures go to `report` (default: reportUnexpected) and resolve to undefined. */
export function registerCommand(id: CommandId, run: (...args: unknown[]) => unknown, report: FailureReporter = reportUnexpected): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (e) {
      report(e);
      return undefined;
    }
  });
}
