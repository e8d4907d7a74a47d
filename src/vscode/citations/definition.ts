// Go to Definition on a citation: the cited letter in the workspace; for any other document a read-only page with
// its metadata and official address (document-page.ts). No side effects: VS Code also asks this provider while
// Ctrl is held over text and for Peek Definition.
import * as vscode from 'vscode';
import { refAt } from '../../core/citations';
import { MARKDOWN } from '../common/documents';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import type { LetterIndex } from '../workspace/letter-index';
import { pageUri } from './document-page';

export function registerCitationDefinition(citations: WorkspaceCitationIndex, letters: LetterIndex): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(MARKDOWN, {
    async provideDefinition(document, position, token) {
      const ref = refAt(citations.get(document).refs, document.offsetAt(position));
      if (!ref?.id) return undefined;
      const local = await letters.find(ref.id);
      if (token.isCancellationRequested) return undefined;
      return new vscode.Location(local ?? pageUri(ref.id), new vscode.Position(0, 0));
    },
  });
}
