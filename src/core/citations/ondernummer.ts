// Ondernummers after a dossier: `nr. 680`, `nrs. 520 en 548`, `nrs. 1–3`, `nr. 6, p. 15-16; nr. 7`,
// `nr. 4, p. 12 en 13, en nr. 6`, `nr. 188b`, Eerste Kamer letters `nr. AB`, and the pages that follow a number
// (`p.`, `pp.`, `blz.`, `pag.`), which locate a passage and are never documents themselves.
import { at, digitRun, isAsciiLower, isAsciiUpper, isDash, isDigit, isLetter, stick, ws } from './chars';

export interface OnderItem {
  /** `680`, `188b`, `AB`. */
  value: string;
  /** Span of this item, including its own `nr.` when it has one, and its page reference. */
  start: number;
  end: number;
  letter: boolean;
  page?: string;
  /** Items expanded from a range share the range's span. */
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

const marker = /(?:[Nn]rs?|NRS?|[Nn]ummers?|NUMMERS?|[Nn]o)(\.?)(?![\p{L}\p{N}])/uy;

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
    return { end: stop, value: s.slice(i, stop), letter: false };
  }
  if (allowLetters && isAsciiUpper(c)) {
    let stop = i;
    while (stop < end && stop - i < 4 && isAsciiUpper(s.charCodeAt(stop))) stop++;
    if (stop - i > 3) return null;
    const next = at(s, stop, end);
    if (isLetter(next) || isDigit(next)) return null;
    if ((next === 46 || isDash(next)) && isLetter(at(s, stop + 1, end))) return null; // `C.S.`, `EU-landen`
    return { end: stop, value: s.slice(i, stop), letter: true };
  }
  return null;
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

/**
 * Parses an ondernummer list starting at an item (the first marker already consumed). `plural` allows plain
 * comma lists (`nrs. 5, 6 en 7`); a singular `nr.` continues only with `en`, `; nr.` or `, en nr.`.
 */
export function parseOnderList(s: string, i: number, end: number, plural: boolean, allowLetters: boolean, itemStart = i): OnderList | null {
  const items: OnderItem[] = [];
  const problems: OnderProblem[] = [];
  let pos = i;
  let start = itemStart;
  let stop = -1;
  while (true) {
    const it = onderItem(s, pos, end, allowLetters);
    if (!it) break;
    const first = items.length;
    let itemEnd = it.end;
    // Range: `1–3`, `1 t/m 3`.
    let rangeTo: { end: number; value: string } | null = null;
    const k = ws(s, it.end, end);
    const rw = stick(rangeWord, s, k, end);
    const dashAt = isDash(at(s, it.end, end)) ? it.end : isDash(at(s, k, end)) ? k : -1;
    if (!it.letter && (dashAt >= 0 || rw)) {
      const after = dashAt >= 0 ? ws(s, dashAt + 1, end) : ws(s, k + rw![0].length, end);
      const to = onderItem(s, after, end, false);
      if (to && /^\d+$/.test(to.value) && /^\d+$/.test(it.value)) rangeTo = { end: to.end, value: to.value };
      else if (dashAt === it.end && isDigit(at(s, dashAt + 1, end))) break; // `2024-0000129720`
    }
    if (rangeTo) {
      const a = Number(it.value);
      const b = Number(rangeTo.value);
      const span = { start, end: rangeTo.end };
      if (b <= a) {
        problems.push({ code: 'reversed-range', start: pos, end: rangeTo.end, args: [s.slice(pos, rangeTo.end)] });
        items.push({ value: it.value, ...span, letter: false });
      } else if (b - a >= MAX_RANGE) {
        problems.push({ code: 'large-range', start: pos, end: rangeTo.end, args: [s.slice(pos, rangeTo.end), String(b - a + 1)] });
        items.push({ value: it.value, ...span, letter: false }, { value: rangeTo.value, ...span, letter: false, fromRange: true });
      } else {
        for (let v = a; v <= b; v++) items.push({ value: String(v), ...span, letter: false, fromRange: v !== a });
      }
      itemEnd = rangeTo.end;
    } else {
      items.push({ value: it.value, start, end: it.end, letter: it.letter });
    }
    const page = pageAfter(s, itemEnd, end);
    if (page) {
      items[items.length - 1].page = page.text;
      for (let n = first; n < items.length; n++) items[n].end = page.end;
      itemEnd = page.end;
    }
    stop = itemEnd;
    // Continuation.
    let j = ws(s, itemEnd, end);
    const c = at(s, j, end);
    let next = -1;
    let nextStart = -1;
    if (c === 44 /* , */ || c === 59 /* ; */) {
      let j2 = ws(s, j + 1, end);
      const en = c === 44 ? stick(enWord, s, j2, end) : null;
      if (en) j2 = ws(s, j2 + en[0].length, end);
      const mk = nrMarker(s, j2, end);
      if (mk) {
        nextStart = j2;
        next = ws(s, mk.end, end);
        plural = plural || mk.plural;
      } else if ((plural || en) && c === 44 && onderItem(s, j2, end, allowLetters)) {
        nextStart = next = j2;
      }
    } else {
      const en = stick(enWord, s, j, end);
      if (en) {
        const j2 = ws(s, j + en[0].length, end);
        const mk = nrMarker(s, j2, end);
        nextStart = j2;
        next = mk ? ws(s, mk.end, end) : j2;
        if (!mk && !isDigit(at(s, j2, end))) next = -1;
      }
    }
    if (next < 0 || !onderItem(s, next, end, allowLetters)) break;
    pos = next;
    start = nextStart;
  }
  return items.length ? { items, end: stop, problems } : null;
}
