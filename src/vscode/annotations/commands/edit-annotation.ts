// Editing one tag: change its tag, edit its note, link cited documents, set its review status.
import * as vscode from 'vscode';
import { excerpt, REVIEW_STATUSES, type ReviewStatus } from '../../../core/annotations';
import { statusLabel } from '../status-labels';
import type { AnnotationCommandDeps } from './deps';
import { pickTag } from './pick-tag';
import { referenceItems } from './reference-items';
import { findTarget } from './targets';

export async function changeTag(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await findTarget(deps, arg);
  if (!found) return;
  const picked = await pickTag(deps, found.annotation.tag);
  if (!picked || picked === found.annotation.tag) return;
  await deps.stores.edit(found.letter, (s) => s.update(found.id, { tag: picked }));
}

export async function editNote(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await findTarget(deps, arg);
  if (!found) return;
  const note = await vscode.window.showInputBox({
    title: vscode.l10n.t('Note on the {0} tag', deps.taxonomy.label(found.annotation.tag)),
    prompt: excerpt(found.annotation.quote, 80),
    value: found.annotation.note ?? '',
    placeHolder: vscode.l10n.t('Free text; leave empty to remove the note'),
  });
  if (note === undefined) return;
  const trimmed = note.trim();
  if ((found.annotation.note ?? '') === trimmed) return;
  await deps.stores.edit(found.letter, (s) => s.update(found.id, { note: trimmed ? trimmed : null }));
}

export async function linkReferences(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await findTarget(deps, arg);
  if (!found) return;
  const anchored = await deps.anchors.ensure(found.letter);
  const result = anchored?.byId.get(found.id)?.result;
  const text = anchored?.letterText.text ?? '';
  const current = found.annotation.refs ?? [];
  const self = (await deps.stores.get(found.letter)).store?.letter.id;
  const items = await referenceItems(text, result ?? found.annotation, current, deps.letters, self);
  if (!items.length) {
    deps.notifier.notify('info', vscode.l10n.t('The letter cites no documents and the workspace has no other letters to link.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Documents linked to this passage'),
    placeHolder: excerpt(found.annotation.quote, 80),
  });
  if (!picked) return;
  const refs = picked.map((p) => p.id);
  if (refs.length === current.length && refs.every((r) => current.includes(r))) return;
  await deps.stores.edit(found.letter, (s) => s.update(found.id, { refs: refs.length ? refs : null }));
}

/** `{ status }` in the argument sets it directly (null removes it); otherwise a quick pick asks. */
export async function setStatus(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await findTarget(deps, arg);
  if (!found) return;
  const explicit = arg && typeof arg === 'object' ? (arg as { status?: unknown }).status : undefined;
  let status: ReviewStatus | null | undefined;
  if (explicit === null || (typeof explicit === 'string' && (REVIEW_STATUSES as readonly string[]).includes(explicit)))
    status = explicit as ReviewStatus | null;
  else {
    const items: (vscode.QuickPickItem & { status: ReviewStatus | null })[] = [
      ...REVIEW_STATUSES.map((s) => ({ label: statusLabel(s), description: s === found.annotation.status ? vscode.l10n.t('current') : undefined, status: s })),
      { label: vscode.l10n.t('No status'), status: null },
    ];
    status = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Review status of this tag') }))?.status;
  }
  if (status === undefined || status === (found.annotation.status ?? null)) return;
  await deps.stores.edit(found.letter, (s) => s.update(found.id, { status }));
}
