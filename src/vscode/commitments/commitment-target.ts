// Which commitment a command acts on: the view item or `{ id, letter }` it was given, else the one selected in the
// Commitments view when that selection is newer than the editor's cursor (the view was used last), else the
// commitment at the cursor, else the view's selection; refused with a message when the tag is no commitment.
import * as vscode from 'vscode';
import type { Commitment } from '../../core/commitments';
import { findTarget, type LoadedTarget, targetFromArgument } from '../annotations/commands/targets';
import { anchoredAtOffset, passageOffset } from '../annotations/anchors';
import type { AnnotationCommandDeps } from '../annotations/commands/deps';
import type { CommitmentRegister, CommitmentsModel } from './commitments-model';
import type { CommitmentNode } from './commitments-tree';

export interface CommitmentTarget extends LoadedTarget {
  commitment: Commitment;
  register: CommitmentRegister;
}

export interface CommitmentCommandDeps extends AnnotationCommandDeps {
  model: CommitmentsModel;
  /** The view's selection, for commands run from the Command Palette while the view has a selected item. */
  selected(): CommitmentNode | undefined;
  /** Whether the view's selection changed after the editor's cursor last moved (the view is what the analyst used last). */
  selectionIsNewer(): boolean;
}

export async function findCommitment(deps: CommitmentCommandDeps, arg: unknown): Promise<CommitmentTarget | undefined> {
  const selected = selectedTarget(deps);
  const given = targetFromArgument(arg) ?? (selected && deps.selectionIsNewer() ? selected : ((await atCursor(deps)) ?? selected));
  const found = await findTarget(deps, given ?? arg);
  if (!found) return undefined;
  if (!deps.model.tags().includes(found.annotation.tag)) {
    deps.notifier.notify(
      'info',
      vscode.l10n.t(
        'This passage is tagged as {0}, not as a commitment. Change its tag to follow it up as a commitment.',
        deps.taxonomy.label(found.annotation.tag),
      ),
    );
    return undefined;
  }
  const register = await deps.model.current();
  const key = found.letter.toString();
  const commitment = register.commitments.find((c) => c.annotation.id === found.id && register.uriOf(c).toString() === key);
  if (!commitment) {
    deps.notifier.notify('warning', vscode.l10n.t('The commitment {0} is not in the register yet; try again in a moment.', found.id));
    return undefined;
  }
  return { ...found, commitment, register };
}

/** A commitment at the cursor of the active editor (the first when several overlap there). */
async function atCursor(deps: CommitmentCommandDeps): Promise<{ id: string; letter: vscode.Uri } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const anchored = editor && (await deps.anchors.ensure(editor.document.uri));
  if (!editor || !anchored) return undefined;
  const tags = deps.model.tags();
  const hit = anchoredAtOffset(anchored, passageOffset(anchored, editor.document, editor.selection.active)).find((h) => tags.includes(h.annotation.tag));
  return hit && { id: hit.annotation.id, letter: editor.document.uri };
}

function selectedTarget(deps: CommitmentCommandDeps): { id: string; letter: vscode.Uri } | undefined {
  const node = deps.selected();
  return node?.kind === 'commitment' ? { id: node.id, letter: node.letter } : undefined;
}
