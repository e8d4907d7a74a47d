// The cheap prefilter: where in a text a citation can start at all. It is the citation scanner's own anchor test
// (src/core/citations/scanner.ts: one global regular expression, then "not inside a word or number"), run without
// the grammar. The scanner reports a citation only at such an anchor, so a text (or a block) without one cannot
// hold a citation; test/unit/workspace/prefilter.test.ts keeps this pattern equal to the scanner's.
import { digitRun, isAlnum, isDigit } from '../citations/chars';

// Copied from scanner.ts `anchorRe` (the test compares the two sources).
const anchorRe =
  /\d(?:\d{4}|\d{3}[DZ]\d|\d[ .\u00A0\u202F\u2009\u2007]\d{3}|\d\r?\n[ \t>]{0,8}\d{3})|C[CLXVI]{1,8}[ \t]?,|TZ\d{6}|T[\dO]\d{4}|[Ll]etter[ \t]|[Nn][Rr]|NR|[Kk][Ss][Tt]|[Aa]?[Hh]-|[hwWzKkPBbAaHSsMmGgTEdD](?:ttps?:\/\/|anhangsel|ww\.|etsvoorstel|ossier|oek\.officielebekendmakingen|amerstuk|AMERSTUK|arl\.|ijl|IJLAGE|ijlage|andelingen|ANDELINGEN|and\.|anh|ANH|tb|TB|tcrt|TCRT|taatsblad|taatscourant|tuk|otie|OTIE|mendement|MENDEMENT|ewijzigd|EWIJZIGD|K|\.K\.|weede|erste)/g;

/** The source of the anchor pattern, for the test that keeps it equal to the scanner's. */
export const ANCHOR_SOURCE = anchorRe.source;

/**
 * The same pattern after one character that is not an ASCII letter or digit. An anchor is never preceded by a
 * letter or digit, so only such characters start a match: the engine passes over the inside of words (most of a
 * prose text) at once, where the bare pattern tries its alternatives at every letter. ASCII only, so no anchor is
 * lost; the isAlnum test below still refuses the other letters and digits.
 */
const afterBoundaryRe = new RegExp(`[^A-Za-z0-9](?:${anchorRe.source})`, 'g');
/** The pattern at one offset (the first of a range has no character before it in the range). */
const atRe = new RegExp(anchorRe.source, 'y');

/**
 * Offsets in text[from, to) where the scanner could start a citation: an anchor not preceded by a letter or digit.
 * (The scanner also tries an anchor right at the start of a prose stretch; such a stretch always follows a line
 * break, a space, a marker or the end of code, never a letter or digit.) The offsets are those of anchorRe tried
 * at every offset, skipping the digits after a number as the scanner does (test/unit/workspace/prefilter.test.ts).
 */
export function anchorsIn(text: string, from = 0, to = text.length, limit = Infinity): number[] {
  const out: number[] = [];
  if (from >= to) return out;
  atRe.lastIndex = from;
  if (atRe.test(text) && (from === 0 || !isAlnum(text.charCodeAt(from - 1)))) {
    out.push(from);
    if (out.length >= limit) return out;
  }
  // Any later anchor has its character before it at `from` or after. After an anchor at p the search goes on from
  // p + 1 or past its digits: the character there is a letter or digit, so no anchor is passed over.
  const re = afterBoundaryRe;
  re.lastIndex = from;
  for (let a = re.exec(text); a && a.index + 1 < to; a = re.exec(text)) {
    const p = a.index + 1;
    if (!isAlnum(text.charCodeAt(p - 1))) {
      out.push(p);
      if (out.length >= limit) break;
    }
    re.lastIndex = isDigit(text.charCodeAt(p)) ? p + digitRun(text, p, to) : p + 1;
  }
  return out;
}

/** Whether `text` may contain a citation: false only when no citation can start anywhere in it. */
export function mightCite(text: string): boolean {
  return anchorsIn(text, 0, text.length, 1).length > 0;
}
