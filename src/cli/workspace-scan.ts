// The file-system side of the workspace index for the CLI: walking a folder for the files the index knows
// (markdown notes and letters, annotation files; core/workspace decides which is which), and reading many files
// with a few reads in flight.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { isAnnotationFilePath, isMarkdownPath } from '../core/workspace';

export interface WalkOptions {
  /** Folder names never entered, besides those starting with '.'. */
  skip: ReadonlySet<string>;
  /** Leave out files whose name starts with '.' too. */
  skipHiddenFiles?: boolean;
  /** Take every entry that is not a folder (symbolic links, too), not only regular files. */
  anyEntry?: boolean;
}

export interface WorkspaceFiles {
  /** `*.md` files, sorted by name within each folder, folders depth-first in name order. */
  markdown: string[];
  /** `*.annotations.yaml` files, in the same order. */
  annotations: string[];
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every markdown and annotation file under `dir`, skipping hidden folders and `options.skip`. */
export async function walkWorkspace(dir: string, options: WalkOptions): Promise<WorkspaceFiles> {
  const out: WorkspaceFiles = { markdown: [], annotations: [] };
  const walk = async (d: string): Promise<void> => {
    const entries = await fs.readdir(d, { withFileTypes: true });
    entries.sort(byName);
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !options.skip.has(e.name)) await walk(p);
      } else if ((e.isFile() || options.anyEntry) && !(options.skipHiddenFiles && e.name.startsWith('.'))) {
        if (isAnnotationFilePath(e.name)) out.annotations.push(p);
        else if (/\.md$/i.test(e.name) && isMarkdownPath(e.name)) out.markdown.push(p);
      }
    }
  };
  await walk(dir);
  return out;
}

const BUILD_OUTPUT: ReadonlySet<string> = new Set(['node_modules', 'out', 'dist']);

/** Every annotation file under `dir` (skipping hidden folders and build output), sorted: what check and report read. */
export async function annotationFilesUnder(dir: string): Promise<string[]> {
  return (await walkWorkspace(dir, { skip: BUILD_OUTPUT, anyEntry: true })).annotations.sort();
}

/**
 * Reads `paths` with up to `parallel` reads in flight and hands each text to `use` in the order of `paths`
 * (so output stays in that order); a failed read rejects with its path's error.
 */
export async function readInOrder(
  paths: readonly string[],
  read: (path: string) => Promise<string>,
  use: (path: string, text: string) => void,
  parallel = 16,
): Promise<void> {
  const pending: Array<Promise<string>> = [];
  let next = 0;
  const fill = () => {
    while (next < paths.length && pending.length < parallel) {
      const p = read(paths[next++]);
      p.catch(() => undefined); // awaited in order below; a later failure must not count as unhandled meanwhile
      pending.push(p);
    }
  };
  fill();
  for (let i = 0; i < paths.length; i++) {
    const text = await pending.shift()!;
    fill();
    use(paths[i], text);
  }
}
