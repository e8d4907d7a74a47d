// A base class for everything in the editor layer that owns listeners, watchers or emitters: register them once,
// dispose them all once (later registrations after dispose are disposed at once), and report every failure.
import type * as vscode from 'vscode';

/** Thrown by dispose() when more than one owned resource failed to dispose. */
export class DisposeErrors extends Error {
  constructor(readonly errors: readonly unknown[]) {
    super(`${errors.length} resources failed to dispose: ${errors.map(String).join('; ')}`);
  }
}

/** Disposes every item, even when some throw; throws the error (or a DisposeErrors) afterwards. */
export function disposeAll(items: Iterable<vscode.Disposable>): void {
  const errors: unknown[] = [];
  for (const d of items) {
    try {
      d.dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new DisposeErrors(errors);
}

/** One disposable for several: disposes them in reverse order, every one even when some throw. */
export function combine(...items: vscode.Disposable[]): vscode.Disposable {
  let disposed = false;
  return {
    dispose: () => {
      if (disposed) return;
      disposed = true;
      disposeAll([...items].reverse());
    },
  };
}

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Owns `item`: it is disposed with this object (at once, if this object is disposed already). */
  protected register<T extends vscode.Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.owned.push(item);
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.owned.splice(0).reverse());
  }
}
