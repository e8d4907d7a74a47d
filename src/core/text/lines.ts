// Lines of a text: where the line holding an offset starts and ends, and the line break a file uses.

/** The offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the line break that ends the line holding `offset` (the text's end on its last line). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** CRLF when every line break of `text` is one, else LF: the line break for lines written into it anew. */
export function uniformLineBreak(text: string): '\n' | '\r\n' {
  return text.includes('\r\n') && !/(^|[^\r])\n/.test(text) ? '\r\n' : '\n';
}
