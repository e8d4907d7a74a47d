// Ondernummers after a dossier: `nr. 680`, `nrs. 520 en 548`, `nrs. 1–3`, `nr. 6, p. 15-16; nr. 7`,
// `nr. 4, p. 12 en 13, en nr. 6`, `nr. 188b`, Eerste Kamer letters `nr. AB`, and the pages that follow a number
// (`p.`, `pp.`, `blz.`, `pag.`), which locate a passage and are never documents themselves.
import { at, digitRun, hws, isAlnum, isAsciiLower, isAsciiUpper, isDash, isDigit, isLetter, stick, ws } from './chars';
import { parseDossier, parseRomanDossier } from './dossier';

export interface OnderItem {
  /** `680`, `188b`, `AB`. */
  value: string;
  /** Span of this item, including its own `nr.` when it has one, and its page reference. */
  start: number;
  end: number;
  letter: boolean;
  page?: string;
  /** Numbers a range implies but does not write (`2` in `1–3`) span the range's dash or `t/m`. */
  fromRange?: boolean;
}

export interface OnderProblem {
  code: 'reversed-range' | 'large-range';
  start: number;
  end: number;
  args: string[];
}

export interface OnderList {
  items: OnderItem[];
  end: number;
  problems: OnderProblem[];
}

const MAX_RANGE = 50;

// `nr.680`: a digit may follow the dot directly, never the bare word (`nr680`).
const marker = /(?:[Nn]rs?|NRS?|[Nn]ummers?|NUMMERS?|[Nn]o)(?:(\.)(?![\p{L}])|(?![\p{L}\p{N}]))/uy;

/** `nr.`, `nrs.`, `nummer`, `no.` at `i`: returns the end and whether it is plural, or null. */
export function nrMarker(s: string, i: number, end: number): { end: number; plural: boolean } | null {
  if ((at(s, i, end) | 0x20) !== 0x6e /* n */) return null;
  const m = stick(marker, s, i, end);
  if (!m) return null;
  const w = m[0].toLowerCase();
  if (w.startsWith('no') && !w.startsWith('nu') && !m[1]) return null; // `no` needs its dot
  return { end: i + m[0].length, plural: w.startsWith('nrs') || w.startsWith('nummers') };
}

