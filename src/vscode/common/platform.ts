// The few operations the editor layer needs from Node, behind one interface so the extension also runs in the
// browser (vscode.dev, github.dev: the web worker extension host). This module re-exports the Node implementation;
// the web bundle swaps it for platform-web at build time (an esbuild plugin in scripts/bundles.mjs), so no Node
// code ends up in dist/web/extension.js.
import type * as vscode from 'vscode';

export interface Platform {
  /** 'node' in the desktop and remote extension hosts, 'web' in the browser's web worker host. */
  readonly kind: 'node' | 'web';
  /** git's `user.name` in `cwd` (a file system path), or undefined when git is unavailable or has none. */
  gitUserName(cwd: string): Promise<string | undefined>;
  /**
   * Moves `source` over `target` atomically, if this platform can for their scheme. Returns false when it cannot;
   * the caller then falls back to vscode.workspace.fs.rename with overwrite.
   */
  atomicReplace(source: vscode.Uri, target: vscode.Uri): Promise<boolean>;
}

export { platform } from './platform-node';
