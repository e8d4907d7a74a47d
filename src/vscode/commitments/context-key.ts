// The context key `kamerstuk.inCommitment`: the cursor is in a passage tagged as a commitment, so the editor's
// context menu and the Command Palette offer the follow-up commands there (and not on other tags).
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { CONTEXT_KEYS } from '../common/manifest-ids';
import { anchoredAtOffset, type LetterAnchors, passageOffset } from '../annotations/anchors';
import type { CommitmentsModel } from './commitments-model';

export class CommitmentContextKey extends Disposable {
  private last: boolean | undefined;

  constructor(
    private readonly anchors: LetterAnchors,
    private readonly model: CommitmentsModel,
  ) {
    super();
    const update = () => this.update();
    this.register(vscode.window.onDidChangeTextEditorSelection(update));
    this.register(vscode.window.onDidChangeActiveTextEditor(update));
    this.register(anchors.onDidChange(update));
    this.register(model.onDidChange(update));
    update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const anchored = editor && this.anchors.get(editor.document.uri);
    const tags = this.model.tags();
    const inside =
      !!editor &&
      !!anchored &&
      anchored.version === editor.document.version &&
      anchoredAtOffset(anchored, passageOffset(anchored, editor.document, editor.selection.active)).some((h) => tags.includes(h.annotation.tag));
    if (inside === this.last) return;
    this.last = inside;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.inCommitment, inside);
  }
}
