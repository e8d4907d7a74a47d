// Finds the letters in the workspace by canonical id: the `kamerstuk:` key of a markdown file's front matter, or a
// file name such as `kst-29754-716.md` (core decides, in the workspace index's entry of each file). The front matter
// of a letter is read from its head when asked for, and kept while the file's index entry stays the same.
import * as vscode from 'vscode';
import { LETTER_HEAD_LENGTH, letterFrontMatter } from '../../core/letters';
import { Disposable } from '../common/disposable';
import type { WorkspaceIndexService } from './workspace-index';

export class LetterIndex extends Disposable {
  /** The id a document goes by for each of its aliases (the metadata knows them); none until `useAliases`. */
  private canonicalId: (id: string) => string = (id) => id;
  private readonly heads = new Map<string, { hash: string; frontMatter?: Record<string, unknown> }>();

  constructor(private readonly index: WorkspaceIndexService) {
    super();
    this.register(index.onDidChange(() => this.heads.size > 200 && this.heads.clear()));
  }

  /** Letters are found under any alias of their id (a citation of 2024D25640 finds kst-29754-716.md). */
  useAliases(canonicalId: (id: string) => string): void {
    this.canonicalId = canonicalId;
  }

  private findNow(id: string): { id: string; uri: vscode.Uri } | undefined {
    const letters = this.index.lettersNow();
    const exact = letters.get(id);
    if (exact) return { id, uri: exact };
    const wanted = this.canonicalId(id);
    let best: { id: string; uri: vscode.Uri } | undefined;
    for (const [letterId, uri] of letters) {
      // Deterministic when two files declare the same id: the shortest path wins.
      if (this.canonicalId(letterId) === wanted && (!best || uri.path.length < best.uri.path.length)) best = { id: letterId, uri };
    }
    return best;
  }

  /** The id and front matter of the workspace letter with this id, within `ms` (a metadata source for hovers). */
  async frontMatterSoon(id: string, ms: number): Promise<{ id: string; data: Record<string, unknown> } | undefined> {
    if (!(await this.findSoon(id, ms))) return undefined;
    const found = this.findNow(id);
    if (!found) return undefined;
    const data = await this.frontMatterOf(found.uri);
    return data ? { id: found.id, data } : undefined;
  }

  private async frontMatterOf(uri: vscode.Uri): Promise<Record<string, unknown> | undefined> {
    const hash = this.index.entry(uri)?.hash ?? '';
    const key = uri.toString();
    const known = this.heads.get(key);
    if (known && known.hash === hash) return known.frontMatter;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const frontMatter = letterFrontMatter(new TextDecoder().decode(bytes.subarray(0, LETTER_HEAD_LENGTH)));
      this.heads.set(key, { hash, frontMatter });
      return frontMatter;
    } catch {
      return undefined;
    }
  }

  /** The workspace file of the letter with this id, waiting for the first scan of the workspace if needed. */
  async find(id: string): Promise<vscode.Uri | undefined> {
    await this.index.ready();
    return this.findNow(id)?.uri;
  }

  /** Like find, but answers within `ms` (undefined if the first scan is still running): for hovers. */
  async findSoon(id: string, ms: number): Promise<vscode.Uri | undefined> {
    if (this.index.isReady) return this.findNow(id)?.uri;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
    try {
      return (await Promise.race([this.index.ready().then(() => true), late])) ? this.findNow(id)?.uri : undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every letter by id. */
  async all(): Promise<Map<string, vscode.Uri>> {
    return this.index.letters();
  }
}
