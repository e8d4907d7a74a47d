// Document links on citations: Ctrl+click opens the letter in the workspace, or the official publication.
import * as vscode from 'vscode';
import type { CitationDocuments } from './citation-documents';
import { citedTarget } from './cited-document';
import { toRange } from './convert';
import type { WorkspaceLetters } from './workspace-letters';

class CitationLink extends vscode.DocumentLink {
  constructor(range: vscode.Range, readonly id: string) {
    super(range);
    this.tooltip = vscode.l10n.t('Open {0}', id);
  }
}

export function registerCitationLinks(context: vscode.ExtensionContext, citations: CitationDocuments, letters: WorkspaceLetters): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentLinkProvider({ language: 'markdown' }, {
      provideDocumentLinks(document) {
        // URLs and markdown links are linked by VS Code's markdown support already.
        return citations
          .get(document)
          .refs.filter((r) => r.id && r.form !== 'url' && r.form !== 'link')
          .map((r) => new CitationLink(toRange(document, r.start, r.end), r.id!));
      },
      async resolveDocumentLink(link: CitationLink) {
        link.target = (await citedTarget(letters, link.id))?.uri;
        return link;
      },
    }),
  );
}
