// What the reading view adds to one render: for each text token that holds part of a citation or a tagged
// passage, the pieces it is cut into and what covers each piece. Tokens are visited in document order; a passage
// that crosses emphasis, a link or a footnote reference is cut at each token and marked piece by piece.
import type { Token } from 'markdown-it';
import type { CitationRef } from '../citations/types';
import type { Passage } from './passages';
import type { SourceSpan } from './source-map';

export interface CitationTarget {
  id: string;
  /** The workspace letter or the official publication; absent when neither is known (a TK number). */
  href?: string;
  title?: string;
  start: number;
  end: number;
}

export interface Segment {
  /** Content indices of the text token. */
  from: number;
  to: number;
  /** Absent inside a link of the text itself (no link in a link). */
  citation?: CitationTarget;
  /** Outer first. */
  marks: Passage[];
  /** Passages that begin in this piece: their label goes before their mark. */
  first: Passage[];
  /** Passages that end in this piece: their note reference goes after it. */
  last: Passage[];
}

/** Citations that the reading view links: those with an id, except URLs and markdown links (already links). */
export function linkableCitations(refs: readonly CitationRef[]): CitationRef[] {
  return refs.filter((r) => r.id && r.form !== 'url' && r.form !== 'link' && r.end > r.start).sort((a, b) => a.start - b.start);
}

/** Items of `sorted` (by start) that overlap [start, end), found by a sweep that expects rising starts. */
class Sweep<T extends { start: number; end: number }> {
  private next = 0;
  private active: T[] = [];
  private lastStart = -1;
  constructor(private readonly sorted: readonly T[]) {}

  overlapping(start: number, end: number): T[] {
    if (start < this.lastStart) {
      this.lastStart = start;
      return this.sorted.filter((x) => x.start < end && x.end > start);
    }
    this.lastStart = start;
    while (this.next < this.sorted.length && this.sorted[this.next].start < end) this.active.push(this.sorted[this.next++]);
    this.active = this.active.filter((x) => x.end > start);
    return this.active.filter((x) => x.start < end);
  }
}

export function planSegments(
  tokens: readonly Token[],
  spans: WeakMap<Token, SourceSpan>,
  citations: readonly CitationTarget[],
  passages: readonly Passage[],
): Map<Token, Segment[]> {
  const plan = new Map<Token, Segment[]>();
  if (!citations.length && !passages.length) return plan;
  const citationSweep = new Sweep(citations);
  const passageSweep = new Sweep(passages);
  const firstSeen = new Map<Passage, Segment>();
  const lastSeen = new Map<Passage, Segment>();
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') linkDepth++;
      else if (token.type === 'link_close') linkDepth = Math.max(0, linkDepth - 1);
      const span = token.type === 'text' ? spans.get(token) : undefined;
      if (!span || span.end <= span.start) continue;
      const cites = linkDepth ? [] : citationSweep.overlapping(span.start, span.end);
      const marks = passageSweep.overlapping(span.start, span.end);
      if (!cites.length && !marks.length) continue;
      const cuts = new Set([0, token.content.length]);
      for (const x of [...cites, ...marks]) {
        if (x.start > span.start) cuts.add(span.indexOf(x.start));
        if (x.end < span.end) cuts.add(span.indexOf(x.end));
      }
      const points = [...cuts].sort((a, b) => a - b);
      const segments: Segment[] = [];
      for (let k = 0; k + 1 < points.length; k++) {
        const from = points[k];
        const to = points[k + 1];
        if (to <= from) continue;
        const s = span.at(from);
        const e = span.at(to);
        const segment: Segment = {
          from,
          to,
          citation: cites.find((c) => c.start <= s && c.end >= e),
          marks: marks.filter((p) => p.start <= s && p.end >= e),
          first: [],
          last: [],
        };
        for (const p of segment.marks) {
          if (!firstSeen.has(p)) firstSeen.set(p, segment);
          lastSeen.set(p, segment);
        }
        segments.push(segment);
      }
      plan.set(token, segments);
    }
  }
  for (const [p, s] of firstSeen) s.first.push(p);
  for (const [p, s] of lastSeen) s.last.push(p);
  return plan;
}
