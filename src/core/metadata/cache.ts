// The metadata cache: answers from the network, kept as JSON in an injected key-value storage (the extension's
// global storage, a file for the CLI, memory in tests). Fresh entries answer directly; expired ones are only
// used when nothing fresher answers (stale-while-offline), and are revalidated by the API's change stamp.
import { isVotedKind } from '../citations/types';
import type { DocumentMetadata } from './model';
import { idsOf } from './model';
import { metadataFromPlain, plainFromMetadata } from './record';
import { matchesQuery, throwIfAborted, type MetadataSource, type SearchOptions } from './source';

export interface KeyValueStorage {
  get(key: string): Promise<string | undefined> | string | undefined;
  set(key: string, value: string): Promise<void> | void;
  delete(key: string): Promise<void> | void;
  keys(): Promise<readonly string[]> | readonly string[];
}

export class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  get(key: string) {
    return this.map.get(key);
  }
  set(key: string, value: string) {
    this.map.set(key, value);
  }
  delete(key: string) {
    this.map.delete(key);
  }
  keys() {
    return [...this.map.keys()];
  }
}

export interface CachePolicy {
  /** Entries younger than this answer as fresh. Default 30 days. */
  maxAgeMs: number;
  /** A motion without an outcome yet changes soon: fresh for this long. Default 1 day. */
  pendingMotionMaxAgeMs: number;
  /** Entries older than this are dropped. Default 365 days. */
  dropAfterMs: number;
}

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_CACHE_POLICY: CachePolicy = { maxAgeMs: 30 * DAY, pendingMotionMaxAgeMs: DAY, dropAfterMs: 365 * DAY };
const PREFIX = 'kamerstuk.metadata/';
const VERSION = 1;

interface Entry {
  v: number;
  fetchedAt: string;
  origin: string;
  /** The API's change stamp of the record (DocumentMetadata.apiRevision), for revalidation. */
  apiRevision?: string;
  record: Record<string, unknown>;
}

export class CacheSource implements MetadataSource {
  readonly name = 'cache';
  private readonly policy: CachePolicy;
  private readonly now: () => number;

  constructor(
    private readonly storage: KeyValueStorage,
    options: { policy?: Partial<CachePolicy>; now?: () => number } = {},
  ) {
    this.policy = { ...DEFAULT_CACHE_POLICY, ...options.policy };
    this.now = options.now ?? Date.now;
  }

  async get(id: string, signal: AbortSignal): Promise<DocumentMetadata | undefined> {
    throwIfAborted(signal);
    const raw = await this.storage.get(PREFIX + id);
    if (raw === undefined) return undefined;
    const meta = this.decode(id, raw);
    if (!meta) {
      await this.storage.delete(PREFIX + id);
      return undefined;
    }
    return meta;
  }

  /** Writes a record under its id and each alias, stamped with its fetch time. */
  async put(meta: DocumentMetadata): Promise<void> {
    const entry: Entry = {
      v: VERSION,
      fetchedAt: meta.fetchedAt ?? new Date(this.now()).toISOString(),
      origin: meta.origin ?? meta.source,
      ...(meta.apiRevision ? { apiRevision: meta.apiRevision } : {}),
      record: plainFromMetadata(meta),
    };
    for (const id of idsOf(meta)) {
      const aliases = idsOf(meta).filter((x) => x !== id);
      await this.storage.set(PREFIX + id, JSON.stringify({ ...entry, record: { ...entry.record, aliases } }));
    }
  }

  async delete(id: string): Promise<void> {
    await this.storage.delete(PREFIX + id);
  }

  async clear(): Promise<void> {
    for (const k of await this.storage.keys()) if (k.startsWith(PREFIX)) await this.storage.delete(k);
  }

  async search(query: string, signal: AbortSignal, options: SearchOptions = {}): Promise<DocumentMetadata[]> {
    const out: DocumentMetadata[] = [];
    const seen = new Set<string>();
    for (const key of await this.storage.keys()) {
      throwIfAborted(signal);
      if (!key.startsWith(PREFIX)) continue;
      const id = key.slice(PREFIX.length);
      if (seen.has(id)) continue;
      const raw = await this.storage.get(key);
      const meta = raw === undefined ? undefined : this.decode(id, raw);
      if (!meta) continue;
      idsOf(meta).forEach((x) => seen.add(x));
      if (matchesQuery(meta, query)) out.push(meta);
      if (out.length >= (options.limit ?? 50)) break;
    }
    return out;
  }

  private decode(id: string, raw: string): DocumentMetadata | undefined {
    let entry: Entry;
    try {
      entry = JSON.parse(raw) as Entry;
    } catch {
      return undefined;
    }
    if (!entry || entry.v !== VERSION || typeof entry.fetchedAt !== 'string') return undefined;
    const fetched = Date.parse(entry.fetchedAt);
    if (!Number.isFinite(fetched)) return undefined;
    const age = this.now() - fetched;
    if (age > this.policy.dropAfterMs) return undefined;
    let broken = false;
    const meta = metadataFromPlain(id, entry.record, this.name, () => (broken = true));
    if (!meta || broken) return undefined;
    meta.origin = typeof entry.origin === 'string' ? entry.origin : undefined;
    meta.fetchedAt = entry.fetchedAt;
    if (typeof entry.apiRevision === 'string') meta.apiRevision = entry.apiRevision;
    const pending = isVotedKind(meta.kind) && !meta.motion?.outcome;
    if (age > (pending ? this.policy.pendingMotionMaxAgeMs : this.policy.maxAgeMs)) meta.stale = true;
    return meta;
  }
}
