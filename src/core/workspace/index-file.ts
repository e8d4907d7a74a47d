// What one file contributes to the workspace index: pure, from its path and text. Markdown files give their
// citations (prefiltered, candidate blocks only: candidate-scan.ts) and, for letters, their canonical id; annotation
// files give their number of annotations. Nothing here throws: a file that cannot be indexed says why.
import { isAnnotationFileName } from '../annotations/model';
import { parseAnnotationYaml } from '../annotations/parse';
import type { CitationRef } from '../citations/types';
import { LETTER_HEAD_LENGTH, letterVerdict } from '../letters/identity';
import { scanCandidates } from './candidate-scan';
import type { FileKind, FileStamp, IndexedFile, IndexedRef } from './types';

/** Files larger than this (in UTF-16 code units) are listed but not scanned: 8 MB is 1,300 typical notes. */
export const MAX_INDEXED_LENGTH = 8 * 1024 * 1024;

export interface IndexFileOptions {
  /** Texts longer than this are not scanned (the entry carries a `problem`). Default MAX_INDEXED_LENGTH. */
  maxLength?: number;
}

/** Whether a workspace path is an annotation file (`letters/kst-29754-716.annotations.yaml`). */
export const isAnnotationFilePath = (path: string): boolean => isAnnotationFileName(path.slice(path.lastIndexOf('/') + 1));

/** Whether a workspace path is a markdown note or letter. */
export const isMarkdownPath = (path: string): boolean => /\.(?:md|markdown)$/i.test(path);

/** The index entry of one file. Pure; never throws. */
export function indexFile(stamp: FileStamp, text: string, options: IndexFileOptions = {}): IndexedFile {
  const base = { path: stamp.path, size: stamp.size, mtime: stamp.mtime, hash: contentHash(text) };
  const maxLength = options.maxLength ?? MAX_INDEXED_LENGTH;
  if (isAnnotationFilePath(stamp.path)) {
    const entry: IndexedFile = { ...base, kind: 'annotations', refs: [] };
    if (text.length > maxLength) return { ...entry, problem: tooLarge(text.length, maxLength) };
    const count = annotationCount(text);
    if (count !== undefined) entry.tagCount = count;
    return entry;
  }
  const name = stamp.path.slice(stamp.path.lastIndexOf('/') + 1);
  const verdict = mayBeLetter(name, text) ? letterVerdict(name, text.slice(0, LETTER_HEAD_LENGTH), false) : NOT_A_LETTER;
  const kind: FileKind = verdict.letter ? 'letter' : 'note';
  const entry: IndexedFile = { ...base, kind, refs: [] };
  if (verdict.letter && verdict.id) entry.letterId = verdict.id;
  if (text.length > maxLength) return { ...entry, problem: tooLarge(text.length, maxLength) };
  try {
    entry.refs = indexedRefs(text, scanCandidates(text).refs);
  } catch (e) {
    entry.problem = `could not be scanned: ${e instanceof Error ? e.message : String(e)}`;
  }
  return entry;
}

const NOT_A_LETTER = { letter: false } as const;

/**
 * Whether letterVerdict can say "letter": only for a name that is an id or a head that mentions `kamerstuk` (the
 * front matter key). Most notes are neither, and this spares them a YAML parse of their front matter.
 */
function mayBeLetter(name: string, text: string): boolean {
  return /^(?:kst|h|ah|stb|stcrt|blg|\d{4}[DZ])/i.test(name) || text.slice(0, LETTER_HEAD_LENGTH).includes('kamerstuk');
}

function tooLarge(length: number, max: number): string {
  return `too large to index (${length} characters, the limit is ${max})`;
}

/** Number of annotations of an annotation file; undefined when it does not parse or fails the schema. */
function annotationCount(text: string): number | undefined {
  try {
    const parsed = parseAnnotationYaml(text);
    return parsed.ok ? parsed.file.data.annotations.length : undefined;
  } catch {
    return undefined;
  }
}

/** The references with an id, with 0-based line and column (refs are in text order: one pass over the lines). */
export function indexedRefs(text: string, refs: readonly CitationRef[]): IndexedRef[] {
  const out: IndexedRef[] = [];
  let line = 0;
  let lineStart = 0;
  let pos = 0;
  for (const r of refs) {
    if (r.id === null) continue;
    if (r.start < pos) {
      // Out of order (never expected): count from the start again.
      line = 0;
      lineStart = 0;
      pos = 0;
    }
    for (let i = text.indexOf('\n', pos); i >= 0 && i < r.start; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    pos = r.start;
    out.push({ id: detached(r.id), kind: r.kind, start: r.start, end: r.end, line, column: r.start - lineStart, text: detached(r.text) });
  }
  return out;
}

/**
 * A copy of `s` that does not keep the file's text alive: V8 may represent a slice as a view into its parent
 * string, and an index of 10,000 notes must not hold their 60 MB of text through its citations' texts. A
 * concatenation flattened by `slice` is a new string.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * A fast content hash: 32-bit FNV-1a and a 31-multiplier polynomial hash over the UTF-16 code units, and the
 * length. The same text always gives the same hash; not cryptographic (it tells whether a file's text changed).
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = (b * 31 + c) | 0;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0') + n.toString(36);
}
