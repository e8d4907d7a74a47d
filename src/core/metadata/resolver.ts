// Asks the sources in order (catalog, cache, API, bundled), revalidates an expired cache entry by its change stamp
// (stale-while-revalidate: a small query, the whole record only when it changed), remembers each answer by id, shares one lookup
// between concurrent callers of the same id, honours every caller's AbortSignal and deadline, and never rejects.
// Local first: a caller whose deadline passes while the API is still being asked gets what the local sources know
// (an expired cache entry, the bundled catalog) at once, marked `refreshing`; the lookup goes on and its answer is
// remembered for the next caller. A slow or silent network never makes a known document "not found".
import type { DocumentMetadata } from './model';
import { idsOf } from './model';
import { normaliseId } from './ids';
import { isAbortError, MetadataError, type MetadataErrorCode, type MetadataSource } from './source';

export interface ResolveOptions {
  signal?: AbortSignal;
  /** The caller stops waiting after this long; the lookup goes on in the background and fills the memory. */
  timeoutMs?: number;
  /**
   * After this long, a caller takes what the local sources know (marked `refreshing`) if they know the document,
   * instead of waiting for the network until `timeoutMs` (a hover: show the known at once, the fresh next time).
   */
  preferLocalAfterMs?: number;
}

export interface SourceFailure {
  source: string;
  code: MetadataErrorCode | 'error';
  message: string;
}

export interface Resolution {
  meta?: DocumentMetadata;
  /** Sources that failed on the way; the resolver went on to the next one. */
  errors: SourceFailure[];
  timedOut?: boolean;
  aborted?: boolean;
  /** The answer is what the local sources know; the API is still being asked (the next call may have more). */
  refreshing?: boolean;
}

export interface ResolverOptions {
  sources: MetadataSource[];
  /** Where answers of remote sources are written (the CacheSource). */
  cache?: { put(meta: DocumentMetadata): Promise<void> };
  /** Default caller deadline. Default 1,500 ms (a hover). */
  timeoutMs?: number;
  /** Upper bound of one background lookup. Default 30 s. */
  lookupTimeoutMs?: number;
  /** Answers remembered in memory (least recently used dropped first). Default 5,000. */
  memoryLimit?: number;
  /** Misses, fallbacks after errors and stale answers are asked again after this long. Default 60 s. */
  retryAfterMs?: number;
  now?: () => number;
}

/** How long a caller whose deadline passed waits for the local sources after the network. */
const FALLBACK_MS = 100;

interface Remembered {
  resolution: Resolution;
  expiresAt: number;
}

interface Flight {
  promise: Promise<Resolution>;
  /** An expired answer the lookup met on its way (a cache entry), kept while it goes on asking. */
  stale?: DocumentMetadata;
  /** Callers that prefer a local answer and found none yet: told when the lookup meets an expired one. */
  onStale?: Set<(meta: DocumentMetadata) => void>;
  /** What the local sources after the network know, asked (once) when a caller's deadline passes first. */
  fallback?: Promise<DocumentMetadata | undefined>;
  ctl: AbortController;
  waiters: number;
}

export class MetadataResolver {
  private readonly memory = new Map<string, Remembered>();
  private readonly flights = new Map<string, Flight>();
  private readonly writes = new Set<Promise<void>>();
  private readonly o: Required<Omit<ResolverOptions, 'cache'>> & Pick<ResolverOptions, 'cache'>;
  private disposed = false;

  constructor(options: ResolverOptions) {
    this.o = {
      sources: options.sources,
      cache: options.cache,
      timeoutMs: options.timeoutMs ?? 1500,
      lookupTimeoutMs: options.lookupTimeoutMs ?? 30_000,
      memoryLimit: options.memoryLimit ?? 5000,
      retryAfterMs: options.retryAfterMs ?? 60_000,
      now: options.now ?? Date.now,
    };
  }

  get sources(): readonly MetadataSource[] {
    return this.o.sources;
  }

  /**
   * The metadata for a canonical id, or undefined (unknown, failed, timed out or cancelled). Never rejects.
   * The record is shared with other callers and frozen: copy it (structuredClone) before changing it.
   */
  async get(id: string, options: ResolveOptions = {}): Promise<DocumentMetadata | undefined> {
    return (await this.resolve(id, options)).meta;
  }

  /** A remembered answer, synchronously; undefined when the id was not looked up yet. */
  peek(id: string): DocumentMetadata | undefined {
    const key = normaliseId(id) ?? id;
    const hit = this.memory.get(key);
    return hit && hit.expiresAt > this.o.now() ? hit.resolution.meta : undefined;
  }

