// Context keys of the active editor, so menus, keybindings and the Command Palette offer the tag commands only
// where they work: `kamerstuk.editorIsLetter` (the editor shows a letter that can be tagged) and
// `kamerstuk.inTaggedPassage` (the cursor is in a tagged passage) and `kamerstuk.inSuggestion` (in a suggested tag
// nobody reviewed yet, so Accept and Reject are offered).
import * as vscode from 'vscode';
import { Delayer } from '../../common/delay';
import { Disposable } from '../../common/disposable';
import { isWorkspaceDocument } from '../../common/documents';
import { isPendingSuggestion } from '../../../core/suggestions';
import { anchoredAtOffset, type LetterAnchors, passageOffset } from '../anchors';
import { letterVerdictFor } from '../letters';
import type { AnnotationStores } from '../store/stores';

const LETTER_CHECK_DELAY_MS = 300;

import { CONTEXT_KEYS } from '../../common/manifest-ids';

export class EditorContextKeys extends Disposable {
  private readonly last = new Map<string, boolean>();
  /** Bumped on every editor change, so a slow letter check for an earlier editor is not applied. */
  private generation = 0;

  private readonly letterCheck = this.register(new Delayer(LETTER_CHECK_DELAY_MS));

  constructor(
    private readonly anchors: LetterAnchors,
    stores: AnnotationStores,
  ) {
    super();
    const letterSoon = () => this.letterCheck.schedule(() => void this.updateLetter());
    this.register(vscode.window.onDidChangeTextEditorSelection(() => this.updatePassage()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.updateAll()));
    this.register(anchors.onDidChange(() => this.updatePassage()));
    // An annotation file appearing or going (the first tag, a checkout), or an edit of the front matter.
    this.register(stores.onDidChangeFiles(letterSoon));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && letterSoon()));
    this.updateAll();
  }

  private updateAll(): void {
    this.updatePassage();
    void this.updateLetter();
  }

  private updatePassage(): void {
    const editor = vscode.window.activeTextEditor;
    const anchored = editor && this.anchors.get(editor.document.uri);
    const hits =
      editor && anchored && anchored.version === editor.document.version
        ? anchoredAtOffset(anchored, passageOffset(anchored, editor.document, editor.selection.active))
        : [];
    this.set(CONTEXT_KEYS.inTaggedPassage, hits.length > 0);
    const inSuggestion = hits.some((h) => isPendingSuggestion(h.annotation));
    this.set(CONTEXT_KEYS.inSuggestion, inSuggestion);
  }

  private async updateLetter(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    const isLetter = !!document && isWorkspaceDocument(document.uri) && (await letterVerdictFor(document)).letter;
    if (generation === this.generation) this.set(CONTEXT_KEYS.editorIsLetter, isLetter);
  }

  private set(key: string, value: boolean): void {
    if (this.last.get(key) === value) return;
    this.last.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
