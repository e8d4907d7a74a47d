// Rules of the annotation editor features that need no editor: selections, timestamps, excerpts, tag counts and
// order, hit-testing anchored passages, temp-file names, which URI schemes can hold letters.
import type { AnchorResult } from './anchor';
import type { Annotation } from './model';
import { tagLabel, type Taxonomy } from './taxonomy';

/** The selection without leading and trailing whitespace (analysts select loosely). Empty: start === end. */
export function trimSelection(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.min(start, end);
  let e = Math.max(start, end);
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** ISO 8601 in UTC without milliseconds, as the format's examples: `2026-11-28T12:00:00Z`. */
export function createdTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A one-line excerpt of a quote for lists. */
export function excerpt(quote: string, max = 60): string {
  const one = quote.replace(/\s+/g, ' ').trim();
  const chars = Array.from(one);
  return chars.length > max
    ? chars
        .slice(0, max - 1)
        .join('')
        .trimEnd() + '…'
    : one;
}

/** Tagged passages per tag label (every annotation of the file counts, orphans included). */
export function tagCountsByLabel(annotations: readonly Annotation[], taxonomy: Taxonomy, english: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of annotations) {
    const label = tagLabel(taxonomy, a.tag, english);
    out[label] = (out[label] ?? 0) + 1;
  }
  return out;
}

/** Annotations whose anchored passage contains `offset` (end inclusive), innermost (shortest) first. */
export function anchoredAt(results: readonly AnchorResult[], offset: number): AnchorResult[] {
  return results.filter((r) => r.status !== 'orphaned' && r.start <= offset && offset <= r.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Tags in taxonomy order, then unknown tags in alphabetical order. */
export function orderedTags(taxonomy: Taxonomy, used: Iterable<string>): string[] {
  const known = [...taxonomy.keys()];
  const unknown = [...new Set(used)].filter((t) => !taxonomy.has(t)).sort();
  return [...known, ...unknown];
}

/** A name for the temp file of an atomic write, next to the target (hidden, never matches `*.annotations.yaml`). */
export function tempFileName(target: string, random: string): string {
  return `.${target}.${random}.tmp`;
}

/**
 * Whether a document with this URI scheme can be a letter: `file`, or a scheme the workspace folders use (a virtual
 * workspace). A `git:` or other diff view, an untitled buffer or an output channel is never a letter.
 */
export function isWorkspaceScheme(scheme: string, folderSchemes: readonly string[]): boolean {
  return scheme === 'file' || folderSchemes.includes(scheme);
}

/** The selections (offsets) to tag: trimmed, empty ones dropped. */
export function selectionRanges(text: string, selections: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  return selections.map((s) => trimSelection(text, s.start, s.end)).filter((r) => r.end > r.start);
}
