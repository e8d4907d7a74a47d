// Parsing an annotation file: YAML syntax errors and schema errors become diagnostics with line and column.

import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { type AnnotationDiagnostic, message, MESSAGES } from './messages';
import { diagnosticAt, validateDocument, type ValidatedFile } from './validate';

export interface ParsedAnnotationFile extends ValidatedFile {
  document: Document;
  lines: LineCounter;
}

export type ParseOutcome = { ok: true; file: ParsedAnnotationFile } | { ok: false; diagnostics: AnnotationDiagnostic[] };

export function parseAnnotationYaml(text: string): ParseOutcome {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, strict: true });
  if (document.errors.length) return { ok: false, diagnostics: document.errors.map((e) => yamlDiagnostic(e, text, lines)) };
  const { diagnostics, file } = validateDocument(document, lines);
  if (!file) return { ok: false, diagnostics };
  return { ok: true, file: { ...file, document, lines } };
}

function yamlDiagnostic(e: YAMLError, text: string, lines: LineCounter): AnnotationDiagnostic {
  const [from, to] = e.pos;
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(from))?.[0].trim() || '?';
    return diagnosticAt(lines, [from, from + key.length], 'duplicate-key', message(MESSAGES.duplicateKey, key));
  }
  // yaml's pretty message repeats the position and quotes the source line; keep the first sentence.
  const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return diagnosticAt(lines, [from, Math.max(from, to)], 'yaml-syntax', message(MESSAGES.yamlSyntax, first));
}
