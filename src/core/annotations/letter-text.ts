// A letter's text with whitespace runs collapsed to one space, so a reflowed paragraph still matches its quote,
// plus the mapping back to offsets in the original text (UTF-16 code units). The original text is the letter as
// annotations address it (LetterSource): a file's BOM and CRs of CRLF line endings are not part of it.
import { LetterSource } from './letter-source';

const WHITESPACE_RUN = /\s+/g;

export function normaliseWhitespace(s: string): string {
  return s.replace(WHITESPACE_RUN, ' ');
}

export class LetterText {
  /** The original text: the letter without BOM, with LF line endings. */
  readonly text: string;
  /** The text with each whitespace run replaced by one space. */
  readonly normal: string;
  /** `toOriginal[i]` is the original offset of normal[i]; `toOriginal[normal.length]` is text.length. */
  readonly #toOriginal: Int32Array;

  constructor(raw: string) {
    const text = new LetterSource(raw).text;
    this.text = text;
    this.normal = normaliseWhitespace(text);
    const map = new Int32Array(this.normal.length + 1);
    let n = 0;
    let inRun = false;
    for (let o = 0; o < text.length; o++) {
      const space = isWhitespace(text.charCodeAt(o));
      if (!space || !inRun) map[n++] = o;
      inRun = space;
    }
    map[n] = text.length;
    this.#toOriginal = map;
  }

  /** Original offset of a normalised offset (an end offset maps to just after the last included character). */
  toOriginal(normalOffset: number): number {
    return this.#toOriginal[Math.max(0, Math.min(this.normal.length, normalOffset))];
  }

  /** Normalised offset of an original offset (inside a whitespace run: the run's space). */
  fromOriginal(offset: number): number {
    const map = this.#toOriginal;
    let lo = 0;
    let hi = this.normal.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Exactly the code units JavaScript's `\s` matches. */
function isWhitespace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
