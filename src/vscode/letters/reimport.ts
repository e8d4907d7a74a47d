// A new version of a letter already in the workspace, as Import Letter… handles it: the refusals that come first
// (unsaved letter, broken or unsaved annotation file), VS Code's diff, then for a letter without tags a confirmation
// and for a tagged one the review of its re-anchored tags; the writes (new-version.ts), the catalog record, the
// summary, and the tags set aside for re-attaching, one by one against the analyst's selection.
import * as vscode from 'vscode';
import { excerpt } from '../../core/annotations';
import type { Conversion } from '../../core/letters';
import type { Services } from '../../services';
import { COMMANDS } from '../common/commands';
import { baseName, unsavedDocument } from '../common/documents';
import { byCount } from '../common/plural';
import { addToCatalog, withCatalogNote } from './letter-catalog';
import {
  applyNewVersion,
  type Decision,
  NewVersionRefused,
  planNewVersion,
  type PublicationTexts,
  refuseUneditable,
  replaceLetter,
  showVersionDiff,
} from './new-version';
import { type ReviewAnswer, reviewNewVersion } from './reimport-review';

/** What a test passes instead of answering the UI. */
export interface ImportLetterArgs {
  id?: string;
  review?: 'accept' | 'cancel' | { answer: 'accept' | 'cancel'; decisions?: Record<string, Decision> };
}

export type ImportStatus = 'written' | 'up-to-date' | 'replaced' | 'cancelled' | 'failed';

export interface ImportOutcome {
  status: ImportStatus;
  id?: string;
  letter?: vscode.Uri;
  /** Tags set aside for re-attaching. */
  reattach?: string[];
  /** A new version with tags: the ids found elsewhere, with changed text, and not found. */
  review?: { moved: string[]; changed: string[]; orphaned: string[] };
}

export type ImportDeps = Pick<Services, 'citations' | 'letters' | 'metadata' | 'notifier' | 'stores' | 'taxonomy'>;
type Deps = ImportDeps;

export interface NewVersionInput {
  id: string;
  letter: vscode.Uri;
  oldText: string;
  conversion: Conversion;
  args: ImportLetterArgs;
}

