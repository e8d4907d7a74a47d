// Re-anchoring all annotations of a letter to a new version of it, with a report of what happened.

import { type AnchorOptions, anchorAnnotations, type AnchorResult } from './anchor';
import { GOOD_CONTEXT } from './anchor-score';
import { LetterText, normaliseWhitespace } from './letter-text';
import type { Annotation, QuoteSelector } from './model';

export interface LetterRevisionReport {
  results: AnchorResult[];
  /** Same passage, same place. */
  unchanged: string[];
  /** Same passage (up to whitespace), another place. */
  moved: string[];
  /** The passage's text changed (fuzzy match); the new text is in the result's selector, stored only when accepted. */
  changed: string[];
  /** Not found: kept with their stored selector for review, never moved. */
  orphaned: string[];
  /** Selector changes to store (`AnnotationStore.updateSelectors`); never for orphans (see `selectorUpdates`). */
  updates: ({ id: string } & QuoteSelector)[];
}

export interface UpdateOptions {
  /**
   * The analyst accepted the new text of changed passages (`kamerstuk anchor --write --accept`): store the new
   * quote of a fuzzy match whose context agreed. Without it a changed passage is never written.
   */
  acceptChanged?: boolean;
  /**
   * The letter's text the results were anchored on. With it, a stored selector that still holds
   * (`storedSelectorHolds`) is not rewritten: positions are hints.
   */
  letter?: string | LetterText;
}

/**
 * Context agreement below which the stored context of a found passage is refreshed: well above GOOD_CONTEXT, so
 * a context worn down by edits next to the passage is renewed long before the passage would need review.
 */
export const REFRESH_CONTEXT = 0.75;
/** The hint may drift at most this share of the way to the nearest other occurrence of the quote. */
const DRIFT_SHARE = 4;

export function reanchorLetter(
  annotations: readonly Annotation[],
  newText: string | LetterText,
  options: AnchorOptions & UpdateOptions = {},
): LetterRevisionReport {
  const text = typeof newText === 'string' ? new LetterText(newText) : newText;
  const results = anchorAnnotations(text, annotations, options);
  const report: LetterRevisionReport = {
    results,
    unchanged: [],
    moved: [],
    changed: [],
    orphaned: [],
    updates: selectorUpdates(annotations, results, { letter: text, ...options }),
  };
  for (const r of results) ({ exact: report.unchanged, moved: report.moved, fuzzy: report.changed, orphaned: report.orphaned })[r.status].push(r.id);
  return report;
}

/**
 * The selector updates of a set of anchor results: the new context and offsets of every `exact` and `moved`
 * result (the same words, found again with their context). A `fuzzy` result is a passage whose text changed, or
 * that was found with little context: it may be another sentence that looks alike, so its stored quote, prefix,
 * suffix AND offsets stay as they were until the analyst accepts the new text (`acceptChanged`, and then only when
 * its context agreed, at least GOOD_CONTEXT of it found again) or re-attaches it by hand; `check` keeps flagging
 * it meanwhile. Nothing is ever stored for orphans. Unchanged selectors are skipped.
 */
export function selectorUpdates(
  annotations: readonly Annotation[],
  results: readonly AnchorResult[],
  options: UpdateOptions = {},
): ({ id: string } & QuoteSelector)[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const letter = typeof options.letter === 'string' ? new LetterText(options.letter) : options.letter;
  return results.flatMap((r) => {
    const stored = byId.get(r.id);
    if (!r.selector || !stored || !isStorable(r, options) || sameSelector(stored, r.selector)) return [];
    if (letter && storedSelectorHolds(stored, r, letter)) return [];
    return [{ id: r.id, ...r.selector }];
  });
}

/**
 * Whether the stored selector finds the passage as surely as a fresh one would, so rewriting it would only churn
 * the annotation file (a word typed above a tag shifts every later offset; one typed next to it, its neighbour's
 * context): the same quote, found as `exact` or `moved`, with at least REFRESH_CONTEXT of its context, and a hint
 * that cannot be taken for another occurrence of the quote — it drifted less than a quarter of the way to the
 * nearest other one. `text` is the letter the result was anchored on.
 */
export function storedSelectorHolds(stored: QuoteSelector, r: AnchorResult, letter: string | LetterText): boolean {
  if ((r.status !== 'exact' && r.status !== 'moved') || !r.selector || r.selector.quote !== stored.quote) return false;
  if ((r.context ?? 0) < REFRESH_CONTEXT) return false;
  const drift = Math.abs(r.start - stored.start);
  if (drift === 0) return true;
  // Another occurrence within DRIFT_SHARE · drift of this one would be as near to the hint, or nearer. Sought in
  // whitespace-collapsed text, as the anchoring finds its candidates: a copy wrapped otherwise counts too.
  const text = typeof letter === 'string' ? new LetterText(letter) : letter;
  const quote = normaliseWhitespace(stored.quote);
  const at = text.fromOriginal(r.start);
  const reach = DRIFT_SHARE * drift;
  const from = Math.max(0, at - reach);
  const to = Math.min(text.normal.length, text.fromOriginal(r.end) + reach);
  for (let i = text.normal.indexOf(quote, from); i >= 0 && i < to; i = text.normal.indexOf(quote, i + 1)) {
    if (i !== at) return false;
  }
  return true;
}

/** Whether a result may overwrite the stored selector (see `selectorUpdates`). */
export function isStorable(r: AnchorResult, options: UpdateOptions = {}): boolean {
  if (r.status === 'orphaned') return false;
  if (r.status !== 'fuzzy') return true;
  return options.acceptChanged === true && (r.context ?? 0) >= GOOD_CONTEXT;
}

function sameSelector(a: QuoteSelector, b: QuoteSelector): boolean {
  return a.start === b.start && a.end === b.end && a.quote === b.quote && a.prefix === b.prefix && a.suffix === b.suffix;
}
