// One GET from zoek.officielebekendmakingen.nl with the rules of the Tweede Kamer client (src/core/metadata/
// odata-http.ts): a timeout until the answer starts and one until the body is read, the caller's AbortSignal,
// redirects followed only within the same origin (never to another host), and a size limit checked on the
// Content-Length and while reading. Uses an injected fetch (the global one by default: Node and browser).
import { LetterError } from './errors';

export interface KoopHttpOptions {
  fetch?: typeof globalThis.fetch;
  /** `false`: no network use at all (every request fails at once with `offline`). */
  online?: boolean;
  /** Per request, until the whole body is read. Default 30 s. */
  timeoutMs?: number;
  /** Per request, until the answer starts (status and headers). Default 10 s, at most `timeoutMs`. */
  answerTimeoutMs?: number;
  /** Largest body accepted. Default 20 MB (the largest kamerstukken, begrotingen with tables, are a few MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface KoopAnswer {
  /** Where the answer came from, after same-origin redirects. */
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

/** GETs `url`; any answer but 2xx is a LetterError (`not-found` for 404 and KOOP's redirect to its 404 page). */
export async function koopGet(url: string, signal: AbortSignal, options: KoopHttpOptions = {}): Promise<KoopAnswer> {
  if (options.online === false) throw new LetterError('offline', 'network use is turned off');
  if (signal.aborted) throw new LetterError('aborted', 'the request was cancelled');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const answerTimeoutMs = Math.min(options.answerTimeoutMs ?? 10_000, timeoutMs);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const ctl = new AbortController();
  let timedOut: string | undefined;
  const timer = setTimeout(() => {
    timedOut = `no complete answer from ${hostOf(url)} within ${timeoutMs} ms`;
    ctl.abort();
  }, timeoutMs);
  const answerTimer = setTimeout(() => {
    timedOut = `no answer from ${hostOf(url)} within ${answerTimeoutMs} ms`;
    ctl.abort();
  }, answerTimeoutMs);
  const onAbort = () => ctl.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await fetchWithinOrigin(url, ctl.signal, options.fetch ?? globalThis.fetch);
    clearTimeout(answerTimer);
    if (res.status === 404 || res.status === 410) {
      await discard(res);
      throw new LetterError('not-found', `${res.url || url} does not exist (HTTP ${res.status})`, res.status);
    }
    if (!res.ok) {
      await discard(res);
      throw new LetterError('http', `${hostOf(url)} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
    }
    const bytes = await readCapped(res, maxBytes);
    return { url: res.url || url, contentType: res.headers.get('content-type') ?? '', bytes };
  } catch (e) {
    if (e instanceof LetterError) throw e;
    if (timedOut) throw new LetterError('timeout', timedOut);
    if (signal.aborted) throw new LetterError('aborted', 'the request was cancelled');
    throw new LetterError('network', `${hostOf(url)} could not be reached: ${describe(e)}`);
  } finally {
    clearTimeout(timer);
    clearTimeout(answerTimer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** Follows redirects itself, within `url`'s origin only: an answer from another host is never read. */
async function fetchWithinOrigin(url: string, signal: AbortSignal, doFetch: typeof globalThis.fetch): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const res = await doFetch(current, { signal, redirect: 'manual', headers: { Accept: 'application/xml, text/xml' } });
    // A fetch that followed anyway (an injected one) is judged by where it ended.
    if (res.redirected && res.url && originOf(res.url) !== origin) throw await refused(res, res.url);
    // In a browser a redirect is opaque: its target cannot be checked, so it is not followed.
    if (res.type === 'opaqueredirect') throw await refused(res, undefined);
    if (!REDIRECT_STATUSES.has(res.status)) return res;
    const target = redirectTarget(res, current);
    // KOOP's "fake 404": a redirect to its error page (tkconv's oppull.cc).
    if (target && /fout404/i.test(target)) {
      await discard(res);
      throw new LetterError('not-found', `${current} does not exist (redirected to the not-found page)`, 404);
    }
    if (!target || originOf(target) !== origin) throw await refused(res, target);
    await discard(res);
    if (redirects >= MAX_REDIRECTS) throw new LetterError('http', `${hostOf(url)} redirected more than ${MAX_REDIRECTS} times`, res.status);
    current = target;
  }
}

async function refused(res: Response, target: string | undefined): Promise<LetterError> {
  await discard(res);
  const where = target && originOf(target) ? `another host (${originOf(target)})` : 'a location that cannot be checked';
  return new LetterError('redirect', `the request was redirected to ${where}; the redirect was refused`, res.status || undefined);
}

function redirectTarget(res: Response, from: string): string | undefined {
  const location = res.headers.get('location');
  if (!location) return undefined;
  try {
    return new URL(location, from).href;
  } catch {
    return undefined;
  }
}

/** The body, refused past `maxBytes`: by its Content-Length before reading, else while reading (then cancelled). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooLarge = () => new LetterError('too-large', `the answer is larger than the limit of ${maxBytes} bytes; it was not read`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(res);
    throw tooLarge();
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => undefined);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return cause?.code ? `${e.message} (${cause.code})` : e.message;
  }
  return String(e);
}