  /** Like `get`, with the failures of each source and whether the deadline or a cancellation ended the wait. */
  resolve(id: string, options: ResolveOptions = {}): Promise<Resolution> {
    const key = normaliseId(id) ?? id.trim();
    const hit = this.memory.get(key);
    if (hit && hit.expiresAt > this.o.now()) {
      this.memory.delete(key); // keep least-recently-used order
      this.memory.set(key, hit);
      return Promise.resolve(hit.resolution);
    }
    if (this.disposed) return Promise.resolve({ errors: [{ source: 'resolver', code: 'aborted', message: 'the resolver was disposed' }], aborted: true });
    if (options.signal?.aborted) return Promise.resolve({ errors: [], aborted: true });
    const flight = this.flights.get(key) ?? this.start(key);
    flight.waiters++;
    return new Promise<Resolution>((resolve) => {
      let settled = false;
      const leave = (result: Resolution, abandon: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(early);
        flight.onStale?.delete(takeLocal);
        options.signal?.removeEventListener('abort', onAbort);
        flight.waiters--;
        if (abandon && flight.waiters === 0) {
          flight.ctl.abort();
          if (this.flights.get(key) === flight) this.flights.delete(key); // a later caller starts afresh
        }
        resolve(result);
      };
      const onAbort = () => leave({ errors: [], aborted: true }, true);
      // The expired answer the lookup met, if it has met one by now (it ranks above the sources after the network).
      const local = async () => flight.stale ?? (await (flight.fallback ??= this.fallbackLookup(key, flight.ctl.signal)));
      const timedOut = () =>
        void local().then((meta) => leave(meta ? { meta, errors: [], timedOut: true, refreshing: true } : { errors: [], timedOut: true }, false));
      const timer = setTimeout(timedOut, options.timeoutMs ?? this.o.timeoutMs);
      const takeLocal = (meta: DocumentMetadata) => leave({ meta, errors: [], timedOut: true, refreshing: true }, false);
      const early =
        options.preferLocalAfterMs === undefined
          ? undefined
          : setTimeout(
              () =>
                void local().then((meta) => {
                  if (meta) return takeLocal(meta);
                  // Nothing local yet: the cache may still be read; its expired entry is taken as soon as it is met.
                  (flight.onStale ??= new Set()).add(takeLocal);
                }),
              options.preferLocalAfterMs,
            );
      options.signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then((r) => leave(r, false));
    });
  }

