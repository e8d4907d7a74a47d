// Anchoring: finds where each annotation's passage is in (a new version of) its letter.
//
// 1. The exact quote at the hinted offset with its stored context: `exact`.
// 2. Otherwise candidates are gathered in whitespace-normalised text and scored on quote, context and position
//    together (anchor-score.ts). A candidate is admissible only if some of its context agrees or it lies at the
//    predicted position (see below); the best admissible one wins
//    if it reaches ORPHAN_THRESHOLD, else the annotation is orphaned. Its status follows the confidence rule at
//    the top of anchor-score.ts: `moved` only for a verbatim quote with good context agreement, else `fuzzy`.
//    Candidates: every exact occurrence of the quote anywhere; approximate matches (≤ 25 % of the quote edited)
//    near the expected position; and approximate matches right after each verbatim occurrence of the last 16
//    characters of the prefix, or right before the first 16 of the suffix, anywhere (only when nothing near the
//    expected place qualifies). An edited quote needs agreeing context to be accepted at all, so far from its
//    expected place it is only sought next to context that survived verbatim; this keeps the search bounded
//    (no full approximate scan of a 1 MB letter).
//    No approximate match is sought when an exact occurrence agrees on all of its context: none could score higher.
// Annotations are processed in hint order; the shift of the previous one predicts the next (paragraphs inserted
// above move everything below by the same amount), which keeps re-anchoring a whole letter fast. Where a candidate
// without agreeing context may still be accepted (at the predicted position), the prediction is the hint shifted
// only by the last *settled* passage: one found with both sides of its context agreeing, so its shift is the net
// offset of the edits around it — not a passage that was found far away (a moved paragraph, a copied sentence).

import { findApproximate } from './approximate-search';
import { contextShare, mapThroughHistory, type HistoryMapping, type PreviousVersion } from './history-anchor';
import {
  acceptedStatus,
  candidateEvidence,
  combinedScore,
  contextVouches,
  maxErrorsFor,
  MIN_SIDE_AGREEMENT,
  ORPHAN_THRESHOLD,
  POSITION_TOLERANCE,
  positionScore,
  type ScoredSelector,
} from './anchor-score';
import { LetterSource } from './letter-source';
import { LetterText, normaliseWhitespace } from './letter-text';
import type { QuoteSelector } from './model';
import { captureSelector, CONTEXT_LENGTH } from './quote';

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

/**
 * How a place was found: `diff` through the diff of the letter's previous text (history-anchor.ts), `context` with
 * both sides of the stored context agreeing, `search` by the search with weaker context.
 */
export type AnchorReason = 'diff' | 'context' | 'search';

export interface AnchorResult {
  id: string;
  status: AnchorStatus;
  /** New offsets into the letter; for an orphan the stored hint (stale: it may point at unrelated text now). */
  start: number;
  end: number;
  /**
   * 0..1; 1 for the untouched passage. For an orphan the best score of an admissible candidate (one its context
   * vouches for, see anchor-score.ts) below the threshold, or 0.
   */
  score: number;
  /** The passage as it is now (quote and 32-char context), absent for orphans. */
  selector?: QuoteSelector;
  /** Share of the stored context found again around the match, 0..1; absent for orphans. */
  context?: number;
  /** How the place was found; absent for orphans. */
  reason?: AnchorReason;
  /** Other places that fit as well (a near-tie): the result is `fuzzy`, for the analyst to choose. */
  alternatives?: { start: number; end: number }[];
}

export interface AnchorOptions {
  signal?: AbortSignal;
  /** The letter's text the tags were last found on (and where): history first, search only for the rest. */
  previous?: PreviousVersion;
}

/** Where a candidate may lie, in original offsets of the letter (all of it when absent). */
type Admit = (start: number, end: number) => boolean;

const MAX_EXACT_CANDIDATES = 5000;
/** Accepted candidates kept to tell a near-tie (evidence within TIE of the best). */
const MAX_RIVALS = 64;
const TIE = 0.005;
const MAX_CONTEXT_HITS = 16;
/** Characters of context next to the quote that locate an edited passage far from its expected place. */
const CONTEXT_PIECE = 16;
const MIN_CONTEXT_PIECE = 8;
/** How far (in characters, plus twice the quote) from the expected position approximate matches are sought. */
const LOCAL_WINDOW = 1024;

