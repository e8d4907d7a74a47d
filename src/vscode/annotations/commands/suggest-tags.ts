// "Suggest tags": proposes commitments, measures and conclusions for the active letter (core/suggestions) and adds
// them as tags with `status: proposed` and `author: suggestion`, never on a passage that is already tagged. The
// reason (the cue phrases, a deadline, a hedge) goes in the note; the Annotations view accepts or rejects them.
// Suggestions rejected before (the file's `rejected:` list) are not offered again.
import * as vscode from 'vscode';
import { type Annotation, captureSelector, createdTimestamp } from '../../../core/annotations';
import {
  isPendingSuggestion,
  type Proposal,
  readRejected,
  REASONS,
  REJECTED_KEY,
  SUGGESTION_AUTHOR,
  type SuggestedTag,
  suggestTags,
} from '../../../core/suggestions';
import { baseName, isWorkspaceDocument } from '../../common/documents';
import { byCount } from '../../common/plural';
import { letterVerdictFor } from '../letters';
import { assertEditable } from '../store/state';
import type { AnnotationCommandDeps } from './deps';
import { formatScore } from './suggestion-score';

const SUGGESTED_TAGS: readonly SuggestedTag[] = ['commitment', 'measure', 'conclusion'];

/** The letter a command is about: a Uri, a view item `{ letter }`, else the active editor's document. */
export async function letterDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const given =
    arg instanceof vscode.Uri
      ? arg
      : arg && typeof arg === 'object' && (arg as { letter?: unknown }).letter instanceof vscode.Uri
        ? (arg as { letter: vscode.Uri }).letter
        : undefined;
  if (given) return vscode.workspace.openTextDocument(given);
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'markdown' ? editor.document : undefined;
}

export async function suggestTagsCommand(deps: AnnotationCommandDeps, arg: unknown): Promise<Annotation[] | undefined> {
  const { notifier } = deps;
  const document = await letterDocument(arg);
  if (!document) {
    notifier.notify('info', vscode.l10n.t('Open a letter to suggest tags for it.'));
    return undefined;
  }
  const verdict = isWorkspaceDocument(document.uri) ? await letterVerdictFor(document) : undefined;
  if (!verdict?.letter) {
    notifier.notify('warning', vscode.l10n.t('{0} is not a letter in the workspace, so no tags can be suggested for it.', baseName(document.uri)));
    return undefined;
  }
  const state = await deps.stores.get(document.uri);
  assertEditable(state);
  const rejected = readRejected(state.store?.topLevelExtras()[REJECTED_KEY]);
  const tags = SUGGESTED_TAGS.filter((t) => deps.taxonomy.taxonomy.has(t));
  if (!tags.length) {
    notifier.notify(
      'info',
      vscode.l10n.t('The team’s tags (setting kamerstuk.tags) have none of measure, commitment and conclusion, so there is nothing to suggest.'),
    );
    return undefined;
  }
  const added = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Suggesting tags for {0}…', baseName(document.uri)) },
    async () => {
      const anchored = await deps.anchors.ensure(document.uri);
      // Offsets count the letter's text without BOM and with LF line endings (LetterSource), like every tag's.
      const text = deps.anchors.textsOf(document).source.text;
      const existing = (anchored?.items ?? []).filter((i) => i.result.status !== 'orphaned').map((i) => ({ start: i.result.start, end: i.result.end }));
      const proposals = suggestTags(text, { existing, tags, rejected });
      if (!proposals.length) return [];
      const created = createdTimestamp(new Date());
      return deps.stores.edit(
        document.uri,
        (store) =>
          proposals.map((p) =>
            store.add({ tag: p.tag, ...captureSelector(text, p.start, p.end), note: reasonNote(p), author: SUGGESTION_AUTHOR, created, status: 'proposed' }),
          ),
        () => ({ ...(verdict.id ? { id: verdict.id } : {}), path: baseName(document.uri) }),
      );
    },
  );
  const pending = (await deps.stores.get(document.uri)).store?.annotations().filter(isPendingSuggestion).length ?? 0;
  if (!added.length)
    notifier.notify(
      'info',
      vscode.l10n.t('No new tags to suggest in {0}: every passage the cues find is tagged already, or none was found.', baseName(document.uri)),
    );
  else {
    const name = baseName(document.uri);
    notifier.notify(
      'info',
      byCount(
        added.length,
        vscode.l10n.t('Suggested {0} tag in {1}. Accept or reject it in the Annotations view or the editor ({2} open).', added.length, name, pending),
        vscode.l10n.t('Suggested {0} tags in {1}. Accept or reject them in the Annotations view or the editor ({2} open).', added.length, name, pending),
      ),
    );
  }
  return added;
}

/**
 * Why the passage was suggested: `Suggestion (score 0.75): Promise: "ik zeg toe"; …`, the score written as the
 * display language writes numbers (`0,75` in Dutch). The note is stored in the shared annotation file, so colleagues
 * read it in the language of the analyst who ran "Suggest tags", not in their own.
 */
function reasonNote(p: Pick<Proposal, 'score' | 'reason'>, language = vscode.env.language): string {
  const reasons = p.reason.map((r) => vscode.l10n.t(REASONS[r.key], r.phrase.length > 60 ? `${r.phrase.slice(0, 59)}…` : r.phrase));
  return vscode.l10n.t('Suggestion (score {0}): {1}', formatScore(p.score, language), reasons.join('; '));
}
