// Sentence splitting for Dutch letters, offline: Intl.Segmenter (built into Node and the browsers, so the web
// extension has it too) proposes the boundaries, and a merge pass takes back the ones it gets wrong in letters:
// after an abbreviation (`o.a.`, `nr.`, `bijv.`; `jl.`, `enz.`, `mln.` only before a lower-case word) or an initial, inside a citation the scanner recognised
// (`Kamerstukken II 2022/23, 29 754, nr. 680`), before a lower-case word, and inside a footnote marker (`[^1]`),
// which moves to the sentence it ends. A footnote number printed after the full stop (`(Woo).1 Met deze brief`)
// ends the sentence after the number.
import { endsInAbbreviation, endsInFinalAbbreviation } from './abbreviations';

export interface Span {
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | undefined;

/** Whether `offset` lies strictly inside one of `ranges` (sorted by start). */
function inside(ranges: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (ranges[i].start < offset && offset < ranges[i].end) return ranges[i];
  return undefined;
}

const FOOTNOTE_MARKER = /\[\^[^\]\s]{1,20}\]/gy;
// `…(Woo).1 Met`, `…chatberichten.3 Een`: a full stop, a footnote number of one or two digits, a space, a capital.
const PRINTED_FOOTNOTE = /[\p{L})»”’][.!?](\d{1,2})(?=\s+[\p{Lu}«“‘"(])/gu;

/**
 * The sentences of `text` between `from` and `to`, trimmed of surrounding white space. `protect`: spans (sorted
 * by start) no boundary may fall inside, such as citation ranges.
 */
export function splitSentences(text: string, from = 0, to = text.length, protect: readonly Span[] = []): Span[] {
  segmenter ??= new Intl.Segmenter('nl', { granularity: 'sentence' });
  const piece = text.slice(from, to);
  const raw: number[] = [];
  for (const s of segmenter.segment(piece)) if (s.index > 0) raw.push(from + s.index);
  // Footnote numbers printed after the stop: the segmenter reads `.1 Met` as a number and keeps going.
  for (const m of piece.matchAll(PRINTED_FOOTNOTE)) raw.push(from + m.index + m[0].length);
  raw.sort((a, b) => a - b);

  const bounds: number[] = [];
  for (let b of raw) {
    const before = text.slice(Math.max(from, b - 80), b).trimEnd();
    const after = text.slice(b, Math.min(to, b + 4));
    // A footnote marker split in two (`….[` + `^1] In`): the boundary moves behind it.
    const marker = markerAround(text, b, from, to);
    if (marker) b = skipSpace(text, marker.end, to);
    else if (/[[(]$/u.test(before) || /^\s*[\^\]]/u.test(after)) continue;
    if (b >= to) continue;
    if (inside(protect, b) || inside(protect, b - 1)) continue;
    const head = text.slice(Math.max(from, b - 80), b).trimEnd();
    if (!/[.!?…:;»”"')\]\d]$/u.test(head) && !/\n\s*$/u.test(text.slice(Math.max(from, b - 4), b))) continue;
    // After `jl.`, `enz.`, `mln.` a capital or a new line starts the next sentence; after `o.a.`, `dhr.` it does not.
    const gap = text.slice(Math.max(from, b - 80) + head.length, b);
    const nextStarts = /^[«“‘"']?\p{Lu}/u.test(text.slice(b, b + 2)) || (/\n/u.test(gap) && !/^\p{Ll}/u.test(text.slice(b, b + 1)));
    if (/[.]$/u.test(head) && endsInAbbreviation(head) && !(nextStarts && endsInFinalAbbreviation(head))) continue;
    // Continues in lower case or with a number or punctuation: `e.a. zegt toe`, `nr. 680`, `p. 3`.
    if (/^[\p{Ll}\d,;)]/u.test(text.slice(b, b + 1)) && !/\n/u.test(text.slice(Math.max(from, b - 3), b))) continue;
    if (bounds.length && bounds[bounds.length - 1] >= b) continue;
    bounds.push(b);
  }

  const out: Span[] = [];
  let start = from;
  for (const b of [...bounds, to]) {
    const span = trim(text, start, b);
    if (span) out.push(span);
    start = b;
  }
  return out;
}

/** The footnote marker `[^n]` that `offset` falls inside or right before (after a sentence's stop), if any. */
function markerAround(text: string, offset: number, from: number, to: number): Span | undefined {
  const lo = Math.max(from, offset - 24);
  for (let i = offset; i >= lo; i--) {
    if (text[i] !== '[') continue;
    FOOTNOTE_MARKER.lastIndex = i;
    const m = FOOTNOTE_MARKER.exec(text);
    if (m && i + m[0].length <= to && i + m[0].length >= offset && /[.!?]$/u.test(text.slice(lo, i))) return { start: i, end: i + m[0].length };
    return undefined;
  }
  return undefined;
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && /\s/u.test(text[i])) i++;
  return i;
}

function trim(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}
