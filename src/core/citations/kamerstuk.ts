// Kamerstuk citations: labelled (`Kamerstukken II 2022–2023, 29 754, nr. 683`, `Kamerstuk 31728, 30914, nr. 5`,
// `Bijlage bij …`, `Tweede Kamer, vergaderjaar 2022–2023, 29 754, nr. 683`, `TK 2009-2010, 32 123 XVI, nr. 40`),
// bare (`35300-A, nr. 15`), compact (`21501-32-1188`) and the debate form `nr. 456 (36800-XVI)`.
import { at, BR, DASH, hws, isDash, isDigit, isHSpace, isLetter, isUpper, SP, stick, ws } from './chars';
import { parseDossier, parseRomanDossier, type DossierMatch } from './dossier';
import { handelingenAfterHead } from './handelingen';
import { dossierId, kamerOf, kamerstukId } from './ids';
import { cleanParts, makeRef, type CitationProblem, type Match } from './match';
import { nrFollows, nrMarker, onderItem, pageAfter, parseOnderList, type OnderItem, type OnderList } from './ondernummer';
import type { CitationForm, CitationParts, CitationRef, Kamer } from './types';
import { parseVergaderjaar, repairsOfVergaderjaar, vergaderjaarKeyword, leidraadVergaderjaar, type Vergaderjaar } from './vergaderjaar';

const bijlageRe = new RegExp(`(?:Bijlage|BIJLAGE|bijlage|Bijl\\.)${BR}+(?:bij|BIJ)${BR}+`, 'y');
const strongLabel =
  /(?:Kamerstukken|Kamerstuk|KAMERSTUKKEN|KAMERSTUK|kamerstukken|kamerstuk|Kst\.?|kst\.|Parl\.[ \u00A0]?(?:St\.|Stukken))(?![\p{L}\p{N}\-\u2010-\u2015])/uy;
// `Staten-Generaal` may have the vergaderjaar glued on (officielebekendmakingen's page header).
const weakLabel = new RegExp(
  `(?:TK|EK|T\\.K\\.|E\\.K\\.|(?:Tweede|Eerste)${BR}+Kamer)(?:${BR}+der${BR}+Staten${DASH}Generaal(?![\\p{L}])|(?![\\p{L}\\p{N}]))`,
  'uy',
);
const kamerRe = new RegExp(`(?:II|I|TK|EK|T\\.K\\.|E\\.K\\.|(?:Tweede|Eerste)${BR}+Kamer)(?![\\p{L}\\p{N}])`, 'uy');
const letterWord = /(?:letter|LETTER)(?![\p{L}])/uy;
const dossierLabel = new RegExp(`(?:[Kk]amerstukdossier|[Dd]ossier(?:nummer)?|[Ww]etsvoorstel)${BR}+`, 'y');

interface Head {
  start: number;
  kamer?: Kamer;
  vj?: Vergaderjaar;
  bijlage?: boolean;
  form: CitationForm;
  /** Eerste Kamer letters after a comma (`35.788, K`) are ondernummers even without a label. */
  ekLetters?: boolean;
  /** After `kamerstukdossier` (tkconv's page header). */
  tkconv?: boolean;
}

export { nrFollows };

