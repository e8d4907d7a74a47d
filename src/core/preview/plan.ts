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

/**
 * Items of `sorted` (by start) that overlap [start, end), found by a sweep over rising starts. Tokens can come out
 * of document order (a footnote plugin moves its definitions to the end): when a start goes backwards, the sweep
 * starts again from the first item.
 */
class Sweep<T extends { start: number; end: number }> {
  private next = 0;
  private active: T[] = [];
  private lastStart = -1;
  constructor(private readonly sorted: readonly T[]) {}

  overlapping(start: number, end: number): T[] {
    if (start < this.lastStart) {
      this.next = 0;
      this.active = [];
    }
    this.lastStart = start;
    while (this.next < this.sorted.length && this.sorted[this.next].start < end) this.active.push(this.sorted[this.next++]);
    this.active = this.active.filter((x) => x.end > start);
    return this.active.filter((x) => x.start < end);
  }
}

export interface PlannedSegments {
  segments: Map<Token, Segment[]>;
  /** Placed passages no piece of rendered text covers (in a table a plugin rewrote, code, an HTML block…). */
  unshown: Passage[];
}

/** Raw HTML that opens or closes an element in which a citation is not linked: a link, code, preformatted text. */
const NO_LINK_ELEMENT = /^<(\/?)(a|code|pre)(?=[\s/>])[^>]*?(\/?)>/i;

/** How deep the text is inside a link or code, markdown's (`link_open`) or raw HTML's (`<a href>`, `<code>`, `<pre>`). */
class NoLinkDepth {
  private readonly open = new Map<string, number>();
  private links = 0;

  visit(token: Token): void {
    if (token.type === 'link_open') this.links++;
    else if (token.type === 'link_close') this.links = Math.max(0, this.links - 1);
    else if (token.type === 'html_inline') {
      const m = NO_LINK_ELEMENT.exec(token.content);
      if (!m || m[3]) return;
      const name = m[2].toLowerCase();
      this.open.set(name, Math.max(0, (this.open.get(name) ?? 0) + (m[1] ? -1 : 1)));
    }
  }

  get inside(): boolean {
    return this.links > 0 || [...this.open.values()].some((n) => n > 0);
  }
}

export function planSegments(
  tokens: readonly Token[],
  spans: WeakMap<Token, SourceSpan>,
  citations: readonly CitationTarget[],
  passages: readonly Passage[],
): PlannedSegments {
  const plan = new Map<Token, Segment[]>();
  if (!citations.length && !passages.length) return { segments: plan, unshown: [] };
  const citationSweep = new Sweep(citations);
  const passageSweep = new Sweep(passages);
  const firstSeen = new Map<Passage, Segment>();
  const lastSeen = new Map<Passage, Segment>();
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const depth = new NoLinkDepth();
    for (const token of block.children) {
      depth.visit(token);
      const span = token.type === 'text' ? spans.get(token) : undefined;
      // Text another plugin rewrote after the source was mapped: its offsets no longer fit (unmarked, not misplaced).
      if (!span || span.end <= span.start || span.content !== token.content) continue;
      const cites = depth.inside ? [] : citationSweep.overlapping(span.start, span.end);
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
  return { segments: plan, unshown: passages.filter((p) => !firstSeen.has(p)) };
}
