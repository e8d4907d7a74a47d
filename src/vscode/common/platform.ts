// The few operations the editor layer needs from Node, behind one interface so the extension also runs in the
// browser (vscode.dev, github.dev: the web worker extension host). This module re-exports the Node implementation;
// the web bundle swaps it for platform-web at build time (an esbuild plugin in scripts/bundles.mjs), so no Node
// code ends up in dist/web/extension.js.
import type * as vscode from 'vscode';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The JavaScript runtime of this extension host, to run the bundled CLI from git (a merge driver, a hook). */
export interface ScriptRuntime {
  /** The executable: plain Node, or VS Code's Electron binary. */
  path: string;
  /** Electron acts as Node only with ELECTRON_RUN_AS_NODE=1. */
  electron: boolean;
}

export interface Platform {
  /** 'node' in the desktop and remote extension hosts, 'web' in the browser's web worker host. */
  readonly kind: 'node' | 'web';
  /** Runs git in `cwd` (a file system path); undefined when git cannot be started (none in the browser). */
  git(args: readonly string[], cwd: string): Promise<GitResult | undefined>;
  /**
   * Moves `source` over `target` atomically, if this platform can for their scheme. Returns false when it cannot;
   * the caller then falls back to vscode.workspace.fs.rename with overwrite.
   */
  atomicReplace(source: vscode.Uri, target: vscode.Uri): Promise<boolean>;
  /** The file a symbolic link points at (the URI itself when it is no link, does not exist, or this platform cannot tell). */
  realTarget(uri: vscode.Uri): Promise<vscode.Uri>;
  /** Whether an existing file is read-only (no write permission for anyone); false where this platform cannot tell. */
  isReadOnly(uri: vscode.Uri): Promise<boolean>;
  /** Makes a file on disk executable (a git hook); false where this platform cannot. */
  makeExecutable(target: vscode.Uri): Promise<boolean>;
  /** The runtime that can run the bundled CLI, where there is one. */
  scriptRuntime(): ScriptRuntime | undefined;
}

export { platform } from './platform-node';
