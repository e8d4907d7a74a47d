// Citations per markdown document, computed lazily and cached by document version (an incremental index per
// open document), plus a workspace-wide view of which notes cite which documents.
import * as vscode from 'vscode';
import type { CitationRef } from '../../core/citations';
import { CitationIndex, scanMarkdown, type IndexSnapshot, type TextChange } from '../../core/markdown';
import { LineIndex } from '../../core/text/line-index';
import { Disposable } from '../common/disposable';
import { EXCLUDE, openDocument } from '../common/documents';
import { MARKDOWN_GLOB, type MarkdownFiles } from './markdown-files';

const MAX_WORKSPACE_FILE_BYTES = 5 * 1024 * 1024;

export interface FileCitations {
  uri: vscode.Uri;
  /** Line starts of the file, for positions of its references (the text itself is not kept). */
  lines: LineIndex;
  refs: CitationRef[];
}

export class WorkspaceCitationIndex extends Disposable {
  // `hint`: the changes of the single edit since the last update (offsets into the previous text); after two or
  // more edits the offsets no longer refer to one text, so the index is given no hint and finds the change itself.
  private readonly indexes = new Map<string, { index: CitationIndex; edits: number; hint?: TextChange[] }>();
  private readonly files = new Map<string, { mtime: number; entry: FileCitations }>();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** A markdown document's citations may have changed (an edit, a file change on disk). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(files: MarkdownFiles) {
    super();
    const forget = (uri: vscode.Uri) => {
      this.files.delete(uri.toString());
      this.changeEmitter.fire(uri);
    };
    this.register(files.onDidAny(forget));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId !== 'markdown' || e.contentChanges.length === 0) return;
        const entry = this.indexes.get(e.document.uri.toString());
        // Changes are hints for the incremental index; it verifies them against the previous text.
        if (entry) {
          entry.edits++;
          entry.hint = entry.edits === 1 ? e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })) : undefined;
        }
        this.changeEmitter.fire(e.document.uri);
      }),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.indexes.delete(d.uri.toString())));
  }

  /** The citations of an open document at its current version. */
  get(document: vscode.TextDocument): IndexSnapshot {
    // A closed document gets an answer but no index: nothing would ever remove it again.
    if (document.isClosed) return new CitationIndex().update(document.getText(), document.version);
    const key = document.uri.toString();
    let entry = this.indexes.get(key);
    if (!entry) {
      entry = { index: new CitationIndex(), edits: 0 };
      this.indexes.set(key, entry);
    }
    const current = entry.index.current();
    if (current && current.version === document.version) return current;
    const hint = entry.hint;
    entry.edits = 0;
    entry.hint = undefined;
    return entry.index.update(document.getText(), document.version, hint);
  }

  /** Every markdown file of the workspace with its citations (open documents as edited). */
  async workspace(token?: vscode.CancellationToken): Promise<FileCitations[]> {
    const uris = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE, 5000, token);
    const out: FileCitations[] = [];
    for (const uri of uris) {
      if (token?.isCancellationRequested) break;
      const open = openDocument(uri);
      if (open) {
        out.push({ uri, lines: new LineIndex(open.getText()), refs: this.get(open).refs });
        continue;
      }
      const entry = await this.readFile(uri);
      if (entry) out.push(entry);
    }
    return out;
  }

  private async readFile(uri: vscode.Uri): Promise<FileCitations | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_WORKSPACE_FILE_BYTES) return undefined;
      const cached = this.files.get(uri.toString());
      if (cached && cached.mtime === stat.mtime) return cached.entry;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const entry = { uri, lines: new LineIndex(text), refs: scanMarkdown(text) };
      this.files.set(uri.toString(), { mtime: stat.mtime, entry });
      return entry;
    } catch {
      return undefined;
    }
  }
}
