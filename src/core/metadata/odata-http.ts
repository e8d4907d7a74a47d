// HTTP for the Tweede Kamer OData API: a timeout and the caller's AbortSignal on every request (body included),
// bounded retry with backoff on 5xx and network errors, `Retry-After` honoured on 429 (bounded), OData error
// bodies, redirects and `@odata.nextLink` paging followed within the API's origin only (bounded), and an
// online/offline state that is announced once per change. Uses the global `fetch` (Node and browser).
import { MetadataError } from './source';

export const DEFAULT_API_BASE_URL = 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/';

/** Redirects followed for one request, each within the API's origin. */
export const MAX_REDIRECTS = 3;
/** The longest `Retry-After` waited for; a 429 asking for longer fails at once. */
export const MAX_RETRY_AFTER_MS = 30_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A 429 answer, with the wait its `Retry-After` asks for (undefined when it gives none). */
class RateLimitedError extends MetadataError {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super('http', message, 429);
  }
}

/** `checking`: after "try again", until a request to the API has answered or failed. */
export type Connectivity = 'online' | 'offline' | 'checking' | 'disabled';

export interface ODataHttpOptions {
  baseUrl?: string;
  /** `false` turns all network use off (the `kamerstuk.online` setting). */
  online?: boolean;
  fetch?: typeof globalThis.fetch;
  /** Per request, until the whole body is read. Default 8 s. */
  timeoutMs?: number;
  /**
   * Per request, until the response starts (status and headers). A network that accepts connections and never
   * answers is found offline after this, not after `timeoutMs`. Default 3 s (at most `timeoutMs`).
   */
  answerTimeoutMs?: number;
  /** Extra attempts after a 5xx or network error. Default 2. */
  retries?: number;
  /** First backoff delay, doubled per attempt. Default 300 ms. */
  retryDelayMs?: number;
  /** Pages followed by `getAll`. Default 10 (2,500 records). */
  maxPages?: number;
  /** Largest body accepted. Default 8 MB. */
  maxBytes?: number;
  /** While offline, requests fail at once; after this long one request probes again. Default 60 s. */
  offlineProbeMs?: number;
  now?: () => number;
}

const PROXY_LOGIN = 'a proxy asks for a login (HTTP 407): set its address with credentials in http.proxy (the CLI: HTTPS_PROXY)';
const WEB_PAGE = 'the network answered with a web page instead of the Tweede Kamer API (a captive portal or a login page?)';

/** An HTML page where JSON was asked for: a captive portal, a proxy's error page. */
function isWebPage(res: Response, text: string): boolean {
  return /text\/html/i.test(res.headers.get('content-type') ?? '') || /^\s*<(?:!doctype|html|head|body)/i.test(text);
}

export type StatusListener = (status: Connectivity, reason?: string) => void;

export interface Disposable {
  dispose(): void;
}

export class ODataHttp {
  readonly baseUrl: string;
  private readonly o: Required<Omit<ODataHttpOptions, 'baseUrl' | 'online' | 'fetch'>> & { fetch?: typeof globalThis.fetch };
  private state: Connectivity;
  private offlineSince = 0;
  /** No request starts before this time (set by a 429's `Retry-After`). */
  private notBefore = 0;
  private listeners = new Set<StatusListener>();
  /** Requests in flight: when one finds the API unreachable, the others stop waiting for it too. */
  private readonly inFlight = new Set<() => void>();

