// The scan loop: one global regular expression finds the few places where a citation can start (a label word, an
// id prefix, a URL, a digit after a non-alphanumeric character); the grammar runs only there, and each attempt
// reads a bounded amount of text unless it succeeds and consumes what it read. The whole scan is linear.
import { digitRun, isAlnum, isDigit, isHSpace } from './chars';
import { parseGazette, parseHandelingen, parseSittingInParens } from './handelingen';
import { parseIdentifier, parseTkNumber } from './identifiers';
import { parseBareKamerstuk, parseBareRoman, parseLabelledKamerstuk, parseNrDossier } from './kamerstuk';
import type { CitationProblem, Match, ScanContext } from './match';
import { parseContinuation, parseMotie, type MentionContext, type MotieMatch } from './motie';
import { parseToezegging } from './toezegging';
import { parenEkStuk, parseStukMention, resolveStukken, subjectOf } from './stuk';
import type { CitationRef } from './types';
import { parseUrl } from './urls';

export interface PendingFootnote {
  ref: CitationRef;
  label: string;
}

export interface ScanOutput {
  refs: CitationRef[];
  problems: CitationProblem[];
  /** Name-only motions followed in their sentence by a footnote reference (resolved by the markdown layer). */
  pending: PendingFootnote[];
}

// Where a citation can start: a 5-digit dossier, a TK number, a spaced dossier (`29 754`), `nr`, an id prefix, a
// URL, a Roman Eerste Kamer dossier (`CXXIV,`), a toezegging number (`TZ202504-057`, `T01237`, `TO3357`), or a label word. Specific
// digit patterns keep the engine from stopping at every number; no lookbehind and no `u` flag, which would make it test every position. The left boundary is checked in code.
const anchorRe =
  /\d(?:\d{4}|\d{3}[DZ]\d|\d[ .\u00A0\u202F\u2009\u2007]\d{3}|\d\r?\n[ \t>]{0,8}\d{3})|C[CLXVI]{1,8}[ \t]?,|TZ\d{6}|T[\dO]\d{4}|[Ll]etter[ \t]|[Nn][Rr]|NR|[Kk][Ss][Tt]|[Aa]?[Hh]-|[hwWzKkPBbAaHSsMmGgTEdD](?:ttps?:\/\/|anhangsel|ww\.|etsvoorstel|ossier|oek\.officielebekendmakingen|amerstuk|AMERSTUK|arl\.|ijl|IJLAGE|ijlage|andelingen|ANDELINGEN|and\.|anh|ANH|tb|TB|tcrt|TCRT|taatsblad|taatscourant|tuk|otie|OTIE|mendement|MENDEMENT|ewijzigd|EWIJZIGD|K|\.K\.|weede|erste)/g;

export function emptyOutput(): ScanOutput {
  return { refs: [], problems: [], pending: [] };
}

function tryAt(s: string, p: number, end: number, segStart: number, ctx: ScanContext): { end: number; match: Match | null } | null {
  const c = s.charCodeAt(p);
  if (c >= 48 && c <= 57) {
    const tk = parseTkNumber(s, p, end);
    if (tk) return { end: tk.end, match: { start: p, end: tk.end, refs: [tk], problems: [] } };
    const m = parseBareKamerstuk(s, p, end, segStart);
    return m ? { end: m.end, match: m } : null;
  }
  if (c === 0x54 /* T */) {
    const tz = parseToezegging(s, p, end);
    if (tz) return { end: tz.end, match: { start: p, end: tz.end, refs: [tz], problems: [] } };
  }
  const url = parseUrl(s, p, end);
  if (url) return { end: url.end, match: url.ref ? { start: p, end: url.end, refs: [url.ref], problems: [] } : null };
  const lower = c | 0x20;
  // Ids: kst-…, h-tk-…, ah-tk-…, stb-…, stcrt-…
  if (dashWithin(s, p, Math.min(end, p + 6))) {
    const ref = parseIdentifier(s, p, end);
    if (ref) return { end: ref.end, match: { start: p, end: ref.end, refs: [ref], problems: [] } };
  }
  let m: Match | null;
  if (c === 0x43 /* C */) m = parseBareRoman(s, p, end);
  else if (lower === 0x6c /* l */)
    m = null; // `letter U`: only as a continuation (see scanSegment)
  else if (lower === 0x6d /* m */ || lower === 0x67 /* g */) m = parseMotie(s, p, end, ctx);
  else if (lower === 0x6e /* n */) m = parseNrDossier(s, p, end) ?? parseSittingInParens(s, p, end, segStart);
  else if (lower === 0x68 /* h */) m = parseHandelingen(s, p, end);
  else if (lower === 0x61 /* a */) m = parseHandelingen(s, p, end) ?? parseMotie(s, p, end, ctx);
  else if (lower === 0x73 /* s */) m = parseGazette(s, p, end) ?? parseStukMention(s, p, end);
  else m = parseLabelledKamerstuk(s, p, end) ?? parenEkStuk(s, p, end);
  return m ? { end: m.end, match: m } : null;
}

