// Precision and recall of proposals against hand tags, per tag. A proposal matches a hand tag of the same tag when
// they overlap by at least half of the shorter of the two; each hand tag is matched at most once.
import type { Span } from './sentences';

export interface TaggedSpan extends Span {
  tag: string;
}

export interface TagScore {
  tag: string;
  proposed: number;
  expected: number;
  matched: number;
  precision: number;
  recall: number;
}

export function overlapMatches(a: Span, b: Span): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

/** Counts per tag; precision (recall) is 1 when nothing was proposed (expected), so empty cases do not count against. */
export function evaluate(proposals: readonly TaggedSpan[], expected: readonly TaggedSpan[], tags: readonly string[]): TagScore[] {
  return tags.map((tag) => {
    const p = proposals.filter((x) => x.tag === tag);
    const e = expected.filter((x) => x.tag === tag);
    const used = new Set<number>();
    let matched = 0;
    for (const x of p) {
      const i = e.findIndex((y, k) => !used.has(k) && overlapMatches(x, y));
      if (i >= 0) {
        used.add(i);
        matched++;
      }
    }
    return { tag, proposed: p.length, expected: e.length, matched, precision: p.length ? matched / p.length : 1, recall: e.length ? matched / e.length : 1 };
  });
}

/** Sums the counts of several letters' scores (micro average). */
export function combine(scores: readonly TagScore[][]): TagScore[] {
  const byTag = new Map<string, TagScore>();
  for (const s of scores.flat()) {
    const t = byTag.get(s.tag) ?? { tag: s.tag, proposed: 0, expected: 0, matched: 0, precision: 1, recall: 1 };
    t.proposed += s.proposed;
    t.expected += s.expected;
    t.matched += s.matched;
    t.precision = t.proposed ? t.matched / t.proposed : 1;
    t.recall = t.expected ? t.matched / t.expected : 1;
    byTag.set(s.tag, t);
  }
  return [...byTag.values()];
}
