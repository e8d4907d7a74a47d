// Finds the letters in the workspace by canonical id: the `kamerstuk:` key of a markdown file's front matter,
// or a file name such as `kst-29754-716.md`. Rebuilt lazily when markdown files change.
import * as vscode from 'vscode';
import { readFrontMatter } from '../core/markdown';

const FILE_NAME_ID = /^((?:kst|h-tk|h-ek|ah-tk|ah-ek|stb|stcrt)-[0-9A-Za-z-]+|\d{4}[DZ]\d{5})\.md$/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** The canonical id a letter declares: front matter first, else its file name. */
export function letterIdOf(fileName: string, head: string): string | undefined {
  const fm = FRONT_MATTER.exec(head);
  if (fm) {
    const id = readFrontMatter(fm[1], 0, fm[0].length).selfId;
    if (id) return id;
  }
  return FILE_NAME_ID.exec(fileName)?.[1];
}

export class WorkspaceLetters implements vscode.Disposable {
  private byId: Promise<Map<string, vscode.Uri>> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const reset = () => (this.byId = undefined);
    this.disposables.push(watcher, watcher.onDidCreate(reset), watcher.onDidDelete(reset), watcher.onDidChange(reset));
  }

  /** The workspace file of the letter with this id, if there is one. */
  async find(id: string): Promise<vscode.Uri | undefined> {
    this.byId ??= this.build();
    return (await this.byId).get(id);
  }

  async all(): Promise<Map<string, vscode.Uri>> {
    this.byId ??= this.build();
    return this.byId;
  }

  private async build(): Promise<Map<string, vscode.Uri>> {
    const map = new Map<string, vscode.Uri>();
    const uris = await vscode.workspace.findFiles('**/*.md', '{**/node_modules/**,**/.git/**}', 5000);
    for (const uri of uris) {
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      let head = '';
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        head = new TextDecoder().decode(bytes.subarray(0, 4096));
      } catch {
        continue;
      }
      const id = letterIdOf(name, head);
      if (id && !map.has(id)) map.set(id, uri);
    }
    return map;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
