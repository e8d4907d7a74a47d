// The browser implementation of the platform module (the web worker extension host of vscode.dev and
// github.dev): no processes and no direct file system, so no git and no OS-level atomic rename.
import type { Platform } from './platform';

export const platform: Platform = {
  kind: 'web',
  git: async () => undefined,
  atomicReplace: async () => false,
  realTarget: async (uri) => uri,
  isReadOnly: async () => false,
  makeExecutable: async () => false,
  scriptRuntime: () => undefined,
};