const pageMarker = /(?:pp?\.|blz\.?|pag\.?|bladzijden?|pagina(?:'s)?)(?![\p{L}])/uy;
const evRe = /e\.?v\.?|ev\.|ff\.?/y;
const rangeWord = /(?:t\/m|tot en met|tot)(?![\p{L}])/uy;
const enWord = /(?:en|EN|&)(?![\p{L}\p{N}])/uy;
const herdrukRe = /(?:herdruk|HERDRUK|\((?:herdruk|HERDRUK)\))(?![\p{L}])/uy;

const monthRe =
  /(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)(?![\p{L}])/iuy;

/**
 * A number is not an ondernummer when a further digit group (`12 345`) or a month name (`5 juli`) follows it on the
 * same line: it is an amount or a date.
 */
function numberContinues(s: string, i: number, end: number): boolean {
  const k = hws(s, i, end);
  if (k === i) return false;
  return isDigit(at(s, k, end)) || stick(monthRe, s, k, end) !== null;
}

/** One ondernummer at `i`: digits with an optional lower-case letter, or 1–3 upper-case letters. */
export function onderItem(s: string, i: number, end: number, allowLetters: boolean): { end: number; value: string; letter: boolean } | null {
  const c = at(s, i, end);
  if (isDigit(c)) {
    const n = digitRun(s, i, end);
    if (n > 5 || c === 48) return null;
    let stop = i + n;
    if (isAsciiLower(at(s, stop, end)) && !isLetter(at(s, stop + 1, end))) stop++;
    const next = at(s, stop, end);
    if (isLetter(next) || isDigit(next)) return null;
    if ((next === 46 || next === 47 || next === 44) && isDigit(at(s, stop + 1, end))) {
      if (next !== 44) return null; // `19.0054`, `5/2023`; a comma without space lists (`9595,9596`)
    }
    if (numberContinues(s, stop, end)) return null;
    return { end: stop, value: s.slice(i, stop), letter: false };
  }
  if (allowLetters && isAsciiUpper(c)) {
    const stop = i + upperRun(s, i, end);
    if (stop - i > 3) return null;
    const next = at(s, stop, end);
    if (isLetter(next) || isDigit(next)) return null;
    if (next === 46 && isLetter(at(s, stop + 1, end))) return null; // `C.S.`
    if (isDash(next) && isLetter(at(s, stop + 1, end))) {
      // `EU-landen` is a word; `A–C` is a range of letters.
      const n = upperRun(s, stop + 1, end);
      if (n === 0 || n > 3 || isAlnum(at(s, stop + 1 + n, end))) return null;
    }
    return { end: stop, value: s.slice(i, stop), letter: true };
  }
  return null;
}

function upperRun(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < 4 && isAsciiUpper(s.charCodeAt(j))) j++;
  return j - i;
}

/** A page list after a page marker: `7`, `15-16`, `12 en 13`, `3 e.v.`; returns its end and text, or null. */
function pageList(s: string, i: number, end: number): { end: number; text: string } | null {
  let j = i;
  if (!isDigit(at(s, j, end)) && !/[IVXivx]/.test(s[j] ?? '')) return null;
  let stop = -1;
  for (let count = 0; count < 100; count++) {
    const n = isDigit(at(s, j, end)) ? digitRun(s, j, end) : romanPageRun(s, j, end);
    if (n === 0 || n > 6) break;
    stop = j + n;
    const k = ws(s, stop, end);
    const c = at(s, k, end);
    const ev = stick(evRe, s, k, end);
    if (ev) {
      stop = k + ev[0].length;
      break;
    }
    let next = -1;
    if (isDash(c) || c === 47) next = ws(s, k + 1, end);
    else if (c === 44 && isDigit(at(s, ws(s, k + 1, end), end))) next = ws(s, k + 1, end);
    else {
      const en = stick(enWord, s, k, end);
      if (en && isDigit(at(s, ws(s, k + en[0].length, end), end))) next = ws(s, k + en[0].length, end);
    }
    if (next < 0 || !isDigit(at(s, next, end))) break;
    j = next;
  }
  return stop < 0 ? null : { end: stop, text: s.slice(i, stop) };
}

function romanPageRun(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < 6 && /[IVXivx]/.test(s[j])) j++;
  return isLetter(at(s, j, end)) ? 0 : j - i;
}

/** Optional page reference after an item (`, p. 7`): returns its end and text, or null. */
export function pageAfter(s: string, i: number, end: number): { end: number; text: string } | null {
  let j = ws(s, i, end);
  if (at(s, j, end) === 44) j = ws(s, j + 1, end);
  const m = stick(pageMarker, s, j, end);
  if (!m) return null;
  return pageList(s, ws(s, j + m[0].length, end), end);
}

/** `, nr.` (or `nr.`) follows position `i`. */
export function nrFollows(s: string, i: number, end: number): boolean {
  let j = ws(s, i, end);
  if (at(s, j, end) === 44) j = ws(s, j + 1, end);
  return nrMarker(s, j, end) !== null;
}

/** A citation of its own starts at `i`: a dossier followed by `, nr.`, or a compact `33835-100`. */
function dossierCitationAt(s: string, i: number, end: number): boolean {
  const d = parseDossier(s, i, end, { nrFollows: (q) => nrFollows(s, q, end) });
  return d !== null && (d.compact !== undefined || nrFollows(s, d.end, end));
}

/** A Roman Eerste Kamer dossier with its letter starts at `i`: `CLV, letter A`, `CXXIV, G`. */
function romanCitationAt(s: string, i: number, end: number): boolean {
  const d = parseRomanDossier(s, i, end);
  if (!d || at(s, hws(s, d.end, end), end) !== 44) return false;
  const k = hws(s, hws(s, d.end, end) + 1, end);
  return /^(?:letter\s|[A-Z]{1,2}(?![\p{L}\p{N}]))/u.test(s.slice(k, k + 8));
}

const labelAhead =
  /(?:Kamerstuk|KAMERSTUK|kamerstuk|Kst\.?|kst-|Bijlage|Handelingen|HANDELINGEN|Hand\.|Aanhangsel|Stb\.?|Stcrt\.?|Staats(?:blad|courant)|[Mm]otie|MOTIE|TK|EK|(?:Tweede|Eerste) Kamer)(?![\p{L}])/uy;

