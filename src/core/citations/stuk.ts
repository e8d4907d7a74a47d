// `stuk nr. 13` (Handelingen) and `(EK, A)` (the Eerste Kamer site): documents of the dossier under discussion,
// written without it. The grammar gives them `parts.stuk` and id null; `resolveStukken` then gives them the dossier
// under discussion where they stand (the plain scan over the text, the markdown layer over its blocks).
import { at, digitRun, isDash, isDigit, SP, stick, ws } from './chars';
import { kamerstukId } from './ids';
import { cleanParts, makeRef, withSwappedRefs, type CitationProblem, type Match } from './match';
import { parseOnderList } from './ondernummer';
import { isVotedKind, type CitationKind, type CitationRef } from './types';

export interface Subject {
  dossier: string;
  toevoeging?: string;
}

/**
 * The dossier under discussion, as the text goes on: the last dossier cited on its own (the bill: `Wijziging van …
 * (36 067)`) or named by a heading, else the last one a kamerstuk, motion or amendment citation names. A motion of
 * another dossier cited in passing does not change the bill under discussion.
 */
export class SubjectTracker {
  private bill?: Subject;
  private passing?: Subject;

  /** `own`: the document's own dossier (its `kamerstuk:` id), the last resort. */
  constructor(private readonly own?: Subject) {}

  /** A dossier heading block (`26 643 Informatie- en communicatietechnologie`): the bill from here on. */
  heading(subject: Subject): void {
    this.bill = subject;
    this.passing = undefined;
  }

  see(r: CitationRef): void {
    const p = r.parts;
    if (!p.dossier || p.stuk || !SUBJECT_KINDS.has(r.kind)) return;
    const subject = p.toevoeging ? { dossier: p.dossier, toevoeging: p.toevoeging } : { dossier: p.dossier };
    if (r.kind === 'dossier') {
      this.bill = subject;
      this.passing = undefined;
    } else this.passing = subject;
  }

  /** The dossier for `stuk nr. N` (numeric) or `(EK, A)` (a letter); a Roman dossier only has letter documents. */
  get(letter: boolean): Subject | undefined {
    const subject = this.bill ?? this.passing ?? this.own;
    return subject && (letter || /^\d/.test(subject.dossier)) ? subject : undefined;
  }
}

const SUBJECT_KINDS: ReadonlySet<string> = new Set(['kamerstuk', 'dossier', 'motie', 'amendement']);

/** The dossier of a document's own id (`kst-36067-12` -> 36067), the last resort for its `stuk nr.` mentions. */
export function subjectOf(selfId: string | undefined): Subject | undefined {
  const m = selfId ? /^kst-(\d+)(?:-([A-Z0-9]+))?-[0-9A-Za-z]+$/.exec(selfId) : null;
  return m ? { dossier: m[1], toevoeging: m[2] } : undefined;
}

/** A stretch of the document with the dossier its heading names, if any (a markdown block; all of a plain text). */
export interface StukSegment {
  refs: readonly CitationRef[];
  subject?: Subject;
}

/**
 * Gives every `stuk nr.` (`parts.stuk`, id null) the dossier under discussion where it stands, then a `stuk nr.` of a
 * document the text names as a motion or amendment elsewhere that kind. `refs` is the segments' refs one after the
 * other (replaced in place); returns the problems without the resolved `stuk-unresolved`, others pointing at the
 * new refs.
 */
export function resolveStukken(segments: readonly StukSegment[], refs: CitationRef[], problems: CitationProblem[], own?: Subject): CitationProblem[] {
  if (!refs.some((r) => r.parts.stuk)) return problems;
  const tracker = new SubjectTracker(own);
  const done = new Map<CitationRef, CitationRef>();
  const voted = new Map<string, CitationRef['kind']>();
  let k = 0;
  for (const segment of segments) {
    if (segment.subject) tracker.heading(segment.subject);
    for (let n = 0; n < segment.refs.length; n++, k++) {
      const r = refs[k];
      const stuk = r.parts.stuk;
      if (stuk && r.id === null) {
        const subject = tracker.get(!/^\d/.test(stuk));
        if (!subject) continue;
        const parts = cleanParts({ ...r.parts, dossier: subject.dossier, toevoeging: subject.toevoeging, ondernummer: stuk });
        refs[k] = { ...r, id: kamerstukId(subject.dossier, subject.toevoeging, stuk), parts };
        done.set(r, refs[k]);
      } else tracker.see(r);
      if (refs[k].id && isVotedKind(refs[k].kind)) voted.set(refs[k].id!, refs[k].kind);
    }
  }
  for (let n = 0; n < refs.length; n++) {
    const kind = refs[n].kind === 'kamerstuk' && refs[n].parts.stuk && refs[n].id ? voted.get(refs[n].id!) : undefined;
    if (!kind) continue;
    const before = refs[n];
    refs[n] = { ...before, kind };
    for (const [from, to] of done) if (to === before) done.set(from, refs[n]);
    done.set(before, refs[n]);
  }
  if (!done.size) return problems;
  return withSwappedRefs(
    problems.filter((p) => !(p.code === 'stuk-unresolved' && p.refs.every((r) => done.get(r)?.id))),
    done,
  );
}

