// activate(): wires the editor features, nothing else.
import * as vscode from 'vscode';
import { registerCitationCodeActions } from './vscode/citation-code-actions';
import { registerCitationCommands } from './vscode/citation-commands';
import { registerCitationCompletion } from './vscode/citation-completion';
import { registerCitationDefinition } from './vscode/citation-definition';
import { registerCitationDiagnostics } from './vscode/citation-diagnostics';
import { CitationDocuments } from './vscode/citation-documents';
import { registerCitationHover } from './vscode/citation-hover';
import { registerCitationLinks } from './vscode/citation-links';
import { registerCitationReferences } from './vscode/citation-references';
import { registerCitedDocumentPage } from './vscode/cited-document-page';
import { registerCitedDocumentsView } from './vscode/cited-documents-view';
import { registerInsertCitation } from './vscode/insert-citation';
import { registerAnnotations, type AnnotationsApi } from './vscode/annotations';
import { log, registerLog } from './vscode/log';
import { MetadataService } from './vscode/metadata-service';
import { registerStatusBar } from './vscode/status-bar';
import { WorkspaceLetters } from './vscode/workspace-letters';

export interface KamerstukApi {
  citations: CitationDocuments;
  metadata: MetadataService;
  letters: WorkspaceLetters;
  annotations: AnnotationsApi;
}

export function activate(context: vscode.ExtensionContext): KamerstukApi {
  registerLog(context);
  const citations = new CitationDocuments();
  const metadata = new MetadataService(context);
  const letters = new WorkspaceLetters();
  context.subscriptions.push(citations, metadata, letters);

  const annotations = registerAnnotations(context);
  registerCitationHover(context, { citations, metadata, letters, tagCounts: (letterUri) => annotations.tagCounts(letterUri) });
  registerCitedDocumentPage(context, metadata);
  registerCitationDefinition(context, citations, letters);
  registerCitationLinks(context, citations, letters);
  registerCitationReferences(context, citations);
  registerCitationDiagnostics(context, citations);
  registerCitationCodeActions(context, citations);
  registerCitationCompletion(context, metadata);
  registerInsertCitation(context, metadata);
  registerCitationCommands(context, citations, letters, metadata);
  registerCitedDocumentsView(context, citations, metadata);
  registerStatusBar(context, citations, metadata);

  log().info(vscode.l10n.t('Kamerstuk Annotator activated ({0})', vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'));
  return { citations, metadata, letters, annotations };
}

export function deactivate(): void {}