export async function newVersion(deps: Deps, texts: PublicationTexts, input: NewVersionInput): Promise<ImportOutcome> {
  const { notifier, stores, metadata } = deps;
  const { id, letter, oldText, conversion, args } = input;
  const newText = conversion.markdown;
  const name = baseName(letter);
  if (unsavedDocument(letter)) {
    notifier.notify('error', vscode.l10n.t('{0} has unsaved changes; save or revert them, then import again.', name));
    return { status: 'failed', id, letter };
  }
  const state = await stores.get(letter);
  await state.queue;
  const annotations = state.store?.annotations() ?? [];
  try {
    if (state.problems || annotations.length) refuseUneditable(state);
  } catch (e) {
    notifier.notify('error', (e as Error).message);
    return { status: 'failed', id, letter };
  }
  await showVersionDiff(texts, letter, newText);

  if (!annotations.length) {
    const accepted =
      args.review !== undefined
        ? answerOf(args.review).answer === 'accept'
        : (await vscode.window.showWarningMessage(
            vscode.l10n.t('The publication of {0} differs from {1}. Replace the letter with the new version?', id, name),
            { modal: true, detail: vscode.l10n.t('The current text is kept in the .versions folder beside the letter.') },
            vscode.l10n.t('Replace'),
          )) !== undefined;
    if (!accepted) return cancelled(deps, id, letter);
    try {
      await replaceLetter(letter, oldText, newText);
    } catch (e) {
      return refused(deps, e, id, letter);
    }
    const catalogProblem = await addToCatalog(metadata, conversion.metadata);
    await vscode.window.showTextDocument(letter, { preview: false });
    notifier.notify('info', withCatalogNote(vscode.l10n.t('Replaced {0} with the new version of its publication.', name), catalogProblem));
    return { status: 'replaced', id, letter };
  }

  const plan = planNewVersion(letter, oldText, newText, annotations, state.revision);
  const answer: ReviewAnswer =
    args.review !== undefined
      ? answerOf(args.review)
      : await reviewNewVersion(name, annotations.length, plan.review, (tag) => deps.taxonomy.label(tag), newText);
  if (answer.answer !== 'accept') {
    const { moved, changed, orphaned } = plan.report;
    return { ...cancelled(deps, id, letter), review: { moved, changed, orphaned } };
  }
  try {
    await applyNewVersion(stores, plan, answer.decisions);
  } catch (e) {
    return refused(deps, e, id, letter);
  }
  const catalogProblem = await addToCatalog(metadata, conversion.metadata);
  const editor = await vscode.window.showTextDocument(letter, { preview: false });
  const decided = (tagId: string) => answer.decisions.get(tagId) ?? 'accept';
  const count = (status: string) => plan.review.filter((i) => i.status === status && decided(i.annotation.id) !== 'remove').length;
  const removed = [...answer.decisions.values()].filter((d) => d === 'remove').length;
  const parts = [
    count('moved') ? byCount(count('moved'), vscode.l10n.t('{0} tag moved', count('moved')), vscode.l10n.t('{0} tags moved', count('moved'))) : '',
    count('fuzzy') ? byCount(count('fuzzy'), vscode.l10n.t('{0} passage changed', count('fuzzy')), vscode.l10n.t('{0} passages changed', count('fuzzy'))) : '',
    count('orphaned')
      ? byCount(
          count('orphaned'),
          vscode.l10n.t('{0} tag orphaned (listed in the Annotations view)', count('orphaned')),
          vscode.l10n.t('{0} tags orphaned (listed in the Annotations view)', count('orphaned')),
        )
      : '',
    removed ? byCount(removed, vscode.l10n.t('{0} tag removed', removed), vscode.l10n.t('{0} tags removed', removed)) : '',
  ].filter((p) => p);
  notifier.notify(
    'info',
    withCatalogNote(
      parts.length
        ? vscode.l10n.t('Imported the new version of {0}: {1}.', name, parts.join(', '))
        : vscode.l10n.t('Imported the new version of {0}; every tag was found unchanged.', name),
      catalogProblem,
    ),
  );
  const reattach = plan.review.filter((i) => decided(i.annotation.id) === 'reattach');
  if (reattach.length && args.review === undefined)
    void reattachOneByOne(
      deps,
      editor,
      reattach.map((i) => ({ id: i.annotation.id, tag: i.annotation.tag, quote: i.annotation.quote })),
    );
  const { moved, changed, orphaned } = plan.report;
  return { status: 'replaced', id, letter, reattach: reattach.map((i) => i.annotation.id), review: { moved, changed, orphaned } };
}

/** Asks, tag by tag, for the passage each set-aside tag belongs to in the new text, and re-attaches it there. */
async function reattachOneByOne(deps: Deps, editor: vscode.TextEditor, tags: { id: string; tag: string; quote: string }[]): Promise<void> {
  const letter = editor.document.uri;
  for (const t of tags) {
    const reattachLabel = vscode.l10n.t('Re-attach to Selection');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Select the new passage of the {0} tag “{1}” in {2}, then choose Re-attach to Selection.',
        deps.taxonomy.label(t.tag),
        excerpt(t.quote),
        baseName(letter),
      ),
      reattachLabel,
      vscode.l10n.t('Skip'),
    );
    if (choice !== reattachLabel) continue;
    await vscode.commands.executeCommand(COMMANDS.reattachOrphan, { id: t.id, letter });
  }
}

function answerOf(review: NonNullable<ImportLetterArgs['review']>): ReviewAnswer {
  if (typeof review === 'string') return { answer: review, decisions: new Map() };
  return { answer: review.answer, decisions: new Map(Object.entries(review.decisions ?? {})) };
}

function cancelled(deps: Deps, id: string, letter: vscode.Uri): ImportOutcome {
  deps.notifier.notify('info', vscode.l10n.t('The new version of {0} was not imported; nothing was written.', baseName(letter)));
  return { status: 'cancelled', id, letter };
}

function refused(deps: Deps, e: unknown, id: string, letter: vscode.Uri): ImportOutcome {
  if (!(e instanceof NewVersionRefused)) throw e;
  deps.notifier.notify('error', e.message);
  return { status: 'failed', id, letter };
}
