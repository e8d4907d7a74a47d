// The `kamerstuk.inTaggedPassage` context key: true while the cursor is in a tagged passage, so the editor's
// context menu offers the tag commands only where they apply.
import * as vscode from 'vscode';
import type { LetterAnchors } from './annotation-anchors';
import { anchoredAt } from './annotation-rules';

const KEY = 'kamerstuk.inTaggedPassage';

export function registerTaggedPassageContext(context: vscode.ExtensionContext, anchors: LetterAnchors): void {
  let last: boolean | undefined;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const anchored = editor && anchors.get(editor.document.uri);
    const inside =
      !!editor && !!anchored && anchored.version === editor.document.version && anchoredAt(anchored.items.map((i) => i.result), editor.document.offsetAt(editor.selection.active)).length > 0;
    if (inside === last) return;
    last = inside;
    void vscode.commands.executeCommand('setContext', KEY, inside);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    anchors.onDidChange(update),
  );
  update();
}
