// Tagged passages across letters: the rows every report format renders.

import type { AnnotationFileData } from '../annotations/model';
import { tagLabel, type Taxonomy } from '../annotations/taxonomy';
import { LineIndex } from '../text/line-index';

export interface LetterAnnotations {
  /** Path of the annotation file, as it should appear in the report (e.g. relative to the workspace). */
  annotationFile: string;
  /** Path of the letter, as it should appear in the report. */
  letterPath: string;
  /** The letter's text, when available: gives each passage its line number. */
  letterText?: string;
  data: AnnotationFileData;
}

export interface TaggedPassage {
  letter: string;
  letterPath: string;
  annotationFile: string;
  /** 1-based line of the passage's start in the letter (from the stored offset), when the letter was read. */
  line?: number;
  id: string;
  tag: string;
  label: string;
  quote: string;
  note?: string;
  refs: string[];
  author?: string;
  created?: string;
  status?: string;
  start: number;
  end: number;
}

export function collectPassages(letters: readonly LetterAnnotations[], taxonomy: Taxonomy): TaggedPassage[] {
  const rows: TaggedPassage[] = [];
  const sorted = [...letters].sort((a, b) => compare(a.letterPath, b.letterPath));
  for (const l of sorted) {
    const lines = l.letterText === undefined ? undefined : new LineIndex(l.letterText);
    for (const a of [...l.data.annotations].sort((x, y) => x.start - y.start || x.end - y.end)) {
      rows.push({
        letter: l.data.document.id ?? l.letterPath,
        letterPath: l.letterPath,
        annotationFile: l.annotationFile,
        ...(lines ? { line: lines.position(a.start).line + 1 } : {}),
        id: a.id,
        tag: a.tag,
        label: tagLabel(taxonomy, a.tag),
        quote: a.quote,
        ...(a.note !== undefined ? { note: a.note } : {}),
        refs: a.refs ?? [],
        ...(a.author !== undefined ? { author: a.author } : {}),
        ...(a.created !== undefined ? { created: a.created } : {}),
        ...(a.status !== undefined ? { status: a.status } : {}),
        start: a.start,
        end: a.end,
      });
    }
  }
  return rows;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