  /** Records matching a query, from sources that can search; remote ones only when asked. Never rejects. */
  async search(query: string, options: { signal?: AbortSignal; limit?: number; remote?: boolean } = {}): Promise<DocumentMetadata[]> {
    const limit = options.limit ?? 50;
    const signal = options.signal ?? new AbortController().signal;
    const out: DocumentMetadata[] = [];
    const seen = new Set<string>();
    for (const source of this.o.sources) {
      if (!source.search || (source.remote && !options.remote) || signal.aborted) continue;
      try {
        for (const meta of await source.search(query, signal, { limit })) {
          if (idsOf(meta).some((x) => seen.has(x))) continue;
          idsOf(meta).forEach((x) => seen.add(x));
          out.push(meta);
        }
      } catch {
        // a failing source gives no suggestions; the others still do
      }
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  /** Forgets remembered answers (all, or one id): after the catalog changed or the API came back online. */
  invalidate(id?: string): void {
    if (id === undefined) this.memory.clear();
    else this.memory.delete(normaliseId(id) ?? id);
  }

  /** Forgets misses, fallbacks and stale answers only (called when the API comes back online). */
  forgetFailures(): void {
    for (const [k, v] of [...this.memory]) if (v.expiresAt !== Number.POSITIVE_INFINITY) this.memory.delete(k);
  }

  /** Resolves when every cache write started so far has finished (a CLI flushes its cache file after this). */
  async whenWritten(): Promise<void> {
    while (this.writes.size) await Promise.all([...this.writes]);
  }

  private track(write: Promise<void>): void {
    const p = write.catch(() => undefined).then(() => void this.writes.delete(p));
    this.writes.add(p);
  }

  /** Cancels every lookup in progress; later calls answer at once with `aborted`. */
  dispose(): void {
    this.disposed = true;
    for (const f of this.flights.values()) f.ctl.abort();
    this.flights.clear();
    this.memory.clear();
  }

  private start(id: string): Flight {
    const ctl = new AbortController();
    const cap = setTimeout(() => ctl.abort(), this.o.lookupTimeoutMs);
    const flight: Flight = { ctl, waiters: 0, promise: Promise.resolve({ errors: [] }) };
    flight.promise = this.lookup(id, ctl.signal, flight)
      .catch((e): Resolution => ({ errors: [failure('resolver', e)] }))
      .then((resolution) => {
        clearTimeout(cap);
        if (this.flights.get(id) === flight) this.flights.delete(id);
        if (!ctl.signal.aborted && !this.disposed) this.remember(id, resolution);
        return resolution;
      });
    this.flights.set(id, flight);
    return flight;
  }

  /**
   * The answer of the local sources after the network (the bundled catalog), for a caller whose deadline passed
   * while the network is asked; undefined when there are none, or they take longer than FALLBACK_MS. Never rejects.
   */
  private async fallbackLookup(id: string, signal: AbortSignal): Promise<DocumentMetadata | undefined> {
    const sources = this.o.sources;
    const lastRemote = sources.reduce((last, s, i) => (s.remote ? i : last), -1);
    if (lastRemote < 0) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), FALLBACK_MS)));
    const ask = async () => {
      for (const source of sources.slice(lastRemote + 1)) {
        if (source.remote || signal.aborted) continue;
        const meta = await Promise.resolve()
          .then(() => source.get(id, signal))
          .catch(() => undefined);
        if (meta) return meta;
      }
      return undefined;
    };
    try {
      return await Promise.race([ask(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async lookup(id: string, signal: AbortSignal, progress: Pick<Flight, 'stale' | 'onStale'> = {}): Promise<Resolution> {
    const errors: SourceFailure[] = [];
    const sources = this.o.sources;
    const lastRemote = sources.reduce((last, s, i) => (s.remote ? i : last), -1);
    let stale: DocumentMetadata | undefined;
    for (let i = 0; i < sources.length; i++) {
      // An expired cache entry beats the sources after the network (the bundled catalog).
      if (stale && i > lastRemote) break;
      if (signal.aborted) return { errors, aborted: true };
      const source = sources[i];
      try {
        // Stale-while-revalidate: an expired entry the API confirms unchanged is fresh again, without a full fetch.
        if (stale && source.remote && source.revalidate && (await source.revalidate(stale, signal)) === 'unchanged') {
          const meta = this.revalidated(stale);
          if (this.o.cache) this.track(this.o.cache.put(meta));
          return { meta, errors };
        }
        const meta = await source.get(id, signal);
        if (!meta) continue;
        if (meta.stale) {
          stale ??= meta;
          if (!progress.stale) {
            progress.stale = meta;
            for (const tell of progress.onStale ?? []) tell(meta);
          }
          continue;
        }
        if (source.remote && this.o.cache) this.track(this.o.cache.put(meta));
        return { meta, errors };
      } catch (e) {
        if (signal.aborted && isAbortError(e)) return { errors, aborted: true };
        errors.push(failure(source.name, e));
      }
    }
    return stale ? { meta: stale, errors } : { errors };
  }

  /** An expired record the API confirmed: the same data, fetched now. */
  private revalidated(stale: DocumentMetadata): DocumentMetadata {
    const { stale: _stale, ...rest } = structuredClone(stale);
    return { ...rest, fetchedAt: new Date(this.o.now()).toISOString() };
  }

  private remember(id: string, resolution: Resolution): void {
    const settled = resolution.meta && !resolution.meta.stale && resolution.errors.length === 0;
    const expiresAt = settled ? Number.POSITIVE_INFINITY : this.o.now() + this.o.retryAfterMs;
    const keys = resolution.meta ? [id, ...idsOf(resolution.meta).filter((x) => x !== id && !this.memory.has(x))] : [id];
    for (const k of keys) {
      const r =
        k === id || !resolution.meta
          ? resolution
          : { ...resolution, meta: { ...resolution.meta, id: k, aliases: idsOf(resolution.meta).filter((x) => x !== k) } };
      this.memory.delete(k);
      this.memory.set(k, { resolution: deepFreeze(r), expiresAt });
    }
    while (this.memory.size > this.o.memoryLimit) this.memory.delete(this.memory.keys().next().value as string);
  }
}

/** Remembered answers are shared by every caller: frozen, so one caller cannot change another's hover. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function failure(source: string, e: unknown): SourceFailure {
  if (e instanceof MetadataError) return { source, code: e.code, message: e.message };
  return { source, code: 'error', message: e instanceof Error ? e.message : String(e) };
}
