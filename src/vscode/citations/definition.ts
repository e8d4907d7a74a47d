// Go to Definition on a citation: the cited letter in the workspace; for any other document a read-only page with
// its metadata and official address (cited-document-page.ts). No side effects: VS Code also asks this provider
// while Ctrl is held over text and for Peek Definition.
import * as vscode from 'vscode';
import { refAt } from '../core/citations';
import type { CitationDocuments } from './citation-documents';
import { pageUri } from './cited-document-page';
import type { WorkspaceLetters } from './workspace-letters';

export function registerCitationDefinition(context: vscode.ExtensionContext, citations: CitationDocuments, letters: WorkspaceLetters): void {
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider({ language: 'markdown' }, {
      async provideDefinition(document, position) {
        const ref = refAt(citations.get(document).refs, document.offsetAt(position));
        if (!ref?.id) return undefined;
        const local = await letters.find(ref.id);
        return new vscode.Location(local ?? pageUri(ref.id), new vscode.Position(0, 0));
      },
    }),
  );
}
