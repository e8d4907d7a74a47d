// Internal result types of the grammar: a match is one citation expression with the references it names and
// the problems found in it (turned into diagnostics by diagnostics.ts).
import type { CitationForm, CitationKind, CitationParts, CitationRef } from './types';
import type { Vergaderjaar } from './vergaderjaar';

export type ProblemCode =
  | 'missing-ondernummer'
  | 'missing-dossier'
  | 'invalid-vergaderjaar'
  | 'letter-ondernummer-tweede-kamer'
  | 'dossier-only'
  | 'reversed-range'
  | 'large-range'
  | 'handelingen-without-item'
  | 'motie-unresolved'
  | 'amendement-unresolved'
  | 'stuk-unresolved'
  | 'future-vergaderjaar';

export interface CitationProblem {
  code: ProblemCode;
  start: number;
  end: number;
  /** Values for the message template's placeholders. */
  args: string[];
  /** The references of the citation the problem is in (used to offer rewrites). */
  refs: CitationRef[];
  /** Span of a part to repair in place (e.g. the vergaderjaar), with the other repairs it may need. */
  part?: { start: number; end: number; replacement: string; alternatives?: string[] };
}

export interface Match {
  start: number;
  end: number;
  refs: CitationRef[];
  problems: CitationProblem[];
  /** Vergaderjaren written in the citation, checked against `ScanContext.now` by the scanner. */
  vergaderjaren?: Vergaderjaar[];
}

/** Context of the scanned document. */
export interface ScanContext {
  /** The document's own canonical id (front matter `kamerstuk:`), for `ter vervanging van … nr. 32`. */
  selfId?: string;
  /** The current date, for the `future-vergaderjaar` warning; default: the date of the scan. */
  now?: Date;
}

export function makeRef(
  s: string,
  kind: CitationKind,
  id: string | null,
  start: number,
  end: number,
  parts: CitationParts,
  form: CitationForm,
  group?: { start: number; end: number },
): CitationRef {
  const ref: CitationRef = { kind, id, start, end, text: s.slice(start, end), parts, form };
  if (group && (group.start !== start || group.end !== end)) ref.group = { start: group.start, end: group.end };
  return ref;
}

/** The problems with the references that `swap` replaces swapped in (a problem without any stays the same object). */
export function withSwappedRefs(problems: CitationProblem[], swap: ReadonlyMap<CitationRef, CitationRef>): CitationProblem[] {
  return problems.map((p) => (p.refs.some((r) => swap.has(r)) ? { ...p, refs: p.refs.map((r) => swap.get(r) ?? r) } : p));
}

/** Drops undefined fields so parts print and compare cleanly. */
export function cleanParts(parts: CitationParts): CitationParts {
  const out: Record<string, unknown> = {};
  const src = parts as Record<string, unknown>;
  for (const k in src) {
    const v = src[k];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  }
  return out as CitationParts;
}
