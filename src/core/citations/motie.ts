// Motions and amendments in prose: `de motie-Van Aalst/Remco Dijkstra over … (35300-A, nr. 15)`, `de aangenomen
// motie van het lid Boswijk c.s.`, `motie van de leden Sjoerdsma en Van der Lee`, `Gewijzigde motie … (t.v.v.
// 36200-V-32)`, headings `MOTIE VAN HET LID SEGERS C.S.`, `het amendement van het lid Omtzigt (36067, nr. 61)`,
// `het amendement-Lambrechts (stuk nr. 13, I)`, and name-only mentions (`de motie Ellian c.s.`), whose id may come
// from a footnote in the same sentence (resolved by the markdown layer) or from the citations later in the sentence
// (`de moties van het lid X over …, 35925-VI, letter T, en over …, letter U`; the scanner applies that context).
import { at, BR, hws, isDigit, isHSpace, isLetter, isUpper, SP, stick, ws } from './chars';
import { parseIdentifier } from './identifiers';
import { lineBreakEnd, parseDossier } from './dossier';
import { kamerstukId } from './ids';
import { parseBareKamerstuk, parseLabelledKamerstuk } from './kamerstuk';
import { cleanParts, makeRef, withSwappedRefs, type CitationProblem, type Match, type ScanContext } from './match';
import { readName } from './names';
import { onderItem } from './ondernummer';
import { stukNr } from './stuk';
import type { CitationKind, CitationRef } from './types';

/** A motion or an amendment: the two are cited alike and both are voted on. */
export type MentionKind = Extract<CitationKind, 'motie' | 'amendement'>;

/**
 * After a mention without its own number, the citations that follow in the same sentence (after `,`, `:`, `;`)
 * name the motions: one for a singular mention, every one for a plural (`moties`). The scanner applies it.
 */
export interface MentionContext {
  kind: MentionKind;
  /** End of the sentence the mention is in. */
  until: number;
  plural: boolean;
  submitters?: string[];
  /** The name-only reference the mention produced, replaced by the citations it turns into motions. */
  nameRefs: CitationRef[];
  /** Where the mention ends (set by the scanner). */
  from?: number;
}

export interface MotieMatch extends Match {
  /** Label of a footnote in the same sentence whose text may cite the motion. */
  footnote?: string;
  context?: MentionContext;
}

