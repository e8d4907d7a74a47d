// The cheap prefilter: where in a text a citation can start at all. It is the citation scanner's own anchor test
// (src/core/citations/scanner.ts: one global regular expression, then "not inside a word or number"), run without
// the grammar. The scanner reports a citation only at such an anchor, so a text (or a block) without one cannot
// hold a citation; test/unit/workspace/prefilter.test.ts keeps this pattern equal to the scanner's.
import { digitRun, isAlnum, isDigit } from '../citations/chars';

// Copied from scanner.ts `anchorRe` (the test compares the two sources).
const anchorRe =
  /\d(?:\d{4}|\d{3}[DZ]\d|\d[ .\u00A0\u202F\u2009\u2007]\d{3}|\d\r?\n[ \t>]{0,8}\d{3})|C[CLXVI]{1,8}[ \t]?,|TZ\d{6}|[Ll]etter[ \t]|[Nn][Rr]|NR|[Kk][Ss][Tt]|[Aa]?[Hh]-|[hwWzKkPBbAaHSsMmGgTEdD](?:ttps?:\/\/|anhangsel|ww\.|etsvoorstel|ossier|oek\.officielebekendmakingen|amerstuk|AMERSTUK|arl\.|ijl|IJLAGE|ijlage|andelingen|ANDELINGEN|and\.|anh|ANH|tb|TB|tcrt|TCRT|taatsblad|taatscourant|tuk|otie|OTIE|mendement|MENDEMENT|ewijzigd|EWIJZIGD|K|\.K\.|weede|erste)/g;

/** The source of the anchor pattern, for the test that keeps it equal to the scanner's. */
export const ANCHOR_SOURCE = anchorRe.source;

/**
 * Offsets in text[from, to) where the scanner could start a citation: an anchor not preceded by a letter or digit.
 * (The scanner also tries an anchor right at the start of a prose stretch; such a stretch always follows a line
 * break, a space, a marker or the end of code, never a letter or digit.)
 */
export function anchorsIn(text: string, from = 0, to = text.length, limit = Infinity): number[] {
  const out: number[] = [];
  const re = anchorRe;
  re.lastIndex = from;
  for (let a = re.exec(text); a && a.index < to; a = re.exec(text)) {
    const p = a.index;
    if (p === 0 || !isAlnum(text.charCodeAt(p - 1))) {
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
