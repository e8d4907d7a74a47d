// Handelingen (`Handelingen II 2010/11, nr. 108, item 5, p. 25-36`; before 2011 by page:
// `Handelingen II 2007/08, nr. 70, p. 4867`), Aanhangsel Handelingen (`Aanhangsel Handelingen II 2014/15,
// nr. 1241`) and the official gazettes (`Stb. 2022, 524`, `Stcrt. 2019, 64418`).
import { at, BR, DASH, digitRun, isAlnum, isDigit, SP, stick, ws } from './chars';
import { aanhangselId, handelingenId, kamerOf, staatsbladId, staatscourantId } from './ids';
import { cleanParts, makeRef, type CitationProblem, type Match } from './match';
import { nrMarker, onderItem, pageAfter, parseOnderList } from './ondernummer';
import type { CitationRef, Kamer } from './types';
import { parseVergaderjaar, vergaderjaarKeyword, type Vergaderjaar } from './vergaderjaar';

// `Aanhangsel Handelingen`, `Aanhangsel van de Handelingen`, the older `Aanhangsel der Handelingen`, lower case too.
const aanhangselRe = new RegExp(`(?:[Aa]anhangsel|AANHANGSEL|Aanh\\.)(?:${BR}+(?:(?:van|bij|VAN|BIJ)${BR}+(?:de|DE)|der|DER))?${BR}+`, 'y');
const handelingenRe = /(?:Handelingen|HANDELINGEN|handelingen|Hand\.)(?![\p{L}])/uy;
const kamerRe = new RegExp(`(?:II|I|TK|EK|T\\.K\\.|E\\.K\\.|(?:Tweede|Eerste)${BR}+Kamer)(?![\\p{L}\\p{N}])`, 'uy');
// The older `Handelingen der Staten-Generaal, Tweede Kamer` and `Handelingen der Kamer II`.
const derRe = new RegExp(`(?:der|DER)${BR}+(?:(Staten${DASH}Generaal|STATEN${DASH}GENERAAL),?|(?:Kamer|KAMER)(?=${BR}+I))${BR}+`, 'y');
const itemRe = /(?:[Ii]tems?|ITEMS?)(?![\p{L}])/uy;

export interface HandelingenHead {
  kamer?: Kamer;
  vj?: Vergaderjaar;
  end: number;
}

function head(s: string, j: number, end: number, abbreviated: boolean): HandelingenHead | null {
  const h: HandelingenHead = { end: j };
  const k = stick(kamerRe, s, j, end);
  if (k) {
    h.kamer = kamerOf(k[0]);
    j = ws(s, j + k[0].length, end);
  } else if (abbreviated) return null;
  if (at(s, j, end) === 44) j = ws(s, j + 1, end);
  const kw = vergaderjaarKeyword(s, j, end);
  if (kw >= 0) j = ws(s, kw, end);
  const vj = parseVergaderjaar(s, j, end, true);
  if (vj) {
    h.vj = vj;
    j = ws(s, vj.end, end);
    if (at(s, j, end) === 44) j = ws(s, j + 1, end);
  } else if (kw >= 0) return null;
  h.end = j;
  return h;
}

/** Handelingen or Aanhangsel citation at `p`. */
export function parseHandelingen(s: string, p: number, end: number): Match | null {
  let j = p;
  const aanh = stick(aanhangselRe, s, j, end);
  if (aanh) j += aanh[0].length;
  const label = stick(handelingenRe, s, j, end);
  if (!label) return null;
  let at0 = ws(s, j + label[0].length, end);
  const der = stick(derRe, s, at0, end);
  if (der) at0 = ws(s, at0 + der[0].length, end);
  const h = head(s, at0, end, label[0] === 'Hand.');
  // In lower case (`handelingen`, `aanhangsel`) only with a vergaderjaar: `de handelingen nr. 5` is prose.
  if (!h || (!h.vj && (label[0] === 'handelingen' || s.charCodeAt(p) === 97))) return null;
  if (!aanh) {
    const dated = datedHandelingen(s, p, h, end);
    if (dated) return dated;
  }
  return handelingenAfterHead(s, p, h, end, aanh !== null);
}

const sittingDate = new RegExp(
  `\\d{1,2}${SP}+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)${SP}+(?:19|20)\\d\\d(?:,?${SP}*([1-9]\\d{0,3})${SP}*[-\u2013]${SP}*([1-9]\\d{0,4})|${SP}+orde${SP}+([1-9]\\d{0,2}))?(?![\\p{L}\\p{N}])`,
  'uy',
);

