// "Remove tag", with an Undo button on the message.
import * as vscode from 'vscode';
import { excerpt } from '../../../core/annotations';
import type { AnnotationCommandDeps } from './deps';
import { findTarget } from './targets';

export async function removeAnnotation(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await findTarget(deps, arg);
  if (!found) return;
  const removed = found.annotation;
  await deps.stores.edit(found.letter, (s) => s.remove(found.id));
  deps.notifier.notify('info', vscode.l10n.t('Removed the {0} tag from "{1}".', deps.taxonomy.label(removed.tag), excerpt(removed.quote, 50)), {
    [vscode.l10n.t('Undo')]: () => deps.stores.edit(found.letter, (s) => s.has(removed.id) || s.add(removed)),
  });
}