/** A labelled kamerstuk citation at `p` (anchor on `Kamerstuk…`, `Kst`, `Bijlage`, `TK`, `Tweede Kamer`, …). */
export function parseLabelledKamerstuk(s: string, p: number, end: number): Match | null {
  let j = p;
  const bij = stick(bijlageRe, s, j, end);
  if (bij) j += bij[0].length;
  const head: Head = { start: p, bijlage: bij ? true : undefined, form: 'short' };
  const strong = stick(strongLabel, s, j, end);
  let weak = false;
  if (strong) {
    j = ws(s, j + strong[0].length, end);
    const k = stick(kamerRe, s, j, end);
    if (k) {
      head.kamer = kamerOf(k[0]);
      j = ws(s, j + k[0].length, end);
    }
  } else {
    const dl = bij ? null : stick(dossierLabel, s, j, end);
    if (dl) {
      // `dossier 29 754`, `wetsvoorstel 36 228`, `Kamerstukdossier 36 200 VI`: a dossier, or a document with `, nr.`.
      const tkconv = /^kamerstukdossier/i.test(dl[0]);
      const m = parseDossierCitation(s, j + dl[0].length, end, { start: j + dl[0].length, form: 'short', tkconv }, false);
      return m && m.refs.length ? m : null;
    }
    const w = stick(weakLabel, s, j, end);
    if (!w) return null;
    weak = true;
    head.kamer = kamerOf(w[0].replace(/der.*$/s, ''));
    j = cell(s, ws(s, j + w[0].length, end), end);
  }
  if (at(s, j, end) === 44) j = ws(s, j + 1, end);
  const kw = vergaderjaarKeyword(s, j, end);
  if (kw >= 0) j = ws(s, kw, end);
  const vj = parseVergaderjaar(s, j, end, strong !== null || kw >= 0);
  if (vj) {
    head.vj = vj;
    head.form = 'leidraad';
    j = ws(s, vj.end, end);
    if (at(s, j, end) === 44) j = ws(s, j + 1, end);
    // `Tweede Kamer, vergaderjaar 2019–2020, nr. 31, item 8`: a number right after the year is a vergadering (also
    // as officielebekendmakingen' metadata table: `Tweede Kamer der Staten-Generaal | 2021-2022 | nr. 107, item 16`).
    if (weak && nrMarker(s, cell(s, j, end), end)) return handelingenAfterHead(s, p, { kamer: head.kamer, vj, end: cell(s, j, end) }, end, false);
  } else if (kw >= 0) return null;
  else if (weak) return weakWithoutYear(s, j, end, head);
  return parseDossierCitation(s, j, end, head, true);
}

/** Past a table cell border (`|`) and the spaces around it. */
function cell(s: string, j: number, end: number): number {
  return at(s, j, end) === 124 ? ws(s, j + 1, end) : j;
}

/**
 * `EK 36 600 B, A`, `EK 34 568, H`, `TK 29 754, nr. 680`: a weak label without vergaderjaar counts only when a
 * five-digit (or Eerste Kamer Roman) dossier and an ondernummer follow it, so `de Tweede Kamer heeft 12 345 …`
 * stays prose.
 */
function weakWithoutYear(s: string, j: number, end: number, head: Head): Match | null {
  const m = parseDossierCitation(s, j, end, { ...head, ekLetters: head.kamer === 'I' }, true);
  if (!m || !m.refs.length || m.refs.some((r) => r.kind !== 'kamerstuk')) return null;
  return m.refs[0].parts.dossier!.length >= 5 ? m : null;
}