/** Anchors every annotation against the letter; results are in the input order. */
export function anchorAnnotations(
  letter: string | LetterText,
  annotations: readonly (QuoteSelector & { id: string })[],
  options: AnchorOptions = {},
): AnchorResult[] {
  const text = typeof letter === 'string' ? new LetterText(letter) : letter;
  const history = options.previous && throughHistory(text, annotations, options.previous, options.signal);
  const order = annotations.map((a, i) => i).sort((x, y) => annotations[x].start - annotations[y].start);
  const results = new Array<AnchorResult>(annotations.length);
  let shift = 0;
  let settledShift = 0;
  for (let n = 0; n < order.length; n++) {
    if ((n & 63) === 0) options.signal?.throwIfAborted();
    const a = annotations[order[n]];
    // A tag whose old text the diff deleted can only be in text the new version added.
    const admit = history?.deleted.has(a.id) ? history.isNewText : undefined;
    const r = history?.mapped[order[n]] ?? (history && admit && movedVerbatim(text, a, history)) ?? anchorWithShift(text, a, shift, settledShift, admit);
    if (r.status !== 'orphaned') shift = r.start - a.start;
    if (settled.has(r) || r.reason === 'diff') settledShift = r.start - a.start;
    results[order[n]] = r;
  }
  return results;
}

/** Characters and words a quote needs before its unique verbatim copy in new text counts without any context. */
const MOVED_ALONE_CHARS = 40;
const MOVED_ALONE_WORDS = 6;

/**
 * A tag whose old text the diff deleted, found verbatim in text the new version added (orphaned at once when its
 * words occur less often than in the previous text): `moved` when its whole
 * paragraph moved with it (the same paragraph, the quote at the same place in it); `fuzzy` (for review) when its
 * words, long enough not to recur by chance, occur once in the whole letter, in new text. Undefined otherwise
 * (then the search decides, on context).
 */
function movedVerbatim(text: LetterText, a: QuoteSelector & { id: string }, history: HistoryMapping): AnchorResult | undefined {
  const quote = normaliseWhitespace(a.quote);
  const places: [number, number][] = [];
  for (let i = text.normal.indexOf(quote); i >= 0 && places.length < 16; i = text.normal.indexOf(quote, i + 1))
    places.push([text.toOriginal(i), text.toOriginal(i + quote.length)]);
  // Fewer copies of its words than the previous text had: its own copy is the one that went.
  const before = history.countInPrevious(quote, places.length + 1);
  if (places.length < before) return orphan(a, 0);
  const fresh = places.filter(([s, e]) => history.isNewText(s, e));
  const at = (place: [number, number], status: AnchorStatus, reason: AnchorReason, others: [number, number][] = []): AnchorResult => {
    const selector = captureSelector(text.text, place[0], place[1]);
    const position = positionScore(a.start, place[0], text.text.length);
    const r: AnchorResult = {
      id: a.id,
      status,
      start: place[0],
      end: place[1],
      score: combinedScore(1, position),
      selector,
      context: contextShare(a, selector),
      reason,
    };
    return others.length ? { ...r, status: 'fuzzy', alternatives: others.slice(0, 3).map(([s, e]) => ({ start: s, end: e })) } : r;
  };
  // Its own paragraph, moved: unless the letter has that paragraph more than once (boilerplate), then all are offered.
  const withParagraph = places.filter(([s, e]) => history.movedWithParagraph(a.id, s, e));
  const freshWithParagraph = withParagraph.filter((p) => fresh.includes(p));
  if (freshWithParagraph.length)
    return at(
      freshWithParagraph[0],
      'moved',
      'context',
      withParagraph.filter((p) => p !== freshWithParagraph[0]),
    );
  const long = quote.trim().length >= MOVED_ALONE_CHARS && quote.trim().split(' ').length >= MOVED_ALONE_WORDS;
  // As many copies as before, one of them in new text: that one is the tag's, moved (for review: a short phrase may
  // have been written anew). Long words alone in the letter, in new text, the same.
  if (fresh.length === 1 && places.length === before && quote.trim().length >= MIN_MOVED_CHARS) return at(fresh[0], 'fuzzy', 'search');
  if (long && places.length === 1 && fresh.length === 1) return at(fresh[0], 'fuzzy', 'search');
  // Its words, long, verbatim in a few places of new text only (moved, and copied too): which one is its own is
  // not known, so all are offered for review, the best kept context first — never orphaned, never trusted.
  if (long && fresh.length > 1 && fresh.length <= MAX_OFFERED && places.length === fresh.length) {
    const ranked = fresh
      .map((p) => ({ p, context: contextShare(a, captureSelector(text.text, p[0], p[1])) }))
      .sort((x, y) => y.context - x.context || Math.abs(x.p[0] - a.start) - Math.abs(y.p[0] - a.start));
    return at(
      ranked[0].p,
      'fuzzy',
      'search',
      ranked.slice(1).map((r) => r.p),
    );
  }
  return undefined;
}

