// Dossier numbers ("vetnummers") with their toevoeging and rijkswet number, in every written form:
// `29 754`, `29.754`, `29754`, old 4-digit `5380`; toevoegingen `36 200 VI`, `36200-VI`, `33400-IIA`, `35300-A`,
// `21 501-32`, `31 700 hoofdstuk XV`; rijkswet `27 484 (R 1669)`, `23908-(R1519)-131`; and the compact notations
// that carry the ondernummer too: `33835-100`, `21501-32-1188`, `35570-XIV-46`.
import { at, digitRun, hws, isAlnum, isAsciiLower, isAsciiUpper, isDash, isDigit, isHSpace, isLetter, letterRun, stick } from './chars';

export interface DossierMatch {
  start: number;
  end: number;
  /** Digits only: `29754`. */
  dossier: string;
  /** Upper case: `VI`, `A`, `32`, `IIA`. */
  toevoeging?: string;
  /** `R1669`. */
  rijkswet?: string;
  /** Ondernummer given in compact notation (`33835-100`). */
  compact?: { value: string; start: number; end: number };
}

export interface DossierOptions {
  /** Accept a 4-digit (pre-1960s) dossier number. */
  allowFour?: boolean;
  /** A `, nr.` follows: a lone numeric dash part is then a toevoeging (`21 501-32, nr. 1703`). */
  nrFollows?: (pos: number) => boolean;
  /** After `kamerstukdossier`: tkconv's `21501 32-1691` and `26643 -971` (in prose they are amounts and dates). */
  tkconv?: boolean;
}

const roman = /^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** A toevoeging word: a Roman numeral optionally followed by one letter (`IIA`, `IXB`), or a single letter. */
export function isToevoegingWord(word: string): boolean {
  if (word.length === 1) return true;
  if (word.length > 6) return false;
  if (roman.test(word)) return true;
  return roman.test(word.slice(0, -1)) && word.length > 1;
}

/** Digits of a dossier number at `i`; returns its end, or -1. Separators inside (`29 754`, `29.754`) are allowed. */
function dossierDigits(s: string, i: number, end: number, allowFour: boolean): number {
  const c0 = s.charCodeAt(i);
  if (!isDigit(c0) || c0 === 48) return -1;
  const n = digitRun(s, i, end);
  let stop = -1;
  if (n === 5) stop = i + 5;
  else if (n === 4 && allowFour) stop = i + 4;
  else if (n === 2) {
    const sep = at(s, i + 2, end);
    if ((isHSpace(sep) && sep !== 9 && sep !== 13) || sep === 46 /* . */) {
      if (digitRun(s, i + 3, end) === 3) stop = i + 6;
    } else {
      // A hard-wrapped line between the two groups: `29` at the end of one line, `754` at the start of the next.
      const k = lineBreakEnd(s, i + 2, end);
      if (k > 0 && digitRun(s, k, end) === 3) stop = k + 3;
    }
  }
  if (stop < 0) return -1;
  // Not a decimal amount or a longer grouped number: `12.345,67`, `29 754 321`.
  const next = at(s, stop, end);
  if ((next === 46 || next === 44) && isDigit(at(s, stop + 1, end)) && (n === 2 || next === 46)) return -1;
  if (n === 2 && isHSpace(next) && digitRun(s, stop + 1, end) === 3) return -1;
  return stop;
}

/** After a single line break at `i` (`\n` or `\r\n`, then indentation or blockquote markers): the next line's first character, or -1. */
export function lineBreakEnd(s: string, i: number, end: number): number {
  let k = i;
  if (at(s, k, end) === 13) k++;
  if (at(s, k, end) !== 10) return -1;
  k++;
  while (k < end && (isHSpace(s.charCodeAt(k)) || s.charCodeAt(k) === 62)) k++;
  return k < end && s.charCodeAt(k) !== 10 && s.charCodeAt(k) !== 13 ? k : -1;
}

