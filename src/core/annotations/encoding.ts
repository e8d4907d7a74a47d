// Annotation files are UTF-8. A file with other bytes (Latin-1 from an old tool) would decode with U+FFFD in
// place of its accented letters, and rewriting it would destroy them in entries nobody touched: such a file is
// treated like one that does not parse — a diagnostic at the first bad byte, never rewritten.
import { type AnnotationDiagnostic, message, MESSAGES } from './messages';

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1 when all are. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length and the allowed range of the second byte (no overlong forms, no surrogates, nothing above U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return -1;
}

/** The problem of a file that is not UTF-8: line and column (1-based, in characters) of its first bad byte. */
export function notUtf8Diagnostic(bytes: Uint8Array, offset: number): AnnotationDiagnostic {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  const byte = `0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    severity: 'error',
    code: 'encoding',
    message: message(MESSAGES.notUtf8, byte, line, column),
    line,
    column,
    endLine: line,
    endColumn: column + 1,
    offset,
    endOffset: offset + 1,
  };
}

/** The diagnostics of a file's bytes that are not UTF-8 (empty when they are). */
export function encodingDiagnostics(bytes: Uint8Array): AnnotationDiagnostic[] {
  const at = invalidUtf8Offset(bytes);
  return at < 0 ? [] : [notUtf8Diagnostic(bytes, at)];
}
