// CSV that Dutch Excel opens as-is: UTF-8 with BOM (else Excel guesses Windows-1252), `;` as separator (the list
// separator of the Dutch locale, where `,` is the decimal mark), CRLF line ends, RFC 4180 quoting.

import type { TaggedPassage } from './passages';

export const CSV_COLUMNS = [
  'letter',
  'letterPath',
  'line',
  'id',
  'tag',
  'label',
  'quote',
  'note',
  'refs',
  'author',
  'created',
  'status',
  'start',
  'end',
] as const;

export function renderCsv(passages: readonly TaggedPassage[]): string {
  const rows = [CSV_COLUMNS.join(';')];
  for (const p of passages) {
    rows.push(
      CSV_COLUMNS.map((c) => {
        const v = c === 'refs' ? p.refs.join(' ') : p[c];
        return csvField(v === undefined ? '' : String(v));
      }).join(';'),
    );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

/**
 * Quotes a field when needed. Text that Excel would take for a formula (=, +, -, @ at the start) is prefixed with
 * an apostrophe, which Excel hides: a passage is never executed as a formula.
 */
export function csvField(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && !/^-?\d+([.,]\d+)?$/.test(v)) v = `'${v}`;
  return /[;"\r\n,]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}