/** After one space at `i`: `32-1691` or `-971` (then a digit); returns where the toevoeging or dash starts, or -1. */
function tkconvHeader(s: string, i: number, end: number): number {
  const k = i + 1;
  if (isHSpace(at(s, k, end))) return -1;
  if (isDash(at(s, k, end))) return isDigit(at(s, k + 1, end)) ? k : -1;
  return digitRun(s, k, end) === 2 && isDash(at(s, k + 2, end)) && isDigit(at(s, k + 3, end)) ? k : -1;
}

const hoofdstuk = /(?:,[ \t\u00A0\u202F]*)?[ \t\u00A0\u202F]*(?:hoofdstuk|Hoofdstuk|HOOFDSTUK)[ \t\u00A0\u202F]+/y;
const rijkswetRe = /\([ \t\u00A0\u202F]*R[ \t\u00A0\u202F]*(\d{1,5})[ \t\u00A0\u202F]*\)/y;

const bareRijkswet = /R[ \t\u00A0\u202F]?(\d{1,5})(?![\p{L}\p{N}])/uy;

/** `, A` (an Eerste Kamer letter ondernummer of one to three capitals) follows `i`. */
function letterItemAfterComma(s: string, i: number, end: number): boolean {
  if (at(s, i, end) !== 44) return false;
  const k = hws(s, i + 1, end);
  let n = 0;
  while (n < 4 && isAsciiUpper(at(s, k + n, end))) n++;
  return n >= 1 && n <= 3 && !isAlnum(at(s, k + n, end));
}

/** A toevoeging word at `i` (no separator): returns [end, word] or null. */
function toevoegingWord(s: string, i: number, end: number, lowerOk: boolean): [number, string] | null {
  const n = letterRun(s, i, end);
  if (n === 0 || n > 6) return null;
  const word = s.slice(i, i + n);
  if (isDigit(at(s, i + n, end))) return null;
  let upper = true;
  let lower = true;
  for (let k = 0; k < n; k++) {
    const c = word.charCodeAt(k);
    if (!isAsciiUpper(c)) upper = false;
    if (!isAsciiLower(c)) lower = false;
  }
  if (!upper && !(lower && lowerOk)) return null;
  const w = word.toUpperCase();
  return isToevoegingWord(w) ? [i + n, w] : null;
}

const romanHundreds = /C{1,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\p{L}\p{N}])/uy;

/**
 * An Eerste Kamer dossier numbered in Roman numerals from 100 up (`CXXIV`, `CLV`; officielebekendmakingen names
 * their documents `kst-CXXIV-G`), at `i`; or null.
 */
export function parseRomanDossier(s: string, i: number, end: number): DossierMatch | null {
  const m = stick(romanHundreds, s, i, end);
  if (!m || m[0].length < 2) return null;
  return { start: i, end: i + m[0].length, dossier: m[0] };
}