/** What follows a number introduced without a marker (`en 681`, `, 681`). */
function followKind(s: string, i: number, end: number): 'end' | 'list' | 'word' | 'other' {
  const k = ws(s, i, end);
  if (k >= end) return 'end';
  const c = s.charCodeAt(k);
  // Punctuation that closes the clause: `.`, `,`, `;`, `:`, `!`, `?`, `)`, `]`, closing quotes; a footnote `[^1]`.
  if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 34 || c === 0xbb)
    return 'end';
  if (c === 91 && at(s, k + 1, end) === 94) return 'end';
  if (stick(pageMarker, s, k, end) || nrMarker(s, k, end) || stick(labelAhead, s, k, end)) return 'end';
  if (stick(enWord, s, k, end) || stick(rangeWord, s, k, end) || isDash(c)) return 'list';
  return isLetter(c) ? 'word' : 'other';
}

/**
 * Whether a number read without its own marker (`nr. 680 en 681`, `nrs. 5, 6 en 7`) is an ondernummer. A singular
 * `nr.` takes one only when the clause ends right after it (`Kamerstuk 29 754, nr. 680 en 681.`); a plural `nrs.`
 * also when the list goes on, or when a word follows a number larger than the one before it (lists of
 * ondernummers ascend: `nrs. 680 en 2 andere brieven` names one document). Digit groups and month names after the
 * number were rejected by `onderItem`; a dossier citation starting at the number is a citation of its own.
 */
function bareNumberIsItem(s: string, it: { end: number; value: string }, plural: boolean, prev: OnderItem | undefined, end: number): boolean {
  const f = followKind(s, it.end, end);
  if (f === 'end') return true;
  if (!plural) return false;
  if (f === 'list' || f === 'other') return true;
  return prev !== undefined && !prev.letter && Number(it.value) > Number(prev.value);
}

/** `A` -> 1, `Z` -> 26, `AA` -> 27 (bijective base 26). */
function letterNumber(v: string): number {
  let n = 0;
  for (let k = 0; k < v.length; k++) n = n * 26 + (v.charCodeAt(k) - 64);
  return n;
}

function letterValue(n: number): string {
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = (n - 1 - r) / 26;
  }
  return out;
}

/**
 * Parses an ondernummer list starting at an item (the first marker already consumed). `plural` allows plain
 * comma lists (`nrs. 5, 6 en 7`); a singular `nr.` continues with `; nr.`, `, en nr.`, or `en N` at the end of the
 * clause. Letters continue with letters (`A en B`, `C, D en E`).
 */
