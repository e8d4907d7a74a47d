// The workspace index in shards: core's WorkspaceIndex per group of paths (by a hash of the path), so saving and
// loading it is a series of small synchronous steps (one shard each, with the thread given back in between) instead
// of one long JSON.parse or JSON.stringify of the whole workspace. Answers as one WorkspaceIndex would.
import { WorkspaceIndex, type FileStamp, type IndexedFile, type IndexedRef, type IndexStats } from '../../core/workspace';

export const SHARD_COUNT = 16;

/** The shard of a path: FNV-1a of its characters. */
export function shardOf(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARD_COUNT;
}

export class ShardedIndex {
  private readonly dirty = new Set<number>();

  /** `shards`: one index per shard number (a missing one starts empty). */
  constructor(private readonly shards: WorkspaceIndex[] = []) {
    for (let i = 0; i < SHARD_COUNT; i++) this.shards[i] ??= new WorkspaceIndex();
  }

  private at(path: string): WorkspaceIndex {
    return this.shards[shardOf(path)];
  }

  private touch(path: string): void {
    this.dirty.add(shardOf(path));
  }

  upsert(file: IndexedFile): void {
    this.at(file.path).upsert(file);
    this.touch(file.path);
  }

  remove(path: string): void {
    if (!this.at(path).get(path)) return;
    this.at(path).remove(path);
    this.touch(path);
  }

  restamp(stamp: FileStamp, hash: string): boolean {
    const done = this.at(stamp.path).restamp(stamp, hash);
    if (done) this.touch(stamp.path);
    return done;
  }

  get(path: string): IndexedFile | undefined {
    return this.at(path).get(path);
  }

  *files(): Iterable<IndexedFile> {
    for (const s of this.shards) yield* s.files();
  }

  /** The annotation files' entries, by path. */
  annotationFiles(): IndexedFile[] {
    return this.shards.flatMap((s) => s.annotationFiles()).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Changes whenever the set of annotation files changes (each shard's count only grows). */
  get annotationFilesVersion(): number {
    return this.shards.reduce((n, s) => n + s.annotationFilesVersion, 0);
  }

  citing(id: string): Array<{ path: string; ref: IndexedRef }> {
    return this.shards.flatMap((s) => s.citing(id)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.ref.start - b.ref.start));
  }

  citedIds(): Map<string, number> {
    const out = new Map<string, number>();
    for (const s of this.shards) for (const [id, n] of s.citedIds()) out.set(id, (out.get(id) ?? 0) + n);
    return out;
  }

  stale(current: Iterable<FileStamp>): { changed: FileStamp[]; removed: string[] } {
    const parts: FileStamp[][] = this.shards.map(() => []);
    for (const s of current) parts[shardOf(s.path)].push(s);
    const changed: FileStamp[] = [];
    const removed: string[] = [];
    this.shards.forEach((shard, i) => {
      const r = shard.stale(parts[i]);
      changed.push(...r.changed);
      removed.push(...r.removed);
    });
    return { changed, removed };
  }

  stats(): IndexStats {
    const sum: IndexStats = { files: 0, notes: 0, letters: 0, annotationFiles: 0, refs: 0, indexedThisSession: 0, reusedFromSaved: 0 };
    for (const s of this.shards) {
      const st = s.stats();
      for (const k of Object.keys(sum) as (keyof IndexStats)[]) sum[k] += st[k];
    }
    return sum;
  }

  /** The shards changed since the last call, to be saved. */
  takeDirty(): Array<{ shard: number; serialize: () => string }> {
    const numbers = [...this.dirty];
    this.dirty.clear();
    return numbers.map((shard) => ({ shard, serialize: () => this.shards[shard].serialize() }));
  }
}