/** Dossier(s) and ondernummers after a citation head; `labelled` allows 4-digit dossiers and bare EK letters. */
function parseDossierCitation(s: string, j: number, end: number, head: Head, labelled: boolean): Match | null {
  const d =
    parseDossier(s, j, end, { allowFour: labelled, nrFollows: (q) => nrFollows(s, q, end), tkconv: head.tkconv }) ??
    (labelled ? parseRomanDossier(s, j, end) : null);
  if (!d) {
    const mk = labelled ? nrMarker(s, j, end) : null;
    if (mk && (head.vj || head.kamer)) {
      return { start: head.start, end: mk.end, refs: [], problems: [problem('missing-dossier', head.start, mk.end, [])] };
    }
    return null;
  }
  if (d.dossier.length === 4 && isDigit(d.dossier.charCodeAt(0)) && !d.compact && !nrFollows(s, d.end, end) && !extraDossiers(s, d.end, end, labelled))
    return null;
  const refs: CitationRef[] = [];
  const problems: CitationProblem[] = [];
  let cursor = addDossier(s, end, head, d, refs, problems, labelled);
  const vjs: Vergaderjaar[] = head.vj ? [head.vj] : [];
  // `; 30 914, nr. 7` or `; 2023/24, 29 754, nr. 700`: more citations under the same label.
  for (let guard = 0; guard < 1000 && refs.length; guard++) {
    let k = ws(s, cursor, end);
    if (at(s, k, end) !== 59) break;
    k = ws(s, k + 1, end);
    const next: Head = { ...head, start: k };
    const vj = parseVergaderjaar(s, k, end);
    if (vj) {
      next.vj = vj;
      k = ws(s, vj.end, end);
      if (at(s, k, end) !== 44) break;
      k = ws(s, k + 1, end);
    }
    const d2 = parseDossier(s, k, end, { nrFollows: (q) => nrFollows(s, q, end) });
    if (!d2 || (!d2.compact && !nrFollows(s, d2.end, end))) break;
    cursor = addDossier(s, end, next, d2, refs, problems, labelled);
    if (next.vj && next.vj !== head.vj) vjs.push(next.vj);
  }
  if (!refs.length && !problems.length) return null;
  const stop = Math.max(cursor, ...problems.map((x) => x.end));
  return { start: head.start, end: stop, refs, problems, vergaderjaren: vjs.length ? vjs : undefined };
}

const jointEn = /(?:en|&)(?![\p{L}\p{N}])/uy;

/**
 * Extra dossiers of a joint document (`31728, 30914, nr. 5`, `29 754 en 25 295, nr. 680`, `21 501-32 en 21 501-02,
 * nr. 1500`, the Eerste Kamer's `35925 VII / 35925 IV, A`): only when an ondernummer follows them (with `/`, also
 * an Eerste Kamer letter). The ondernummer belongs to the first dossier.
 */
function extraDossiers(s: string, i: number, end: number, allowFour = false): { dossiers: string[]; end: number } | null {
  const dossiers: string[] = [];
  let j = i;
  for (let n = 0; n < 3; n++) {
    let k = ws(s, j, end);
    const c = at(s, k, end);
    const en = stick(jointEn, s, k, end);
    if (en) k = ws(s, k + en[0].length, end);
    else if (c === 44 || c === 59 || c === 47) k = ws(s, k + 1, end);
    else break;
    const d = parseDossier(s, k, end, { allowFour, nrFollows: (q) => nrFollows(s, q, end) });
    if (!d || d.compact) break;
    dossiers.push(d.toevoeging ? `${d.dossier}-${d.toevoeging}` : d.dossier);
    j = d.end;
    // `35526, 35722, letter AJ`: a joint Eerste Kamer document.
    if (nrFollows(s, j, end) || letterFollows(s, j, end) || (c === 47 && ekLetterAfter(s, j, end))) return { dossiers, end: j };
  }
  return null;
}