  constructor(options: ODataHttpOptions = {}) {
    this.baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_API_BASE_URL);
    this.state = options.online === false ? 'disabled' : 'online';
    this.o = {
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? 8000,
      answerTimeoutMs: Math.min(options.answerTimeoutMs ?? 3000, options.timeoutMs ?? 8000),
      retries: options.retries ?? 2,
      retryDelayMs: options.retryDelayMs ?? 300,
      maxPages: options.maxPages ?? 10,
      maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
      offlineProbeMs: options.offlineProbeMs ?? 60_000,
      now: options.now ?? Date.now,
    };
  }

  get status(): Connectivity {
    return this.state;
  }

  /** Called on every change of status (never twice for the same status). */
  onDidChangeStatus(listener: StatusListener): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The `kamerstuk.online` setting: false stops all network use. */
  setEnabled(enabled: boolean): void {
    if (!enabled) this.setState('disabled', 'network use is turned off');
    else if (this.state === 'disabled') this.setState('online');
  }

  /** The user asks to try again now (a "Go online" command): `checking` until a request answers or fails. */
  goOnline(): void {
    if (this.state !== 'offline') return;
    this.offlineSince = 0;
    this.setState('checking', 'retrying');
  }

  /** One small request, to learn whether the API answers (after goOnline); never throws. */
  async probe(signal: AbortSignal): Promise<void> {
    await this.getJson('Document?$top=1&$select=Id', signal).catch(() => undefined);
  }

  /** GETs one JSON resource; undefined for 404 and 204 (the API's "not found"). */
  async getJson(pathOrUrl: string, signal: AbortSignal): Promise<unknown> {
    const url = this.resolve(pathOrUrl);
    let attempt = 0;
    for (;;) {
      // Also before a retry: another request may have found the API unreachable meanwhile.
      if (this.state === 'disabled') throw new MetadataError('offline', 'network use is turned off');
      if (this.state === 'offline' && this.o.now() - this.offlineSince < this.o.offlineProbeMs) {
        throw new MetadataError('offline', 'the Tweede Kamer API is unreachable');
      }
      try {
        await this.waitForRateLimit(signal);
        const value = await this.attempt(url, signal);
        if (this.state === 'offline' || this.state === 'checking') this.setState('online');
        return value;
      } catch (e) {
        const err = e instanceof MetadataError ? e : new MetadataError('network', describe(e));
        const retryable = err.code === 'network' || (err.code === 'http' && (err.status ?? 0) >= 500) || err.status === 429;
        const waitMs = this.retryWait(err, attempt);
        if (retryable && waitMs !== undefined && attempt < this.o.retries && !signal.aborted) {
          await sleep(waitMs, signal);
          attempt++;
          continue;
        }
        if (retryable || err.code === 'timeout' || err.code === 'offline') this.wentOffline(err.message);
        // Any other answer of the server (a 400, a 403) shows it is reachable.
        else if (err.code === 'http' && this.state === 'checking') this.setState('online');
        throw err;
      }
    }
  }

  /** How long to wait before retrying after `err`: its `Retry-After` (and no later request starts sooner), else backoff. */
  private retryWait(err: MetadataError, attempt: number): number | undefined {
    if (!(err instanceof RateLimitedError) || err.retryAfterMs === undefined) return this.o.retryDelayMs * 2 ** attempt;
    if (err.retryAfterMs > MAX_RETRY_AFTER_MS) return undefined;
    this.notBefore = Math.max(this.notBefore, this.o.now() + err.retryAfterMs);
    return err.retryAfterMs;
  }

  /** Waits while a `Retry-After` of an earlier answer holds (never longer than MAX_RETRY_AFTER_MS). */
  private async waitForRateLimit(signal: AbortSignal): Promise<void> {
    const wait = Math.min(this.notBefore - this.o.now(), MAX_RETRY_AFTER_MS);
    if (wait > 0) await sleep(wait, signal);
  }

  /** GETs a collection and follows `@odata.nextLink` (same origin only) up to `maxPages` pages. */
  async getAll(path: string, signal: AbortSignal): Promise<{ items: Record<string, unknown>[]; truncated: boolean }> {
    const items: Record<string, unknown>[] = [];
    let next: string | undefined = path;
    for (let page = 0; next; page++) {
      if (page >= this.o.maxPages) return { items, truncated: true };
      const body = await this.getJson(next, signal);
      if (body === undefined) break;
      if (!isRecord(body) || !Array.isArray(body.value)) throw new MetadataError('malformed', "the API's answer has no 'value' list");
      items.push(...body.value.filter(isRecord));
      const link = body['@odata.nextLink'];
      next = typeof link === 'string' && this.isOwnUrl(link) ? link : undefined;
      if (typeof link === 'string' && !next) return { items, truncated: true };
    }
    return { items, truncated: false };
  }

  private async attempt(url: string, outer: AbortSignal): Promise<unknown> {
    if (outer.aborted) throw new MetadataError('aborted', 'the request was cancelled');
    const ctl = new AbortController();
    let timedOut: string | undefined;
    let wentOffline = false;
    const timer = setTimeout(() => {
      timedOut = `no complete answer within ${this.o.timeoutMs} ms`;
      ctl.abort();
    }, this.o.timeoutMs);
    const answerTimer = setTimeout(() => {
      timedOut = `no answer within ${this.o.answerTimeoutMs} ms`;
      ctl.abort();
    }, this.o.answerTimeoutMs);
    const onAbort = () => ctl.abort();
    const onOffline = () => {
      wentOffline = true;
      ctl.abort();
    };
    outer.addEventListener('abort', onAbort, { once: true });
    this.inFlight.add(onOffline);
    try {
      const res = await this.fetchWithinOrigin(url, ctl.signal);
      clearTimeout(answerTimer);
      const text = await readCapped(res, this.o.maxBytes);
      if (res.status === 407) throw new MetadataError('offline', PROXY_LOGIN, 407);
      if (res.status === 404 || res.status === 204) return undefined;
      if (res.status === 429) throw rateLimited(res, text, this.o.now());
      if (!res.ok) throw new MetadataError('http', `HTTP ${res.status}: ${errorMessage(text) ?? res.statusText}`, res.status);
      try {
        return JSON.parse(text);
      } catch {
        if (isWebPage(res, text)) throw new MetadataError('offline', WEB_PAGE, res.status);
        throw new MetadataError('malformed', `the Tweede Kamer API sent malformed JSON (${text.length} bytes)`);
      }
    } catch (e) {
      if (timedOut) throw new MetadataError('timeout', timedOut);
      if (outer.aborted) throw new MetadataError('aborted', 'the request was cancelled');
      if (wentOffline) throw new MetadataError('offline', 'the Tweede Kamer API is unreachable');
      throw e;
    } finally {
      clearTimeout(timer);
      clearTimeout(answerTimer);
      outer.removeEventListener('abort', onAbort);
      this.inFlight.delete(onOffline);
    }
  }

  /**
   * GETs `url`, following redirects itself and only within the API's origin (the rule of `@odata.nextLink`):
   * an answer from elsewhere is never read, so never shown or cached. At most MAX_REDIRECTS.
   */
  private async fetchWithinOrigin(url: string, signal: AbortSignal): Promise<Response> {
    const doFetch = this.o.fetch ?? globalThis.fetch;
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const res = await doFetch(current, { signal, redirect: 'manual', headers: { Accept: 'application/json' } });
      // A fetch that followed anyway (an injected one) is judged by where it ended.
      if (res.redirected && res.url && !this.isOwnUrl(res.url)) throw await refusedRedirect(res, res.url);
      // In a browser a redirect is opaque: its target cannot be checked, so it is not followed.
      if (res.type === 'opaqueredirect') throw await refusedRedirect(res, undefined);
      if (!REDIRECT_STATUSES.has(res.status)) return res;
      const target = redirectTarget(res, current);
      if (!target || !this.isOwnUrl(target)) throw await refusedRedirect(res, target);
      await discard(res);
      if (redirects >= MAX_REDIRECTS) throw new MetadataError('http', `the Tweede Kamer API redirected more than ${MAX_REDIRECTS} times`, res.status);
      current = target;
    }
  }

  private wentOffline(reason: string): void {
    this.offlineSince = this.o.now();
    if (this.state === 'online' || this.state === 'checking') {
      this.setState('offline', reason);
      // The first failure decides: requests still waiting on the same network stop now, not at their own timeout.
      for (const stop of [...this.inFlight]) stop();
    }
  }

  private setState(next: Connectivity, reason?: string): void {
    if (next === this.state) return;
    this.state = next;
    for (const l of [...this.listeners]) {
      try {
        l(next, reason);
      } catch {
        // a listener's failure is not the client's
      }
    }
  }

  private resolve(pathOrUrl: string): string {
    return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : this.baseUrl + pathOrUrl.replace(/^\//, '');
  }

  private isOwnUrl(url: string): boolean {
    try {
      return new URL(url).origin === new URL(this.baseUrl).origin;
    } catch {
      return false;
    }
  }
}

