// Re-anchoring all annotations of a letter to a new version of it, with a report of what happened.

import { type AnchorOptions, anchorAnnotations, type AnchorResult } from './anchor';
import { GOOD_CONTEXT } from './anchor-score';
import { LetterText } from './letter-text';
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
}

export function reanchorLetter(
  annotations: readonly Annotation[],
  newText: string | LetterText,
  options: AnchorOptions & UpdateOptions = {},
): LetterRevisionReport {
  const results = anchorAnnotations(newText, annotations, options);
  const report: LetterRevisionReport = {
    results,
    unchanged: [],
    moved: [],
    changed: [],
    orphaned: [],
    updates: selectorUpdates(annotations, results, options),
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
  return results.flatMap((r) => {
    const stored = byId.get(r.id);
    if (!r.selector || !stored || !isStorable(r, options) || sameSelector(stored, r.selector)) return [];
    return [{ id: r.id, ...r.selector }];
  });
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
