// The OData client under hostile conditions, against real local HTTP servers: redirects to another origin are
// refused (nothing from there is read, shown or cached), same-origin redirects are followed a bounded number of
// times, a 429's Retry-After is honoured within bounds and the AbortSignal, and placeholder entities are no answer.
import { strict as assert } from 'node:assert';
import {
  createMetadataStack,
  MAX_REDIRECTS,
  MemoryStorage,
  MetadataError,
  ODataHttp,
  retryAfterMs,
  TweedeKamerSource,
  type Connectivity,
} from '../../../src/core/metadata';
import { startODataServer, type ODataServer, type ODataServerOptions } from '../../support/odata-server';
import { settlesWithin, signal, trapUnhandledRejections } from './support';

describe('metadata: OData client reliability', () => {
  trapUnhandledRejections();
  const servers: ODataServer[] = [];
  let statuses: Connectivity[];
  const start = async (options: ODataServerOptions = {}) => {
    const s = await startODataServer(options);
    servers.push(s);
    return s;
  };
  const source = (server: ODataServer, extra: Partial<ConstructorParameters<typeof ODataHttp>[0]> = {}) => {
    const http = new ODataHttp({ baseUrl: server.url, timeoutMs: 2000, retries: 2, retryDelayMs: 5, ...extra });
    http.onDidChangeStatus((s) => statuses.push(s));
    return new TweedeKamerSource({ http });
  };

  beforeEach(() => {
    statuses = [];
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  describe('redirects', () => {
    it('refuses a redirect to another origin: the other server is never asked, the error says so', async () => {
      const foreign = await start({ mode: 'hostile' });
      const api = await start({ mode: 'redirect-foreign', redirectTo: foreign.url });
      const foreignOrigin = new URL(foreign.url).origin;
      await assert.rejects(
        source(api).get('kst-29754-716', signal()),
        (e: MetadataError) =>
          e.code === 'http' &&
          e.status === 302 &&
          e.message === `the Tweede Kamer API redirected to another origin (${foreignOrigin}); the redirect was refused`,
      );
      assert.equal(foreign.requests.length, 0);
      assert.equal(api.requests.length, 1, 'not retried');
      assert.deepEqual(statuses, [], 'a refused redirect is no outage');
    });

    it('shows and caches nothing from another origin: the resolver falls back and reports the refusal', async () => {
      const foreign = await start({ mode: 'hostile' });
      const api = await start({ mode: 'redirect-foreign', redirectTo: foreign.url });
      const storage = new MemoryStorage();
      const { resolver } = createMetadataStack({ storage, api: { baseUrl: api.url, retryDelayMs: 5 } });
      const letter = await resolver.resolve('kst-29754-716', { timeoutMs: 5000 });
      assert.equal(letter.meta?.source, 'bundled');
      assert.match(letter.errors.map((e) => `${e.source}: ${e.message}`).join(), /^tweedekamer: the Tweede Kamer API redirected to another origin/);
      const unknown = await resolver.resolve('kst-99002-3', { timeoutMs: 5000 });
      assert.equal(unknown.meta, undefined);
      assert.equal(unknown.errors[0]?.code, 'http', 'an error of the request, not "not found"');
      await resolver.whenWritten();
      assert.deepEqual(storage.keys(), []);
      assert.equal(foreign.requests.length, 0);
      resolver.dispose();
    });

    it('follows a redirect within the origin', async () => {
      const api = await start({ mode: 'redirect-same-origin' });
      const meta = await source(api).get('kst-29754-716', signal());
      assert.equal(meta?.title, 'Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen');
      assert.deepEqual(
        api.requests.map((r) => r.url.startsWith('/moved/')),
        [false, true],
      );
    });

    it(`stops after ${MAX_REDIRECTS} redirects within the origin`, async () => {
      const api = await start({ mode: 'redirect-loop' });
      await assert.rejects(
        settlesWithin(source(api).get('kst-29754-716', signal()), 5000),
        (e: MetadataError) => e.code === 'http' && /redirected more than 3 times/.test(e.message),
      );
      assert.equal(api.requests.length, MAX_REDIRECTS + 1);
    });
  });

  describe('429 Too Many Requests', () => {
    it('waits the seconds Retry-After asks for before retrying, without going offline', async () => {
      const api = await start({ mode: 'rate-limited', retryAfter: '1' });
      const meta = await settlesWithin(source(api).get('kst-29754-716', signal()), 5000);
      assert.equal(meta?.documentnummer, '2024D25640');
      const [limited, retried] = api.requests;
      assert.ok(retried.at - limited.at >= 950, `retried after ${retried.at - limited.at} ms`);
      assert.deepEqual(statuses, []);
    });

    it('holds back other requests until the Retry-After has passed', async () => {
      const api = await start({ mode: 'rate-limited', retryAfter: '1' });
      const src = source(api);
      const first = src.get('kst-29754-716', signal());
      await new Promise((r) => setTimeout(r, 150));
      const second = await settlesWithin(src.get('kst-99002-3', signal()), 5000);
      assert.equal(second?.soort, 'Brief Kamer aan derde');
      assert.ok(await first);
      const limitedAt = api.requests[0].at;
      const secondAt = api.requests.find((r) => /DocumentNummer eq '2099|Volgnummer eq 3 /.test(r.filter))!.at;
      assert.ok(secondAt - limitedAt >= 950, `second request ${secondAt - limitedAt} ms after the 429`);
    });

    it('does not wait longer than 30 s: a longer Retry-After fails at once', async () => {
      const api = await start({ mode: 'rate-limited', retryAfter: '3600' });
      await assert.rejects(
        settlesWithin(source(api).get('kst-29754-716', signal()), 2000),
        (e: MetadataError) => e.code === 'http' && e.status === 429 && /asks to wait 3600 s/.test(e.message),
      );
      assert.equal(api.requests.length, 1);
    });

    it('stops waiting when the AbortSignal fires', async () => {
      const api = await start({ mode: 'rate-limited', retryAfter: '20' });
      const ctl = new AbortController();
      const pending = source(api).get('kst-29754-716', ctl.signal);
      setTimeout(() => ctl.abort(), 200);
      await assert.rejects(settlesWithin(pending, 2000), (e: MetadataError) => e.code === 'aborted');
      assert.equal(api.requests.length, 1);
      assert.deepEqual(statuses, []);
    });

    it('reads Retry-After as seconds or as an HTTP date', () => {
      const now = Date.parse('2026-03-01T12:00:00Z');
      assert.equal(retryAfterMs('120', now), 120_000);
      assert.equal(retryAfterMs(' 0 ', now), 0);
      assert.equal(retryAfterMs('Sun, 01 Mar 2026 12:00:05 GMT', now), 5000);
      assert.equal(retryAfterMs('Sunday, 01-Mar-26 12:00:05 GMT', now), 5000);
      assert.equal(retryAfterMs('Sun, 01 Mar 2026 11:00:00 GMT', now), 0, 'a date in the past: no wait');
      for (const unreadable of [null, '', '1.5', '-3', 'soon']) assert.equal(retryAfterMs(unreadable, now), undefined, String(unreadable));
    });
  });

  describe('empty records', () => {
    it('takes no placeholder entity (an Id and nothing else) for a document or a dossier', async () => {
      const api = await start({ mode: 'placeholder' });
      const src = source(api);
      for (const id of ['kst-29754-716', '2024D25640', '2024Z10806', 'kst-99001-VI-12', 'dossier-29754'])
        assert.equal(await src.get(id, signal()), undefined, id);
      assert.deepEqual(await src.search!('bestrijding', signal()), []);
    });

    it('neither shows nor caches a placeholder entity', async () => {
      const api = await start({ mode: 'placeholder' });
      const storage = new MemoryStorage();
      const { resolver } = createMetadataStack({ storage, api: { baseUrl: api.url } });
      assert.equal((await resolver.resolve('kst-29754-716', { timeoutMs: 5000 })).meta?.source, 'bundled');
      assert.equal((await resolver.resolve('kst-99002-3', { timeoutMs: 5000 })).meta, undefined);
      await resolver.whenWritten();
      assert.deepEqual(storage.keys(), []);
      resolver.dispose();
    });
  });
});
