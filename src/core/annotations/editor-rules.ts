// Pure rules of the annotation editor features (no vscode import, so plain-Node unit tests can load them):
// which markdown files are letters, selections, timestamps, tag counts, decoration styles.
import type { AnchorResult, Annotation, Taxonomy } from '../core/annotations';
import { tagLabel } from '../core/annotations';

/** File names of letters: `kst-29754-716.md` and the other official document ids. */
const LETTER_FILE_NAME = /^(?:kst|h-tk|h-ek|ah-tk|ah-ek|stb|stcrt)-[0-9A-Za-z-]+\.md$/i;
const FRONT_MATTER = /^(?:\ufeff)?---\r?\n([\s\S]*?)\r?\n---\r?\n/;

export type LetterVerdict = { letter: true; id?: string } | { letter: false };

/**
 * A markdown file is a letter when its front matter has `kamerstuk:`, its name looks like `kst-….md`, or an
 * annotation file already sits beside it. `declaredId` is the canonical id the file declares, if any.
 */
export function letterVerdict(fileName: string, head: string, declaredId: string | undefined, hasAnnotationFile: boolean): LetterVerdict {
  if (!/\.(md|markdown)$/i.test(fileName)) return { letter: false };
  const fm = FRONT_MATTER.exec(head);
  const frontMatterSaysLetter = !!fm && /^kamerstuk\s*:/m.test(fm[1]);
  if (declaredId || frontMatterSaysLetter || LETTER_FILE_NAME.test(fileName) || hasAnnotationFile) return { letter: true, ...(declaredId ? { id: declaredId } : {}) };
  return { letter: false };
}

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
  return chars.length > max ? chars.slice(0, max - 1).join('').trimEnd() + '…' : one;
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
  return results
    .filter((r) => r.status !== 'orphaned' && r.start <= offset && offset <= r.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Tags in taxonomy order, then unknown tags in alphabetical order. */
export function orderedTags(taxonomy: Taxonomy, used: Iterable<string>): string[] {
  const known = [...taxonomy.keys()];
  const unknown = [...new Set(used)].filter((t) => !taxonomy.has(t)).sort();
  return [...known, ...unknown];
}

/** `#rrggbb` plus an alpha byte; other colour notations are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return color;
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255);
  return color + a.toString(16).padStart(2, '0');
}

/**
 * The border of a tag's decoration, so overlapping tags stay readable: even tags underline, odd tags overline
 * (the backgrounds blend), and further tags alternate solid, dashed and dotted lines.
 */
export function borderFor(index: number): { borderWidth: string; borderStyle: string } {
  const style = ['solid', 'dashed', 'dotted'][Math.floor(index / 2) % 3];
  return { borderWidth: index % 2 === 0 ? '0 0 2px 0' : '2px 0 0 0', borderStyle: style };
}

/** A gutter icon in the tag's colour: a rounded bar, as an SVG data URI. */
export function gutterIconDataUri(color: string): string {
  const safe = /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#808080';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="5" y="1" width="5" height="14" rx="2" fill="${safe}"/></svg>`;
  // btoa, not Buffer: the web extension host has no Buffer. The SVG is ASCII (the colour is checked above).
  return `data:image/svg+xml;base64,${btoa(svg)}`;
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
