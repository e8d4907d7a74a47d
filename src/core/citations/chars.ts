// Character classes and small cursor helpers shared by the citation grammar. Everything works on UTF-16 code
// units of the original text, so offsets stay exact; typographic spaces and dashes are treated as their plain
// counterparts instead of being rewritten.

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
export const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;

const letterRe = /\p{L}/u;
const upperRe = /\p{Lu}/u;
const lowerRe = /\p{Ll}/u;

export function isLetter(c: number): boolean {
  if (c < 128) return isAsciiUpper(c) || isAsciiLower(c);
  return c >= 0xc0 && letterRe.test(String.fromCharCode(c));
}

export function isUpper(c: number): boolean {
  if (c < 128) return isAsciiUpper(c);
  return c >= 0xc0 && upperRe.test(String.fromCharCode(c));
}

export function isLower(c: number): boolean {
  if (c < 128) return isAsciiLower(c);
  return c >= 0xc0 && lowerRe.test(String.fromCharCode(c));
}

export const isAlnum = (c: number): boolean => isDigit(c) || isLetter(c);

/** Horizontal space: ASCII space and tab, NBSP, narrow NBSP, thin/figure/hair spaces and friends. */
export function isHSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x205f || c === 0x3000;
}

/** Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign. */
export function isDash(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
}

/** Character at `i`, or -1 outside [0, end). */
export function at(s: string, i: number, end: number): number {
  return i >= 0 && i < end ? s.charCodeAt(i) : -1;
}

/**
 * Skips spaces (and at most one line break, never a blank line) plus markdown emphasis markers, which may wrap
 * parts of a citation (`*Kamerstukken II* 2022/23`). Returns the first position that is not skipped.
 */
export function ws(s: string, i: number, end: number): number {
  let newlines = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (isHSpace(c) || c === 42 /* * */ || c === 95 /* _ */) i++;
    else if (c === 10) {
      if (++newlines > 1) break;
      i++;
      // A blockquote continuation marker on the next line is part of the same paragraph.
      while (i < end && (isHSpace(s.charCodeAt(i)) || s.charCodeAt(i) === 62)) i++;
    } else break;
  }
  return i;
}

/** Like `ws`, but only plain horizontal space (used inside names and numbers). */
export function hws(s: string, i: number, end: number): number {
  while (i < end && isHSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Number of consecutive digits at `i`. */
export function digitRun(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && isDigit(s.charCodeAt(j))) j++;
  return j - i;
}

/** Number of consecutive letters at `i`. */
export function letterRun(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && isLetter(s.charCodeAt(j))) j++;
  return j - i;
}

/**
 * Matches a sticky regular expression at `i` (the pattern must use the `y` flag and bounded quantifiers only, so
 * every call is constant-time). Returns the match or null.
 */
export function stick(re: RegExp, s: string, i: number, end: number): RegExpExecArray | null {
  if (i >= end) return null;
  re.lastIndex = i;
  const m = re.exec(s);
  if (!m || m.index + m[0].length > end) return null;
  return m;
}

/** Space class and dash class for use inside sticky patterns. */
export const SP = '[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]';
export const DASH = '[-\\u2010-\\u2015\\u2212]';

/**
 * Space between the words of a label that a hard-wrapped line may break (`Aanhangsel` at the end of one line,
 * `Handelingen` at the start of the next): a horizontal space, or one line break that does not end the paragraph
 * (with the next line's indentation and blockquote markers).
 */
// The alternatives never match the same text (a space, a blockquote marker, one line break), so a failed match
// backtracks in linear time.
export const BR = `(?:${SP}|>|\\r?\\n(?![ \\t>]{0,40}(?:\\r?\\n|$)))`;
