// Scoring an anchoring candidate on quote, context and position together, and the confidence rule that turns
// the best candidate into a status.
//
// CONFIDENCE RULE (what each status promises)
//   exact     the quote (up to whitespace) at the stored offsets, with good context agreement.
//   moved     the quote verbatim (up to whitespace) elsewhere, with GOOD context agreement: at least half of the
//             stored context (prefix and suffix together, C ≥ GOOD_CONTEXT) is found again around it — a sentence
//             moved with its paragraph, a paragraph moved with its heading or its next sentence.
//   fuzzy     any other accepted candidate: an edited quote (typo fix, renumbered footnote), or a verbatim quote
//             with weaker context. Needs review; `anchor --write` only stores it when its context agreed (C ≥ ½),
//             otherwise the stored selector is kept untouched as evidence (see reanchor.ts `selectorUpdates`).
//   orphaned  no candidate is accepted; the annotation keeps its stored selector and is flagged, never moved.
// A candidate is accepted when BOTH
//   (a) its score reaches ORPHAN_THRESHOLD, and
//   (b) some context vouches for it: prefix or suffix agreement ≥ MIN_SIDE_AGREEMENT — unless it lies at the
//       predicted position within POSITION_TOLERANCE: its hint, or its hint shifted like the last passage before
//       it that was found with both sides of its context agreeing (anchor.ts). A passage that truly moved keeps at least part of its 32-char context; the same
//       sentence elsewhere with neither side agreeing (a deleted conclusion repeated in a summary, a deleted
//       sentence re-added in another section) is not the tagged passage, however long it is.
//
// SCORE
// Evidence is counted in characters of the stored selector that are found again at the candidate:
//   prefix:  |prefix| · agreement,  suffix: |suffix| · agreement,
//   quote:   m for an exact quote; m − 2·errors for an approximate one (an edit costs the character and as much
//            again, so a near-miss never equals a hit), and then only as far as the context vouches for it:
//            × min(1, 2 · the better side's agreement).
// Agreement of one side (in whitespace-normalised text, so reflowed lines agree) is its rescaled similarity:
//   1 − edit distance / length, where the stored context may match the text next to the candidate with a free gap
//   at its far end (words inserted or deleted right next to the quote shift the window, they do not make the whole
//   side disagree), rescaled so chance counts as none: unrelated 32-character contexts of Dutch letters (the
//   sample letters, 20,000 pairs) reach similarity 0.25 (median), 0.34 (90th percentile), 0.38 (99.9th); a
//   heading paraphrasing its paragraph ("… houdt het beleid inzake X tegen het licht." against "… wordt het beleid
//   over X tegen het licht gehouden, …") 0.52 and 0.59. So similarity ≤ CONTEXT_CHANCE counts 0, 0.75 (8 edits in
//   32) counts ½, and MIN_SIDE_AGREEMENT (¼) needs similarity 0.625: a side partly rewritten still agrees.
// The evidence share E/N (N = m + |prefix| + |suffix|) is 1 for the untouched passage.
// Position (distance from the hint relative to the letter's length) only breaks near-ties.

import { editDistance } from './approximate-search';

export const CONTEXT_CHANCE = 0.5;
export const POSITION_WEIGHT = 0.02;
/** Candidates scoring below this are not anchors: the annotation is orphaned. */
export const ORPHAN_THRESHOLD = 0.5;
/** The largest share of the quote that may differ in a fuzzy match (bounded edit distance). */
export const MAX_ERROR_RATE = 0.25;
/** Share of the stored context (both sides together) that must agree for `moved` (and for storing a fuzzy match). */
export const GOOD_CONTEXT = 0.5;
/** Below this on both sides, the context does not vouch for a candidate at all. */
export const MIN_SIDE_AGREEMENT = 0.25;
/** How far (normalised characters) from the predicted position a candidate without context may be accepted. */
export const POSITION_TOLERANCE = 32;
/** Extra characters of text beyond the stored context's length the context may be found in. */
const CONTEXT_SLACK = 16;

export interface ScoredSelector {
  /** Quote, prefix and suffix with whitespace runs collapsed. */
  quote: string;
  prefix: string;
  suffix: string;
  /** The stored start offset (hint), in original offsets. */
  hint: number;
}