/** How many places of a moved tag's words are offered for review at most. */
const MAX_OFFERED = 3;
/** A moved phrase shorter than this is left to the search (a word or two recur anywhere). */
const MIN_MOVED_CHARS = 16;

/** The history mapping, with the tags' places in the previous text (computed when the caller has none). */
function throughHistory(text: LetterText, annotations: readonly (QuoteSelector & { id: string })[], previous: PreviousVersion, signal?: AbortSignal) {
  const previousText = new LetterSource(previous.text).text;
  if (previousText === text.text) return undefined;
  // The whitespace-collapsed text is only needed now and then: built on first use.
  let full: LetterText | undefined;
  const letter = () => (full ??= previousLetterText(previous.text));
  const before = {
    text: previousText,
    get normal() {
      return letter().normal;
    },
  };
  const oldResults = resultsInPrevious(annotations, previous, letter, signal);
  // A tag made on a later text than the previous one (tagged since, or re-attached) has its stored words at its
  // stored place in the text now, and not there in the previous text: its place is the one it was made at, so it
  // is not mapped from a look-alike in the old text.
  const made = oldResults.map((r, i) => (r.status !== 'exact' && storedHere(text.text, annotations[i]) ? orphanOf(annotations[i]) : r));
  return mapThroughHistory(text, annotations, before, made);
}

/**
 * Where each tag is in the previous text: the kept result of a tag whose id and selector are those it was found
 * with (`previous.annotations`), else found again there.
 */
function resultsInPrevious(
  annotations: readonly (QuoteSelector & { id: string })[],
  previous: PreviousVersion,
  letter: () => LetterText,
  signal?: AbortSignal,
): readonly AnchorResult[] {
  const kept = new Map<string, { made: QuoteSelector; result: AnchorResult }>();
  const { results, annotations: made } = previous;
  if (results && made && made.length === results.length) made.forEach((m, i) => results[i].id === m.id && kept.set(m.id, { made: m, result: results[i] }));
  const reusable = (a: QuoteSelector & { id: string }) => {
    const k = kept.get(a.id);
    return k !== undefined && sameSelectorAs(a, k.made);
  };
  const again = annotations.filter((a) => !reusable(a));
  const found = new Map((again.length ? anchorAnnotations(letter(), again, { signal }) : []).map((r) => [r.id, r]));
  return annotations.map((a) => (reusable(a) ? kept.get(a.id)!.result : found.get(a.id)!));
}

function sameSelectorAs(a: QuoteSelector, b: QuoteSelector): boolean {
  return a.quote === b.quote && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}

/** The stored quote with its stored context at the stored offsets of `text`, to the letter. */
function storedHere(text: string, a: QuoteSelector): boolean {
  return (
    a.quote.length > 0 &&
    text.startsWith(a.quote, a.start) &&
    text.slice(Math.max(0, a.start - a.prefix.length), a.start) === a.prefix &&
    text.startsWith(a.suffix, a.end)
  );
}

function orphanOf(a: QuoteSelector & { id: string }): AnchorResult {
  return { id: a.id, status: 'orphaned', start: a.start, end: a.end, score: 0 };
}

/** The last previous text made a LetterText: the editor anchors every version of a letter against the same one. */
let lastPrevious: (LetterText & { raw: string }) | undefined;

