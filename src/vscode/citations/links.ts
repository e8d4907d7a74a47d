// Document links on citations of letters in the workspace: Ctrl+click opens the letter. A document outside the
// workspace has no link: Ctrl+click is Go to Definition, which opens its read-only page (with its official
// address); a link to the official site as well would open two things at once.
import * as vscode from 'vscode';
import { toRange } from '../common/convert';
import { MARKDOWN } from '../common/documents';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import type { LetterIndex } from '../workspace/letter-index';

export function registerCitationLinks(citations: WorkspaceCitationIndex, letters: LetterIndex): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(MARKDOWN, {
    async provideDocumentLinks(document, token) {
      // URLs and markdown links are linked by VS Code's markdown support already.
      const refs = citations.get(document).refs.filter((r) => r.id && r.form !== 'url' && r.form !== 'link');
      const local = new Map<string, vscode.Uri | undefined>();
      for (const id of new Set(refs.map((r) => r.id!))) local.set(id, await letters.find(id));
      if (token.isCancellationRequested) return undefined;
      return refs.flatMap((r) => {
        const target = local.get(r.id!);
        if (!target) return [];
        const link = new vscode.DocumentLink(toRange(document, r.start, r.end), target);
        link.tooltip = vscode.l10n.t('Open {0}', r.id!);
        return [link];
      });
    },
  });
}