/** Parses the ondernummers after dossier `d` and appends the references; returns the end of the citation. */
function addDossier(s: string, end: number, head: Head, d: DossierMatch, refs: CitationRef[], problems: CitationProblem[], labelled: boolean): number {
  let after = d.end;
  const extras = d.compact ? null : extraDossiers(s, after, end, labelled);
  if (extras) after = extras.end;
  let list: OnderList | null = null;
  let form = head.form;
  let groupEnd = after;
  if (d.compact) {
    const page = pageAfter(s, d.compact.end, end);
    const item: OnderItem = { value: d.compact.value, start: head.start, end: page ? page.end : d.compact.end, letter: false, page: page?.text };
    list = { items: [item], end: item.end, problems: [] };
    if (head.form !== 'leidraad') form = labelled ? 'short' : 'compact';
  } else {
    let k = ws(s, after, end);
    const comma = at(s, k, end) === 44;
    if (comma) k = ws(s, k + 1, end);
    const mk = nrMarker(s, k, end);
    const lw = stick(letterWord, s, k, end);
    if (mk) {
      list = parseOnderList(s, ws(s, mk.end, end), end, mk.plural, true, k);
      if (!list) {
        const next = at(s, ws(s, mk.end, end), end);
        if (!(isUpper(next) || isDigit(next))) groupEnd = mk.end;
      }
    } else if (lw) {
      list = parseOnderList(s, ws(s, k + lw[0].length, end), end, false, true, k);
      if (list && list.items.some((x) => !x.letter)) list = null;
    } else if (comma && (labelled || head.ekLetters)) {
      // Eerste Kamer letter (`33802, C`); with a vergaderjaar also a number without `nr.` (`29 754, 683`).
      const it = onderItem(s, k, end, true);
      const plainNumber = it && !it.letter && head.vj && it.value.length <= 4 && !isDigit(at(s, hws(s, it.end, end), end));
      if (it && (it.letter || plainNumber)) list = parseOnderList(s, k, end, false, true, k);
    }
  }
  const vjText = head.vj ? s.slice(head.vj.start, head.vj.end) : undefined;
  const base = cleanParts({
    kamer: head.kamer,
    vergaderjaar: head.vj?.value,
    dossier: d.dossier,
    toevoeging: d.toevoeging,
    extraDossiers: extras?.dossiers,
    rijkswet: d.rijkswet,
    bijlage: head.bijlage,
  });
  const newRefs: CitationRef[] = [];
  if (list) {
    groupEnd = list.end;
    const group = { start: head.start, end: groupEnd };
    list.items.forEach((it, n) => {
      const parts: CitationParts = { ...base, ondernummer: it.value };
      if (it.page) parts.page = it.page;
      const start = n === 0 || it.start < head.start ? head.start : it.start;
      newRefs.push(makeRef(s, 'kamerstuk', kamerstukId(d.dossier, d.toevoeging, it.value), start, it.end, parts, form, group));
    });
    for (const pr of list.problems) problems.push(problem(pr.code, pr.start, pr.end, pr.args, newRefs));
    const letters = list.items.filter((x) => x.letter);
    if (letters.length && head.kamer === 'II') {
      problems.push(problem('letter-ondernummer-tweede-kamer', head.start, groupEnd, [letters[0].value], newRefs));
    }
  } else {
    const stop = d.end;
    newRefs.push(makeRef(s, 'dossier', dossierId(d.dossier, d.toevoeging), head.start, stop, base, form, { start: head.start, end: groupEnd }));
    const display = s.slice(d.start, d.end);
    if (groupEnd > stop) problems.push(problem('missing-ondernummer', head.start, groupEnd, [s.slice(stop, groupEnd).replace(/^[\s,]+/, '')], newRefs));
    else problems.push(problem('dossier-only', head.start, stop, [display], newRefs));
  }
  if (head.vj && !head.vj.valid && vjText) {
    const [repaired, ...alternatives] = repairsOfVergaderjaar(head.vj.value).map(leidraadVergaderjaar);
    const pr = problem('invalid-vergaderjaar', head.vj.start, head.vj.end, [vjText, repaired], newRefs);
    pr.part = { start: head.vj.start, end: head.vj.end, replacement: repaired, ...(alternatives.length ? { alternatives } : {}) };
    problems.push(pr);
  }
  refs.push(...newRefs);
  return groupEnd;
}

function problem(code: CitationProblem['code'], start: number, end: number, args: string[], refs: CitationRef[] = []): CitationProblem {
  return { code, start, end, args, refs };
}

const currency = /[€$£]/;

