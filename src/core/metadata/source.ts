// The contract every metadata source fulfils, and the errors they report.
import { idsOf, type DocumentMetadata } from './model';

export interface SearchOptions {
  limit?: number;
}

export interface MetadataSource {
  /** Short stable name, shown as "source" in hovers: `catalog`, `cache`, `tweedekamer`, `bundled`. */
  readonly name: string;
  /** True for a source that reaches the network; its answers are written to the cache. */
  readonly remote?: boolean;
  /** The record for a canonical id, undefined when the source does not know it. May reject with MetadataError. */
  get(id: string, signal: AbortSignal): Promise<DocumentMetadata | undefined>;
  /** Records whose id, title or dossier match the query (for completion and quick picks). */
  search?(query: string, signal: AbortSignal, options?: SearchOptions): Promise<DocumentMetadata[]>;
  /**
   * Whether an expired record (with its `apiRevision`) is still what the source holds, asked with a query much
   * smaller than `get`: `unchanged`, or undefined when it changed or cannot be told (then `get` is asked).
   * May reject with MetadataError like `get`.
   */
  revalidate?(stale: DocumentMetadata, signal: AbortSignal): Promise<'unchanged' | undefined>;
}

export type MetadataErrorCode =
  | 'offline' // network use is off, or the API was found unreachable
  | 'network' // a request failed before an answer came
  | 'timeout'
  | 'aborted'
  | 'http' // a non-2xx answer
  | 'malformed' // the answer was not the JSON expected
  | 'catalog'; // the team catalog does not parse

export class MetadataError extends Error {
  constructor(
    readonly code: MetadataErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MetadataError';
  }
}

export function isAbortError(e: unknown): boolean {
  return (e instanceof MetadataError && e.code === 'aborted') || (e instanceof Error && e.name === 'AbortError');
}

/** Rejects with an `aborted` MetadataError when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new MetadataError('aborted', 'the request was cancelled');
}

/** Case- and accent-insensitive match of every query word against a record's id, title and dossier. */
export function matchesQuery(meta: DocumentMetadata, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold(
    [meta.id, ...(meta.aliases ?? []), meta.title, meta.onderwerp, meta.soort, meta.dossier?.nummer, meta.dossier?.titel].filter(Boolean).join(' '),
  );
  return words.every((w) => hay.includes(w));
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A source backed by a fixed set of records (the bundled catalog, a parsed team catalog). */
export class StaticSource implements MetadataSource {
  private byId = new Map<string, DocumentMetadata>();

  constructor(
    readonly name: string,
    records: Iterable<DocumentMetadata> = [],
  ) {
    this.replace(records);
  }

  /** Swaps in a new set of records, e.g. after the catalog file changed. */
  replace(records: Iterable<DocumentMetadata>): void {
    this.byId.clear();
    for (const r of records) {
      for (const id of [r.id, ...(r.aliases ?? [])]) if (!this.byId.has(id)) this.byId.set(id, r);
    }
  }

  records(): DocumentMetadata[] {
    return [...new Set(this.byId.values())];
  }

  /** The id a record is filed under when `id` is one of its aliases (or itself); undefined when unknown. */
  primaryId(id: string): string | undefined {
    return this.byId.get(id)?.id;
  }

  async get(id: string, signal: AbortSignal): Promise<DocumentMetadata | undefined> {
    throwIfAborted(signal);
    const r = this.byId.get(id);
    return r && asAnswerFor(r, id, this.name);
  }

  async search(query: string, signal: AbortSignal, options: SearchOptions = {}): Promise<DocumentMetadata[]> {
    throwIfAborted(signal);
    const hits = this.records().filter((r) => matchesQuery(r, query));
    return hits.slice(0, options.limit ?? 50).map((r) => ({ ...structuredClone(r), source: this.name }));
  }
}

/** A copy of `record` presented as the answer for `id` (which may be one of its aliases). */
export function asAnswerFor(record: DocumentMetadata, id: string, source: string): DocumentMetadata {
  const copy = structuredClone(record);
  const aliases = idsOf(record).filter((x) => x !== id);
  return { ...copy, id, aliases: aliases.length ? aliases : undefined, source };
}
