// Document links on citations: Ctrl+click opens the letter in the workspace, or the official publication.
import * as vscode from 'vscode';
import { toRange } from '../common/convert';
import { MARKDOWN } from '../common/documents';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import type { LetterIndex } from '../workspace/letter-index';
import { citedTarget } from './open-cited-document';

class CitationLink extends vscode.DocumentLink {
  constructor(
    range: vscode.Range,
    readonly id: string,
  ) {
    super(range);
    this.tooltip = vscode.l10n.t('Open {0}', id);
  }
}

export function registerCitationLinks(citations: WorkspaceCitationIndex, letters: LetterIndex): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(MARKDOWN, {
    provideDocumentLinks(document) {
      // URLs and markdown links are linked by VS Code's markdown support already.
      return citations
        .get(document)
        .refs.filter((r) => r.id && r.form !== 'url' && r.form !== 'link')
        .map((r) => new CitationLink(toRange(document, r.start, r.end), r.id!));
    },
    async resolveDocumentLink(link: CitationLink, token) {
      const target = await citedTarget(letters, link.id);
      if (token.isCancellationRequested) return undefined;
      link.target = target?.uri;
      return link;
    },
  });
}
