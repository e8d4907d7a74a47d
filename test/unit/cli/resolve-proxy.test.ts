// `kamerstuk resolve` through a real local HTTP proxy (HTTP_PROXY), and the clear statuses of a proxy that wants a
// login (407) and of a captive portal (200 with an HTML page): each falls back to local data with a message that
// says what happened, at once.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { bypassed, proxiedFetch, proxyFromEnv } from '../../../src/cli/proxy-fetch';
import { startProxy, type TestProxy } from '../../support/http-proxy';
import { startODataServer, type ODataServer } from '../../support/odata-server';
import { settlesWithin, trapUnhandledRejections } from '../metadata/support';

const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'XDG_CACHE_HOME'] as const;

describe('cli: kamerstuk resolve through a proxy', () => {
  trapUnhandledRejections();
  let server: ODataServer;
  let proxy: TestProxy;
  let dir: string;
  const saved: Partial<Record<(typeof PROXY_VARS)[number], string>> = {};

  beforeEach(async () => {
    for (const k of PROXY_VARS) saved[k] = process.env[k];
    for (const k of PROXY_VARS) delete process.env[k];
    server = await startODataServer();
    proxy = await startProxy();
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-proxy-'));
    process.env.XDG_CACHE_HOME = join(dir, 'cache');
    mkdirSync(join(dir, 'ws'), { recursive: true });
  });
  afterEach(async () => {
    for (const k of PROXY_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    rmSync(dir, { recursive: true, force: true });
    await Promise.all([server.close(), proxy.close()]);
  });

  const run = async (...args: string[]) => {
    const io = {
      stdout: '',
      stderr: '',
      out: (t: string) => void (io.stdout += t + '\n'),
      err: (t: string) => void (io.stderr += t + '\n'),
      readFile: (p: string) => Promise.resolve(readFileSync(p, 'utf8')),
      cwd: () => join(dir, 'ws'),
    } satisfies CliIo & { stdout: string; stderr: string };
    const code = await settlesWithin(main(['resolve', ...args], io), 15_000);
    return { code, ...io };
  };

  it('without a proxy variable the global fetch is used', () => {
    assert.equal(proxyFromEnv({}), undefined);
    assert.equal(proxiedFetch({}), undefined);
    assert.equal(proxyFromEnv({ https_proxy: 'http://p:1' }), 'http://p:1');
    assert.equal(proxyFromEnv({ HTTP_PROXY: 'http://h:1', HTTPS_PROXY: 'http://s:1' }, new URL('http://x.nl/')), 'http://h:1');
    assert.equal(proxyFromEnv({ HTTP_PROXY: 'http://h:1', HTTPS_PROXY: 'http://s:1' }, new URL('https://x.nl/')), 'http://s:1');
  });

  it('NO_PROXY is read as curl reads it', () => {
    const u = new URL('https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/');
    assert.equal(bypassed(u, 'tweedekamer.nl'), true);
    assert.equal(bypassed(u, '.tweedekamer.nl'), true);
    assert.equal(bypassed(u, 'localhost, *.tweedekamer.nl'), true);
    assert.equal(bypassed(u, '*'), true);
    assert.equal(bypassed(u, 'kamer.nl'), false, 'not a suffix at a dot');
    assert.equal(bypassed(u, 'tweedekamer.nl:8080'), false, 'another port');
    assert.equal(bypassed(u, 'tweedekamer.nl:443'), true);
    assert.equal(bypassed(u, undefined), false);
  });

  it('HTTP_PROXY: the lookup goes through the proxy and finds the document', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const r = await run('kst-29754-716', '--api', server.url);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /source +tweedekamer/);
    assert.ok(proxy.seen.length > 0, 'the proxy saw no request');
    assert.ok(
      proxy.seen.every((x) => x.includes(new URL(server.url).host)),
      proxy.seen.join('\n'),
    );
    assert.ok(server.requests.length > 0, 'the API saw no request');
  });

  it('NO_PROXY: a listed host is asked directly', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = '127.0.0.1';
    const r = await run('kst-29754-716', '--api', server.url);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(proxy.seen, []);
  });

  it('a proxy that wants a login (407): offline at once, saying where it stopped, local data shown', async () => {
    proxy.setMode('auth-required');
    process.env.HTTP_PROXY = proxy.url.replace('//', '//user:secret@');
    const r = await run('kst-29754-683', '--api', server.url);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /source +bundled/);
    assert.match(r.stderr, new RegExp(`the proxy ${proxy.url} did not pass the request on .*credentials in HTTPS_PROXY`));
    assert.doesNotMatch(r.stderr, /secret/, 'credentials are never printed');
    assert.equal(server.requests.length, 0);
  });

  it('a captive portal (200 with a web page): offline, with that reason, nothing cached from it', async () => {
    proxy.setMode('captive-portal');
    process.env.HTTP_PROXY = proxy.url;
    const r = await run('kst-29754-683', '--api', server.url, '--json');
    const [rec] = JSON.parse(r.stdout);
    assert.equal(rec.metadata.source, 'bundled');
    assert.match(r.stderr, /a web page instead of the Tweede Kamer API/);
  });
});
