// The citations area: what the editor does with a citation in a note — hover, links, Go to Definition, Find All
// References, completion, diagnostics and quick fixes, Insert citation, Open cited document, the Cited documents view,
// workspace symbols of cited documents.
import * as vscode from 'vscode';
import { combine } from '../common/disposable';
import type { Services } from '../../services';
import { registerCitedDocumentsTree } from './cited-documents-tree';
import { registerCitationCodeActions } from './code-actions';
import { registerCitationCompletion } from './completion';
import { registerCitationDefinition } from './definition';
import { CitationDiagnostics } from './diagnostics';
import { registerDocumentPage } from './document-page';
import { registerCitationHover } from './hover';
import { registerInsertCitation } from './insert-citation';
import { registerCitationLinks } from './links';
import { registerOpenCitedDocument } from './open-cited-document';
import { registerCitationReferences } from './references';
import { registerCitedDocumentSymbols } from './workspace-symbols';

export function register(services: Services): vscode.Disposable {
  const { citations, letters, metadata, notifier, related, workspaceIndex } = services;
  return combine(
    registerCitationHover({ citations, metadata, letters, related, tagCounts: (letter) => services.tagCounts(letter) }),
    registerDocumentPage(metadata),
    registerCitationDefinition(citations, letters),
    registerCitationLinks(citations, letters),
    registerCitationReferences(citations, workspaceIndex, (id) => metadata.canonicalId(id)),
    new CitationDiagnostics(citations),
    registerCitationCodeActions(citations),
    registerCitationCompletion(metadata, workspaceIndex),
    registerInsertCitation(metadata, notifier),
    registerOpenCitedDocument(citations, letters, notifier),
    registerCitedDocumentsTree(citations, workspaceIndex, metadata),
    registerCitedDocumentSymbols(workspaceIndex, letters, metadata),
  );
}
