// Checks beyond the schema: unknown tags and anchoring problems, as diagnostics located in the annotation file.

import { type AnchorResult, anchorAnnotations } from './anchor';
import { LetterText } from './letter-text';
import { type AnnotationDiagnostic, message, MESSAGES } from './messages';
import { storedSelectorHolds } from './reanchor';
import type { AnnotationStore } from './store';
import { canonicalTag, closestTag, type Taxonomy } from './taxonomy';

export interface CheckOptions {
  taxonomy: Taxonomy;
  /** The letter's text; without it anchoring is not checked. */
  letterText?: string;
}

/**
 * Unknown tags are errors; orphaned annotations are errors (their passage is gone); fuzzy matches and moved
 * passages are warnings (the passage changed, or its stored selector no longer finds it surely: a hint that
 * drifted a little with the context intact is not stale, see `storedSelectorHolds`). Also returns the anchor results.
 */
export function checkAnnotations(store: AnnotationStore, options: CheckOptions): { diagnostics: AnnotationDiagnostic[]; anchors: AnchorResult[] } {
  const out: AnnotationDiagnostic[] = [];
  const known = [...options.taxonomy.keys()].join(', ');
  const annotations = store.annotations();
  for (const a of annotations) {
    // A tag's label (`maatregel`) stands for its key; it is written as the key the next time the file is written.
    if (canonicalTag(options.taxonomy, a.tag)) continue;
    const near = closestTag(options.taxonomy, a.tag);
    const msg = near ? message(MESSAGES.unknownTagDidYouMean, a.tag, near, known) : message(MESSAGES.unknownTag, a.tag, known);
    const d = push(out, store, a.id, 'tag', 'unknown-tag', msg, 'error');
    if (near && d.endOffset > d.offset) d.replacement = near;
  }
  const letter = options.letterText === undefined ? undefined : new LetterText(options.letterText);
  const anchors = letter ? anchorAnnotations(letter, annotations) : [];
  for (const r of anchors) {
    const a = store.get(r.id)!;
    const excerpt = a.quote.length > 60 ? `${a.quote.slice(0, 57)}…` : a.quote;
    if (r.status === 'orphaned') push(out, store, a.id, 'quote', 'orphaned', message(MESSAGES.orphaned, a.id, a.tag, excerpt), 'error');
    else if (r.status === 'fuzzy') push(out, store, a.id, 'quote', 'fuzzy', message(MESSAGES.fuzzy, a.id, a.tag, r.score.toFixed(2)), 'warning');
    else if (r.status === 'moved' && !storedSelectorHolds(a, r, letter!.text))
      push(out, store, a.id, 'start', 'moved', message(MESSAGES.moved, a.id, a.tag), 'warning');
  }
  return { diagnostics: out, anchors };
}

function push(
  out: AnnotationDiagnostic[],
  store: AnnotationStore,
  id: string,
  key: string,
  code: string,
  msg: AnnotationDiagnostic['message'],
  severity: AnnotationDiagnostic['severity'],
): AnnotationDiagnostic {
  const located = store.locate(id, key, code, msg, severity);
  const d = located ?? { severity, code, message: msg, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0, annotationId: id };
  out.push(d);
  return d;
}