const words: Record<MentionKind, { word: RegExp; gewijzigd: RegExp }> = {
  motie: {
    word: /(?:[Mm]oties?|MOTIES?)(?![\p{L}\p{N}])/uy,
    gewijzigd: new RegExp(`(?:[Gg]ewijzigde|GEWIJZIGDE)${BR}+`, 'y'),
  },
  amendement: {
    word: /(?:[Aa]mendementen|[Aa]mendement|AMENDEMENTEN|AMENDEMENT)(?![\p{L}\p{N}])/uy,
    gewijzigd: new RegExp(`(?:[Gg]ewijzigde?|GEWIJZIGDE?|[Nn]ader${BR}+gewijzigde?|[Vv]ervangende?)${BR}+`, 'y'),
  },
};
const adverbRe = new RegExp(`(?:aangenomen|ingediend|ingediende|verworpen|aangehouden|ingetrokken)${BR}+`, 'y');
const vanRe = new RegExp(
  `(?:van|VAN)${BR}+(?:(?:het|HET)${BR}+(?:lid|LID)|(?:de|DE)${BR}+(?:leden|LEDEN|Kamerleden|kamerleden)|lid|LID|[Kk]amerlid)${BR}+`,
  'y',
);
// A party in parentheses after a name: letters (digits only as in `50PLUS`), never a citation such as `(29754-12)`.
const partyRe = new RegExp(`${SP}*\\((?=[^)]{1,14}\\))(?=[^)]*\\p{L}{2})(?![^)]*\\d{3})[\\p{Lu}\\d][\\p{L}\\d&+ ]{0,13}\\)`, 'uy');
const csRe = new RegExp(`${BR}*(?:c\\.s\\.|C\\.S\\.|c\\.s(?![\\p{L}]))`, 'uy');
const enRe = new RegExp(`${BR}+(?:en|EN)${BR}+`, 'y');
const tvvRe = /(?:t\.v\.v\.|ter vervanging van|TER VERVANGING VAN)[ \t\u00A0\u202F]*/y;
const gedruktRe = new RegExp(`${SP}*(?:TER VERVANGING VAN DIE GEDRUKT ONDER|ter vervanging van die gedrukt onder)${SP}+(?:NR|nr)\\.?${SP}*(\\d{1,5})`, 'y');
const ownNrRe = /(?:^|\n)[#> \t]*(?:Nr|NR)\.?[ \t\u00A0]*(\d{1,5})[ \t\u00A0]*$/;
const onderdeelRe = new RegExp(`,${SP}*(?:onderdeel${SP}+)?[IVXL]{1,6}(?![\\p{L}\\p{N}])`, 'uy');

interface Group {
  names: string[];
  start: number;
  end: number;
}

/**
 * Submitters after `motie-`, `motie van het lid`, `motie van de leden`, or directly (`motie Ellian c.s.`). With
 * `plural`, `c.s.` closes a group and `en` or `,` starts the next one: `de moties Marijnissen c.s. en Klaver c.s.`
 * are two motions.
 */
function submitters(s: string, i: number, end: number, caps: boolean, slash: boolean, plural: boolean): Group[] {
  const groups: Group[] = [];
  let j = i;
  for (let g = 0; g < 12; g++) {
    const group = oneGroup(s, j, end, caps, slash);
    if (!group) break;
    groups.push(group);
    if (!plural || !/c\.?s\.?$/i.test(s.slice(group.end - 4, group.end))) break;
    const en = stick(enRe, s, group.end, end);
    const k = hws(s, group.end, end);
    const next = en ? group.end + en[0].length : at(s, k, end) === 44 ? hws(s, k + 1, end) : -1;
    if (next < 0 || readName(s, next, end, caps) < 0) break;
    j = next;
  }
  return groups;
}

function oneGroup(s: string, i: number, end: number, caps: boolean, slash: boolean): Group | null {
  const names: string[] = [];
  let j = i;
  let stop = -1;
  for (let n = 0; n < 12; n++) {
    const named = readName(s, j, end, caps);
    if (named < 0) break;
    names.push(s.slice(j, named).replace(/[\s\u00A0\u202F]+/g, ' '));
    // `motie-Nagel (50PLUS) c.s.`: the member's party in parentheses belongs to the name.
    const party = stick(partyRe, s, named, end);
    const e = party ? named + party[0].length : named;
    stop = e;
    if (slash && at(s, e, end) === 47) {
      j = hws(s, e + 1, end);
      continue;
    }
    const and = slash ? stick(enRe, s, e, end) : null; // `amendement Lodders en Van Weyenberg`
    if (and && readName(s, e + and[0].length, end, caps) > 0) {
      j = e + and[0].length;
      continue;
    }
    if (!slash) {
      const k = hws(s, e, end);
      if (at(s, k, end) === 44 && readName(s, hws(s, k + 1, end), end, caps) > 0) {
        j = hws(s, k + 1, end);
        continue;
      }
      const en = stick(enRe, s, e, end);
      if (en && readName(s, e + en[0].length, end, caps) > 0) {
        j = e + en[0].length;
        continue;
      }
    }
    break;
  }
  if (!names.length) return null;
  const cs = stick(csRe, s, stop, end);
  return { names, start: i, end: cs ? stop + cs[0].length : stop };
}

interface Paren {
  match: Match;
  close: number;
  tvv: boolean;
}

/** Parses the citation inside `(…)` at `open`; returns its match and the closing parenthesis, or null. */
function parenCitation(s: string, open: number, end: number, atNames = true): Paren | null {
  let k = ws(s, open + 1, end);
  const tvv = stick(tvvRe, s, k, end);
  if (tvv) k += tvv[0].length;
  let match: Match | null = parseLabelledKamerstuk(s, k, end);
  if (!match && isDigit(at(s, k, end))) match = parseBareKamerstuk(s, k, end, k);
  if (!match && /[kK]/.test(s[k] ?? '')) {
    const ref = parseIdentifier(s, k, end);
    if (ref) match = { start: k, end: ref.end, refs: [ref], problems: [] };
  }
  if (!match) match = stukNr(s, k, end, 'kamerstuk', true);
  if (!match && atNames) match = trailingCitation(s, k, end);
  if (!match || !match.refs.length || match.refs[0].kind !== 'kamerstuk') return null;
  let close = ws(s, match.end, end);
  const part = stick(onderdeelRe, s, close, end);
  if (part) close = ws(s, close + part[0].length, end);
  if (at(s, close, end) === 46) close = ws(s, close + 1, end);
  if (at(s, close, end) !== 41) return null;
  return { match, close, tvv: !!tvv };
}

/**
 * `(niet slechts door middel van een notariële akte …, Kamerstuk 36 151, nr. 23)`: a description in the parentheses,
 * then after a comma a labelled citation that closes them.
 */
function trailingCitation(s: string, k: number, end: number): Match | null {
  let close = -1;
  for (let j = k; j < Math.min(end, k + 300); j++) {
    const c = s.charCodeAt(j);
    if (c === 40) return null; // a parenthesis inside: not this form
    if (c === 41) {
      close = j;
      break;
    }
  }
  if (close < 0) return null;
  for (let c = close - 1; c > k && close - c <= 80; c--) {
    if (s.charCodeAt(c) !== 44) continue;
    const m = parseLabelledKamerstuk(s, ws(s, c + 1, close), end);
    if (m && ws(s, m.end, end) === close) return m;
  }
  return null;
}

/** `(motie-Hijink, Kamerstuk 29 689, nr. 1234)`: the citation follows the names after a comma. */
function directCitation(s: string, i: number, end: number): { paren: Paren } | null {
  let k = hws(s, i, end);
  if (at(s, k, end) !== 44) return null;
  k = ws(s, k + 1, end);
  const match = parseLabelledKamerstuk(s, k, end) ?? (isDigit(at(s, k, end)) ? parseBareKamerstuk(s, k, end, k) : null);
  if (!match || !match.refs.length || match.refs[0].kind !== 'kamerstuk') return null;
  return { paren: { match, close: match.end - 1, tvv: false } };
}

const LOOK_AHEAD = 800;
const embeddedRe = /(?:uitvoering|afdoening|opvolging|uitwerking)\s+(?:van\s+)?(?:de\s+)?$/i;

/** `… de uitvoering van de motie`: the mention at `p` is part of another document's name. */
function embeddedBefore(s: string, p: number): boolean {
  return p >= 6 && embeddedRe.test(s.slice(Math.max(0, p - 40), p));
}

/**
 * Scans the rest of the sentence after a mention for a parenthesised citation or a footnote reference; returns
 * also where the sentence ends (or the next mention starts).
 */
function attach(s: string, i: number, end: number, kind: MentionKind, parens: boolean): { paren?: Paren; footnote?: string; until: number } {
  const limit = Math.min(end, i + LOOK_AHEAD);
  const again = words[kind].word;
  let parenTried = false;
  for (let j = i; j < limit; j++) {
    const c = s.charCodeAt(j);
    if (c === 40 && parens && !parenTried && j - i < 400) {
      parenTried = true;
      const paren = parenCitation(s, j, end, ws(s, i, end) === j);
      if (paren) return { paren, until: j };
    } else if (c === 91 && at(s, j + 1, end) === 94) {
      const close = s.slice(j + 2, Math.min(end, j + 100)).indexOf(']') + j + 2;
      if (close > j + 2 && !/\s/.test(s.slice(j + 2, close))) return { footnote: s.slice(j + 2, close), until: j };
      return { until: j };
    } else if (c === 46 || c === 33 || c === 63) {
      const n = at(s, j + 1, end);
      if (n === 91) continue; // `.[^2]`: the footnote still belongs to this sentence
      if (n < 0) return { until: j };
      if (isHSpace(n) || n === 10) {
        const k = ws(s, j + 1, end);
        if (k >= end || isUpper(at(s, k, end)) || at(s, k, end) === 35) return { until: j };
      }
    } else if (c === 10 && at(s, ws(s, j + 1, end), end) === 10) return { until: j };
    else if (!isLetter(at(s, j - 1, end)) && (c | 0x20) === (kind === 'motie' ? 109 : 97) && stick(again, s, j, end)) return { until: j };
  }
  return { until: limit };
}

const MOTIE: readonly MentionKind[] = ['motie'];
const AMENDEMENT: readonly MentionKind[] = ['amendement'];
const BOTH: readonly MentionKind[] = ['motie', 'amendement'];

/** The word at `p` and the kind it names, after an optional `gewijzigde`. */
function mentionWord(s: string, p: number, end: number): { kind: MentionKind; gewijzigd: boolean; word: string; end: number } | null {
  const c = s.charCodeAt(p) | 0x20;
  const kinds: readonly MentionKind[] = c === 109 ? MOTIE : c === 97 ? AMENDEMENT : BOTH; // `m`, `a`, else `gewijzigd…`
  for (const kind of kinds) {
    const w = words[kind];
    let j = p;
    const gew = stick(w.gewijzigd, s, j, end);
    if (gew) j += gew[0].length;
    const word = stick(w.word, s, j, end);
    if (word) return { kind, gewijzigd: !!gew, word: word[0], end: j + word[0].length };
  }
  return null;
}

/** The motion or amendment mention at `p` (anchor on `motie`, `moties`, `amendement`, `Gewijzigde`, …). */
export function parseMotie(s: string, p: number, end: number, ctx: ScanContext = {}): MotieMatch | null {
  const mw = mentionWord(s, p, end);
  if (!mw) return null;
  const { kind } = mw;
  const caps = mw.word === mw.word.toUpperCase();
  const plural = /(?:moties|amendementen)$/i.test(mw.word);
  const j = mw.end;
  const numbered = numberedMention(s, p, j, end, kind, mw.gewijzigd);
  if (numbered) {
    if (plural) numbered.context = { kind, until: attach(s, numbered.end, end, kind, false).until, plural, nameRefs: [] };
    return numbered;
  }
  let mentionEnd = j;
  let groups: Group[] = [];
  let direct = false;
  if (at(s, j, end) === 45 || at(s, j, end) === 0x2011) {
    groups = submitters(s, j + 1, end, false, true, plural);
  } else if (isHSpace(at(s, j, end)) || at(s, j, end) === 10) {
    let k = ws(s, j, end);
    const adv = stick(adverbRe, s, k, end);
    if (adv) k += adv[0].length;
    const van = stick(vanRe, s, k, end);
    if (van) groups = submitters(s, k + van[0].length, end, caps, false, plural);
    else if (!adv && !caps) {
      groups = submitters(s, k, end, false, true, plural);
      direct = groups.length > 0;
    }
  }
  if (groups.length) mentionEnd = groups[groups.length - 1].end;
  const names = groups.flatMap((g) => g.names);
  const parts = { submitters: names.length ? names : undefined, gewijzigd: mw.gewijzigd || undefined } as CitationRef['parts'];
  // In a motion's own document: `Nr. 57 GEWIJZIGDE MOTIE … TER VERVANGING VAN DIE GEDRUKT ONDER NR. 32`.
  const self = ctx.selfId ? /^kst-(\d+)(?:-([A-Z0-9]+))?-([0-9]+[a-z]?)$/.exec(ctx.selfId) : null;
  let ownId: string | null = null;
  if (self) {
    const ged = stick(gedruktRe, s, mentionEnd, end);
    if (ged) {
      parts.replaces = kamerstukId(self[1], self[2], ged[1]);
      mentionEnd += ged[0].length;
    }
    const own = ownNrRe.exec(s.slice(Math.max(0, p - 24), p));
    if (own && own[1] === self[3]) ownId = ctx.selfId!;
  }
  if (!names.length && !ownId) {
    // A bare `de motie` is only a citation when its number follows at once: `de motie (29 754, nr. 683)`. A bare
    // `de moties` names the citations later in its sentence (`… aan te houden: 29911-226; 29911-227`).
    const immediate = at(s, ws(s, mentionEnd, end), end) === 40;
    const paren = immediate ? parenCitation(s, ws(s, mentionEnd, end), end) : null;
    if (paren) return withParen(s, p, kind, paren, parts, groups, ownId, plural);
    if (!plural) return null;
    const until = attach(s, mentionEnd, end, kind, false).until;
    return { start: p, end: mentionEnd, refs: [], problems: [], context: { kind, until, plural, nameRefs: [] } };
  }
  const found: { paren?: Paren; footnote?: string; until?: number } = directCitation(s, mentionEnd, end) ?? attach(s, mentionEnd, end, kind, true);
  // `het verslag … over de uitvoering van de motie-Janssen c.s. over … (35526, letter AC)`: a mention inside the
  // name of another document. A parenthesis right after the names is the motion's; one after a clause may be the
  // other document's, so it is left alone (and the mention names no citation later in the sentence).
  const embedded = embeddedBefore(s, p);
  if (found.paren && (!embedded || at(s, ws(s, mentionEnd, end), end) === 40)) return withParen(s, p, kind, found.paren, parts, groups, ownId, plural);
  if (direct && !/c\.s/i.test(s.slice(j, mentionEnd)) && !found.footnote && !nameEndsMention(s, mentionEnd, end, names[0])) return null;
  const refs =
    groups.length > 1
      ? groups.map((g, n) => nameRef(s, kind, n === 0 ? p : g.start, g.end, { ...parts, submitters: g.names }))
      : [nameRef(s, kind, p, mentionEnd, parts, ownId)];
  const out: MotieMatch = { start: p, end: mentionEnd, refs, problems: [] };
  if (ownId) return out;
  if (found.footnote && names.length && refs.length === 1) out.footnote = found.footnote;
  else {
    const code = kind === 'motie' ? 'motie-unresolved' : 'amendement-unresolved';
    for (const r of refs) out.problems.push({ code, start: r.start, end: r.end, args: [(r.parts.submitters ?? []).join(', ')], refs: [r] });
    if (found.until !== undefined && !embedded) out.context = { kind, until: found.until, plural, submitters: names, nameRefs: refs };
  }
  return out;
}

const spacedNumber = new RegExp(`${SP}*[-\\u2010-\\u2015\\u2212]${SP}*([1-9]\\d{0,4})(?![\\p{L}\\p{N}])`, 'uy');

/** `amendement 36067 – 61`, `motie 36067-61` (tkconv's agenda titles): the number right after the word. */
function numberedMention(s: string, p: number, j: number, end: number, kind: MentionKind, gewijzigd: boolean): MotieMatch | null {
  if (!isHSpace(at(s, j, end))) return null;
  const k = hws(s, j, end);
  if (!isDigit(at(s, k, end))) return null;
  const bare = parseBareKamerstuk(s, k, end, k);
  if (bare && bare.refs.length && bare.refs.every((r) => r.kind === 'kamerstuk')) {
    const refs = bare.refs.map((r, n) => {
      const start = n === 0 ? p : r.start;
      return { ...r, kind, start, text: s.slice(start, r.end), parts: cleanParts({ ...r.parts, gewijzigd: gewijzigd || undefined }) };
    });
    return { start: p, end: bare.end, refs, problems: withRefs(bare.problems, bare.refs, refs) };
  }
  const d = parseDossier(s, k, end, {});
  if (!d) return null;
  let nr = d.compact?.value;
  let stop = d.compact?.end ?? -1;
  if (!d.compact) {
    const m = stick(spacedNumber, s, d.end, end);
    if (!m) return null;
    nr = m[1];
    stop = d.end + m[0].length;
  }
  const parts = cleanParts({ dossier: d.dossier, toevoeging: d.toevoeging, ondernummer: nr, gewijzigd: gewijzigd || undefined });
  return { start: p, end: stop, refs: [makeRef(s, kind, kamerstukId(d.dossier, d.toevoeging, nr!), p, stop, parts, 'compact')], problems: [] };
}

function nameRef(s: string, kind: MentionKind, start: number, end: number, parts: CitationRef['parts'], id: string | null = null): CitationRef {
  return makeRef(s, kind, id, start, end, cleanParts(parts), 'name');
}

/** The problems with their references swapped for the ones that replace them (same order). */
function withRefs(problems: CitationProblem[], from: CitationRef[], to: CitationRef[]): CitationProblem[] {
  return withSwappedRefs(problems, new Map(from.map((r, n) => [r, to[n]])));
}

/** The mention with the citation in parentheses after it: one reference per cited number. */
function withParen(
  s: string,
  p: number,
  kind: MentionKind,
  paren: Paren,
  parts: CitationRef['parts'],
  groups: Group[],
  ownId: string | null,
  plural: boolean,
): MotieMatch {
  const { match, close, tvv } = paren;
  const [first, ...rest] = match.refs;
  // `de moties Marijnissen c.s. en Klaver c.s. (35 570, nrs. 18 en 21)`: each group its own number.
  const perGroup = groups.length > 1 && groups.length === match.refs.length;
  const subs = (n: number): string[] | undefined => (perGroup ? groups[n].names : parts.submitters);
  const merged = cleanParts({ ...first.parts, ...parts, submitters: subs(0), replaces: tvv ? (first.id ?? undefined) : parts.replaces });
  const ref = makeRef(s, kind, ownId ?? first.id, p, close + 1, merged, first.form ?? 'bare');
  const others = rest.map((r, n) => (plural ? { ...r, kind, parts: cleanParts({ ...r.parts, submitters: subs(n + 1) }) } : r));
  const refs = [ref, ...others];
  return { start: p, end: close + 1, refs, problems: withRefs(match.problems, match.refs, refs) };
}

const afterNameRe = new RegExp(
  `${SP}*(?:[.,;:)!?]|(?:over|en|zijn|waren|inzake|betreffende|om|dat|die|is|werd|wordt|ingediend|aangenomen|verworpen|aangehouden|ingetrokken)(?![\\p{L}]))`,
  'uy',
);

/**
 * `de motie Ellian` (no `van het lid`, no hyphen, no `c.s.`) names a member when the words after it go on as a
 * motion's do (`over …`, `is aangenomen`, the end of the clause); `moties Debat naar aanleiding van …`, `motie
 * Kamer verzoekt` and a heading or table header that ends the line (`Stemming motie Verzamelwet Brexit`) are not,
 * unless the name starts with a particle (`… en motie Van Haga`).
 */
function nameEndsMention(s: string, i: number, end: number, first: string): boolean {
  if (stick(afterNameRe, s, i, end)) return true;
  const next = lineBreakEnd(s, hws(s, i, end), end); // `de motie Omtzigt` / `over de toeslagen`
  if (next > 0 && stick(afterNameRe, s, next, end)) return true;
  // At the end of a line (a heading: `… en motie Van Haga`) only a name that starts with a particle is surely one.
  const k = hws(s, i, end);
  return (k >= end || at(s, k, end) === 10) && /^(?:van|de|der|den|ter|ten|in|op|la|le|du|da|di|del|von)\s/i.test(first);
}

const continuationRe = new RegExp(`(?:letter|LETTER|nr\\.?|Nr\\.?)${SP}*`, 'y');

/**
 * `…, en over mediation, letter U` in a mention's sentence: a further motion of the dossier cited last. Returns its
 * reference (the caller checked the context and the comma before `p`).
 */
export function parseContinuation(s: string, p: number, end: number, kind: MentionKind, prev: CitationRef): CitationRef | null {
  const m = stick(continuationRe, s, p, end);
  const d = prev.parts;
  if (!m || !d.dossier) return null;
  const it = onderItem(s, p + m[0].length, end, true);
  if (!it || it.letter !== /^l/i.test(m[0])) return null;
  const parts = cleanParts({ dossier: d.dossier, toevoeging: d.toevoeging, ondernummer: it.value, submitters: d.submitters });
  return makeRef(s, kind, kamerstukId(d.dossier, d.toevoeging, it.value), p, it.end, parts, 'bare');
}
