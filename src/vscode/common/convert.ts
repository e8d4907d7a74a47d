// Small converters between core's UTF-16 offsets and VS Code's positions and ranges.
import * as vscode from 'vscode';
import type { LineIndex } from '../core/text/line-index';

export function toRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** A range from offsets into a text that is not open as a document (a file read from disk). */
export function rangeIn(lines: LineIndex, start: number, end: number): vscode.Range {
  const a = lines.position(start);
  const b = lines.position(end);
  return new vscode.Range(a.line, a.character, b.line, b.character);
}
