// Hover on a citation: what the cited document is (title, soort, date, dossier, signatories, motion outcome and
// votes), from the metadata sources. All source text is escaped by core; only the extension's own commands run.
import * as vscode from 'vscode';
import { refAt, type CitationRef } from '../core/citations';
import { escapeMarkdown, renderHoverMarkdown, renderUnresolvedHover, type HoverCommand } from '../core/metadata';
import type { CitationDocuments } from './citation-documents';
import { toRange } from './convert';
import { translate, type MetadataService } from './metadata-service';
import type { WorkspaceLetters } from './workspace-letters';

/** Commands a hover may link to; everything else in hover markdown stays inert. */
export const HOVER_COMMANDS = ['kamerstuk.openCitedDocument', 'kamerstuk.saveToCatalog'];

export interface HoverDeps {
  citations: CitationDocuments;
  metadata: MetadataService;
  letters: WorkspaceLetters;
  /** Tagged passages per tag label of the workspace copy of a letter, if it has an annotation file. */
  tagCounts?: (letter: vscode.Uri) => Promise<Record<string, number> | undefined>;
}

export function registerCitationHover(context: vscode.ExtensionContext, deps: HoverDeps): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider({ language: 'markdown' }, {
      provideHover: (document, position, token) => citationHover(deps, document, position, token),
    }),
  );
}

export async function citationHover(
  deps: HoverDeps,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<vscode.Hover | undefined> {
  const ref = refAt(deps.citations.get(document).refs, document.offsetAt(position));
  if (!ref) return undefined;
  const range = toRange(document, ref.start, ref.end);
  if (!ref.id) return new vscode.Hover(trusted(nameOnlyMotion(ref)), range);

  const ctl = new AbortController();
  const sub = token.onCancellationRequested(() => ctl.abort());
  try {
    // The letter lookup runs beside the metadata lookup; the hover does not wait for a first scan of a large
    // workspace (without it, no "open letter" link and no tag counts this time).
    const [resolution, letter] = await Promise.all([
      deps.metadata.resolver.resolve(ref.id, { signal: ctl.signal }),
      deps.letters.findSoon(ref.id, 400),
    ]);
    if (token.isCancellationRequested) return undefined;
    const commands: HoverCommand[] = [];
    if (letter) commands.push({ command: 'kamerstuk.openCitedDocument', title: vscode.l10n.t('Open letter in workspace'), args: [ref.id] });
    const meta = resolution.meta;
    if (meta && meta.source !== 'catalog') commands.push({ command: 'kamerstuk.saveToCatalog', title: vscode.l10n.t('Save to team catalog'), args: [ref.id] });
    const markdown = meta
      ? renderHoverMarkdown(meta, { t: translate, commands, tagCounts: letter && deps.tagCounts ? await deps.tagCounts(letter) : undefined })
      : renderUnresolvedHover(ref.id, { t: translate, offline: deps.metadata.status !== 'online', commands });
    return new vscode.Hover(trusted(markdown), range);
  } finally {
    sub.dispose();
  }
}

function nameOnlyMotion(ref: CitationRef): string {
  const names = (ref.parts.submitters ?? []).map((n) => escapeMarkdown(n, 80)).join(', ');
  return [
    `**${vscode.l10n.t('Motion')}** ${names}`,
    vscode.l10n.t('No kamerstuk number is given for this motion; add one, e.g. (29 754, nr. 683), to see its outcome.'),
  ].join('\n\n');
}

/** Markdown with HTML off and only the extension's own hover commands enabled. */
export function trusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, false);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  return md;
}
