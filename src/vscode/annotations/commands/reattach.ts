// "Re-attach orphaned tag to selection": gives an orphan (or any tag) the text selected in its letter; an agreed
// tag goes back to proposed.
import * as vscode from 'vscode';
import { captureSelector, excerpt, reattachment, trimSelection } from '../../../core/annotations';
import { baseName, editorFor } from '../../common/documents';
import type { AnnotationCommandDeps } from './deps';
import { type AnnotationTarget, loadTarget, targetFromArgument } from './targets';

export async function reattachOrphan(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const target = targetFromArgument(arg) ?? (await pickOrphan(deps));
  if (!target) return;
  const found = await loadTarget(deps, target);
  if (!found) return;
  const editor = editorFor(target.letter);
  const document = editor?.document;
  const source = document && deps.anchors.textsOf(document).source;
  const range =
    editor && document && source
      ? trimSelection(source.text, source.fromRaw(document.offsetAt(editor.selection.start)), source.fromRaw(document.offsetAt(editor.selection.end)))
      : undefined;
  if (!editor || !document || !source || !range || range.end <= range.start) {
    await vscode.window.showTextDocument(target.letter, { preview: false });
    deps.notifier.notify(
      'info',
      vscode.l10n.t('Select the new text of the passage in {0}, then run "Re-attach orphaned tag to selection" again.', baseName(target.letter)),
    );
    return;
  }
  // The tag now covers other words: an agreement on the old ones does not carry over (back to proposed).
  const selector = captureSelector(source.text, range.start, range.end);
  await deps.stores.edit(target.letter, (s) => s.update(found.id, reattachment(found.annotation, selector)));
}

async function pickOrphan(deps: AnnotationCommandDeps): Promise<AnnotationTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  const anchored = editor && (await deps.anchors.ensure(editor.document.uri));
  const orphans = anchored?.items.filter((i) => i.result.status === 'orphaned') ?? [];
  if (!editor || !orphans.length) {
    deps.notifier.notify('info', vscode.l10n.t('This letter has no orphaned tags. Orphans are listed in the Annotations view.'));
    return undefined;
  }
  if (orphans.length === 1) return { letter: editor.document.uri, id: orphans[0].annotation.id };
  const picked = await vscode.window.showQuickPick(
    orphans.map((o) => ({ label: deps.taxonomy.label(o.annotation.tag), description: excerpt(o.annotation.quote), id: o.annotation.id })),
    { placeHolder: vscode.l10n.t('Which orphaned tag belongs to the selection?') },
  );
  return picked && { letter: editor.document.uri, id: picked.id };
}
