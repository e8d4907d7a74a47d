// "Import Letter…": asks for a kamerstuk (id, citation or TK document number; prefilled from the citation under the
// cursor), fetches its publication (KOOP's XML, or the Kamer's DOCX for a document KOOP has not published) with
// progress and cancellation, converts it, and writes `<folder>/<id>.md`,
// adds its record to the team catalog and opens it. A letter already in the workspace is up to date, or gets its
// new version through the diff and the review (new-version.ts, reimport-review.ts). Nothing is written on error.
// Tests pass `{ id, review }` so no UI is needed: `review` answers the review (or the confirmation) instead.
import * as vscode from 'vscode';
import { excerpt } from '../../core/annotations';
import { type Conversion, DOCX_SOURCE, LETTER_HEAD_LENGTH, LetterError, letterFrontMatter } from '../../core/letters';
import type { Services } from '../../services';
import { withAbortSignal } from '../common/cancellation';
import { COMMANDS, registerCommand } from '../common/commands';
import { baseName, unsavedDocument } from '../common/documents';
import { log } from '../common/log';
import { byCount } from '../common/plural';
import { readTextOrEmpty, replaceAtomically } from '../common/workspace-files';
import { type FetchedLetter, fetchLetter } from './import-fetch';
import { askImportTarget, citationUnderCursor, type ImportTarget, importTarget, targetLabel } from './import-target';
import { addToCatalog } from './letter-catalog';
import { letterErrorMessage } from './import-messages';
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

type Deps = Pick<Services, 'citations' | 'letters' | 'metadata' | 'notifier' | 'stores' | 'taxonomy'>;

export function registerImportLetter(deps: Deps, texts: PublicationTexts): vscode.Disposable {
  return registerCommand(COMMANDS.importLetter, (arg?: unknown) => importLetter(deps, texts, argsOf(arg)));
}

function argsOf(arg: unknown): ImportLetterArgs {
  if (typeof arg === 'string') return { id: arg };
  if (arg && typeof arg === 'object') return arg as ImportLetterArgs;
  return {};
}

export async function importLetter(deps: Deps, texts: PublicationTexts, args: ImportLetterArgs): Promise<ImportOutcome> {
  const { notifier, metadata } = deps;
  const canonicalId = (id: string) => metadata.canonicalId(id);
  let target: ImportTarget | undefined;
  if (args.id !== undefined) {
    const verdict = importTarget(args.id, canonicalId);
    if ('error' in verdict) {
      notifier.notify('error', verdict.error);
      return { status: 'failed' };
    }
    target = verdict;
  } else {
    target = await askImportTarget(citationUnderCursor(deps.citations), canonicalId);
  }
  if (!target) return { status: 'cancelled' };
  const label = targetLabel(target);

  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    notifier.notify('error', vscode.l10n.t('Open a folder to import letters into.'));
    return { status: 'failed', id: label };
  }
  const letterFor = async (id: string) => (await existingLetter(deps, id)) ?? vscode.Uri.joinPath(folder.uri, lettersFolder(folder), `${id}.md`);

  const wanted = target;
  let fetched: FetchedLetter;
  try {
    fetched = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', label), cancellable: true },
      (progress, token) =>
        withAbortSignal(token, async (signal) => {
          progress.report({ message: vscode.l10n.t('fetching the publication') });
          const result = await fetchLetter(wanted, signal, { notifier, metadata, currentText: async (id) => readIfExists(await letterFor(id)) });
          if (signal.aborted) throw new LetterError('aborted', 'the import was cancelled');
          return result;
        }),
    );
  } catch (e) {
    if (!(e instanceof LetterError)) throw e;
    log().warn(`import ${label}: ${e.code}: ${e.message}`);
    if (e.code === 'aborted') {
      notifier.notify('info', vscode.l10n.t('The import of {0} was cancelled; nothing was written.', label));
      return { status: 'cancelled', id: label };
    }
    notifier.notify('error', letterErrorMessage(label, e));
    return { status: 'failed', id: label };
  }

  const { conversion, via } = fetched;
  const id = conversion.id;
  const letter = await letterFor(id);
  const current = await readIfExists(letter);
  if (current === undefined) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(letter, '..'));
    await replaceAtomically(letter, conversion.markdown);
    const catalogProblem = await addToCatalog(metadata, conversion.metadata);
    await vscode.window.showTextDocument(letter, { preview: false });
    const written =
      via === 'docx'
        ? vscode.l10n.t("Imported {0} as {1}, from the Tweede Kamer's DOCX (KOOP has not published it); import it again once KOOP has.", id, relative(letter))
        : vscode.l10n.t('Imported {0} as {1}.', id, relative(letter));
    notifier.notify('info', withCatalogNote(written, catalogProblem));
    return { status: 'written', id, letter };
  }
  if (comparable(current) === conversion.markdown) {
    const catalogProblem = await addToCatalog(metadata, conversion.metadata);
    notifier.notify('info', withCatalogNote(vscode.l10n.t('{0} is up to date with its publication.', relative(letter)), catalogProblem));
    return { status: 'up-to-date', id, letter };
  }
  if (via === 'docx' && letterFrontMatter(current.slice(0, LETTER_HEAD_LENGTH))?.source !== DOCX_SOURCE) {
    // The Kamer's DOCX never replaces KOOP's publication or a letter written by hand.
    notifier.notify(
      'error',
      vscode.l10n.t(
        "{0} is not a conversion of the Tweede Kamer's DOCX (it is KOOP's publication or written by hand); the DOCX does not replace it. Nothing was written.",
        relative(letter),
      ),
    );
    return { status: 'failed', id, letter };
  }
  return newVersion(deps, texts, { id, letter, oldText: current, conversion, args });
}

interface NewVersionInput {
  id: string;
  letter: vscode.Uri;
  oldText: string;
  conversion: Conversion;
  args: ImportLetterArgs;
}

async function newVersion(deps: Deps, texts: PublicationTexts, input: NewVersionInput): Promise<ImportOutcome> {
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

function withCatalogNote(message: string, catalogProblem: string | undefined): string {
  return catalogProblem ? `${message} ${vscode.l10n.t('The team catalog was not changed: {0}', catalogProblem)}` : message;
}

/** The letter with this id the workspace already has (never a kept version under `.versions/`). */
async function existingLetter(deps: Deps, id: string): Promise<vscode.Uri | undefined> {
  const found = await deps.letters.find(id);
  return found && !/\/\.versions\//.test(found.path) ? found : undefined;
}

/** `kamerstuk.letters.folder`, relative to the workspace folder; the default when it would leave the folder. */
function lettersFolder(folder: vscode.WorkspaceFolder): string {
  const value = vscode.workspace.getConfiguration('kamerstuk', folder.uri).get<string>('letters.folder', 'letters').trim().replace(/\\/g, '/');
  const parts = value.split('/').filter((p) => p && p !== '.');
  if (/^(?:[a-z]:|\/)/i.test(value) || parts.includes('..')) return 'letters';
  return parts.join('/') || '.';
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  return readTextOrEmpty(uri);
}

/** Text as it is compared: without a byte order mark, with LF line endings (a CRLF checkout is the same letter). */
function comparable(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
