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

export function toOffsets(document: vscode.TextDocument, range: vscode.Range): { start: number; end: number } {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** The first item whose [start, end] span contains `offset` (inclusive end, so a cursor right after a citation counts). */
export function atOffset<T extends { start: number; end: number }>(items: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  // Items are sorted by start; binary search for the last item starting at or before the offset.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = hi; i >= 0 && i >= hi - 3; i--) {
    if (items[i].start <= offset && offset <= items[i].end) return items[i];
  }
  return undefined;
}
