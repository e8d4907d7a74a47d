// Progress of the index's first build in the status bar (the Window location: no notification for a background
// task), with the number of files read so far.
import * as vscode from 'vscode';

export interface BuildProgress {
  /** `done` of `total` files are indexed. */
  report(done: number, total: number): void;
}

/** Runs `work` with status bar progress once it has taken longer than `delayMs` (small workspaces show nothing). */
export function withBuildProgress<T>(work: (progress: BuildProgress) => Promise<T>, delayMs = 300): Promise<T> {
  let last = { done: 0, total: 0 };
  let shown: vscode.Progress<{ message?: string }> | undefined;
  const message = () => vscode.l10n.t('Indexing notes and letters: {0} of {1}', last.done, last.total);
  const running = work({
    report(done, total) {
      last = { done, total };
      shown?.report({ message: message() });
    },
  });
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Workspace index') }, (p) => {
      shown = p;
      p.report({ message: message() });
      return running.then(
        () => undefined,
        () => undefined,
      );
    });
  }, delayMs);
  void running.finally(() => clearTimeout(timer)).catch(() => undefined);
  return running;
}
