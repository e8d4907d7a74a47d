// Citations per open markdown document, computed lazily and cached by document version (an incremental index per
// open document). Which notes of the whole workspace cite what is the workspace index's (workspace-index.ts).
import * as vscode from 'vscode';
import { CitationIndex, type IndexSnapshot, type TextChange } from '../../core/markdown';
import { Disposable } from '../common/disposable';
import type { MarkdownFiles } from './markdown-files';
import type { WorkspaceIndexService } from './workspace-index';

export class WorkspaceCitationIndex extends Disposable {
  // `hint`: the changes of the single edit since the last update (offsets into the previous text); after two or
  // more edits the offsets no longer refer to one text, so the index is given no hint and finds the change itself.
  private readonly indexes = new Map<string, { index: CitationIndex; edits: number; hint?: TextChange[] }>();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** A markdown document's citations may have changed (an edit, a file change on disk). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    files: MarkdownFiles,
    private readonly workspaceIndex: WorkspaceIndexService,
  ) {
    super();
    this.register(files.onDidAny((uri) => this.changeEmitter.fire(uri)));
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

  /** Resolves when the workspace index (which notes cite what: workspace-index.ts) has had its first build. */
  workspace(): Promise<void> {
    return this.workspaceIndex.ready();
  }
}
