// Which annotation a command acts on: the one given as argument (a view item, a hover link `{ id, letter }`),
// else the tagged passage at the cursor (a quick pick when passages overlap there), loaded from its store.
import * as vscode from 'vscode';
import { type Annotation, excerpt } from '../../../core/annotations';
import { baseName } from '../../common/documents';
import { anchoredAtOffset, passageOffset } from '../anchors';
import { assertEditable } from '../store/state';
import type { AnnotationCommandDeps } from './deps';

export interface AnnotationTarget {
  letter: vscode.Uri;
  id: string;
}

export type LoadedTarget = AnnotationTarget & { annotation: Annotation };

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
async function targetAtCursor(deps: AnnotationCommandDeps): Promise<AnnotationTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const anchored = await deps.anchors.ensure(editor.document.uri);
  if (!anchored) return undefined;
  const hits = anchoredAtOffset(anchored, passageOffset(anchored, editor.document, editor.selection.active));
  if (hits.length <= 1) return hits[0] && { letter: editor.document.uri, id: hits[0].annotation.id };
  const picked = await vscode.window.showQuickPick(
    hits.map(({ annotation: a }) => ({ label: deps.taxonomy.label(a.tag), description: excerpt(a.quote), id: a.id })),
    { placeHolder: vscode.l10n.t('Several tags overlap here: which one?') },
  );
  return picked && { letter: editor.document.uri, id: picked.id };
}

/** The annotation a command acts on (argument, else cursor), with a message when there is none. */
export async function findTarget(deps: AnnotationCommandDeps, arg: unknown): Promise<LoadedTarget | undefined> {
  const target = targetFromArgument(arg) ?? (await targetAtCursor(deps));
  if (!target) {
    deps.notifier.notify('info', vscode.l10n.t('Place the cursor in a tagged passage of a letter, or choose a tag in the Annotations view.'));
    return undefined;
  }
  return loadTarget(deps, target);
}

/** The target's annotation from its store; throws when the file cannot be edited, a message when it is gone. */
export async function loadTarget(deps: AnnotationCommandDeps, target: AnnotationTarget): Promise<LoadedTarget | undefined> {
  const state = await deps.stores.get(target.letter);
  assertEditable(state);
  const annotation = state.store?.get(target.id);
  if (!annotation) {
    deps.notifier.notify('warning', vscode.l10n.t('The tag {0} no longer exists in {1}.', target.id, baseName(state.file)));
    return undefined;
  }
  return { ...target, annotation };
}
