// Suggestions of tags for a letter: commitments and conclusions from cue phrases in a sentence, measures from the
// letter's structure (numbered headings and list items under a heading about measures, and actions in their
// paragraphs). Each proposal carries a score in [0, 1] and the cues that made it; proposals never overlap each
// other nor any passage already tagged.
import {
  COMMITMENT_CUES,
  CONCLUSION_CUES,
  type Cue,
  DEADLINE_CUES,
  FOLLOW_ON,
  HEDGES,
  MEASURE_ACTION,
  MEASURE_SECTION,
  NOT_FUTURE,
  OTHERS_SPEAK,
  THIRD_PARTY_DELIVERABLE,
  WRITER_CONCLUDES,
} from './cues';
import { normalQuote, type RejectedSuggestion } from './marker';
import type { Reason } from './messages';
import type { Span } from './sentences';
import { letterUnits, type LetterUnit } from './units';

export type SuggestedTag = 'commitment' | 'measure' | 'conclusion';

export interface Proposal extends Span {
  tag: SuggestedTag;
  /** 0 … 1: how sure the cues are. */
  score: number;
  /** The cues that fired, strongest first (positive ones, then those that lowered the score). */
  reason: Reason[];
}

export interface SuggestOptions {
  /** Passages already tagged: no proposal overlaps them. */
  existing?: readonly Span[];
  /** Proposals below this score are dropped (default 0.5). */
  threshold?: number;
  /** Only these tags are proposed (default all three). */
  tags?: readonly SuggestedTag[];
  /** Suggestions the analysts rejected: the same tag on the same passage (white space aside) is not proposed again. */
  rejected?: readonly RejectedSuggestion[];
}

export const DEFAULT_THRESHOLD = 0.5;

interface Hit {
  cue: Cue;
  phrase: string;
}

function hits(text: string, cues: readonly Cue[]): Hit[] {
  const out: Hit[] = [];
  for (const cue of cues) {
    const m = cue.pattern.exec(text);
    if (m) out.push({ cue, phrase: m[0].trim() });
  }
  return out;
}

const strongest = (list: Hit[]) => list.reduce<Hit | undefined>((best, h) => (!best || h.cue.weight > best.cue.weight ? h : best), undefined);
const clamp = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * 100) / 100;
const toReason = (h: Hit): Reason => ({ key: h.cue.reason, phrase: h.phrase });

/** A commitment score: the strongest cue, a little for a second one, a deadline, minus hedges and non-promises. */
export function scoreCommitment(text: string): { score: number; reason: Reason[] } {
  // Someone else's deliverable as the subject is not the writer's promise.
  const positive = hits(text, COMMITMENT_CUES).filter((h) => h.cue.reason !== 'deliverable' || !THIRD_PARTY_DELIVERABLE.test(text));
  const best = strongest(positive);
  if (!best) return { score: 0, reason: [] };
  const others = positive.filter((h) => h !== best && h.cue.reason !== best.cue.reason);
  const deadline = strongest(hits(text, DEADLINE_CUES));
  const hedges = hits(text, HEDGES);
  // What this letter does itself (`Met deze brief stuur ik …`) is no promise, unless it names a later date.
  const notFuture = hits(text, NOT_FUTURE).filter((h) => !(deadline && h.cue.reason === 'thisLetter'));
  let score = best.cue.weight + (others.length ? 0.1 : 0) + (deadline?.cue.weight ?? 0);
  for (const h of [...hedges, ...notFuture]) score += h.cue.weight;
  return { score: clamp(score), reason: [best, ...others, ...(deadline ? [deadline] : []), ...hedges, ...notFuture].map(toReason) };
}

/** A conclusion score: a conclusion cue, lowered when someone else concludes or the sentence is a question. */
export function scoreConclusion(text: string): { score: number; reason: Reason[] } {
  const best = strongest(hits(text, CONCLUSION_CUES));
  if (!best) return { score: 0, reason: [] };
  const lower = WRITER_CONCLUDES.test(text) ? [] : hits(text, OTHERS_SPEAK);
  let score = best.cue.weight;
  for (const h of lower) score += h.cue.weight;
  return { score: clamp(score), reason: [best, ...lower].map(toReason) };
}