export interface CandidateEvidence {
  /** Evidence share E/N, 0..1. */
  evidence: number;
  /** Agreement of each side, 0..1. */
  prefix: number;
  suffix: number;
  /** Share of the stored context found again, 0..1: (|prefix|·prefix + |suffix|·suffix) / (|prefix| + |suffix|). */
  context: number;
}

export function maxErrorsFor(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength * MAX_ERROR_RATE));
}

/**
 * Agreement of one side of the stored context with the text next to a candidate. `actual` is the text next to the
 * candidate, up to |stored| + slack characters; `side` says which end of the strings touches the quote.
 */
export function sideAgreement(stored: string, actual: string, side: 'prefix' | 'suffix'): number {
  const n = stored.length;
  if (!n) return 1;
  return rescale(1 - anchoredDistance(stored, actual, side) / n);
}

function rescale(similarity: number): number {
  return Math.max(0, (similarity - CONTEXT_CHANCE) / (1 - CONTEXT_CHANCE));
}

const rowA = new Int32Array(512);
const rowB = new Int32Array(512);

/**
 * Edit distance between `stored` and the best piece of `actual` that touches the quote (the end of `actual` for a
 * prefix, its start for a suffix): the far end of `actual` may be skipped for free.
 */
function anchoredDistance(stored: string, actual: string, side: 'prefix' | 'suffix'): number {
  const m = stored.length;
  const n = actual.length;
  if (!n) return m;
  if (n + 1 > rowA.length) return editDistance(stored, actual);
  // Work from the quote outward, so the free gap is at the end: D[i][j] for stored[..i) vs actual[..j).
  const s = side === 'prefix' ? reverse(stored) : stored;
  const a = side === 'prefix' ? reverse(actual) : actual;
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const c = s.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (c === a.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
  return best;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Evidence of a candidate at normalised [start, end) with `errors` quote errors. */
export function candidateEvidence(sel: ScoredSelector, normal: string, start: number, end: number, errors: number): CandidateEvidence {
  const m = sel.quote.length;
  const lp = sel.prefix.length;
  const ls = sel.suffix.length;
  const total = m + lp + ls;
  // An empty stored context means the passage was at the start (end) of the letter: it agrees only there.
  const prefix = lp ? sideAgreement(sel.prefix, normal.slice(Math.max(0, start - lp - CONTEXT_SLACK), start), 'prefix') : start === 0 ? 1 : 0;
  const suffix = ls ? sideAgreement(sel.suffix, normal.slice(end, end + ls + CONTEXT_SLACK), 'suffix') : end === normal.length ? 1 : 0;
  const quote = errors === 0 ? m : Math.max(0, m - 2 * errors) * Math.min(1, 2 * Math.max(prefix, suffix));
  const context = lp + ls ? (lp * prefix + ls * suffix) / (lp + ls) : (prefix + suffix) / 2;
  return { evidence: total ? (quote + lp * prefix + ls * suffix) / total : 0, prefix, suffix, context };
}

/** Evidence share E/N of a candidate at normalised [start, end) with `errors` quote errors. */
export function evidence(sel: ScoredSelector, normal: string, start: number, end: number, errors: number): number {
  return candidateEvidence(sel, normal, start, end, errors).evidence;
}

/**
 * Rule (b) above: may this candidate be accepted at all? `nearPredicted`: it lies within POSITION_TOLERANCE of
 * where the passage was predicted to be.
 */
export function contextVouches(e: Pick<CandidateEvidence, 'prefix' | 'suffix'>, nearPredicted: boolean): boolean {
  return nearPredicted || Math.max(e.prefix, e.suffix) >= MIN_SIDE_AGREEMENT;
}

/** The status of an accepted candidate (the rule above); `sameOffsets`: at the stored start and end. */
export function acceptedStatus(errors: number, context: number, sameOffsets: boolean): 'exact' | 'moved' | 'fuzzy' {
  if (errors > 0 || context < GOOD_CONTEXT) return 'fuzzy';
  return sameOffsets ? 'exact' : 'moved';
}

export function positionScore(hint: number, originalStart: number, textLength: number): number {
  return 1 - Math.min(1, Math.abs(originalStart - hint) / Math.max(1, textLength));
}

export function combinedScore(evidenceShare: number, position: number): number {
  return (1 - POSITION_WEIGHT) * evidenceShare + POSITION_WEIGHT * position;
}
