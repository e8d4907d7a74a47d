// Reviewing suggested tags: accept one (status agreed, the analyst as author) or reject one (removed), each with
// Undo, or accept or reject all of a letter's pending suggestions at once. A rejection is remembered in the annotation
// file's `rejected:` list (tag and quote), so "Suggest tags" does not offer it again to anyone sharing the file. Only tags still `author: suggestion` and
// `status: proposed` are touched; a tag the analyst already edited is theirs.
import * as vscode from 'vscode';
import { type Annotation, type AnnotationStore, excerpt } from '../../../core/annotations';
import { isPendingSuggestion, REJECTED_KEY, updateRejected } from '../../../core/suggestions';
import { baseName } from '../../common/documents';
import { byCount } from '../../common/plural';
import type { AnnotationCommandDeps } from './deps';
import { letterDocument } from './suggest-tags';
import { undoAcceptChanges } from './suggestion-undo';
import { findTarget, type LoadedTarget } from './targets';

async function pendingTarget(deps: AnnotationCommandDeps, arg: unknown): Promise<LoadedTarget | undefined> {
  const found = await findTarget(deps, arg);
  if (found && !isPendingSuggestion(found.annotation)) {
    deps.notifier.notify('info', vscode.l10n.t('This {0} tag is not a pending suggestion.', deps.taxonomy.label(found.annotation.tag)));
    return undefined;
  }
  return found;
}

export async function acceptSuggestion(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await pendingTarget(deps, arg);
  if (!found) return;
  const author = (await deps.author.for(found.letter)) ?? null;
  const before = found.annotation;
  await deps.stores.edit(found.letter, (s) => s.update(found.id, { status: 'agreed', author }));
  deps.notifier.notify('info', vscode.l10n.t('Accepted the suggested {0} tag on "{1}".', deps.taxonomy.label(before.tag), excerpt(before.quote, 50)), {
    [vscode.l10n.t('Undo')]: () => undoAccept(deps, found.letter, [before], author),
  });
}

/** Gives accepted suggestions back their suggestion's status and author (and drops a due date the acceptance stored). */
function undoAccept(deps: AnnotationCommandDeps, letter: vscode.Uri, accepted: readonly Annotation[], author: string | null): Promise<unknown> {
  return deps.stores.edit(letter, (s) => {
    for (const before of accepted) {
      const changes = undoAcceptChanges({ before, author }, s.get(before.id));
      if (changes) s.update(before.id, changes);
    }
  });
}

export async function rejectSuggestion(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await pendingTarget(deps, arg);
  if (!found) return;
  const removed = found.annotation;
  await deps.stores.edit(found.letter, (s) => {
    s.remove(found.id);
    remember(s, [removed]);
  });
  deps.notifier.notify('info', vscode.l10n.t('Rejected the suggested {0} tag on "{1}".', deps.taxonomy.label(removed.tag), excerpt(removed.quote, 50)), {
    [vscode.l10n.t('Undo')]: () =>
      deps.stores.edit(found.letter, (s) => {
        if (!s.has(removed.id)) s.add(removed);
        remember(s, [], [removed]);
      }),
  });
}

/** Adds rejected suggestions to the file's `rejected:` list and takes undone ones off it (a list that is not one is left alone). */
function remember(store: AnnotationStore, rejected: readonly Annotation[], undone: readonly Annotation[] = []): void {
  const next = updateRejected(store.topLevelExtras()[REJECTED_KEY], rejected, undone);
  if (next) store.setTopLevelExtra(REJECTED_KEY, next.length ? next : null);
}

/** The letter's pending suggestions, or undefined (with a message) when there is no letter or none is pending. */
async function pendingOf(deps: AnnotationCommandDeps, arg: unknown): Promise<{ letter: vscode.Uri; pending: Annotation[] } | undefined> {
  const document = await letterDocument(arg);
  if (!document) {
    deps.notifier.notify('info', vscode.l10n.t('Open a letter, or choose one in the Annotations view, to review its suggestions.'));
    return undefined;
  }
  const pending = (await deps.stores.get(document.uri)).store?.annotations().filter(isPendingSuggestion) ?? [];
  if (!pending.length) {
    deps.notifier.notify('info', vscode.l10n.t('{0} has no pending suggestions.', baseName(document.uri)));
    return undefined;
  }
  return { letter: document.uri, pending };
}

export async function acceptAllSuggestions(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await pendingOf(deps, arg);
  if (!found) return;
  const author = (await deps.author.for(found.letter)) ?? null;
  const ids = new Set(found.pending.map((a) => a.id));
  await deps.stores.edit(found.letter, (s) => {
    for (const a of s.annotations()) if (ids.has(a.id) && isPendingSuggestion(a)) s.update(a.id, { status: 'agreed', author });
  });
  const n = found.pending.length;
  deps.notifier.notify('info', byCount(n, vscode.l10n.t('Accepted {0} suggested tag.', n), vscode.l10n.t('Accepted {0} suggested tags.', n)), {
    [vscode.l10n.t('Undo')]: () => undoAccept(deps, found.letter, found.pending, author),
  });
}

export async function rejectAllSuggestions(deps: AnnotationCommandDeps, arg: unknown): Promise<void> {
  const found = await pendingOf(deps, arg);
  if (!found) return;
  const ids = new Set(found.pending.map((a) => a.id));
  const removed = await deps.stores.edit(found.letter, (s) => {
    const gone = s.annotations().filter((a) => ids.has(a.id) && isPendingSuggestion(a));
    for (const a of gone) s.remove(a.id);
    remember(s, gone);
    return gone;
  });
  const n = removed.length;
  deps.notifier.notify('info', byCount(n, vscode.l10n.t('Rejected {0} suggested tag.', n), vscode.l10n.t('Rejected {0} suggested tags.', n)), {
    [vscode.l10n.t('Undo')]: () =>
      deps.stores.edit(found.letter, (s) => {
        for (const a of removed) if (!s.has(a.id)) s.add(a);
        remember(s, [], removed);
      }),
  });
}
