// Timers of the editor layer: the latest work per key once the key has been quiet for a while (KeyedDebounce),
// and the single-key case (Delayer).
import type * as vscode from 'vscode';

export class KeyedDebounce implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  schedule(key: string, delayMs: number, run: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, delayMs),
    );
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
  }
}

/** Runs the latest scheduled work once nothing was scheduled for `delayMs`. */
export class Delayer implements vscode.Disposable {
  private readonly debounce = new KeyedDebounce();

  constructor(private readonly delayMs: number) {}

  schedule(run: () => void, delayMs = this.delayMs): void {
    this.debounce.schedule('', delayMs, run);
  }

  cancel(): void {
    this.debounce.cancel('');
  }

  dispose(): void {
    this.debounce.dispose();
  }
}
