// Finds the letters in the workspace by canonical id: the `kamerstuk:` key of a markdown file's front matter,
// or a file name such as `kst-29754-716.md` (core/letters decides). One index for the whole extension, built
// once and then kept up to date file by file (only the changed file's head is read again).
import * as vscode from 'vscode';
import { LETTER_HEAD_LENGTH, letterFrontMatter, letterIdOf } from '../../core/letters';
import { Disposable } from '../common/disposable';
import { baseName, EXCLUDE } from '../common/documents';
import type { MarkdownFiles } from './markdown-files';

const MAX_FILES = 5000;
const PARALLEL_READS = 8;
/** Letters are `.md` files: an annotation file's letter is its `.md` sibling. */
const LETTER_GLOB = '**/*.md';
const isLetterFile = (uri: vscode.Uri) => uri.path.endsWith('.md');

/** A letter file's id and its front matter (read from the file's head). */
interface LetterEntry {
  uri: vscode.Uri;
  id?: string;
  frontMatter?: Record<string, unknown>;
}

async function readLetter(uri: vscode.Uri): Promise<LetterEntry> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    const head = new TextDecoder().decode(bytes.subarray(0, LETTER_HEAD_LENGTH));
    return { uri, id: letterIdOf(baseName(uri), head), frontMatter: letterFrontMatter(head) };
  } catch {
    return { uri };
  }
}

export class LetterIndex extends Disposable {
  private readonly byFile = new Map<string, LetterEntry>();
  private built: Promise<void> | undefined;
  /** The id a document goes by for each of its aliases (the metadata knows them); none until `useAliases`. */
  private canonicalId: (id: string) => string = (id) => id;

  constructor(files: MarkdownFiles) {
    super();
    this.register(files.onDidWrite((uri) => isLetterFile(uri) && void this.update(uri)));
    this.register(files.onDidDelete((uri) => this.byFile.delete(uri.toString())));
  }

  private ready(): Promise<void> {
    this.built ??= this.build();
    return this.built;
  }

  private async build(): Promise<void> {
    const uris = await vscode.workspace.findFiles(LETTER_GLOB, EXCLUDE, MAX_FILES);
    // A few reads at a time: a large workspace should not open thousands of files at once.
    let next = 0;
    const worker = async () => {
      while (next < uris.length) await this.update(uris[next++]);
    };
    await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  }

  private async update(uri: vscode.Uri): Promise<void> {
    const entry = await readLetter(uri);
    if (!this.isDisposed) this.byFile.set(uri.toString(), entry);
  }

  /** Letters are found under any alias of their id (a citation of 2024D25640 finds kst-29754-716.md). */
  useAliases(canonicalId: (id: string) => string): void {
    this.canonicalId = canonicalId;
  }

  private findNow(id: string): vscode.Uri | undefined {
    return this.entryOf(id)?.uri;
  }

  private entryOf(id: string): LetterEntry | undefined {
    const wanted = this.canonicalId(id);
    let best: LetterEntry | undefined;
    for (const entry of this.byFile.values()) {
      const same = entry.id !== undefined && (entry.id === id || this.canonicalId(entry.id) === wanted);
      // Deterministic when two files declare the same id: the shortest path wins.
      if (same && (!best || entry.uri.path.length < best.uri.path.length)) best = entry;
    }
    return best;
  }

  /** The id and front matter of the workspace letter with this id, within `ms` (a metadata source for hovers). */
  async frontMatterSoon(id: string, ms: number): Promise<{ id: string; data: Record<string, unknown> } | undefined> {
    const entry = (await this.findSoon(id, ms)) && this.entryOf(id);
    return entry?.id && entry.frontMatter ? { id: entry.id, data: entry.frontMatter } : undefined;
  }

  /** The workspace file of the letter with this id, waiting for the first scan of the workspace if needed. */
  async find(id: string): Promise<vscode.Uri | undefined> {
    await this.ready();
    return this.findNow(id);
  }

  /** Like find, but answers within `ms` (undefined if the first scan is still running): for hovers. */
  async findSoon(id: string, ms: number): Promise<vscode.Uri | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
    try {
      return (await Promise.race([this.ready().then(() => true), late])) ? this.findNow(id) : undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every letter by id (the first file found for an id). */
  async all(): Promise<Map<string, vscode.Uri>> {
    await this.ready();
    const out = new Map<string, vscode.Uri>();
    for (const { id, uri } of this.byFile.values()) if (id && !out.has(id)) out.set(id, uri);
    return out;
  }
}
