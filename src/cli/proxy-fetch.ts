// The CLI's network path through a proxy: Node's own fetch ignores HTTPS_PROXY, HTTP_PROXY and NO_PROXY, so when a
// proxy is set requests go through undici's ProxyAgent (the HTTP client Node's fetch is built on). (The editor
// needs none of this: VS Code's extension host gives fetch its proxy settings.)
import { ProxyAgent, fetch as undiciFetch } from 'undici';

type Env = Record<string, string | undefined>;

const pick = (env: Env, name: string): string | undefined => env[name] || env[name.toLowerCase()] || undefined;

/** The proxy the environment names for `url` (HTTPS_PROXY for https, HTTP_PROXY for http), or undefined. */
export function proxyFromEnv(env: Env = process.env, url?: URL): string | undefined {
  if (url && bypassed(url, pick(env, 'NO_PROXY'))) return undefined;
  const https = url ? url.protocol === 'https:' : true;
  return https ? (pick(env, 'HTTPS_PROXY') ?? pick(env, 'HTTP_PROXY')) : pick(env, 'HTTP_PROXY');
}

/**
 * NO_PROXY as curl and wget read it: entries separated by commas or spaces; `*` is every host; `example.nl` and
 * `.example.nl` cover the host and its subdomains; `host:port` only that port.
 */
export function bypassed(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      const entry = raw.toLowerCase();
      if (entry === '*') return true;
      const m = /^(.*?)(?::(\d+))?$/.exec(entry)!;
      if (m[2] && m[2] !== port) return false;
      const name = m[1].replace(/^\*?\./, '');
      return host === name || host.endsWith('.' + name);
    });
}

/** A fetch that honours the proxy variables, or undefined (use the global fetch) when none is set. */
export function proxiedFetch(env: Env = process.env): typeof globalThis.fetch | undefined {
  if (!pick(env, 'HTTPS_PROXY') && !pick(env, 'HTTP_PROXY')) return undefined;
  const agents = new Map<string, ProxyAgent>();
  return (async (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const proxy = proxyFromEnv(env, url);
    if (!proxy) return globalThis.fetch(url, init);
    let agent = agents.get(proxy);
    if (!agent) agents.set(proxy, (agent = new ProxyAgent(proxy)));
    try {
      return await undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent });
    } catch (e) {
      if ((init?.signal as AbortSignal | undefined)?.aborted) throw e;
      // A tunnel the proxy refused (a 407 among them) reaches us only as a cancelled request: say where it stopped.
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
      const shown = proxy.replace(/\/\/[^@/]*@/, '//'); // never print credentials
      throw new Error(
        `the proxy ${shown} did not pass the request on (${cause}); if it asks for a login, put the credentials in HTTPS_PROXY (http://user:password@host:port)`,
        { cause: e },
      );
    }
  }) as unknown as typeof globalThis.fetch;
}
