// Motions in prose: `de motie-Van Aalst/Remco Dijkstra over … (35300-A, nr. 15)`, `de aangenomen motie van het lid
// Boswijk c.s.`, `motie van de leden Sjoerdsma en Van der Lee`, `Gewijzigde motie … (t.v.v. 36200-V-32)`,
// headings `MOTIE VAN HET LID SEGERS C.S.`, and name-only mentions (`de motie Ellian c.s.`), whose id may come
// from a footnote in the same sentence (resolved by the markdown layer).
import { at, BR, hws, isDigit, isHSpace, isLetter, isUpper, SP, stick, ws } from './chars';
import { parseIdentifier } from './identifiers';
import { kamerstukId } from './ids';
import { parseBareKamerstuk, parseLabelledKamerstuk } from './kamerstuk';
import { cleanParts, makeRef, type Match, type ScanContext } from './match';
import { readName } from './names';
import type { CitationRef } from './types';

export interface MotieMatch extends Match {
  /** Label of a footnote in the same sentence whose text may cite the motion. */
  footnote?: string;
}

const gewijzigdRe = new RegExp(`(?:[Gg]ewijzigde|GEWIJZIGDE)${BR}+`, 'y');
const motieRe = /(?:[Mm]oties?|MOTIES?)(?![\p{L}\p{N}])/uy;
const adverbRe = new RegExp(`(?:aangenomen|ingediend|ingediende|verworpen|aangehouden|ingetrokken)${BR}+`, 'y');
const vanRe = new RegExp(
  `(?:van|VAN)${BR}+(?:(?:het|HET)${BR}+(?:lid|LID)|(?:de|DE)${BR}+(?:leden|LEDEN|Kamerleden|kamerleden)|lid|LID|[Kk]amerlid)${BR}+`,
  'y',
);
const csRe = new RegExp(`${SP}*(?:c\\.s\\.|C\\.S\\.|c\\.s(?![\\p{L}]))`, 'uy');
const enRe = new RegExp(`${BR}+(?:en|EN)${BR}+`, 'y');
const tvvRe = /(?:t\.v\.v\.|ter vervanging van|TER VERVANGING VAN)[ \t\u00A0\u202F]*/y;
const gedruktRe = new RegExp(`${SP}*(?:TER VERVANGING VAN DIE GEDRUKT ONDER|ter vervanging van die gedrukt onder)${SP}+(?:NR|nr)\\.?${SP}*(\\d{1,5})`, 'y');
const ownNrRe = /(?:^|\n)[#> \t]*(?:Nr|NR)\.?[ \t\u00A0]*(\d{1,5})[ \t\u00A0]*$/;

/** Submitters after `motie-`, `motie van het lid`, `motie van de leden`, or directly (`motie Ellian c.s.`). */
function submitters(s: string, i: number, end: number, caps: boolean, slash: boolean): { names: string[]; end: number } | null {
  const names: string[] = [];
  let j = i;
  let stop = -1;
  for (let n = 0; n < 12; n++) {
    const e = readName(s, j, end, caps);
    if (e < 0) break;
    names.push(s.slice(j, e).replace(/[\s\u00A0\u202F]+/g, ' '));
    stop = e;
    if (slash && at(s, e, end) === 47) {
      j = hws(s, e + 1, end);
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
  return { names, end: cs ? stop + cs[0].length : stop };
}

/** Parses the citation inside `(…)` at `open`; returns its match and the closing parenthesis, or null. */
function parenCitation(s: string, open: number, end: number): { match: Match; close: number; tvv: boolean } | null {
  let k = ws(s, open + 1, end);
  const tvv = stick(tvvRe, s, k, end);
  if (tvv) k += tvv[0].length;
  let match: Match | null = parseLabelledKamerstuk(s, k, end);
  if (!match && isDigit(at(s, k, end))) match = parseBareKamerstuk(s, k, end, k);
  if (!match && /[kK]/.test(s[k] ?? '')) {
    const ref = parseIdentifier(s, k, end);
    if (ref) match = { start: k, end: ref.end, refs: [ref], problems: [] };
  }
  if (!match || !match.refs.length || match.refs[0].kind !== 'kamerstuk') return null;
  let close = ws(s, match.end, end);
  if (at(s, close, end) === 46) close = ws(s, close + 1, end);
  if (at(s, close, end) !== 41) return null;
  return { match, close, tvv: !!tvv };
}

/** `(motie-Hijink, Kamerstuk 29 689, nr. 1234)`: the citation follows the names after a comma. */
function directCitation(s: string, i: number, end: number): { paren: ReturnType<typeof parenCitation> } | null {
  let k = hws(s, i, end);
  if (at(s, k, end) !== 44) return null;
  k = ws(s, k + 1, end);
  const match = parseLabelledKamerstuk(s, k, end) ?? (isDigit(at(s, k, end)) ? parseBareKamerstuk(s, k, end, k) : null);
  if (!match || !match.refs.length || match.refs[0].kind !== 'kamerstuk') return null;
  return { paren: { match, close: match.end - 1, tvv: false } };
}

/** Scans the rest of the sentence after a mention for a parenthesised citation or a footnote reference. */
function attach(s: string, i: number, end: number): { paren?: ReturnType<typeof parenCitation>; footnote?: string } {
  const limit = Math.min(end, i + 800);
  let parenTried = false;
  for (let j = i; j < limit; j++) {
    const c = s.charCodeAt(j);
    if (c === 40 && !parenTried && j - i < 400) {
      parenTried = true;
      const paren = parenCitation(s, j, end);
      if (paren) return { paren };
    } else if (c === 91 && at(s, j + 1, end) === 94) {
      const close = s.indexOf(']', j + 2);
      if (close > j + 2 && close - j < 100 && !/\s/.test(s.slice(j + 2, close))) return { footnote: s.slice(j + 2, close) };
      return {};
    } else if (c === 46 || c === 33 || c === 63) {
      const n = at(s, j + 1, end);
      if (n === 91) continue; // `.[^2]`: the footnote still belongs to this sentence
      if (n < 0) return {};
      if (isHSpace(n) || n === 10) {
        const k = ws(s, j + 1, end);
        if (k >= end || isUpper(at(s, k, end)) || at(s, k, end) === 35) return {};
      }
    } else if (c === 10 && at(s, ws(s, j + 1, end), end) === 10) return {};
    else if ((c === 109 || c === 77) && !isLetter(at(s, j - 1, end)) && stick(motieRe, s, j, end)) return {};
  }
  return {};
}

/** The motion mention at `p` (anchor on `motie`, `moties`, `MOTIE`, `Gewijzigde`). */
export function parseMotie(s: string, p: number, end: number, ctx: ScanContext = {}): MotieMatch | null {
  let j = p;
  const gew = stick(gewijzigdRe, s, j, end);
  if (gew) j += gew[0].length;
  const word = stick(motieRe, s, j, end);
  if (!word) return null;
  const caps = word[0] === word[0].toUpperCase();
  const plural = word[0].toLowerCase() === 'moties';
  j += word[0].length;
  let mentionEnd = j;
  let names: string[] = [];
  let direct = false;
  if (at(s, j, end) === 45 || at(s, j, end) === 0x2011) {
    const sub = submitters(s, j + 1, end, false, true);
    if (sub) ({ names, end: mentionEnd } = sub);
  } else if (isHSpace(at(s, j, end)) || at(s, j, end) === 10) {
    let k = ws(s, j, end);
    const adv = stick(adverbRe, s, k, end);
    if (adv) k += adv[0].length;
    const van = stick(vanRe, s, k, end);
    if (van) {
      const sub = submitters(s, k + van[0].length, end, caps, false);
      if (sub) ({ names, end: mentionEnd } = sub);
    } else if (!adv && !caps) {
      const sub = submitters(s, k, end, false, true);
      if (sub) {
        ({ names, end: mentionEnd } = sub);
        direct = true;
      }
    }
  }
  const parts = { submitters: names.length ? names : undefined, gewijzigd: gew ? true : undefined } as CitationRef['parts'];
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
    // A bare `de motie` is only a citation when its number follows at once: `de motie (29 754, nr. 683)`.
    const k = ws(s, mentionEnd, end);
    if (at(s, k, end) !== 40) return null;
  }
  const found: ReturnType<typeof attach> = directCitation(s, mentionEnd, end) ?? attach(s, mentionEnd, end);
  if (found.paren) {
    const { match, close, tvv } = found.paren;
    const [first, ...rest] = match.refs;
    const merged = cleanParts({ ...first.parts, ...parts, replaces: tvv ? (first.id ?? undefined) : parts.replaces });
    const ref = makeRef(s, 'motie', ownId ?? first.id, p, close + 1, merged, first.form ?? 'bare');
    const others = rest.map((r) => (plural ? { ...r, kind: 'motie' as const, parts: cleanParts({ ...r.parts, submitters: parts.submitters }) } : r));
    return { start: p, end: close + 1, refs: [ref, ...others], problems: match.problems };
  }
  if (!names.length && !ownId) return null;
  if (direct && names.length === 1 && !/\s|c\.s/.test(s.slice(j, mentionEnd).trim()) && !found.footnote && isCommonWordAfterMotie(names[0])) return null;
  const ref = makeRef(s, 'motie', ownId, p, mentionEnd, cleanParts(parts), 'name');
  const out: MotieMatch = { start: p, end: mentionEnd, refs: [ref], problems: [] };
  if (!ownId) {
    if (found.footnote && names.length) out.footnote = found.footnote;
    else out.problems.push({ code: 'motie-unresolved', start: p, end: mentionEnd, args: [names.join(', ')], refs: [ref] });
  }
  return out;
}

/** Capitalised words that follow `motie` at a sentence start or in titles without being a name. */
function isCommonWordAfterMotie(name: string): boolean {
  return /^(?:Kamer|Nederland|Europa|Europese|Rijk|Staat|Staten|Regering|Kabinet|Vreemdelingen|Wet|Algemene)$/.test(name);
}