/** Parses a dossier number with toevoeging, rijkswet number and compact ondernummer at `i`. */
export function parseDossier(s: string, i: number, end: number, opts: DossierOptions = {}): DossierMatch | null {
  const dEnd = dossierDigits(s, i, end, opts.allowFour ?? false);
  if (dEnd < 0) return null;
  const dossier = s.slice(i, dEnd).replace(/\D/g, '');
  const m: DossierMatch = { start: i, end: dEnd, dossier };
  let j = dEnd;

  // Space-separated: `36 200 VI`, `31700 hoofdstuk XV`, `27 484 (R 1669)`.
  const h = at(s, j, end) === 44 || isHSpace(at(s, j, end)) ? stick(hoofdstuk, s, j, end) : null;
  if (h) {
    const w = toevoegingWord(s, j + h[0].length, end, true);
    if (w) {
      m.toevoeging = w[1];
      j = m.end = w[0];
    }
  } else if (opts.tkconv && dEnd - i === 5 && isHSpace(at(s, j, end)) && tkconvHeader(s, j, end) > 0) {
    // tkconv's page headers: `21501 32-1691` (toevoeging, dash, ondernummer), `26643 -971` (no toevoeging).
    const k = tkconvHeader(s, j, end);
    if (isDigit(at(s, k, end))) m.toevoeging = s.slice(k, k + 2);
    j = m.end = isDigit(at(s, k, end)) ? k + 2 : k;
  } else if (isHSpace(at(s, j, end))) {
    const k = hws(s, j, end);
    const r = stick(bareRijkswet, s, k, end); // `32 123 R 1883, nr. 3`
    const w = toevoegingWord(s, k, end, false);
    const lower = w ? null : toevoegingWord(s, k, end, true);
    if (r && opts.nrFollows?.(k + r[0].length)) {
      m.rijkswet = 'R' + r[1];
      j = m.end = k + r[0].length;
    } else if (w && !(at(s, w[0], end) === 46 && isLetter(at(s, w[0] + 1, end)))) {
      m.toevoeging = w[1];
      j = m.end = w[0];
    } else if (lower && opts.nrFollows?.(lower[0])) {
      m.toevoeging = lower[1];
      j = m.end = lower[0];
    }
  }
  // Comma before a Roman toevoeging or a rijkswet number: `31700, VI, nr. 10`, `36 200, VI, A`,
  // `32 123, R 1883, nr. 3`. A single letter after a comma is an Eerste Kamer ondernummer (`33802, C`) unless
  // `, nr.` follows it.
  if (!m.toevoeging && !m.rijkswet && at(s, j, end) === 44) {
    const k = hws(s, j + 1, end);
    const r = stick(bareRijkswet, s, k, end);
    const w = r ? null : toevoegingWord(s, k, end, false);
    if (r && opts.nrFollows?.(k + r[0].length)) {
      m.rijkswet = 'R' + r[1];
      j = m.end = k + r[0].length;
    } else if (w && (opts.nrFollows?.(w[0]) || (w[1].length > 1 && roman.test(w[1]) && letterItemAfterComma(s, w[0], end)))) {
      m.toevoeging = w[1];
      j = m.end = w[0];
    }
  }
  const rw = m.rijkswet ? null : stick(rijkswetRe, s, hws(s, j, end), end);
  if (rw) {
    m.rijkswet = 'R' + rw[1];
    j = m.end = rw.index + rw[0].length;
  }

  // Dash-separated parts: toevoeging, rijkswet, compact ondernummer.
  let pendingNumeric: { value: string; start: number; end: number } | null = null;
  for (let parts = 0; parts < 3 && isDash(at(s, j, end)); parts++) {
    const k = j + 1;
    const r = stick(rijkswetRe, s, k, end);
    if (r && !m.rijkswet) {
      m.rijkswet = 'R' + r[1];
      j = m.end = r.index + r[0].length;
      continue;
    }
    const n = digitRun(s, k, end);
    if (n > 0) {
      if (n > 5 || (s.charCodeAt(k) === 48 && n !== 2)) break;
      let stop = k + n;
      const suffix = at(s, stop, end);
      if (isAsciiLower(suffix) && !isLetter(at(s, stop + 1, end))) stop++; // `188b`
      if (isLetter(at(s, stop, end)) || isDigit(at(s, stop, end))) break;
      if (at(s, stop, end) === 46 && isDigit(at(s, stop + 1, end))) break;
      if (pendingNumeric) {
        // `21501-32-1188`: the earlier numeric part was a two-digit toevoeging.
        if (m.toevoeging || pendingNumeric.value.length !== 2) break;
        m.toevoeging = pendingNumeric.value;
      }
      pendingNumeric = { value: s.slice(k, stop), start: k, end: stop };
      j = m.end = stop;
      if (!isDash(at(s, j, end)) || m.toevoeging) break;
      continue;
    }
    if (m.toevoeging || pendingNumeric) break;
    const w = toevoegingWord(s, k, end, false);
    if (!w) break;
    m.toevoeging = w[1];
    j = m.end = w[0];
  }
  if (pendingNumeric) {
    const v = pendingNumeric.value;
    const numericSeries = /^\d+$/.test(v) && (v.startsWith('0') || dossier === '21501');
    if (m.toevoeging || !(numericSeries || opts.nrFollows?.(pendingNumeric.end))) {
      m.compact = pendingNumeric;
    } else {
      m.toevoeging = v;
    }
  }
  // Guard against codes such as `12345-678-90` or dates `12345-06-2024`: a compact notation ends here.
  if (isDash(at(s, m.end, end)) && isDigit(at(s, m.end + 1, end))) return null;
  return m;
}
