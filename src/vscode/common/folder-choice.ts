// Which workspace folder a command writes into (vscode-free, so it is unit-tested): the active editor's folder,
// else the only folder, else the analyst is asked among all of them. No folder open: none.
export type FolderChoice<F> = { kind: 'none' } | { kind: 'use'; folder: F } | { kind: 'ask'; folders: readonly F[] };

/** `active`: the workspace folder of the active editor's document, when it has one. */
export function folderChoice<F>(folders: readonly F[], active: F | undefined): FolderChoice<F> {
  if (active !== undefined && folders.includes(active)) return { kind: 'use', folder: active };
  if (folders.length === 0) return { kind: 'none' };
  if (folders.length === 1) return { kind: 'use', folder: folders[0] };
  return { kind: 'ask', folders };
}