function previousLetterText(raw: string): LetterText {
  if (lastPrevious?.raw !== raw) lastPrevious = Object.assign(new LetterText(raw), { raw });
  return lastPrevious;
}

export function anchorAnnotation(letter: string | LetterText, annotation: QuoteSelector & { id: string }): AnchorResult {
  return anchorWithShift(typeof letter === 'string' ? new LetterText(letter) : letter, annotation, 0, 0);
}

/** Results found with both sides of their context agreeing: their shift predicts the passages after them. */
const settled = new WeakSet<AnchorResult>();

function anchorWithShift(letter: LetterText, a: QuoteSelector & { id: string }, shift: number, settledShift: number, admit?: Admit): AnchorResult {
  const { text } = letter;
  const admitted = (start: number) => !admit || admit(start, start + a.quote.length);
  if (isIntactAt(text, a, a.start) && admitted(a.start)) return found(letter, a, a.start, a.start + a.quote.length, 0, 1, 1, true);
  if (shift !== 0 && isIntactAt(text, a, a.start + shift)) {
    const at = nearestIntact(text, a, Math.abs(shift));
    if (admitted(at)) return found(letter, a, at, at + a.quote.length, 0, 1, 1, true);
  }
  const sel: ScoredSelector = {
    quote: normaliseWhitespace(a.quote),
    prefix: normaliseWhitespace(a.prefix).slice(-CONTEXT_LENGTH),
    suffix: normaliseWhitespace(a.suffix).slice(0, CONTEXT_LENGTH),
    hint: a.start,
  };
  const m = sel.quote.length;
  if (m === 0 || !sel.quote.trim()) return orphan(a, 0);
  const normal = letter.normal;
  const k = maxErrorsFor(m);
  const seen = new Set<string>();
  // Where the passage is expected: at its hint, or shifted like the previous passage (normalised offsets); a
  // candidate without agreeing context is admissible only at the hint or where the last settled passage predicts.
  const [predicted, hinted, expected] = [letter.fromOriginal(a.start + shift), letter.fromOriginal(a.start), letter.fromOriginal(a.start + settledShift)];
  const nearPredicted = (start: number) => Math.abs(start - hinted) <= POSITION_TOLERANCE || Math.abs(start - expected) <= POSITION_TOLERANCE;
  let best: Candidate | undefined;
  const accepted: Candidate[] = [];
  const consider = (start: number, end: number, errors: number) => {
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (admit && !admit(letter.toOriginal(start), letter.toOriginal(end))) return;
    const e = candidateEvidence(sel, normal, start, end, errors);
    // The same words elsewhere with neither side of the context agreeing are not this passage, however long.
    // A tag whose text was deleted has no expected place: only its context can vouch for text elsewhere.
    if (!contextVouches(e, !admit && nearPredicted(start))) return;
    const score = combinedScore(e.evidence, positionScore(a.start, letter.toOriginal(start), text.length));
    const c = { start, end, errors, evidence: e.evidence, context: e.context, settled: Math.min(e.prefix, e.suffix) >= MIN_SIDE_AGREEMENT, score };
    if (score >= ORPHAN_THRESHOLD && accepted.length < MAX_RIVALS) accepted.push(c);
    // The quote's own words, verbatim and vouched for by context, are not beaten by edited look-alikes: an edit
    // that left a verbatim copy elsewhere is rarer than a look-alike next to the hint (a new footnote above).
    if (verbatim && errors > 0) return;
    if (!best || score > best.score) best = c;
  };
  let verbatim: Candidate | undefined;
  let count = 0;
  for (let i = normal.indexOf(sel.quote); i >= 0 && count < MAX_EXACT_CANDIDATES; i = normal.indexOf(sel.quote, i + 1), count++) {
    consider(i, i + m, 0);
  }
  if (best && best.score >= ORPHAN_THRESHOLD) verbatim = best;
  // A tag whose text the diff deleted is only found again word for word: edited look-alikes in new text are no evidence.
  if (!admit && (!best || best.evidence < 1)) {
    const exactStarts = [...seen].map((key) => Number(key.slice(0, key.indexOf(':'))));
    const searched: [number, number][] = [];
    const search = (lo: number, hi: number) => {
      if (searched.some(([a, b]) => lo >= a && hi <= b)) return;
      searched.push([lo, hi]);
      for (const c of findApproximate(sel.quote, normal, lo, hi, k, exactStarts)) consider(c.start, c.end, c.errors);
    };
    const window = LOCAL_WINDOW + 2 * m;
    if (Math.abs(predicted - hinted) <= window) search(Math.min(predicted, hinted) - window, Math.max(predicted, hinted) + m + window);
    else for (const at of [predicted, hinted]) search(at - window, at + m + window);
    const before = sel.prefix.slice(-CONTEXT_PIECE);
    const after = sel.suffix.slice(0, CONTEXT_PIECE);
    if (best && best.score >= ORPHAN_THRESHOLD) return accept(letter, a, best, accepted);
    if (before.trim().length >= MIN_CONTEXT_PIECE)
      for (const i of occurrences(normal, before)) search(i + before.length - k - 1, i + before.length + m + k + 1);
    if (after.trim().length >= MIN_CONTEXT_PIECE) for (const i of occurrences(normal, after)) search(i - m - k - 1, i + k + 1);
  }
  return accept(letter, a, best, accepted);
}

