// Checks beyond the schema: unknown tags and anchoring problems, as diagnostics located in the annotation file.

import { type AnchorResult, anchorAnnotations } from './anchor';
import type { PreviousVersion } from './history-anchor';
import { isMap, isScalar, isSeq } from 'yaml';
import { LetterText } from './letter-text';
import { parseAnnotationYaml } from './parse';
import { diagnosticAt, nodeRange } from './validate';
import { type AnnotationDiagnostic, message, MESSAGES } from './messages';
import { storedSelectorHolds } from './reanchor';
import type { AnnotationStore } from './store';
import { canonicalTag, closestTag, type Taxonomy } from './taxonomy';

export interface CheckOptions {
  taxonomy: Taxonomy;
  /** The letter's text; without it anchoring is not checked. */
  letterText?: string;
  /** The text the anchors were made on (`document.hash`), when it is available: anchoring maps through its diff. */
  previous?: PreviousVersion;
}

/**
 * Unknown tags are errors; orphaned annotations are errors (their passage is gone); fuzzy matches and moved
 * passages are warnings (the passage changed, or its stored selector no longer finds it surely: a hint that
 * drifted a little with the context intact is not stale, see `storedSelectorHolds`). Also returns the anchor results.
 */
export function checkAnnotations(store: AnnotationStore, options: CheckOptions): { diagnostics: AnnotationDiagnostic[]; anchors: AnchorResult[] } {
  const out: AnnotationDiagnostic[] = [];
  const annotations = store.annotations();
  for (const a of annotations) {
    const problem = tagProblem(options.taxonomy, a.tag);
    if (!problem) continue;
    const d = push(out, store, a.id, 'tag', 'unknown-tag', problem.message, 'error');
    if (problem.replacement && d.endOffset > d.offset) d.replacement = problem.replacement;
  }
  const letter = options.letterText === undefined ? undefined : new LetterText(options.letterText);
  const anchors = letter ? anchorAnnotations(letter, annotations, { previous: options.previous }) : [];
  for (const r of anchors) {
    const a = store.get(r.id)!;
    const excerpt = a.quote.length > 60 ? `${a.quote.slice(0, 57)}…` : a.quote;
    if (r.status === 'orphaned') push(out, store, a.id, 'quote', 'orphaned', message(MESSAGES.orphaned, a.id, a.tag, excerpt), 'error');
    else if (r.status === 'fuzzy') push(out, store, a.id, 'quote', 'fuzzy', message(MESSAGES.fuzzy, a.id, a.tag, r.score.toFixed(2)), 'warning');
    else if (r.status === 'moved' && !storedSelectorHolds(a, r, letter!))
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

/**
 * What is wrong with a tag the taxonomy does not know (undefined for a key or a label of it, `maatregel`, which
 * stands for its key): the message, with "did you mean" and the replacement for a typo of a key or label.
 */
function tagProblem(taxonomy: Taxonomy, tag: string): { message: AnnotationDiagnostic['message']; replacement?: string } | undefined {
  if (canonicalTag(taxonomy, tag)) return undefined;
  const known = [...taxonomy.keys()].join(', ');
  const near = closestTag(taxonomy, tag);
  return near
    ? { message: message(MESSAGES.unknownTagDidYouMean, tag, near, known), replacement: near }
    : { message: message(MESSAGES.unknownTag, tag, known) };
}

/**
 * The unknown tags of a file whose schema has errors (so it has no store, and `checkAnnotations` never sees it):
 * every problem of the file is reported at once, not one kind after the other. Empty for a file that parses, or
 * whose YAML does not.
 */
export function unknownTagsOfBrokenFile(text: string, taxonomy: Taxonomy): AnnotationDiagnostic[] {
  const parsed = parseAnnotationYaml(text);
  if (parsed.ok || !parsed.composed) return [];
  const { document, lines } = parsed.composed;
  const root = document.contents;
  const list = isMap(root) ? root.get('annotations', true) : undefined;
  if (!isSeq(list)) return [];
  const out: AnnotationDiagnostic[] = [];
  for (const item of list.items) {
    const tag = isMap(item) ? item.get('tag', true) : undefined;
    if (!isScalar(tag) || typeof tag.value !== 'string' || !tag.value) continue;
    const problem = tagProblem(taxonomy, tag.value);
    if (!problem) continue;
    const id = isMap(item) ? item.get('id') : undefined;
    const d = diagnosticAt(lines, nodeRange(tag), 'unknown-tag', problem.message, 'error', typeof id === 'string' ? id : undefined);
    if (problem.replacement) d.replacement = problem.replacement;
    out.push(d);
  }
  return out;
}
