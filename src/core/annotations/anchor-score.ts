// Scoring an anchoring candidate on quote, context and position together.
//
// Evidence is counted in characters of the stored selector that are found again at the candidate:
//   prefix:  |prefix| · agreement,  suffix: |suffix| · agreement,
//   quote:   m for an exact quote; m − 2·errors for an approximate one (an edit costs the character and as much
//            again, so a near-miss never equals a hit), and then only as far as the context vouches for it:
//            × min(1, 2 · the better side's agreement).
// Agreement rescales context similarity (1 − edit distance / length) so that chance counts as none: unrelated
// 32-character contexts of Dutch letters reach similarity 0.16 (median), 0.34 (99th percentile), 0.53 (99.9th),
// so similarity ≤ CONTEXT_CHANCE counts 0 and 0.75 (8 edits in 32) counts ½.
// The evidence share E/N (N = m + |prefix| + |suffix|) is 1 for the untouched passage. Consequences:
// - an exact quote without agreeing context is trusted only when it is at least as long as the context it lost
//   (E/N ≥ ½ needs m ≥ |prefix| + |suffix|): a phrase elsewhere with the wrong context stays below;
// - an edited quote is accepted only where at least one side of its context is still (mostly) there: a similar
//   sentence elsewhere (a heading repeating a deleted paragraph) never inherits the annotation.
// Position (distance from the hint relative to the letter's length) only breaks near-ties.

import { editDistance } from './approximate-search';

export const CONTEXT_CHANCE = 0.5;
export const POSITION_WEIGHT = 0.02;
/** Candidates scoring below this are not anchors: the annotation is orphaned. */
export const ORPHAN_THRESHOLD = 0.5;
/** The largest share of the quote that may differ in a fuzzy match (bounded edit distance). */
export const MAX_ERROR_RATE = 0.25;

export interface ScoredSelector {
  /** Quote, prefix and suffix with whitespace runs collapsed. */
  quote: string;
  prefix: string;
  suffix: string;
  /** The stored start offset (hint), in original offsets. */
  hint: number;
}

export function maxErrorsFor(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength * MAX_ERROR_RATE));
}

export function contextAgreement(stored: string, actual: string): number {
  if (!stored.length) return 1;
  const similarity = 1 - editDistance(stored, actual) / stored.length;
  return Math.max(0, (similarity - CONTEXT_CHANCE) / (1 - CONTEXT_CHANCE));
}

/** Evidence share E/N of a candidate at normalised [start, end) with `errors` quote errors. */
export function evidence(sel: ScoredSelector, normal: string, start: number, end: number, errors: number): number {
  const m = sel.quote.length;
  const lp = sel.prefix.length;
  const ls = sel.suffix.length;
  const total = m + lp + ls;
  if (total === 0) return 0;
  // An empty stored context means the passage was at the start (end) of the letter: it agrees only there.
  const prefix = lp ? contextAgreement(sel.prefix, normal.slice(Math.max(0, start - lp), start)) : start === 0 ? 1 : 0;
  const suffix = ls ? contextAgreement(sel.suffix, normal.slice(end, end + ls)) : end === normal.length ? 1 : 0;
  const quote = errors === 0 ? m : Math.max(0, m - 2 * errors) * Math.min(1, 2 * Math.max(prefix, suffix));
  return (quote + lp * prefix + ls * suffix) / total;
}

export function positionScore(hint: number, originalStart: number, textLength: number): number {
  return 1 - Math.min(1, Math.abs(originalStart - hint) / Math.max(1, textLength));
}

export function combinedScore(evidenceShare: number, position: number): number {
  return (1 - POSITION_WEIGHT) * evidenceShare + POSITION_WEIGHT * position;
}
