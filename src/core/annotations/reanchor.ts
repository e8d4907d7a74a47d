// Re-anchoring all annotations of a letter to a new version of it, with a report of what happened.

import { type AnchorOptions, anchorAnnotations, type AnchorResult } from './anchor';
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
  /** Selector changes to store (`AnnotationStore.updateSelectors`); never for orphans. */
  updates: ({ id: string } & QuoteSelector)[];
}

export function reanchorLetter(annotations: readonly Annotation[], newText: string | LetterText, options: AnchorOptions = {}): LetterRevisionReport {
  const results = anchorAnnotations(newText, annotations, options);
  const report: LetterRevisionReport = { results, unchanged: [], moved: [], changed: [], orphaned: [], updates: selectorUpdates(annotations, results) };
  for (const r of results) ({ exact: report.unchanged, moved: report.moved, fuzzy: report.changed, orphaned: report.orphaned })[r.status].push(r.id);
  return report;
}

/** The selector updates of a set of anchor results (skipping orphans and unchanged ones). */
export function selectorUpdates(annotations: readonly Annotation[], results: readonly AnchorResult[]): ({ id: string } & QuoteSelector)[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  return results.flatMap((r) => {
    const stored = byId.get(r.id);
    return r.selector && stored && !sameSelector(stored, r.selector) ? [{ id: r.id, ...r.selector }] : [];
  });
}

function sameSelector(a: QuoteSelector, b: QuoteSelector): boolean {
  return a.start === b.start && a.end === b.end && a.quote === b.quote && a.prefix === b.prefix && a.suffix === b.suffix;
}