interface Candidate {
  /** Normalised offsets. */
  start: number;
  end: number;
  errors: number;
  evidence: number;
  context: number;
  /** Both sides of the context agree. */
  settled: boolean;
  score: number;
}

function accept(letter: LetterText, a: QuoteSelector & { id: string }, best: Candidate | undefined, accepted: readonly Candidate[]): AnchorResult {
  if (!best || best.score < ORPHAN_THRESHOLD) return orphan(a, best?.score ?? 0);
  const r = found(letter, a, letter.toOriginal(best.start), letter.toOriginal(best.end), best.errors, best.score, best.context, best.settled);
  // A near-tie on quote and context: only the distance from the old offset would decide, and that is no evidence.
  const rivals = accepted.filter((c) => c !== best && c.evidence >= best.evidence - TIE && (c.end <= best.start || c.start >= best.end));
  if (!rivals.length) return r;
  return { ...r, status: 'fuzzy', alternatives: rivals.slice(0, 3).map((c) => ({ start: letter.toOriginal(c.start), end: letter.toOriginal(c.end) })) };
}

/** The quote with its full stored context, verbatim, at `at`. */
function isIntactAt(text: string, a: QuoteSelector, at: number): boolean {
  return (
    at - a.prefix.length >= 0 &&
    text.startsWith(a.quote, at) &&
    text.startsWith(a.prefix, at - a.prefix.length) &&
    text.startsWith(a.suffix, at + a.quote.length)
  );
}

/** Of the intact occurrences within `radius` of the hint, the nearest (the predicted one is among them). */
function nearestIntact(text: string, a: QuoteSelector, radius: number): number {
  const needle = a.prefix + a.quote + a.suffix;
  const from = Math.max(0, a.start - radius - a.prefix.length);
  const window = text.slice(from, a.start + radius + needle.length); // bounds the search
  let best = -1;
  for (let i = window.indexOf(needle); i >= 0; i = window.indexOf(needle, i + 1)) {
    const at = from + i + a.prefix.length;
    if (best < 0 || Math.abs(at - a.start) < Math.abs(best - a.start)) best = at;
  }
  return best;
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0 && out.length < MAX_CONTEXT_HITS; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function found(
  letter: LetterText,
  a: QuoteSelector & { id: string },
  start: number,
  end: number,
  errors: number,
  score: number,
  context: number,
  bothSides: boolean,
): AnchorResult {
  const selector = captureSelector(letter.text, start, end);
  const status = acceptedStatus(errors, context, start === a.start && end === a.end && selector.quote === a.quote);
  const position = positionScore(a.start, start, letter.text.length);
  const result: AnchorResult = {
    id: a.id,
    status,
    start,
    end,
    score: errors === 0 && score === 1 ? combinedScore(1, position) : score,
    selector,
    context,
    reason: bothSides ? 'context' : 'search',
  };
  if (bothSides) settled.add(result);
  return result;
}

function orphan(a: QuoteSelector & { id: string }, score: number): AnchorResult {
  return { id: a.id, status: 'orphaned', start: a.start, end: a.end, score };
}
