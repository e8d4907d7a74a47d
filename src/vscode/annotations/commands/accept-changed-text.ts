// "Accept new text of changed passage": the analyst read the passage as it is now and accepts it for the tag. Only
// then is the stored quote replaced (with its context and position); an agreement that was suspended holds again.
import * as vscode from 'vscode';
import { acceptedText, excerpt } from '../../../core/annotations';
import type { AnnotationCommandDeps } from './deps';
import { findTarget } from './targets';

export async function acceptChangedText(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await findTarget(deps, arg);
  if (!found) return;
  const anchored = await deps.anchors.ensure(found.letter);
  const result = anchored?.byId.get(found.id)?.result;
  if (!result || result.status === 'orphaned') {
    deps.notifier.notify('info', vscode.l10n.t('The passage of this tag is not found in the letter: select its new text and re-attach the tag.'));
    return;
  }
  const selector = acceptedText(result);
  if (!selector) {
    deps.notifier.notify('info', vscode.l10n.t('The text of this passage has not changed.'));
    return;
  }
  await deps.stores.edit(found.letter, (s) => s.update(found.id, selector));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Accepted the new text: {0}', excerpt(selector.quote, 60)), 3000);
}
