// Captures what identifies a passage: the quote and up to 32 characters of context on either side.

import type { QuoteSelector } from './model';

export const CONTEXT_LENGTH = 32;

/** The selector for `text.slice(start, end)`; offsets are UTF-16 code units and are clamped to the text. */
export function captureSelector(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): QuoteSelector {
  const s = clamp(Math.min(start, end), 0, text.length);
  const e = clamp(Math.max(start, end), 0, text.length);
  let from = Math.max(0, s - contextLength);
  let to = Math.min(text.length, e + contextLength);
  // Never cut a surrogate pair in half at the outer edge of the context.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return { quote: text.slice(s, e), prefix: text.slice(from, s), suffix: text.slice(e, to), start: s, end: e };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.trunc(v)));
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