// `stuk nr. 13`, `stukken nrs. 8 en 13`, `stuknr. 13`.
const stukNrRe = new RegExp(`(?:[Ss]tukken|[Ss]tuk)${SP}*(?:nrs?\\.?|nummers?)${SP}*|[Ss]tuknrs?\\.?${SP}*`, 'y');
// `EK, A` inside parentheses: Eerste Kamer document A of the dossier under discussion.
const ekRe = new RegExp(`EK,?${SP}*`, 'y');

/**
 * `stuk nr. 13`, `stukken nrs. 8 en 13` (and with `inParens`, `EK, A`): documents of the dossier under discussion,
 * with `parts.stuk` and id null until `resolveStukken` knows the text around them.
 */
export function stukNr(s: string, k: number, end: number, kind: CitationKind = 'kamerstuk', inParens = false): Match | null {
  const ek = inParens ? stick(ekRe, s, k, end) : null;
  const m = ek ?? stick(stukNrRe, s, k, end);
  if (!m) return null;
  const at0 = ws(s, k + m[0].length, end);
  // `stuknr. 2024-123` is a registration number, not a document of the dossier.
  const digits = at0 + digitRun(s, at0, end);
  if (isDash(at(s, digits, end)) && isDigit(at(s, digits + 1, end))) return null;
  const list = parseOnderList(s, at0, end, /nrs|nummers|stukken/i.test(m[0]), ek !== null, k);
  if (!list || (ek && list.items.some((it) => !it.letter))) return null;
  const group = { start: k, end: list.end };
  const refs = list.items.map((it, n) => makeRef(s, kind, null, n === 0 ? k : it.start, it.end, cleanParts({ page: it.page, stuk: it.value }), 'bare', group));
  // Resolved (and this hint dropped) by `resolveStukken` once the text around it is known.
  const problems: CitationProblem[] = list.problems.map((pr) => ({ ...pr, refs }));
  problems.push({ code: 'stuk-unresolved', start: k, end: list.end, args: [s.slice(k, list.end)], refs });
  return { start: k, end: list.end, refs, problems };
}

const stukBefore = /(?:^|[^\p{L}])(motie|moties|amendement|amendementen)\s+op\s+(?:de\s+)?$/iu;
const stukAfter = new RegExp(`^,?${SP}*(?:[IVX]{1,4}${SP}+)?voorkomende${SP}+(?:gewijzigde?${SP}+)?(motie|amendement)`, 'i');

/**
 * `stuk nr. 13` in prose at `p`: `het amendement op stuk nr. 13`, `de amendementen op de stukken nrs. 8 en 13`, `het
 * andere op stuk nr. 10 voorkomende amendement`. The words around it say whether it is a motion or an amendment.
 */
export function parseStukMention(s: string, p: number, end: number): Match | null {
  const m = stukNr(s, p, end);
  if (!m) return null;
  const before = stukBefore.exec(s.slice(Math.max(0, p - 24), p));
  const after = stukAfter.exec(s.slice(m.end, Math.min(end, m.end + 48)));
  const word = (before?.[1] ?? after?.[1])?.toLowerCase();
  const kind: CitationKind = word?.startsWith('motie') ? 'motie' : word?.startsWith('amendement') ? 'amendement' : 'kamerstuk';
  for (const r of m.refs) r.kind = kind;
  return m;
}

/** `Dit verslag (EK, A)`: an Eerste Kamer document of the dossier under discussion, alone in parentheses at `p`. */
export function parenEkStuk(s: string, p: number, end: number): Match | null {
  if (p === 0 || s.charCodeAt(p - 1) !== 40 || s.charCodeAt(p) !== 69 /* E */) return null;
  const m = stukNr(s, p, end, 'kamerstuk', true);
  return m && s.charCodeAt(m.end) === 41 ? m : null;
}