/** Bare and compact forms at a digit anchor: `35300-A, nr. 15`, `29 754, nr. 680`, `21501-32-1188`, `36200-VI`. */
export function parseBareKamerstuk(s: string, p: number, end: number, segStart: number): Match | null {
  // Left context: not inside an amount, a longer number, a path or a code.
  const prev = p > segStart ? s.charCodeAt(p - 1) : -1;
  const prev2 = p - 1 > segStart ? s.charCodeAt(p - 2) : -1;
  if (prev >= 0) {
    if (currency.test(String.fromCharCode(prev)) || prev === 47 || prev === 58 || prev === 43 || prev === 35 || prev === 61) return null;
    if ((prev === 46 || prev === 44 || isDash(prev)) && isDigit(prev2)) return null;
    if (isHSpace(prev) && (isDigit(prev2) || currency.test(String.fromCharCode(prev2)))) return null;
    if (prev === 46 && isLetter(prev2)) return null; // `No.W01.20…`
  }
  const d = parseDossier(s, p, end, { nrFollows: (q) => nrFollows(s, q, end) });
  if (!d) return null;
  const written = s.slice(p, d.end);
  // The Eerste Kamer's own notation: `35.788, K`, `33 802, C`, `35925 VII / 35925 IV, A`.
  const head: Head = { start: p, form: 'bare', ekLetters: true };
  if (d.compact) return parseDossierCitation(s, p, end, head, false);
  // Without a label the clause must end after the letter (`15000, U weet`, `Postbus 20018, EA Den Haag` are prose),
  // except in the Eerste Kamer site's dotted notation (`35.788, K voor de memorie`).
  const dotted = /^\d\d\./.test(written);
  if (nrFollows(s, d.end, end) || extraDossiers(s, d.end, end) || letterFollows(s, d.end, end) || ekLetterAfter(s, d.end, end, !dotted)) {
    return parseDossierCitation(s, p, end, head, false);
  }
  // `wetsvoorstel nummer 35.788` (the Eerste Kamer site): a dossier written with its dot after `nummer`.
  if (/^\d\d\.\d/.test(written) && !d.toevoeging && /(?:^|[^\p{L}])(?:nummer|nr\.?)[ \u00A0]$/iu.test(s.slice(Math.max(segStart, p - 8), p))) {
    return dossierOnly(s, p, d, 'bare');
  }
  // `Wetsvoorstel … (36 537)`: a dossier number alone in parentheses after a bill's name.
  const close = hws(s, d.end, end);
  if (prev === 40 && at(s, close, end) === 41 && !d.rijkswet && legislativeBefore(s, p, segStart, close, end)) return dossierOnly(s, p, d, 'bare');
  // A dossier with a dashed toevoeging: `36200-VI`, `35300-A`, `21501-32`.
  if (d.toevoeging && /[-\u2010-\u2015\u2212]/.test(written) && !isDash(at(s, d.end, end))) return dossierOnly(s, p, d, 'compact');
  return null;
}

/** `CLV, letter A`, `(CXXIV, G)`: an Eerste Kamer Roman-numbered dossier with its letter ondernummer, unlabelled. */
export function parseBareRoman(s: string, p: number, end: number): Match | null {
  const d = parseRomanDossier(s, p, end);
  // Three numerals at least (`CV, U krijgt`, `hoofdstuk CI, A` are prose), and a clause that ends after the letter.
  if (!d || d.dossier.length < 3 || !(letterFollows(s, d.end, end) || ekLetterAfter(s, d.end, end, true))) return null;
  const m = parseDossierCitation(s, p, end, { start: p, form: 'bare', ekLetters: true }, true);
  return m && m.refs.length && m.refs.every((r) => r.kind === 'kamerstuk') ? m : null;
}

function dossierOnly(s: string, p: number, d: DossierMatch, form: CitationForm): Match {
  const parts = cleanParts({ dossier: d.dossier, toevoeging: d.toevoeging, rijkswet: d.rijkswet });
  const ref = makeRef(s, 'dossier', dossierId(d.dossier, d.toevoeging), p, d.end, parts, form);
  return { start: p, end: d.end, refs: [ref], problems: [problem('dossier-only', p, d.end, [s.slice(p, d.end)], [ref])] };
}

/**
 * `, K` or `, AB` (an Eerste Kamer letter ondernummer) follows `i`; not an initial (`12345, A. Jansen`) or a word
 * in capitals.
 */