function dashWithin(s: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (s.charCodeAt(i) === 45) return true;
  return false;
}

// The longest text one anchor match can span (`boek.officielebekendmakingen` is 28), with room to spare. The anchor
// search reads the segment and this much after it, so an anchor that starts inside the segment and runs past its
// end is found as before, and a segment costs its own length however far the next anchor of the document is.
const ANCHOR_REACH = 64;

/** Characters the anchor search has passed over since the module loaded: a test hook for the cost of a scan. */
export const anchorSearch = { examined: 0 };

/** Scans s[from, to) and appends what it finds to `out`. */
export function scanSegment(s: string, from: number, to: number, ctx: ScanContext, out: ScanOutput): void {
  if (to <= from) return;
  const re = anchorRe;
  // Anchors are searched in `view`, which starts at `from`; offsets into `s` are `base` + offsets into `view`.
  const base = from;
  const stop = Math.min(s.length, to + ANCHOR_REACH);
  const view = base === 0 && stop === s.length ? s : s.slice(base, stop);
  const next = (at: number): number => {
    if (at >= to) return -1;
    re.lastIndex = at - base;
    const a = re.exec(view);
    anchorSearch.examined += (a ? a.index + a[0].length : view.length) - (at - base);
    return a ? a.index + base : -1;
  };
  let currentYear: number | undefined;
  let mention: MentionContext | undefined;
  let lastMention: CitationRef | undefined;
  let at = from;
  for (let p = next(at); p >= 0 && p < to; p = next(at)) {
    const digit = isDigit(s.charCodeAt(p));
    if (p > from && isAlnum(s.charCodeAt(p - 1))) {
      at = digit ? p + digitRun(s, p, to) : p + 1;
      continue;
    }
    if (mention && (p >= mention.until || (!mention.plural && clauseBreak(s, mention.from, p)))) mention = lastMention = undefined;
    if (mention && lastMention && mention.plural && introduced(s, p, from)) {
      // `…, en over mediation, letter U`: a further motion of the dossier cited last.
      const more = parseContinuation(s, p, to, mention.kind, lastMention);
      if (more) {
        out.refs.push(more);
        lastMention = more;
        at = more.end;
        continue;
      }
    }
    const r = tryAt(s, p, to, from, ctx);
    if (!r || r.end <= p) {
      at = digit ? p + digitRun(s, p, to) : p + 1;
      continue;
    }
    at = r.end;
    if (!r.match) continue;
    const context = (r.match as MotieMatch).context;
    if (context) {
      mention = { ...context, from: r.match.end };
      lastMention = undefined;
    } else if (mention && applyMention(s, from, out, r.match, mention)) {
      lastMention = r.match.refs[r.match.refs.length - 1];
      if (!mention.plural) mention = lastMention = undefined;
    }
    if (mergeParenMotion(s, out, r.match)) {
      mention = lastMention = undefined; // the name-only motion found its number: it names nothing further
      continue;
    }
    for (const ref of r.match.refs) out.refs.push(ref);
    for (const pr of r.match.problems) out.problems.push(pr);
    if (r.match.vergaderjaren) {
      currentYear ??= currentVergaderjaar(ctx.now ?? new Date());
      for (const vj of r.match.vergaderjaren) {
        if (vj.years[vj.years.length - 1][0] > currentYear) {
          out.problems.push({ code: 'future-vergaderjaar', start: vj.start, end: vj.end, args: [s.slice(vj.start, vj.end)], refs: r.match.refs });
        }
      }
    }
    const fn = (r.match as MotieMatch).footnote;
    if (fn) out.pending.push({ ref: r.match.refs[0], label: fn });
  }
}

