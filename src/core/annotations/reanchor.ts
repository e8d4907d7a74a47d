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
  /** The passage's text changed (fuzzy match); the new text is in the result's selector. */
  changed: string[];
  /** Not found: kept with their stored selector for review, never moved. */
  orphaned: string[];
  /** Selector changes to store (`AnnotationStore.updateSelectors`); never for orphans (see `selectorUpdates`). */
  updates: ({ id: string } & QuoteSelector)[];
}

export function reanchorLetter(annotations: readonly Annotation[], newText: string | LetterText, options: AnchorOptions = {}): LetterRevisionReport {
  const results = anchorAnnotations(newText, annotations, options);
  const report: LetterRevisionReport = { results, unchanged: [], moved: [], changed: [], orphaned: [], updates: selectorUpdates(annotations, results) };
  for (const r of results) ({ exact: report.unchanged, moved: report.moved, fuzzy: report.changed, orphaned: report.orphaned })[r.status].push(r.id);
  return report;
}

/**
 * The selector updates of a set of anchor results: the new quote, context and offsets of every `exact`, `moved`
 * and `fuzzy` result whose context agreed (at least GOOD_CONTEXT of it found again, e.g. a typo fixed inside the
 * passage). Nothing at all is stored for orphans, nor for a `fuzzy` match whose context did not agree: its stored
 * quote, prefix, suffix AND offsets stay as they were, so the evidence that it needs review is kept and the next
 * `check` flags it again until someone re-attaches it by hand. Unchanged selectors are skipped.
 */
export function selectorUpdates(annotations: readonly Annotation[], results: readonly AnchorResult[]): ({ id: string } & QuoteSelector)[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  return results.flatMap((r) => {
    const stored = byId.get(r.id);
    if (!r.selector || !stored || !isStorable(r) || sameSelector(stored, r.selector)) return [];
    return [{ id: r.id, ...r.selector }];
  });
}

/** Whether a result may overwrite the stored selector (see `selectorUpdates`). */
export function isStorable(r: AnchorResult): boolean {
  if (r.status === 'orphaned') return false;
  return r.status !== 'fuzzy' || (r.context ?? 0) >= GOOD_CONTEXT;
}

function sameSelector(a: QuoteSelector, b: QuoteSelector): boolean {
  return a.start === b.start && a.end === b.end && a.quote === b.quote && a.prefix === b.prefix && a.suffix === b.suffix;
}
