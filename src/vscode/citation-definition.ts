// Go to Definition on a citation: the cited letter in the workspace; otherwise its official publication opens in
// the browser (a definition provider can only return workspace locations).
import * as vscode from 'vscode';
import { refAt } from '../core/citations';
import type { CitationDocuments } from './citation-documents';
import { citedTarget } from './cited-document';
import type { WorkspaceLetters } from './workspace-letters';

export function registerCitationDefinition(context: vscode.ExtensionContext, citations: CitationDocuments, letters: WorkspaceLetters): void {
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider({ language: 'markdown' }, {
      async provideDefinition(document, position, token) {
        const ref = refAt(citations.get(document).refs, document.offsetAt(position));
        if (!ref?.id) return undefined;
        const target = await citedTarget(letters, ref.id);
        if (!target || token.isCancellationRequested) return undefined;
        if (target.kind === 'workspace') return new vscode.Location(target.uri, new vscode.Position(0, 0));
        await vscode.env.openExternal(target.uri);
        return undefined;
      },
    }),
  );
}
