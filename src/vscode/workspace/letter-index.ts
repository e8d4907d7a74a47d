// Finds the letters in the workspace by canonical id: the `kamerstuk:` key of a markdown file's front matter,
// or a file name such as `kst-29754-716.md`. One index for the whole extension, built once and then kept up to
// date file by file (only the changed file's head is read again).
import * as vscode from 'vscode';
import { readFrontMatter } from '../core/markdown';

const FILE_NAME_ID = /^((?:kst|h-tk|h-ek|ah-tk|ah-ek|stb|stcrt)-[0-9A-Za-z-]+|\d{4}[DZ]\d{5})\.md$/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const HEAD_BYTES = 4096;
const MAX_FILES = 5000;

/** The canonical id a letter declares: front matter first, else its file name. */
export function letterIdOf(fileName: string, head: string): string | undefined {
  const fm = FRONT_MATTER.exec(head);
  if (fm) {
    const id = readFrontMatter(fm[1], 0, fm[0].length).selfId;
    if (id) return id;
  }
  return FILE_NAME_ID.exec(fileName)?.[1];
}

async function idOfFile(uri: vscode.Uri): Promise<string | undefined> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return letterIdOf(name, new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES)));
  } catch {
    return undefined;
  }
}

/** The shared index: file -> declared id, kept current by one file watcher. */
class LetterIndex implements vscode.Disposable {
  private readonly byFile = new Map<string, { uri: vscode.Uri; id?: string }>();
  private built: Promise<void> | undefined;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  private readonly subscriptions: vscode.Disposable[];
  users = 0;

  constructor() {
    const update = (uri: vscode.Uri) => void this.update(uri);
    this.subscriptions = [
      this.watcher,
      this.watcher.onDidCreate(update),
      this.watcher.onDidChange(update),
      this.watcher.onDidDelete((uri) => this.byFile.delete(uri.toString())),
    ];
  }

  ready(): Promise<void> {
    this.built ??= this.build();
    return this.built;
  }

  private async build(): Promise<void> {
    const uris = await vscode.workspace.findFiles('**/*.md', '{**/node_modules/**,**/.git/**}', MAX_FILES);
    // A few reads at a time: a large workspace should not open thousands of files at once.
    let next = 0;
    const worker = async () => {
      while (next < uris.length) await this.update(uris[next++]);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  private async update(uri: vscode.Uri): Promise<void> {
    this.byFile.set(uri.toString(), { uri, id: await idOfFile(uri) });
  }

  find(id: string): vscode.Uri | undefined {
    let best: vscode.Uri | undefined;
    for (const entry of this.byFile.values()) {
      // Deterministic when two files declare the same id: the shortest path wins.
      if (entry.id === id && (!best || entry.uri.path.length < best.path.length)) best = entry.uri;
    }
    return best;
  }

  all(): Map<string, vscode.Uri> {
    const out = new Map<string, vscode.Uri>();
    for (const { id, uri } of this.byFile.values()) if (id && !out.has(id)) out.set(id, uri);
    return out;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

let shared: LetterIndex | undefined;

/** A handle on the shared letter index; the index lives while any handle does. */
export class WorkspaceLetters implements vscode.Disposable {
  private readonly index: LetterIndex;
  private disposed = false;

  constructor() {
    this.index = shared ??= new LetterIndex();
    this.index.users++;
  }

  /** The workspace file of the letter with this id, waiting for the first scan of the workspace if needed. */
  async find(id: string): Promise<vscode.Uri | undefined> {
    await this.index.ready();
    return this.index.find(id);
  }

  /** Like find, but answers within `ms` (undefined if the first scan is still running): for hovers. */
  async findSoon(id: string, ms: number): Promise<vscode.Uri | undefined> {
    const ready = await Promise.race([this.index.ready().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
    return ready ? this.index.find(id) : undefined;
  }

  async all(): Promise<Map<string, vscode.Uri>> {
    await this.index.ready();
    return this.index.all();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (--this.index.users === 0) {
      this.index.dispose();
      if (shared === this.index) shared = undefined;
    }
  }
}
