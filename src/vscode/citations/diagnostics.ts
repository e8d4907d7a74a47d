// Problems panel entries for malformed or ambiguous citations (computed by core), refreshed as the note changes.
// Only the analyst's own notes are linted: not official letters (a `kamerstuk:` front matter or a file named by
// its id) and not read-only pages (the cited document's metadata page, a git diff).
import * as vscode from 'vscode';
import { citationDiagnostics, type CitationDiagnostic } from '../../core/citations';
import { SCAN_LIMIT_MESSAGES, type ScanLimit } from '../../core/markdown';
import { letterIdFromFileName } from '../../core/letters';
import { toRange, toSeverity } from '../common/convert';
import { baseName, isWorkspaceDocument } from '../common/documents';
import { KeyedDebounce } from '../common/delay';
import { Disposable } from '../common/disposable';
import { onSettingChanged, settings } from '../common/settings';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';

const DEBOUNCE_MS = 250;

/** A VS Code diagnostic that keeps core's diagnostic (with its fixes) for the code action provider. */
export class CitationProblemDiagnostic extends vscode.Diagnostic {
  constructor(
    document: vscode.TextDocument,
    readonly problem: CitationDiagnostic,
  ) {
    super(toRange(document, problem.start, problem.end), vscode.l10n.t(problem.message, ...problem.args), toSeverity(problem.severity));
    this.source = 'kamerstuk';
    this.code = problem.code;
  }
}

export class CitationDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('kamerstuk-citations'));
  private readonly debounce = this.register(new KeyedDebounce());

  constructor(private readonly citations: WorkspaceCitationIndex) {
    super();
    const refresh = (d: vscode.TextDocument) => this.refresh(d);
    this.register(vscode.workspace.onDidOpenTextDocument(refresh));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => this.debounce.schedule(e.document.uri.toString(), DEBOUNCE_MS, () => this.refresh(e.document))),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)));
    this.register(onSettingChanged(['diagnostics.enabled'], () => vscode.workspace.textDocuments.forEach(refresh)));
    vscode.workspace.textDocuments.forEach(refresh);
  }

  private refresh(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || document.isClosed) return;
    if (!settings.diagnosticsEnabled(document.uri) || !isNote(document)) {
      this.collection.delete(document.uri);
      return;
    }
    const scan = this.citations.get(document);
    if (scan.frontMatter?.selfId) {
      this.collection.delete(document.uri);
      return;
    }
    const text = document.getText();
    this.collection.set(document.uri, [
      ...citationDiagnostics(scan.problems, text).map((p) => new CitationProblemDiagnostic(document, p)),
      ...scan.limits.map((l) => scanLimitDiagnostic(document, text, l)),
    ]);
  }
}

/** A note of the analyst's: an unsaved one, or a workspace file that is not named as an official letter. */
function isNote(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === 'untitled') return true;
  return isWorkspaceDocument(document.uri) && !letterIdFromFileName(baseName(document.uri));
}

/** A block scanned as plain text because it is too complex to parse: a warning on its first line. */
function scanLimitDiagnostic(document: vscode.TextDocument, text: string, limit: ScanLimit): vscode.Diagnostic {
  const lineEnd = text.indexOf('\n', limit.start);
  const end = lineEnd < 0 || lineEnd > limit.end ? limit.end : lineEnd;
  const { severity, message } = SCAN_LIMIT_MESSAGES[limit.code];
  const diagnostic = new vscode.Diagnostic(toRange(document, limit.start, end), vscode.l10n.t(message, ...limit.args), toSeverity(severity));
  diagnostic.source = 'kamerstuk';
  diagnostic.code = limit.code;
  return diagnostic;
}