export function parseOnderList(s: string, i: number, end: number, plural: boolean, allowLetters: boolean, itemStart = i): OnderList | null {
  const items: OnderItem[] = [];
  const problems: OnderProblem[] = [];
  let pos = i;
  let start = itemStart;
  let stop = -1;
  let bare = false; // the current item has no marker of its own
  for (let guard = 0; guard < 10_000; guard++) {
    if (bare && isDigit(at(s, pos, end)) && dossierCitationAt(s, pos, end)) break;
    if (bare && stick(labelAhead, s, pos, end)) break; // `A en EK 34 568, H`: the next citation's label
    if (bare && romanCitationAt(s, pos, end)) break; // `A en CLV, letter A`: the next Eerste Kamer dossier
    const it = onderItem(s, pos, end, allowLetters);
    if (!it) break;
    const prev = items[items.length - 1];
    if (bare) {
      if (prev && prev.letter !== it.letter) break;
      if (!it.letter && !bareNumberIsItem(s, it, plural, prev, end)) break;
    }
    let itemEnd = it.end;
    // Range: `1–3`, `1 t/m 3`, `A–C`.
    let rangeTo: { start: number; end: number; value: string } | null = null;
    let opStart = -1;
    let opEnd = -1;
    const k = ws(s, it.end, end);
    const rw = stick(rangeWord, s, k, end);
    const dashAt = isDash(at(s, it.end, end)) ? it.end : isDash(at(s, k, end)) ? k : -1;
    if (dashAt >= 0 || rw) {
      opStart = dashAt >= 0 ? dashAt : k;
      opEnd = dashAt >= 0 ? dashAt + 1 : k + rw![0].length;
      const after = ws(s, opEnd, end);
      const to = onderItem(s, after, end, it.letter);
      if (to && !it.letter && /^\d+$/.test(to.value) && /^\d+$/.test(it.value)) {
        const a = Number(it.value);
        const b = Number(to.value);
        // An end far beyond the start is not an ondernummer: `nr. 680 t/m 2024` (a year), `nrs. 5–9000`.
        const yearLike = to.value.length === 4 && b >= 1800 && b <= 2099;
        if (!((yearLike && b - a >= MAX_RANGE) || b - a >= 10 * MAX_RANGE)) rangeTo = { start: after, end: to.end, value: to.value };
        else if (dashAt === it.end && at(s, dashAt, end) === 45) break; // `680-2024`: a code
      } else if (to && it.letter && to.letter) rangeTo = { start: after, end: to.end, value: to.value };
      else if (!it.letter && dashAt === it.end && isDigit(at(s, dashAt + 1, end))) break; // `2024-0000129720`
    }
    if (rangeTo) {
      const letters = it.letter;
      const a = letters ? letterNumber(it.value) : Number(it.value);
      const b = letters ? letterNumber(rangeTo.value) : Number(rangeTo.value);
      const value = (v: number): string => (letters ? letterValue(v) : String(v));
      const firstSpan = { start, end: it.end };
      const lastSpan = { start: rangeTo.start, end: rangeTo.end };
      const opSpan = { start: opStart, end: opEnd };
      if (b <= a) {
        problems.push({ code: 'reversed-range', start: pos, end: rangeTo.end, args: [s.slice(pos, rangeTo.end)] });
        items.push({ value: it.value, start, end: rangeTo.end, letter: letters });
      } else if (b - a >= MAX_RANGE || (letters && it.value.length !== rangeTo.value.length)) {
        // Too many to link, or letters of different lengths (`Y–AB`): only what is written.
        if (b - a >= MAX_RANGE) problems.push({ code: 'large-range', start: pos, end: rangeTo.end, args: [s.slice(pos, rangeTo.end), String(b - a + 1)] });
        items.push({ value: it.value, ...firstSpan, letter: letters }, { value: rangeTo.value, ...lastSpan, letter: letters, fromRange: true });
      } else {
        items.push({ value: it.value, ...firstSpan, letter: letters });
        for (let v = a + 1; v < b; v++) items.push({ value: value(v), ...opSpan, letter: letters, fromRange: true });
        items.push({ value: rangeTo.value, ...lastSpan, letter: letters, fromRange: true });
      }
      itemEnd = rangeTo.end;
    } else {
      items.push({ value: it.value, start, end: it.end, letter: it.letter });
    }
    const page = pageAfter(s, itemEnd, end);
    if (page) {
      const last = items[items.length - 1];
      last.page = page.text;
      last.end = page.end;
      itemEnd = page.end;
    }
    // `letter Y herdruk`, `nr. 12 (herdruk)`: a reprint is the same document.
    const reprint = stick(herdrukRe, s, hws(s, itemEnd, end), end);
    if (reprint) itemEnd = items[items.length - 1].end = hws(s, itemEnd, end) + reprint[0].length;
    stop = itemEnd;
    // Continuation.
    const j = ws(s, itemEnd, end);
    const c = at(s, j, end);
    let next = -1;
    let nextStart = -1;
    bare = false;
    if (c === 44 /* , */ || c === 59 /* ; */) {
      let j2 = ws(s, j + 1, end);
      const en = c === 44 ? stick(enWord, s, j2, end) : null;
      if (en) j2 = ws(s, j2 + en[0].length, end);
      const mk = nrMarker(s, j2, end);
      if (mk) {
        nextStart = j2;
        next = ws(s, mk.end, end);
        plural = plural || mk.plural;
      } else if (c === 44 && (plural || en || it.letter)) {
        nextStart = next = j2;
        bare = true;
      }
    } else {
      const en = stick(enWord, s, j, end);
      if (en) {
        const j2 = ws(s, j + en[0].length, end);
        const mk = nrMarker(s, j2, end);
        nextStart = j2;
        next = mk ? ws(s, mk.end, end) : j2;
        bare = !mk;
        if (!mk && !isDigit(at(s, j2, end)) && !(it.letter && isAsciiUpper(at(s, j2, end)))) next = -1;
      }
    }
    if (next < 0) break;
    pos = next;
    start = nextStart;
  }
  return items.length ? { items, end: stop, problems } : null;
}
