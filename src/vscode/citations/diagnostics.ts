// Problems panel entries for malformed or ambiguous citations (computed by core), refreshed as the note changes.
import * as vscode from 'vscode';
import { KeyedDebounce } from './keyed-debounce';
import { citationDiagnostics, type CitationDiagnostic } from '../core/citations';
import type { CitationDocuments } from './citation-documents';
import { toRange } from './convert';
import { onSettingChanged, settings } from './settings';

const SEVERITY: Record<CitationDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A VS Code diagnostic that keeps core's diagnostic (with its fixes) for the code action provider. */
export class CitationProblemDiagnostic extends vscode.Diagnostic {
  constructor(document: vscode.TextDocument, readonly problem: CitationDiagnostic) {
    super(toRange(document, problem.start, problem.end), vscode.l10n.t(problem.message, ...problem.args), SEVERITY[problem.severity]);
    this.source = 'kamerstuk';
    this.code = problem.code;
  }
}

export function registerCitationDiagnostics(context: vscode.ExtensionContext, citations: CitationDocuments): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('kamerstuk-citations');
  const debounce = new KeyedDebounce();

  const refresh = (document: vscode.TextDocument) => {
    if (document.languageId !== 'markdown' || document.isClosed) return;
    if (!settings.diagnosticsEnabled()) {
      collection.delete(document.uri);
      return;
    }
    const text = document.getText();
    const scan = citations.get(document);
    collection.set(document.uri, citationDiagnostics(scan.problems, text).map((p) => new CitationProblemDiagnostic(document, p)));
  };
  const refreshSoon = (document: vscode.TextDocument) => {
    debounce.schedule(document.uri.toString(), 250, () => refresh(document));
  };

  context.subscriptions.push(
    collection,
    debounce,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refreshSoon(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    onSettingChanged(['diagnostics.enabled'], () => vscode.workspace.textDocuments.forEach(refresh)),
  );
  vscode.workspace.textDocuments.forEach(refresh);
  return collection;
}