/** The absolute URL a redirect points to; undefined without a readable Location. */
function redirectTarget(res: Response, from: string): string | undefined {
  const location = res.headers.get('location');
  if (!location) return undefined;
  try {
    return new URL(location, from).href;
  } catch {
    return undefined;
  }
}

/** The error of a redirect that is not followed: names the other origin (never its path), reads nothing from it. */
async function refusedRedirect(res: Response, target: string | undefined): Promise<MetadataError> {
  await discard(res);
  let where = 'a location that cannot be checked';
  try {
    if (target) where = `another origin (${new URL(target).origin})`;
  } catch {
    // keep the generic wording
  }
  return new MetadataError('http', `the Tweede Kamer API redirected to ${where}; the redirect was refused`, res.status || undefined);
}

async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => undefined);
}

/** A 429 as an error that carries the wait its `Retry-After` asks for. */
function rateLimited(res: Response, text: string, now: number): RateLimitedError {
  const wait = retryAfterMs(res.headers.get('retry-after'), now);
  const tooLong = wait !== undefined && wait > MAX_RETRY_AFTER_MS;
  const asked = tooLong ? ` (it asks to wait ${Math.round(wait / 1000)} s, longer than ${MAX_RETRY_AFTER_MS / 1000} s)` : '';
  return new RateLimitedError(`HTTP 429: ${errorMessage(text) ?? 'too many requests'}${asked}`, wait);
}

/** The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function checkBaseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new MetadataError('network', `invalid API base URL '${raw}'`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new MetadataError('network', `invalid API base URL '${raw}'`);
  return u.href.endsWith('/') ? u.href : u.href + '/';
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new MetadataError('malformed', `the answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** The message of an OData error body `{"error":{"code":"","message":"…"}}`. */
export function errorMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    const m = body?.error?.message;
    return typeof m === 'string' ? m.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `${e.message} (${cause.code})` : e.message;
  }
  return String(e);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new MetadataError('aborted', 'the request was cancelled'));
    const t = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(t);
      reject(new MetadataError('aborted', 'the request was cancelled'));
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