function ekLetterAfter(s: string, i: number, end: number, clauseEnds = false): boolean {
  const k = hws(s, i, end);
  if (at(s, k, end) !== 44) return false;
  const it = onderItem(s, hws(s, k + 1, end), end, true);
  if (it === null || !it.letter || it.value.length > 2 || (at(s, it.end, end) === 46 && isLetter(at(s, it.end + 1, end)))) return false;
  if (!clauseEnds) return at(s, it.end, end) !== 46;
  const n = at(s, hws(s, it.end, end), end);
  // `, A. Jansen` is an initial: after a full stop, a capital word may not follow.
  const initial = n === 46 && isUpper(at(s, hws(s, hws(s, it.end, end) + 1, end), end)) && hws(s, it.end, end) + 1 < hws(s, hws(s, it.end, end) + 1, end);
  return (
    n < 0 ||
    n === 10 ||
    n === 41 ||
    n === 59 ||
    n === 44 ||
    (n === 46 && !isLetter(at(s, it.end + 1, end)) && !initial) ||
    /^\s*(?:en|EN)\s+[A-Z]{1,2}(?![\p{L}])/u.test(s.slice(it.end, it.end + 8))
  );
}

// A bill, budget or treaty by name; compounds count (`Omgevingswet`, `Rijksbegroting`, `Belastingverdrag`).
const legislative =
  /(?:wet|wetten|wetboek|wetsvoorstel|wetsvoorstellen|begroting|begrotingen|begrotingsstaat|begrotingsstaten|verdrag|initiatiefnota)(?![\p{L}])/iu;
// What else a dossier is about: an EU proposal, a decree or nomination for approval, a letter, the Eerste Kamer
// site's `Kamerstukken …` and `Toezegging …` titles. These words are common in prose, so they count only in a title:
// a list item or line that starts with them (within five words) and that the number in parentheses ends.
const documentWord =
  /(?:voorstel|voorstellen|richtlijn|richtlijnen|verordening|besluit|voordracht|brief|kamerstuk|kamerstukken|toezegging|toezeggingen)(?![\p{L}])/iu;
// A title has no finite verb (`Volgens de brief waren er veel klachten (12.500).` is a sentence).
const finite =
  /(?:^|[^\p{L}])(?:is|zijn|was|waren|heeft|hebben|had|hadden|wordt|worden|werd|werden|kan|kunnen|zal|zullen|moet|moeten|leidde|leidt)(?![\p{L}])/iu;
const titleStart = /^(?:[-*+•]|\d{1,3}[.)])?[\s•-]*(?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]*$/u;

/** How far back a bill's name may start: titles of bills run to several hundred characters. */
const TITLE_REACH = 600;

/**
 * Whether the sentence before `p` names a bill, budget or treaty (or, in a title line, another document). The
 * sentence starts after a full stop followed by a capital, a blank line or a list item's marker; abbreviations inside
 * a title (`o.a.`, `Stb. 2020`) do not end it.
 */