/**
 * Handelingen by the date of the sitting: the Eerste Kamer's `Handelingen I 23 juni 2009, 36–1624` (vergadering 36,
 * page 1624) and Parlementaire Monitor's `Handelingen Tweede Kamer 1985-1986 07 mei 1986 orde 3`. A date or a page
 * does not determine a publication, so no id.
 */
function datedHandelingen(s: string, p: number, h: HandelingenHead, end: number): Match | null {
  const m = stick(sittingDate, s, h.end, end);
  if (!m) return null;
  const stop = h.end + m[0].length;
  const parts = cleanParts({ kamer: h.kamer, vergaderjaar: h.vj?.value, vergadering: m[1], page: m[2], item: m[3] });
  const ref = makeRef(s, 'handelingen', null, p, stop, parts, h.vj ? 'leidraad' : 'short');
  return { start: p, end: stop, refs: [ref], problems: [], vergaderjaren: h.vj && [h.vj] };
}

/**
 * The numbers after a Handelingen head (`nr. 108, item 5`, `nrs. 70 en 71`, `nr. 70, p. 4867`). Also for the
 * page header of officielebekendmakingen, `Tweede Kamer der Staten-Generaal2019-2020nr. 31, item 8`, whose head the
 * kamerstuk grammar read.
 */
export function handelingenAfterHead(s: string, p: number, h: HandelingenHead, end: number, aanh: boolean): Match | null {
  let j = h.end;
  const mk = nrMarker(s, j, end);
  if (mk) j = ws(s, mk.end, end);
  const n = digitRun(s, j, end);
  if (n === 0 || n > 5 || s.charCodeAt(j) === 48 || isAlnum(at(s, j + n, end))) return null;
  if (!onderItem(s, j, end, false)) return null; // `nr. 5 juli`, `nr. 12 345`: a date or an amount
  const base = { kamer: h.kamer, vergaderjaar: h.vj?.value };
  const refs: CitationRef[] = [];
  const problems: CitationProblem[] = [];
  if (aanh) {
    if (!mk && !h.vj) return null;
    const list = parseOnderList(s, j, end, mk?.plural ?? false, false, j);
    if (!list) return null;
    const group = { start: p, end: list.end };
    list.items.forEach((it, i) => {
      const parts = cleanParts({ ...base, number: it.value, page: it.page });
      refs.push(
        makeRef(s, 'aanhangsel', aanhangselId(h.kamer, h.vj?.value, it.value), i === 0 ? p : it.start, it.end, parts, h.vj ? 'leidraad' : 'short', group),
      );
    });
    return { start: p, end: list.end, refs, problems, vergaderjaren: h.vj && [h.vj] };
  }
  const form = h.vj ? 'leidraad' : 'short';
  if (mk?.plural) {
    // `Handelingen II 2019/20, nrs. 70 en 71`: several vergaderingen, each its own reference (no item: no id).
    const list = parseOnderList(s, j, end, true, false, j);
    if (list && list.items.length > 1) {
      let k = ws(s, list.end, end);
      if (at(s, k, end) === 44) k = ws(s, k + 1, end);
      if (!stick(itemRe, s, k, end)) {
        const group = { start: p, end: list.end };
        list.items.forEach((it, i) => {
          const parts = cleanParts({ ...base, vergadering: it.value, page: it.page });
          refs.push(makeRef(s, 'handelingen', null, i === 0 ? p : it.start, it.end, parts, form, group));
        });
        if (h.vj && h.vj.years[0][0] >= 2011) problems.push({ code: 'handelingen-without-item', start: p, end: list.end, args: [], refs });
        return { start: p, end: list.end, refs, problems, vergaderjaren: h.vj && [h.vj] };
      }
    }
  }
  const vergadering = s.slice(j, j + n);
  let stop = j + n;
  let k = ws(s, stop, end);
  if (at(s, k, end) === 44) k = ws(s, k + 1, end);
  const item = stick(itemRe, s, k, end);
  if (!mk && !item) return null;
  if (item) {
    const list = parseOnderList(s, ws(s, k + item[0].length, end), end, item[0].toLowerCase() === 'items', false, k);
    if (list) {
      const group = { start: p, end: list.end };
      list.items.forEach((it, i) => {
        const parts = cleanParts({ ...base, vergadering, item: it.value, page: it.page });
        refs.push(makeRef(s, 'handelingen', handelingenId(h.kamer, h.vj?.value, vergadering, it.value), i === 0 ? p : it.start, it.end, parts, form, group));
      });
      return { start: p, end: list.end, refs, problems, vergaderjaren: h.vj && [h.vj] };
    }
  }
  const page = pageAfter(s, stop, end);
  if (page) stop = page.end;
  const ref = makeRef(s, 'handelingen', null, p, stop, cleanParts({ ...base, vergadering, page: page?.text }), form);
  refs.push(ref);
  if (h.vj && h.vj.years[0][0] >= 2011) problems.push({ code: 'handelingen-without-item', start: p, end: stop, args: [], refs });
  return { start: p, end: stop, refs, problems, vergaderjaren: h.vj && [h.vj] };
}

