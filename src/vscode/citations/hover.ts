// Hover on a citation: what the cited document is (title, soort, date, dossier, signatories, motion outcome and
// votes), from the metadata sources. All source text is escaped by core; only the extension's own commands run.
import * as vscode from 'vscode';
import { refAt, type CitationRef } from '../../core/citations';
import {
  escapeMarkdown,
  HOVER_LOCAL_ANSWER_MS,
  networkNote,
  renderHoverMarkdown,
  renderUnresolvedHover,
  type HoverCommand,
  type SourceFailure,
} from '../../core/metadata';
import { withAbortSignal } from '../common/cancellation';
import { COMMANDS } from '../common/commands';
import { toRange, trustedMarkdown } from '../common/convert';
import { MARKDOWN } from '../common/documents';
import { log } from '../common/log';
import { translate, type MetadataService } from '../metadata/metadata-service';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import type { RelatedService } from '../metadata/related-service';
import type { LetterIndex } from '../workspace/letter-index';
import { relatedSection } from './related-section';

/** Commands a hover may link to; everything else in hover markdown stays inert. */
const HOVER_COMMANDS: string[] = [COMMANDS.openCitedDocument, COMMANDS.saveToCatalog, COMMANDS.importLetter];
/** Ids Import letter takes: KOOP publications and Tweede Kamer document numbers. */
const IMPORTABLE = /^(?:(?:kst|ah|h)-|(?:19|20)\d{2}D\d{5}$)/;

/**
 * How long a hover waits for the first scan of the workspace's letters (only in a window just opened): short, so
 * that the title shows at once; the links to the letter and its tag counts come with the next hover.
 */
const LETTER_LOOKUP_MS = 100;

export interface HoverDeps {
  citations: WorkspaceCitationIndex;
  metadata: MetadataService;
  letters: LetterIndex;
  /** Tagged passages per tag label of the workspace copy of a letter, if it has an annotation file. */
  tagCounts: (letter: vscode.Uri) => Promise<Record<string, number> | undefined>;
  /** Related documents (zaak, versions, attachments): what is remembered, looked up in the background otherwise. */
  related?: RelatedService;
}

export function registerCitationHover(deps: HoverDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider(MARKDOWN, {
    provideHover: (document, position, token) => citationHover(deps, document, position, token),
  });
}

async function citationHover(
  deps: HoverDeps,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<vscode.Hover | undefined> {
  const ref = refAt(deps.citations.get(document).refs, document.offsetAt(position));
  if (!ref) return undefined;
  const range = toRange(document, ref.start, ref.end);
  if (!ref.id) return new vscode.Hover(trusted(nameOnlyMotion(ref)), range);

  const id = ref.id;
  return withAbortSignal(token, async (signal) => {
    // The letter lookup runs beside the metadata lookup; the hover does not wait for a first scan of a large
    // workspace (without it, no "open letter" link and no tag counts this time).
    const [resolution, letter] = await Promise.all([
      deps.metadata.resolver.resolve(id, { signal, preferLocalAfterMs: HOVER_LOCAL_ANSWER_MS }),
      deps.letters.findSoon(id, LETTER_LOOKUP_MS),
    ]);
    if (token.isCancellationRequested) return undefined;
    logFailures(id, resolution.errors);
    const commands: HoverCommand[] = [];
    if (letter) commands.push({ command: COMMANDS.openCitedDocument, title: vscode.l10n.t('Open letter in workspace'), args: [id] });
    // A publication KOOP has as XML, not in the workspace yet: Import letter (vscode/letters/import-letter.ts).
    else if (IMPORTABLE.test(id)) commands.push({ command: COMMANDS.importLetter, title: vscode.l10n.t('Import letter'), args: [id] });
    const meta = resolution.meta;
    if (meta && meta.source !== 'catalog') commands.push({ command: COMMANDS.saveToCatalog, title: vscode.l10n.t('Save to team catalog'), args: [id] });
    // Never "not found" while the API is still being asked: then the local answer (marked refreshing) or "still looking";
    // a local answer shown because the API is offline or failed says so.
    const note = networkNote(resolution, translate);
    const markdown = meta
      ? renderHoverMarkdown(meta, { t: translate, commands, tagCounts: letter ? await deps.tagCounts(letter) : undefined }) +
        (note ? `\n\n${note}` : '') +
        withBreak(relatedSection(deps.related, meta))
      : renderUnresolvedHover(id, { t: translate, offline: deps.metadata.status !== 'online', pending: resolution.timedOut === true, commands });
    return new vscode.Hover(trusted(markdown), range);
  });
}

function nameOnlyMotion(ref: CitationRef): string {
  const names = (ref.parts.submitters ?? []).map((n) => escapeMarkdown(n, 80)).join(', ');
  if (ref.kind === 'amendement') {
    return [
      `**${vscode.l10n.t('Amendment')}** ${names}`,
      vscode.l10n.t('No kamerstuk number is given for this amendment; add one, e.g. (36 067, nr. 61), to see its outcome.'),
    ].join('\n\n');
  }
  return [
    `**${vscode.l10n.t('Motion')}** ${names}`,
    vscode.l10n.t('No kamerstuk number is given for this motion; add one, e.g. (29 754, nr. 683), to see its outcome.'),
  ].join('\n\n');
}

const withBreak = (block: string) => (block ? `\n\n---\n\n${block}` : '');

function trusted(markdown: string): vscode.MarkdownString {
  return trustedMarkdown(markdown, HOVER_COMMANDS);
}

/** What went wrong on the way (a refused redirect, an HTTP error, a bad answer) goes to the log; being offline does not. */
function logFailures(id: string, errors: readonly SourceFailure[]): void {
  for (const e of errors) if (e.code !== 'offline' && e.code !== 'aborted') log().warn(`${id}: ${e.source}: ${e.message}`);
}
