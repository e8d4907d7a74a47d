// The shapes of the workspace index: what one file contributes (its citations with positions, a letter's id, an
// annotation file's tag count) and the stamp that tells whether a saved entry is still current.

export type FileKind = 'note' | 'letter' | 'annotations';

/** A file as the file system describes it. `path` is workspace-relative, with `/` separators. */
export interface FileStamp {
  path: string;
  size: number;
  mtime: number;
}

/** One citation of a document id in a file. */
export interface IndexedRef {
  /** Canonical id, as core/citations gives it. */
  id: string;
  /** The citation kind (CitationRef.kind). */
  kind: string;
  /** UTF-16 offsets into the file. */
  start: number;
  end: number;
  /** 0-based. */
  line: number;
  column: number;
  /** The cited text as written. */
  text: string;
}

export interface IndexedFile extends FileStamp {
  /** Content hash (same text, same hash): an mtime-only change can be skipped. */
  hash: string;
  kind: FileKind;
  /** Empty when the prefilter says the file cannot contain a citation. */
  refs: IndexedRef[];
  /** A letter's canonical id (front matter `kamerstuk:`, else the file name). */
  letterId?: string;
  /** Annotation files: the number of annotations; undefined when the file does not parse. */
  tagCount?: number;
  /** Why the file could not be indexed (too large, unreadable); never thrown. */
  problem?: string;
}

export interface IndexStats {
  files: number;
  notes: number;
  letters: number;
  annotationFiles: number;
  refs: number;
  /** Entries made by `upsert` since the index was created or loaded. */
  indexedThisSession: number;
  /** Entries still as they were loaded from the saved index. */
  reusedFromSaved: number;
}
