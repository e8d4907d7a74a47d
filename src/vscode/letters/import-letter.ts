// "Import Letter…": asks for a kamerstuk (id, citation or TK document number; prefilled from the citation under the
// cursor), fetches its publication (KOOP's XML, or the Kamer's DOCX for a document KOOP has not published) with
// progress and cancellation, converts it, writes `<folder>/<id>.md`, adds its record to the team catalog and opens
// it. A letter already in the workspace is up to date, or gets its new version through the diff and the review
// (reimport.ts). Nothing is written on error.
// Tests pass `{ id, review }` so no UI is needed: `review` answers the review (or the confirmation) instead.
import * as vscode from 'vscode';
import { DOCX_SOURCE, LETTER_HEAD_LENGTH, LetterError, letterFrontMatter } from '../../core/letters';
import { withAbortSignal } from '../common/cancellation';
import { COMMANDS, registerCommand } from '../common/commands';
import { log } from '../common/log';
import { type TargetFolder, targetFolder } from '../common/workspace-folder';
import { NotUtf8Error, readTextOrEmpty, readUtf8OrEmpty, replaceAtomically } from '../common/workspace-files';
import { type FetchedLetter, fetchLetter } from './import-fetch';
import { letterErrorMessage } from './import-messages';
import { askImportTarget, citationUnderCursor, type ImportTarget, importTarget, targetLabel } from './import-target';
import { addToCatalog, withCatalogNote } from './letter-catalog';
import type { PublicationTexts } from './new-version';
import { type ImportDeps, type ImportLetterArgs, type ImportOutcome, newVersion } from './reimport';

export type { ImportLetterArgs, ImportOutcome } from './reimport';

type Deps = ImportDeps;

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

  // A letter the workspace has is updated where it is; a new one goes to the letters folder of the chosen folder.
  const known = 'koop' in target ? await existingLetter(deps, target.koop) : undefined;
  const own = known && vscode.workspace.getWorkspaceFolder(known);
  const chosen: TargetFolder = own ? { folder: own } : await targetFolder(vscode.l10n.t('Which workspace folder should {0} be imported into?', label));
  if ('cancelled' in chosen) return { status: 'cancelled', id: label };
  if ('none' in chosen) {
    notifier.notify('error', vscode.l10n.t('Open a folder to import letters into.'));
    return { status: 'failed', id: label };
  }
  const { folder } = chosen;
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
  let current: string | undefined;
  try {
    // Strictly UTF-8: a new version rewrites the letter, and bytes decoded as U+FFFD would be lost.
    current = await readIfExists(letter, readUtf8OrEmpty);
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    notifier.notify('error', vscode.l10n.t('{0} is not UTF-8 text; save it as UTF-8, then import again. Nothing was written.', relative(letter)));
    return { status: 'failed', id, letter };
  }
  if (current === undefined) {
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(letter, '..'));
      await replaceAtomically(letter, conversion.markdown);
    } catch (e) {
      log().warn(`import ${id}: ${letter.toString(true)} could not be written: ${e instanceof Error ? e.message : String(e)}`);
      notifier.notify('error', vscode.l10n.t('{0} could not be written (the details are in the log); nothing was imported.', relative(letter)));
      return { status: 'failed', id, letter };
    }
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

async function readIfExists(uri: vscode.Uri, read = readTextOrEmpty): Promise<string | undefined> {
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  return read(uri);
}

/** Text as it is compared: without a byte order mark, with LF line endings (a CRLF checkout is the same letter). */
function comparable(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