/** The text before `p` ends in `,`, `:`, `;` or `(` (with spaces): a citation set off from the words before it. */
function introduced(s: string, p: number, from: number): boolean {
  let k = p - 1;
  while (k >= from && (isHSpace(s.charCodeAt(k)) || s.charCodeAt(k) === 10)) k--;
  const c = k >= from ? s.charCodeAt(k) : -1;
  return c === 44 || c === 58 || c === 59 || c === 40;
}

const SET_OFF_FORMS: ReadonlySet<string> = new Set(['bare', 'compact', 'id']);

/**
 * In the sentence of a mention without its own number (`de moties van het lid X over …, 35925-VI, letter T`, `de
 * door hen ingediende moties … aan te houden: 29911-226; 29911-227`), a bare, compact or id citation set off by
 * punctuation names the motions. They take the mention's kind and submitters, and replace its name-only references.
 */
function applyMention(s: string, from: number, out: ScanOutput, m: Match, mention: MentionContext): boolean {
  const first = m.refs[0];
  if (!first || first.kind !== 'kamerstuk' || !SET_OFF_FORMS.has(first.form!) || !introduced(s, first.start, from)) return false;
  const refs = mention.plural ? m.refs : [first];
  for (const ref of refs) {
    ref.kind = mention.kind;
    if (mention.submitters?.length) ref.parts = { ...ref.parts, submitters: mention.submitters };
  }
  if (mention.nameRefs.length) {
    // In place: a markdown block holds these very arrays.
    const gone = new Set(mention.nameRefs);
    removeRecent(out.refs, (r) => gone.has(r), gone.size);
    removeRecent(out.problems, (pr) => pr.refs.some((r) => gone.has(r)), gone.size);
    mention.nameRefs = [];
  }
  return true;
}

/**
 * Removes the `count` items that `drop` picks, looking back from the end only as far as they go: they were added in
 * the current sentence, so the cost stays bounded however long the document.
 */
function removeRecent<T>(list: T[], drop: (x: T) => boolean, count: number): void {
  let found = 0;
  let k = list.length - 1;
  for (; k >= 0 && found < count; k--) if (drop(list[k])) found++;
  let w = k + 1;
  for (let r = k + 1; r < list.length; r++) if (!drop(list[r])) list[w++] = list[r];
  list.length = w;
}

/** A `;` or `:` between the mention and `p`: a singular mention names nothing past its clause. */
function clauseBreak(s: string, from: number | undefined, p: number): boolean {
  if (from === undefined) return false;
  for (let k = from; k < p; k++) {
    const c = s.charCodeAt(k);
    if (c === 59 || c === 58) return true;
  }
  return false;
}

/** First year of the vergaderjaar running at `now` (a vergaderjaar starts in September). */
function currentVergaderjaar(now: Date): number {
  return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
}

/**
 * `Kamerstukken II 2021/22, 35 788, nr. 78 (motie Van der Plas)`: a name-only motion in parentheses right after a
 * kamerstuk names that kamerstuk. The kamerstuk becomes the motion (one reference), spanning both.
 */
function mergeParenMotion(s: string, out: ScanOutput, m: Match): boolean {
  const motie = m.refs[0];
  if (m.refs.length !== 1 || motie.kind !== 'motie' || motie.id !== null) return false;
  const prev = out.refs[out.refs.length - 1];
  if (!prev || prev.kind !== 'kamerstuk' || !/^\s*\($/.test(s.slice(prev.end, motie.start))) return false;
  const close = /^\s*\)/.exec(s.slice(motie.end, motie.end + 4));
  const end = close ? motie.end + close[0].length : motie.end;
  const merged: CitationRef = { ...prev, kind: 'motie', end, text: s.slice(prev.start, end), parts: { ...prev.parts, submitters: motie.parts.submitters } };
  if (prev.group) merged.group = { start: prev.group.start, end: Math.max(prev.group.end, end) };
  out.refs[out.refs.length - 1] = merged;
  // Only problems of the same citation point at it: the recent ones.
  for (let k = out.problems.length - 1; k >= 0 && out.problems[k].end > prev.start - 1; k--) {
    const pr = out.problems[k];
    pr.refs = pr.refs.map((r) => (r === prev ? merged : r));
  }
  return true;
}

/** Scans a plain string (no markdown): every citation in it, in order, `stuk nr.` resolved in the text. */
export function scanPlain(text: string, ctx: ScanContext = {}): ScanOutput {
  const out = emptyOutput();
  scanSegment(text, 0, text.length, ctx, out);
  out.problems = resolveStukken([{ refs: out.refs }], out.refs, out.problems, subjectOf(ctx.selfId));
  return out;
}