function legislativeBefore(s: string, p: number, segStart: number, close: number, end: number): boolean {
  const from = Math.max(segStart, p - TITLE_REACH);
  let k = p - 1;
  let line = false; // the sentence starts a line (or a list item)
  for (; k > from; k--) {
    const c = s.charCodeAt(k);
    if (c === 10) {
      line = true;
      if (/^\n[ \t>]*(?:\n|[-*+•] |\d{1,3}[.)] )/.test(s.slice(k, k + 8))) break;
    }
    if ((c === 46 || c === 33 || c === 63) && isHSpace(at(s, k + 1, p)) && isUpper(at(s, hws(s, k + 1, p), p))) break;
  }
  if (k <= from) line = k === segStart || line || at(s, k - 1, end) === 10;
  const sentence = s.slice(k, p);
  if (legislative.test(sentence)) return true;
  // `gestegen (12 500)`, `gedaald (10 000)`: a number right after a past participle is a quantity.
  if (/(?:^|[^\p{L}])ge\p{L}{2,}(?:en|d|t)\s*\($/u.test(sentence)) return false;
  // In a title line only (a paragraph of short lines, as the Eerste Kamer site's register has, is read per line).
  const nl = sentence.lastIndexOf('\n');
  const title = nl >= 0 ? sentence.slice(nl + 1) : sentence;
  const word = documentWord.exec(title);
  if (!word || !(line || nl >= 0)) return false;
  // The number ends the title: the line or item goes no further than `)`, `);`, `),`, `).` (or a code in
  // parentheses, as the Eerste Kamer's register adds: `(30.585) (T01153)`).
  let after = hws(s, close + 1, end);
  if (at(s, after, end) === 40) {
    const shut = s.indexOf(')', after);
    if (shut > after && shut - after <= 16) after = hws(s, shut + 1, end);
  }
  const c = at(s, after, end);
  const endsTitle =
    c < 0 || c === 10 || ((c === 59 || c === 44 || c === 46) && (at(s, hws(s, after + 1, end), end) < 0 || at(s, hws(s, after + 1, end), end) === 10));
  // A title starts with its subject (`Goedkeuring van …`, `- de voordracht …`), a sentence with an article (`Het besluit …`).
  const head = title.slice(0, word.index).replace(/^\s+/, '');
  return endsTitle && titleStart.test(head) && !/^(?:Het|De|Een|Dit|Deze|Die|Dat)\s/.test(head + ' ') && !finite.test(title);
}

function letterFollows(s: string, i: number, end: number): boolean {
  let j = ws(s, i, end);
  if (at(s, j, end) === 44) j = ws(s, j + 1, end);
  return stick(letterWord, s, j, end) !== null;
}

const debateRe = new RegExp(`(?:[Nn]r|NR)\\.?${SP}*([1-9]\\d{0,4})(?:,${SP}*(was${SP}+(?:[Nn]r|NR)\\.?${SP}*([1-9]\\d{0,4})))?${SP}*\\(`, 'y');
// The Handelingen formula for a motion submitted or altered in the debate: `Zij krijgt nr. 49 (26263).`
const motionFormula = /(?:^|[^\p{L}])[Zz]ij\s+krijgt\s+$/u;

/**
 * `nr. 456 (36800-XVI)`: a motion number announced in a debate, with its dossier in parentheses; `Zij krijgt nr. 348,
 * was nr. 347 (32317)`: the altered motion and the one it replaces, both motions.
 */
export function parseNrDossier(s: string, p: number, end: number): Match | null {
  const m = stick(debateRe, s, p, end);
  if (!m) return null;
  const k = p + m[0].length;
  const d = parseDossier(s, hws(s, k, end), end, {});
  if (!d || d.compact) return null;
  const close = hws(s, d.end, end);
  if (at(s, close, end) !== 41) return null;
  const kind = motionFormula.test(s.slice(Math.max(0, p - 16), p)) ? 'motie' : 'kamerstuk';
  const ref = (nr: string, start: number, stop: number, extra: CitationParts = {}): CitationRef =>
    makeRef(
      s,
      kind,
      kamerstukId(d.dossier, d.toevoeging, nr),
      start,
      stop,
      cleanParts({ dossier: d.dossier, toevoeging: d.toevoeging, rijkswet: d.rijkswet, ondernummer: nr, ...extra }),
      'bare',
      { start: p, end: close + 1 },
    );
  if (!m[2]) return { start: p, end: close + 1, refs: [ref(m[1], p, close + 1)], problems: [] };
  const was = p + m[0].indexOf(m[2]);
  const replaced = ref(m[3], was, close + 1);
  const current = ref(m[1], p, p + m[0].indexOf(m[1]) + m[1].length, { replaces: replaced.id ?? undefined, gewijzigd: true });
  return { start: p, end: close + 1, refs: [current, replaced], problems: [] };
}
