// `stuk nr. 13` (Handelingen) and `(EK, A)` (the Eerste Kamer site): documents of the dossier under discussion,
// written without it. Their id comes from the dossier the text cited last (or the document's own); while that is
// unknown they carry `parts.stuk` and id null, and the markdown layer resolves them across blocks.
import { SP, stick } from './chars';
import { kamerstukId } from './ids';
import { cleanParts, makeRef, type Match } from './match';
import { parseOnderList } from './ondernummer';
import type { CitationKind, CitationRef } from './types';

/** What the scan knows around a mention: the dossier under discussion (for `stuk nr. 13`). */
export interface MentionState {
  /** The document's own dossier (from its id). */
  subject?: { dossier: string; toevoeging?: string };
  /** The references found so far: the last one with a dossier (not a Handelingen) is the one under discussion. */
  refs?: readonly CitationRef[];
}

const SUBJECT_KINDS: ReadonlySet<string> = new Set(['kamerstuk', 'dossier', 'motie', 'amendement']);

/** The dossier a reference makes the one under discussion (a kamerstuk, dossier, motion or amendment), or undefined. */
export function subjectOfRef(r: CitationRef): MentionState['subject'] {
  return r.parts.dossier && SUBJECT_KINDS.has(r.kind) ? { dossier: r.parts.dossier, toevoeging: r.parts.toevoeging } : undefined;
}

/** The dossier under discussion: of the last kamerstuk, dossier, motion or amendment cited (read back only when a `stuk nr.` needs it). */
function subjectNow(state: MentionState): MentionState['subject'] {
  const refs = state.refs ?? [];
  for (let k = refs.length - 1; k >= 0; k--) {
    const subject = subjectOfRef(refs[k]);
    if (subject) return subject;
  }
  return state.subject;
}

// `stuk nr. 13`, `stukken nrs. 8 en 13`, `stuknr. 13`.
const stukNrRe = new RegExp(`(?:[Ss]tukken|[Ss]tuk)${SP}*(?:nrs?\\.?|nummers?)${SP}*|[Ss]tuknrs?\\.?${SP}*`, 'y');
// `EK, A` inside parentheses: Eerste Kamer document A of the dossier under discussion.
const ekRe = new RegExp(`EK,?${SP}*`, 'y');

/**
 * `stuk nr. 13`, `stukken nrs. 8 en 13`: documents of the dossier under discussion, with their id when the scan
 * knows that dossier (else `parts.stuk` and id null, for the markdown layer to resolve).
 */
export function stukNr(s: string, k: number, end: number, state: MentionState, kind: CitationKind = 'kamerstuk', inParens = false): Match | null {
  const ek = inParens ? stick(ekRe, s, k, end) : null;
  const m = ek ?? stick(stukNrRe, s, k, end);
  if (!m) return null;
  const list = parseOnderList(s, k + m[0].length, end, /nrs|nummers|stukken/i.test(m[0]), ek !== null, k);
  if (list && ek && list.items.some((it) => !it.letter)) return null;
  if (!list) return null;
  const subject = subjectNow(state);
  const group = { start: k, end: list.end };
  const refs = list.items.map((it, n) => {
    const parts = cleanParts({ dossier: subject?.dossier, toevoeging: subject?.toevoeging, ondernummer: it.value, page: it.page, stuk: it.value });
    const id = subject ? kamerstukId(subject.dossier, subject.toevoeging, it.value) : null;
    return makeRef(s, kind, id, n === 0 ? k : it.start, it.end, parts, 'bare', group);
  });
  const problems = subject ? [] : [{ code: 'stuk-unresolved' as const, start: k, end: list.end, args: [s.slice(k, list.end)], refs }];
  return { start: k, end: list.end, refs, problems };
}

const stukBefore = /(?:^|[^\p{L}])(motie|moties|amendement|amendementen)\s+op\s+(?:de\s+)?$/iu;
const stukAfter = new RegExp(`^,?${SP}*(?:[IVX]{1,4}${SP}+)?voorkomende${SP}+(?:gewijzigde?${SP}+)?(motie|amendement)`, 'i');

/**
 * `stuk nr. 13` in prose at `p`: `het amendement op stuk nr. 13`, `de amendementen op de stukken nrs. 8 en 13`, `het
 * andere op stuk nr. 10 voorkomende amendement`. The words around it say whether it is a motion or an amendment.
 */
export function parseStukMention(s: string, p: number, end: number, state: MentionState): Match | null {
  const m = stukNr(s, p, end, state);
  if (!m) return null;
  const before = stukBefore.exec(s.slice(Math.max(0, p - 24), p));
  const after = stukAfter.exec(s.slice(m.end, Math.min(end, m.end + 48)));
  const word = (before?.[1] ?? after?.[1])?.toLowerCase();
  const kind: CitationKind = word?.startsWith('motie') ? 'motie' : word?.startsWith('amendement') ? 'amendement' : 'kamerstuk';
  for (const r of m.refs) r.kind = kind;
  return m;
}

/** `Dit verslag (EK, A)`: an Eerste Kamer document of the dossier under discussion, alone in parentheses at `p`. */
export function parenEkStuk(s: string, p: number, end: number, state: MentionState): Match | null {
  if (p === 0 || s.charCodeAt(p - 1) !== 40 || s.charCodeAt(p) !== 69 /* E */) return null;
  const m = stukNr(s, p, end, state, 'kamerstuk', true);
  return m && s.charCodeAt(m.end) === 41 ? m : null;
}
