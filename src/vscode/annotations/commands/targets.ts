// Which annotation a command acts on: the one given as argument (a view item, a hover link `{ id, letter }`),
// else the tagged passage at the cursor (a quick pick when passages overlap there).
import * as vscode from 'vscode';
import type { LetterAnchors } from './annotation-anchors';
import { anchoredAt, excerpt } from './annotation-rules';
import type { AnnotationTaxonomy } from './annotation-taxonomy';

export interface AnnotationTarget {
  letter: vscode.Uri;
  id: string;
}

/** A target from a command argument: `{ id, letter }` with letter a Uri or its string (a view item has both). */
export function targetFromArgument(arg: unknown): AnnotationTarget | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const { id, letter } = arg as { id?: unknown; letter?: unknown };
  if (typeof id !== 'string' || !id) return undefined;
  if (letter instanceof vscode.Uri) return { id, letter };
  if (typeof letter === 'string' && letter) return { id, letter: vscode.Uri.parse(letter) };
  if (letter && typeof letter === 'object' && 'scheme' in letter && 'path' in letter) return { id, letter: vscode.Uri.from(letter as vscode.Uri) };
  return undefined;
}

/** The annotation at the cursor of the active editor; undefined (with a message shown by the caller) if none. */
export async function targetAtCursor(anchors: LetterAnchors, taxonomy: AnnotationTaxonomy): Promise<AnnotationTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const anchored = await anchors.ensure(editor.document.uri);
  if (!anchored) return undefined;
  const hits = anchoredAt(anchored.items.map((i) => i.result), editor.document.offsetAt(editor.selection.active));
  if (hits.length <= 1) return hits[0] && { letter: editor.document.uri, id: hits[0].id };
  const picked = await vscode.window.showQuickPick(
    hits.map((h) => {
      const a = anchored.byId.get(h.id)!.annotation;
      return { label: taxonomy.label(a.tag), description: excerpt(a.quote), id: h.id };
    }),
    { placeHolder: vscode.l10n.t('Several tags overlap here: which one?') },
  );
  return picked && { letter: editor.document.uri, id: picked.id };
}
