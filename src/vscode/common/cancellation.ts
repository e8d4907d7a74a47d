// VS Code's cancellation tokens as the AbortSignals that core functions take.
import type * as vscode from 'vscode';

/** Runs `work` with an AbortSignal that aborts when `token` is cancelled (no token: a signal that never aborts). */
export async function withAbortSignal<T>(token: vscode.CancellationToken | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  if (token?.isCancellationRequested) controller.abort();
  const subscription = token?.onCancellationRequested(() => controller.abort());
  try {
    return await work(controller.signal);
  } finally {
    subscription?.dispose();
  }
}
