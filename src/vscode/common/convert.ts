// Converters between core's values (UTF-16 offsets, 1-based lines and columns, diagnostics with message
// templates) and VS Code's positions, ranges and diagnostics.
import * as vscode from 'vscode';
import type { AnnotationDiagnostic } from '../../core/annotations';
import type { LineIndex } from '../../core/text/line-index';

export type Severity = 'error' | 'warning' | 'info';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return SEVERITY[severity];
}

export function toRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** A range from offsets into a text that is not open as a document (a file read from disk). */
export function rangeIn(lines: LineIndex, start: number, end: number): vscode.Range {
  const a = lines.position(start);
  const b = lines.position(end);
  return new vscode.Range(a.line, a.character, b.line, b.character);
}

/** A range from core's 1-based line and column (end defaults to the same line, 1000 columns on). */
export function lineColumnRange(line: number, column: number, endLine = line, endColumn = column + 1000): vscode.Range {
  return new vscode.Range(Math.max(0, line - 1), Math.max(0, column - 1), Math.max(0, line - 1, endLine - 1), Math.max(0, endColumn - 1));
}

/** A diagnostic of this extension: localised message, severity, source `kamerstuk` and the code. */
export function toDiagnostic(
  range: vscode.Range,
  message: { template: string; args: readonly (string | number)[] },
  severity: Severity,
  code?: string,
): vscode.Diagnostic {
  const out = new vscode.Diagnostic(range, vscode.l10n.t(message.template, ...message.args), SEVERITY[severity]);
  out.source = 'kamerstuk';
  if (code) out.code = code;
  return out;
}

/** A problem of an annotation file, with the text that fixes it where core knows one ("did you mean measure"). */
export class AnnotationFileDiagnostic extends vscode.Diagnostic {
  replacement?: string;
}

/** An annotation file's problem at its line and column. */
export function annotationDiagnostic(d: AnnotationDiagnostic): AnnotationFileDiagnostic {
  const range = lineColumnRange(d.line, d.column, d.endLine, d.endColumn);
  const out = new AnnotationFileDiagnostic(range, vscode.l10n.t(d.message.template, ...d.message.args), SEVERITY[d.severity]);
  out.source = 'kamerstuk';
  out.code = d.code;
  if (d.replacement !== undefined) out.replacement = d.replacement;
  return out;
}

/** Hover markdown: no HTML, and command links only for the extension's own `commands`. */
export function trustedMarkdown(markdown: string, commands: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, false);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...commands] };
  return md;
}
