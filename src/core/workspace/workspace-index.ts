// The workspace index: every note, letter and annotation file by path, with the documents each file cites, the
// letters by id, and the stamps that tell which entries a new session must read again. Kept in memory by the
// editor (and saved to its workspace storage, serialize.ts) and built once by the CLI.
import { deserializeFiles, serializeFiles } from './serialize';
import type { FileStamp, IndexedFile, IndexedRef, IndexStats } from './types';

export class WorkspaceIndex {
  private readonly byPath = new Map<string, IndexedFile>();
  /** Document id -> paths of the files citing it. */
  private readonly citingPaths = new Map<string, Set<string>>();
  /** Letter id -> paths of the letters declaring it. */
  private readonly letterPaths = new Map<string, Set<string>>();
  /** Document id -> number of citing places. */
  private readonly placeCounts = new Map<string, number>();
  /** Paths whose entry is still the one loaded from the saved index. */
  private readonly fromSaved = new Set<string>();
  /** Paths of the annotation files. */
  private readonly annotationPaths = new Set<string>();
  private annotationChanges = 0;
  private indexed = 0;
  private refCount = 0;

  /** Adds or replaces the entry of `file.path`. */
  upsert(file: IndexedFile): void {
    const had = this.annotationPaths.has(file.path);
    this.drop(file.path);
    this.add(file);
    if (had !== this.annotationPaths.has(file.path)) this.annotationChanges++;
    this.fromSaved.delete(file.path);
    this.indexed++;
  }

  remove(path: string): void {
    if (this.annotationPaths.has(path)) this.annotationChanges++;
    this.drop(path);
    this.fromSaved.delete(path);
  }

  /**
   * A file read again whose content hash is its entry's: only its stamp changed (a checkout that rewrote it as it
   * was, a touch). Updates the stamp and keeps the entry; false when there is no entry with that hash.
   */
  restamp(stamp: FileStamp, hash: string): boolean {
    const old = this.byPath.get(stamp.path);
    if (!old || old.hash !== hash) return false;
    this.byPath.set(stamp.path, { ...old, size: stamp.size, mtime: stamp.mtime });
    return true;
  }

  get(path: string): IndexedFile | undefined {
    return this.byPath.get(path);
  }

  files(): Iterable<IndexedFile> {
    return this.byPath.values();
  }

  get size(): number {
    return this.byPath.size;
  }

  /** The annotation files' entries (path and stamp; `tagCount` undefined for a file that does not parse), by path. */
  annotationFiles(): IndexedFile[] {
    return [...this.annotationPaths].sort().map((p) => this.byPath.get(p)!);
  }

  /** Changes whenever a path becomes or stops being an annotation file of the index (not when one's text changes). */
  get annotationFilesVersion(): number {
    return this.annotationChanges;
  }

  /** Every place citing document `id`, by path and then by offset. */
  citing(id: string): Array<{ path: string; ref: IndexedRef }> {
    const paths = this.citingPaths.get(id);
    if (!paths) return [];
    const out: Array<{ path: string; ref: IndexedRef }> = [];
    for (const path of [...paths].sort()) {
      for (const ref of this.byPath.get(path)!.refs) if (ref.id === id) out.push({ path, ref });
    }
    return out;
  }

  /** Each cited document id with its number of citing places. */
  citedIds(): Map<string, number> {
    return new Map(this.placeCounts);
  }

  /** The letter file with canonical id `id` (the first by path when several declare it). */
  letter(id: string): IndexedFile | undefined {
    const paths = this.letterPaths.get(id);
    if (!paths?.size) return undefined;
    let first: string | undefined;
    for (const p of paths) if (first === undefined || p < first) first = p;
    return this.byPath.get(first!);
  }

  /** Which stamps need reading again: new, or size or mtime differ (the hash decides after reading); and which entries are gone. */
  stale(current: Iterable<FileStamp>): { changed: FileStamp[]; removed: string[] } {
    const changed: FileStamp[] = [];
    const seen = new Set<string>();
    for (const s of current) {
      seen.add(s.path);
      const old = this.byPath.get(s.path);
      if (!old || old.size !== s.size || old.mtime !== s.mtime) changed.push(s);
    }
    const removed: string[] = [];
    for (const path of this.byPath.keys()) if (!seen.has(path)) removed.push(path);
    return { changed, removed };
  }

  stats(): IndexStats {
    let notes = 0;
    let letters = 0;
    let annotationFiles = 0;
    for (const f of this.byPath.values()) {
      if (f.kind === 'note') notes++;
      else if (f.kind === 'letter') letters++;
      else annotationFiles++;
    }
    return {
      files: this.byPath.size,
      notes,
      letters,
      annotationFiles,
      refs: this.refCount,
      indexedThisSession: this.indexed,
      reusedFromSaved: this.fromSaved.size,
    };
  }

  /** Versioned JSON (`{ format: 'kamerstuk-index', version, files }`), for `deserialize` in a later session. */
  serialize(): string {
    return serializeFiles(this.byPath.values());
  }

  /** The index saved by `serialize`; undefined for corrupt, old or foreign data. Never throws. */
  static deserialize(text: string): WorkspaceIndex | undefined {
    const files = deserializeFiles(text);
    if (!files) return undefined;
    const index = new WorkspaceIndex();
    for (const f of files) {
      index.drop(f.path);
      index.add(f);
      index.fromSaved.add(f.path);
    }
    index.annotationChanges = index.annotationPaths.size;
    return index;
  }

  private add(file: IndexedFile): void {
    this.byPath.set(file.path, file);
    this.refCount += file.refs.length;
    for (const r of file.refs) {
      addTo(this.citingPaths, r.id, file.path);
      this.placeCounts.set(r.id, (this.placeCounts.get(r.id) ?? 0) + 1);
    }
    if (file.letterId && file.kind === 'letter') addTo(this.letterPaths, file.letterId, file.path);
    if (file.kind === 'annotations') this.annotationPaths.add(file.path);
  }

  private drop(path: string): void {
    const old = this.byPath.get(path);
    if (!old) return;
    this.byPath.delete(path);
    this.refCount -= old.refs.length;
    for (const r of old.refs) {
      removeFrom(this.citingPaths, r.id, path);
      const n = (this.placeCounts.get(r.id) ?? 1) - 1;
      if (n > 0) this.placeCounts.set(r.id, n);
      else this.placeCounts.delete(r.id);
    }
    if (old.letterId) removeFrom(this.letterPaths, old.letterId, path);
    this.annotationPaths.delete(path);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, path: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(path);
}

function removeFrom(map: Map<string, Set<string>>, key: string, path: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(path);
  if (!set.size) map.delete(key);
}