const issueDate = new RegExp(
  `(?:van${SP}+)?\\d{1,2}${SP}+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)${SP}+`,
  'y',
);
const gazetteRe = /(?:Stb|STB|Stcrt|STCRT)\.?(?![\p{L}])|Staatsblad|Staatscourant/uy;

/** `Stb. 2022, 524`, `Staatsblad 2022, nr. 524`, `Stcrt. 2019, 64418`. */
export function parseGazette(s: string, p: number, end: number): Match | null {
  const label = stick(gazetteRe, s, p, end);
  if (!label) return null;
  const stb = label[0].toLowerCase().startsWith('stb') || label[0] === 'Staatsblad';
  let j = ws(s, p + label[0].length, end);
  const date = stick(issueDate, s, j, end); // `Staatscourant van 12 maart 2024, nr. 5678`
  if (date) j += date[0].length;
  if (digitRun(s, j, end) !== 4) return null;
  const year = s.slice(j, j + 4);
  if (year < '1814' || year > '2099') return null;
  j = ws(s, j + 4, end);
  const sep = at(s, j, end);
  if (sep === 44 || sep === 47) j = ws(s, j + 1, end);
  const mk = nrMarker(s, j, end);
  if (mk) j = ws(s, mk.end, end);
  else if (sep !== 44 && sep !== 47) return null;
  const refs: CitationRef[] = [];
  let stop = -1;
  for (let guard = 0; guard < 1000; guard++) {
    const n = digitRun(s, j, end);
    if (n === 0 || n > 7 || s.charCodeAt(j) === 48 || isAlnum(at(s, j + n, end))) break;
    if (at(s, j + n, end) === 46 && isDigit(at(s, j + n + 1, end))) break;
    const nr = s.slice(j, j + n);
    const kind = stb ? 'staatsblad' : 'staatscourant';
    const id = stb ? staatsbladId(year, nr) : staatscourantId(year, nr);
    refs.push(makeRef(s, kind, id, refs.length ? j : p, j + n, { year, number: nr }, 'short'));
    stop = j + n;
    const k = ws(s, stop, end);
    const en = /^(?:en|&)(?![\p{L}])/u.exec(s.slice(k, Math.min(end, k + 3)));
    if (!en) break;
    j = ws(s, k + en[0].length, end);
  }
  if (!refs.length) return null;
  if (refs.length > 1) for (const r of refs) if (r.start !== p || r.end !== stop) r.group = { start: p, end: stop };
  return { start: p, end: stop, refs, problems: [] };
}

/**
 * `Verslag van de vergadering van 26 maart 2019 (2018/2019 nr. 23)`: the Eerste Kamer site's reference to a sitting,
 * a vergaderjaar and a number in parentheses (anchored at `nr`, the year read back). No item, so no id.
 */
export function parseSittingInParens(s: string, p: number, end: number, segStart: number): Match | null {
  let open = p - 1;
  while (open >= segStart && p - open <= 16 && s.charCodeAt(open) !== 40) open--;
  if (open < segStart || p - open > 16) return null;
  const vj = parseVergaderjaar(s, ws(s, open + 1, p), p, false);
  if (!vj || ws(s, vj.end, p) !== p || !vj.valid) return null;
  const mk = nrMarker(s, p, end);
  if (!mk) return null;
  const j = ws(s, mk.end, end);
  const n = digitRun(s, j, end);
  if (n === 0 || n > 4 || s.charCodeAt(j) === 48 || ws(s, j + n, end) >= end || s.charCodeAt(ws(s, j + n, end)) !== 41) return null;
  const start = vj.start;
  const ref = makeRef(s, 'handelingen', null, start, j + n, cleanParts({ vergaderjaar: vj.value, vergadering: s.slice(j, j + n) }), 'leidraad');
  return { start: p, end: j + n, refs: [ref], problems: [], vergaderjaren: [vj] };
}