/** Every proposal for the letter `text` (markdown), in text order. */
export function suggestTags(text: string, options: SuggestOptions = {}): Proposal[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const wanted = new Set<SuggestedTag>(options.tags ?? ['commitment', 'measure', 'conclusion']);
  const units = letterUnits(text);
  const candidates: Proposal[] = [];
  let previousConclusion: { block: number; index: number } | undefined;
  units.forEach((unit, index) => {
    const measure = scoreMeasure(unit);
    if (measure) candidates.push({ start: unit.start, end: unit.end, tag: 'measure', ...measure });
    if (unit.kind === 'heading') return;
    const commitment = scoreCommitment(unit.text);
    if (commitment.score > 0) candidates.push({ start: unit.start, end: unit.end, tag: 'commitment', ...commitment });
    let conclusion = scoreConclusion(unit.text);
    // `Daarmee is er …` right after a conclusion in the same paragraph carries it on.
    const follow = FOLLOW_ON.exec(unit.text);
    if (!conclusion.score && follow && previousConclusion?.block === unit.block && previousConclusion.index === index - 1)
      conclusion = { score: DEFAULT_THRESHOLD, reason: [{ key: 'followOn', phrase: follow[0].trim() }] };
    if (conclusion.score > 0) candidates.push({ start: unit.start, end: unit.end, tag: 'conclusion', ...conclusion });
    if (conclusion.score >= threshold) previousConclusion = { block: unit.block, index };
  });
  const rejected = new Set((options.rejected ?? []).map((r) => `${r.tag}\u0000${normalQuote(r.quote)}`));
  const isRejected = (c: Proposal) => rejected.size > 0 && rejected.has(`${c.tag}\u0000${normalQuote(text.slice(c.start, c.end))}`);
  return choose(
    candidates.filter((c) => wanted.has(c.tag) && c.score >= threshold && !isRejected(c)),
    options.existing ?? [],
  );
}

/** A measure from structure: a numbered heading or a list item under a measures heading, or an action below one. */
function scoreMeasure(unit: LetterUnit): { score: number; reason: Reason[] } | undefined {
  const hedges = hits(unit.text, HEDGES);
  const lowered = (base: number) => clamp(hedges.reduce((s, h) => s + h.cue.weight, base));
  if (unit.kind === 'heading') {
    const section = unit.section;
    if (!unit.heading?.number || !section || !MEASURE_SECTION.test(section.text)) return undefined;
    return { score: lowered(0.75), reason: [{ key: 'measureHeading', phrase: section.text }, ...hedges.map(toReason)] };
  }
  if (unit.kind === 'item' && unit.first && unit.section && MEASURE_SECTION.test(unit.section.text))
    return { score: lowered(0.6), reason: [{ key: 'measureItem', phrase: unit.section.text }, ...hedges.map(toReason)] };
  // A sentence in the paragraphs under a numbered measure heading that states an action being taken.
  const measureHeading = unit.section?.number && unit.parentSection && MEASURE_SECTION.test(unit.parentSection.text) ? unit.section : undefined;
  if (!measureHeading) return undefined;
  const action = strongest(hits(unit.text, MEASURE_ACTION));
  if (!action) return undefined;
  return { score: lowered(0.25 + action.cue.weight), reason: [{ key: action.cue.reason, phrase: measureHeading.text }, ...hedges.map(toReason)] };
}

/** The best proposals that overlap neither each other nor an existing tag, in text order. */
function choose(candidates: Proposal[], existing: readonly Span[]): Proposal[] {
  const blocked = blockedBy(existing);
  // The chosen proposals never overlap, so sorted by start they are sorted by end too: one binary search each.
  const chosen: Proposal[] = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.start - b.start)) {
    if (blocked(c)) continue;
    const i = firstEndingAfter(chosen, c.start);
    if (i < chosen.length && chosen[i].start < c.end) continue;
    chosen.splice(i, 0, c);
  }
  return chosen;
}

/** The index of the first of `spans` (disjoint, in order) that ends after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a span overlaps one of `spans` (which may overlap each other): sorted by start, with the furthest end so far. */
function blockedBy(spans: readonly Span[]): (c: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(s.end, reach[reach.length - 1] ?? -Infinity));
  return (c) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < c.end) lo = mid + 1;
      else hi = mid;
    }
    // Among the spans that start before c ends, one reaches past c's start.
    return lo > 0 && reach[lo - 1] > c.start;
  };
}
