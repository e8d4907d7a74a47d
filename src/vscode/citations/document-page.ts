// A read-only page about a cited document that is not in the workspace: what Go to Definition opens for it.
// It lists the metadata the sources know and the address of the official publication. A definition provider must
// not open the browser itself: VS Code also asks it while Ctrl is held over text and for Peek Definition.
import * as vscode from 'vscode';
import { officialUrl, toezeggingRegister } from '../../core/citations';
import type { DocumentMetadata } from '../../core/metadata';
import { withAbortSignal } from '../common/cancellation';
import type { MetadataService } from '../metadata/metadata-service';

const PAGE_SCHEME = 'kamerstuk-document';

export function pageUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PAGE_SCHEME, path: `/${id}.md` });
}

export function registerDocumentPage(metadata: MetadataService): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(PAGE_SCHEME, {
    provideTextDocumentContent(uri, token) {
      const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      return withAbortSignal(token, async (signal) => pageText(id, await metadata.resolver.get(id, { signal, timeoutMs: 5000 })));
    },
  });
}

/** Plain text (shown in an editor, never rendered): the document's facts and its official address. */
function pageText(id: string, meta: DocumentMetadata | undefined): string {
  const line = (label: string, value: string | undefined) => (value ? `${label}: ${value}` : undefined);
  const lines = [
    `# ${meta?.title ?? meta?.onderwerp ?? id}`,
    '',
    line(vscode.l10n.t('Identifier'), id),
    line(vscode.l10n.t('Kind'), meta?.soort),
    line(vscode.l10n.t('Date'), meta?.date),
    line(vscode.l10n.t('Dossier'), meta?.dossier ? [meta.dossier.nummer, meta.dossier.toevoeging, meta.dossier.titel].filter(Boolean).join(' ') : undefined),
    line(vscode.l10n.t('Signed by'), meta?.signatories?.map((s) => s.naam).join(', ')),
    line(vscode.l10n.t('Official publication'), meta?.links?.html ?? officialUrl(id) ?? undefined),
    line(vscode.l10n.t('Register of toezeggingen'), toezeggingRegister(id)?.url),
    meta ? undefined : vscode.l10n.t('No metadata found for {0}.', id),
    '',
    vscode.l10n.t('This document is not in the workspace. Ctrl+click the citation or run "Open cited document" to open its official publication.'),
  ];
  return lines.filter((l) => l !== undefined).join('\n') + '\n';
}
