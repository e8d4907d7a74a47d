// The rows `kamerstuk refs` prints for one file: its citations with 1-based line and column, and a warning per block
// too complex to scan fully. Shared by the command (src/cli/commands/refs.ts) and its worker threads (refs-worker.ts).
import type { CitationRef } from '../core/citations/types';
import { SCAN_LIMIT_MESSAGES } from '../core/markdown';
import { fillTemplate } from '../core/text/fill-template';
import { LineIndex } from '../core/text/line-index';
import { scanCandidates } from '../core/workspace';

export interface RefRow {
  file: string;
  line: number;
  column: number;
  start: number;
  end: number;
  text: string;
  kind: CitationRef['kind'];
  id: string | null;
  parts: CitationRef['parts'];
  form?: CitationRef['form'];
}

/** One file's rows and warnings (`file:line:column: message`), or why it could not be read. */
export type FileRows = { rows: RefRow[]; warnings: string[]; error?: undefined } | { error: string };

/** The rows of one file's text, and a warning (`file:line:column: message`) per block too complex to scan fully. */
export function refRows(file: string, text: string): { rows: RefRow[]; warnings: string[] } {
  const scan = scanCandidates(text);
  if (!scan.refs.length && !scan.limits.length) return { rows: [], warnings: [] };
  const lines = new LineIndex(text);
  const rows = scan.refs.map((r) => {
    const at = lines.position(r.start);
    const row: RefRow = { file, line: at.line + 1, column: at.character + 1, start: r.start, end: r.end, text: r.text, kind: r.kind, id: r.id, parts: r.parts };
    if (r.form) row.form = r.form;
    return row;
  });
  const warnings = scan.limits.map((l) => {
    const at = lines.position(l.start);
    return `${file}:${at.line + 1}:${at.character + 1}: warning: ${fillTemplate(SCAN_LIMIT_MESSAGES[l.code].message, l.args)}`;
  });
  return { rows, warnings };
}
