// Node adapters for the metadata core: a key-value storage kept in one JSON file (the CLI's metadata cache,
// shared by CLI runs that may write it at the same time), the cache location, and the search for the team
// catalog from a folder upwards.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { KeyValueStorage } from '../core/metadata/cache';
import { CATALOG_PATH } from '../core/metadata/catalog';

/** `$XDG_CACHE_HOME/kamerstuk-annotator/metadata-cache.json`, else `~/.cache/kamerstuk-annotator/…`. */
export function defaultCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'kamerstuk-annotator', 'metadata-cache.json');
}

/** A lock older than this belongs to a run that died: it is taken over. */
const STALE_LOCK_MS = 10_000;
/** How long `flush` waits for another run's lock before it writes without one. */
const LOCK_WAIT_MS = 5_000;

/**
 * All keys in one JSON object on disk. Read once on first use; `flush()` writes the changes back when there are
 * any: under a lock file, it reads the file again, merges (other runs' entries kept; of two writes of one key the
 * newer `fetchedAt` wins; a deletion only removes the value this run had read) and replaces the file atomically
 * (temp file and rename). Concurrent CLI runs thus lose no entries. A missing or corrupt file is an empty cache.
 */
export class JsonFileStorage implements KeyValueStorage {
  private data: Map<string, string> | undefined;
  /** The file's entries as last read or written by this storage (what a deletion may remove). */
  private base = new Map<string, string>();
  /** Keys set (their value) or deleted (undefined) since the last flush. */
  private readonly changes = new Map<string, string | undefined>();

  constructor(readonly file: string) {}

  private async load(): Promise<Map<string, string>> {
    if (this.data) return this.data;
    const map = await readEntries(this.file);
    if (!this.data) {
      this.base = new Map(map);
      this.data = map;
    }
    return this.data;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.load()).get(key);
  }

  async set(key: string, value: string): Promise<void> {
    (await this.load()).set(key, value);
    this.changes.set(key, value);
  }

  async delete(key: string): Promise<void> {
    if ((await this.load()).delete(key)) this.changes.set(key, undefined);
  }

  async keys(): Promise<string[]> {
    return [...(await this.load()).keys()];
  }

  async flush(): Promise<void> {
    if (this.changes.size === 0) return;
    await fs.mkdir(dirname(this.file), { recursive: true });
    const written = new Map(this.changes);
    await withLock(`${this.file}.lock`, async () => {
      const merged = mergeChanges(await readEntries(this.file), written, this.base);
      await writeAtomically(this.file, JSON.stringify(Object.fromEntries(merged)));
      this.base = new Map(merged);
      for (const [key, value] of written) if (this.changes.get(key) === value) this.changes.delete(key);
      this.data = mergeChanges(merged, this.changes, this.base); // changes made while writing stay for the next flush
    });
  }
}

/** Replaces `file` by `text` in one step: a reader sees the old file or the new one, never a part. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** The entries of a cache file; none when it is missing or not a JSON object. */
async function readEntries(file: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') map.set(k, v);
    }
  } catch {
    // no cache yet, or unreadable: start empty
  }
  return map;
}

/** The file's current entries with this run's changes applied (see JsonFileStorage). */
function mergeChanges(onDisk: Map<string, string>, changes: ReadonlyMap<string, string | undefined>, base: ReadonlyMap<string, string>): Map<string, string> {
  for (const [key, value] of changes) {
    const theirs = onDisk.get(key);
    if (value === undefined) {
      if (theirs === base.get(key)) onDisk.delete(key);
    } else if (theirs === undefined || !isNewer(theirs, value)) onDisk.set(key, value);
  }
  return onDisk;
}

/** Whether cache entry `a` was fetched later than `b` (by their `fetchedAt`); false when either has none. */
function isNewer(a: string, b: string): boolean {
  const ta = fetchedAt(a);
  const tb = fetchedAt(b);
  return ta !== undefined && tb !== undefined && ta > tb;
}

function fetchedAt(entry: string): number | undefined {
  try {
    const value = (JSON.parse(entry) as { fetchedAt?: unknown } | null)?.fetchedAt;
    const t = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(t) ? t : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` holding the lock file `lock` (created exclusively, removed afterwards). A lock older than
 * STALE_LOCK_MS is taken over; after LOCK_WAIT_MS without it, `work` runs anyway (the merge still keeps others' entries).
 */
async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  const held = await acquire(lock);
  try {
    return await work();
  } finally {
    if (held) await fs.rm(lock, { force: true });
  }
}

/** Creates the lock file; false when it could not (held elsewhere for longer than LOCK_WAIT_MS, or not creatable). */
async function acquire(lock: string): Promise<boolean> {
  const giveUpAt = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await (await fs.open(lock, 'wx')).close();
      return true;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') return false;
    }
    const since = await fs.stat(lock).then(
      (st) => st.mtimeMs,
      () => undefined,
    );
    if (since !== undefined && Date.now() - since > STALE_LOCK_MS) await fs.rm(lock, { force: true });
    else if (Date.now() > giveUpAt) return false;
    else await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
  }
}

/** The nearest `.kamerstuk/catalog.yaml` from `dir` upwards, with its text; undefined when there is none. */
export async function findCatalog(dir: string, readFile: (path: string) => Promise<string>): Promise<{ path: string; text: string } | undefined> {
  for (let d = dir; ; d = dirname(d)) {
    const path = join(d, CATALOG_PATH);
    try {
      return { path, text: await readFile(path) };
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    }
    if (dirname(d) === d) return undefined;
  }
}
