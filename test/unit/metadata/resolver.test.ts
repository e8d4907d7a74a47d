// The resolver: source order, memory, shared lookups, cancellation, deadlines, and failures of the real local API.
import { strict as assert } from 'node:assert';
import {
  createMetadataStack,
  MemoryStorage,
  MetadataResolver,
  renderHoverMarkdown,
  type DocumentMetadata,
  type MetadataSource,
} from '../../../src/core/metadata';
import { startODataServer, type ODataMode, type ODataServer } from '../../support/odata-server';
import { assertInert, settlesWithin, trapUnhandledRejections } from './support';

const CATALOG = `# team catalog
version: 1
documents:
  kst-29754-716:
    title: Titel uit de teamcatalogus
`;

class FakeSource implements MetadataSource {
  calls: string[] = [];
  constructor(
    readonly name: string,
    private readonly answer: (id: string, signal: AbortSignal) => Promise<DocumentMetadata | undefined>,
    readonly remote = false,
  ) {}
  get(id: string, signal: AbortSignal) {
    this.calls.push(id);
    return this.answer(id, signal);
  }
}

const record = (id: string, source: string, title = source): DocumentMetadata => ({ id, kind: 'kamerstuk', title, source });

describe('metadata: resolver', () => {
  trapUnhandledRejections();
  let server: ODataServer;
  let resolvers: MetadataResolver[];
  const stack = (opts: Parameters<typeof createMetadataStack>[0] = {}) => {
    const s = createMetadataStack({ ...opts, api: { baseUrl: server.url, timeoutMs: 400, retries: 1, retryDelayMs: 5, ...opts.api } });
    resolvers.push(s.resolver);
    return s;
  };

  beforeEach(async () => {
    server = await startODataServer();
    resolvers = [];
  });
  afterEach(async () => {
    resolvers.forEach((r) => r.dispose());
    await server.close();
  });

  it('asks catalog, then cache, then the API, then the bundled catalog', async () => {
    const storage = new MemoryStorage();
    const withCatalog = stack({ catalogText: CATALOG, storage });
    assert.equal((await withCatalog.resolver.get('kst-29754-716'))?.source, 'catalog');
    assert.equal(server.requests.length, 0, 'the catalog answered: no network');

    const apiFirst = stack({ storage });
    const fromApi = await apiFirst.resolver.get('kst-29754-716');
    assert.equal(fromApi?.source, 'tweedekamer');
    await new Promise((r) => setTimeout(r, 10)); // the cache write is not awaited by the caller
    const before = server.requests.length;
    const fromCache = await stack({ storage }).resolver.get('2024D25640');
    assert.equal(fromCache?.source, 'cache');
    assert.equal(fromCache?.origin, 'tweedekamer');
    assert.equal(server.requests.length, before, 'the cache answered: no network');

    const offline = stack({ api: { online: false } });
    const bundled = await offline.resolver.resolve('kst-29754-716');
    assert.equal(bundled.meta?.source, 'bundled');
    assert.deepEqual(
      bundled.errors.map((e) => [e.source, e.code]),
      [['tweedekamer', 'offline']],
    );
  });

  it('prefers an expired cache entry over the bundled catalog when the API is down (stale-while-offline)', async () => {
    const storage = new MemoryStorage();
    const old = Date.now() - 40 * 24 * 3600 * 1000;
    const seed = stack({ storage, resolver: { now: () => old } });
    await seed.cache.put({ ...record('kst-29754-716', 'tweedekamer', 'Uit de oude cache'), fetchedAt: new Date(old).toISOString() });
    server.setMode('error500');
    const { resolver } = stack({ storage });
    const r = await resolver.resolve('kst-29754-716');
    assert.equal(r.meta?.title, 'Uit de oude cache');
    assert.equal(r.meta?.stale, true);
    assert.match(renderHoverMarkdown(r.meta!), /may be out of date/);
    server.setMode('normal');
    const fresh = stack({ storage });
    assert.equal((await fresh.resolver.get('kst-29754-716'))?.source, 'tweedekamer', 'online again: the stale entry is refreshed');
  });

  for (const mode of ['normal', 'error500', 'hang', 'drip', 'malformed', 'duplicates', 'hostile'] as ODataMode[]) {
    it(`settles within the deadline when the API is ${mode}`, async () => {
      server.setMode(mode);
      const { resolver } = stack({ api: { timeoutMs: 5000 }, resolver: { timeoutMs: 1000 } });
      const r = await settlesWithin(resolver.resolve('kst-99001-VI-12'), 1500);
      const letter = await settlesWithin(resolver.resolve('kst-29754-716'), 1500);
      if (mode === 'normal' || mode === 'duplicates') assert.equal(r.meta?.motion?.stemming?.totals.voor, 102);
      if (mode === 'hang' || mode === 'drip') assert.equal(r.timedOut, true);
      if (mode === 'error500' || mode === 'malformed') {
        assert.equal(letter.meta?.source, 'bundled', 'falls back to the bundled catalog');
        assert.ok(letter.errors.length > 0 || r.errors.length > 0);
      }
      if (letter.meta) assertInert(renderHoverMarkdown(letter.meta));
      if (mode === 'hostile') assert.match(renderHoverMarkdown(letter.meta!), /command\\:workbench/, 'the hostile title is shown, escaped');
    });
  }

  it('local first: with the API silent, a document the bundled catalog knows is shown at the deadline, marked refreshing', async () => {
    server.setMode('hang');
    const { resolver } = stack({ api: { timeoutMs: 5000 }, resolver: { timeoutMs: 300 } });
    const r = await settlesWithin(resolver.resolve('kst-29754-683'), 800);
    assert.equal(r.meta?.source, 'bundled');
    assert.equal(r.meta?.motion?.outcome?.result, 'aangenomen');
    assert.deepEqual([r.timedOut, r.refreshing], [true, true]);
    // An id no local source knows is still being looked up, not "not found".
    const unknown = await settlesWithin(resolver.resolve('kst-99001-VI-12'), 800);
    assert.deepEqual([unknown.meta, unknown.timedOut, unknown.refreshing], [undefined, true, undefined]);
  });

  it('local first: a hover that prefers the local answer gets it early; an unknown id waits for the deadline', async () => {
    server.setMode('hang');
    const { resolver } = stack({ api: { timeoutMs: 10_000 }, resolver: { timeoutMs: 10_000 } });
    const known = await settlesWithin(resolver.resolve('kst-29754-683', { preferLocalAfterMs: 100 }), 1000);
    assert.deepEqual([known.meta?.source, known.refreshing], ['bundled', true]);
    const unknown = await settlesWithin(resolver.resolve('kst-99001-VI-12', { preferLocalAfterMs: 100, timeoutMs: 600 }), 1500);
    assert.deepEqual([unknown.meta, unknown.timedOut], [undefined, true]);
  });

  it('local first: an expired cache entry met after the early look is still what a timed-out caller gets', async () => {
    const stale = { ...record('kst-29754-716', 'cache'), stale: true };
    const cache = new FakeSource('cache', () => new Promise((resolve) => setTimeout(() => resolve(stale), 50)));
    const api = new FakeSource('api', () => new Promise(() => undefined), true);
    const bundled = new FakeSource('bundled', async () => undefined);
    const resolver = new MetadataResolver({ sources: [cache, api, bundled], timeoutMs: 300 });
    resolvers.push(resolver);
    const r = await settlesWithin(resolver.resolve('kst-29754-716', { preferLocalAfterMs: 10 }), 1000);
    assert.deepEqual([r.meta?.source, r.refreshing], ['cache', true]);
  });

  it('local first: the answer the API gives after the deadline is what the next caller gets', async () => {
    const slow = await startODataServer({ delayMs: 400 });
    try {
      const { resolver } = stack({ api: { baseUrl: slow.url, timeoutMs: 3000 }, resolver: { timeoutMs: 100 } });
      const first = await resolver.resolve('kst-29754-716');
      assert.deepEqual([first.meta?.source, first.refreshing], ['bundled', true]);
      await new Promise((r) => setTimeout(r, 1500));
      const second = await resolver.resolve('kst-29754-716');
      assert.equal(second.meta?.source, 'tweedekamer');
      assert.equal(second.refreshing, undefined);
    } finally {
      await slow.close();
    }
  });

  it('asks the API again for fallback answers once it is back online', async () => {
    server.setMode('error500');
    const { resolver, api } = stack();
    assert.equal((await resolver.get('kst-29754-716'))?.source, 'bundled');
    assert.equal((await resolver.get('kst-29754-716'))?.source, 'bundled', 'remembered for a while');
    server.setMode('normal');
    api.http.goOnline();
    assert.equal((await resolver.get('kst-29754-716'))?.source, 'tweedekamer');
  });

  it('shares one lookup between concurrent callers of the same id', async () => {
    const { resolver } = stack();
    const all = await Promise.all(Array.from({ length: 5 }, () => resolver.get('kst-99001-VI-12')));
    assert.ok(all.every((m) => m?.motion?.stemming?.totals.voor === 102));
    assert.equal(server.requests.filter((r) => r.entity === 'Document').length, 1);
    assert.equal(server.requests.filter((r) => r.entity === 'Stemming').length, 1);
  });

  it('remembers answers (also under aliases) and forgets them on invalidate', async () => {
    const src = new FakeSource('fake', async (id) => ({ ...record(id, 'fake'), aliases: ['2024D25640'] }));
    const resolver = new MetadataResolver({ sources: [src] });
    resolvers.push(resolver);
    await resolver.get('kst-29754-716');
    assert.equal((await resolver.get('2024D25640'))?.id, '2024D25640');
    assert.equal(resolver.peek('KST-29754-716')?.title, 'fake');
    assert.equal(src.calls.length, 1);
    resolver.invalidate();
    await resolver.get('kst-29754-716');
    assert.equal(src.calls.length, 2);
  });

  it('asks again after a while for ids nobody knew', async () => {
    let now = 1_000_000;
    const src = new FakeSource('fake', async () => undefined);
    const resolver = new MetadataResolver({ sources: [src], retryAfterMs: 1000, now: () => now });
    resolvers.push(resolver);
    await resolver.get('kst-1234-5');
    await resolver.get('kst-1234-5');
    assert.equal(src.calls.length, 1);
    now += 2000;
    await resolver.get('kst-1234-5');
    assert.equal(src.calls.length, 2);
  });

  it('never rejects, whatever a source throws, and goes on to the next source', async () => {
    const throwing = new FakeSource('bad', () => {
      throw 'not even an Error';
    });
    const rejecting = new FakeSource('worse', () => Promise.reject(new TypeError('boom')));
    const good = new FakeSource('good', async (id) => record(id, 'good'));
    const resolver = new MetadataResolver({ sources: [throwing, rejecting, good] });
    resolvers.push(resolver);
    const r = await resolver.resolve('kst-29754-716');
    assert.equal(r.meta?.source, 'good');
    assert.deepEqual(
      r.errors.map((e) => e.source),
      ['bad', 'worse'],
    );
  });

  it('answers a cancelled caller at once and stops the lookup when nobody waits any more', async () => {
    let sawAbort = false;
    const slow = new FakeSource(
      'slow',
      (id, signal) => new Promise((resolve) => signal.addEventListener('abort', () => ((sawAbort = true), resolve(undefined)))),
    );
    const resolver = new MetadataResolver({ sources: [slow] });
    resolvers.push(resolver);
    const a = new AbortController();
    const b = new AbortController();
    const pa = resolver.resolve('kst-29754-716', { signal: a.signal });
    const pb = resolver.resolve('kst-29754-716', { signal: b.signal });
    a.abort();
    assert.equal((await settlesWithin(pa, 500)).aborted, true);
    assert.equal(sawAbort, false, 'another caller still waits');
    b.abort();
    assert.equal((await settlesWithin(pb, 500)).aborted, true);
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(sawAbort, true);
    assert.equal((await resolver.resolve('kst-1-1', { signal: AbortSignal.abort() })).aborted, true);
    const c = new AbortController();
    const pc = resolver.resolve('kst-29754-716', { signal: c.signal, timeoutMs: 30 });
    assert.equal((await pc).timedOut, true, 'a later caller gets a new lookup, not the cancelled one');
  });

  it('lets a timed-out lookup finish in the background, so the next hover has the answer', async () => {
    const later = new FakeSource('later', (id) => new Promise((resolve) => setTimeout(() => resolve(record(id, 'later')), 150)));
    const resolver = new MetadataResolver({ sources: [later], timeoutMs: 20 });
    resolvers.push(resolver);
    assert.equal((await resolver.resolve('kst-29754-716')).timedOut, true);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await resolver.resolve('kst-29754-716')).meta?.source, 'later');
    assert.equal(later.calls.length, 1);
  });

  it('searches catalog, cache and bundled catalog, without the network unless asked', async () => {
    const { resolver } = stack({ catalogText: CATALOG });
    const hits = await resolver.search('29754');
    assert.deepEqual(hits.map((h) => `${h.id}:${h.source}`).slice(0, 1), ['kst-29754-716:catalog']);
    assert.ok(hits.some((h) => h.id === 'kst-29754-683' && h.source === 'bundled'));
    assert.equal(hits.filter((h) => h.id === 'kst-29754-716').length, 1);
    assert.equal(server.requests.length, 0);
    const remote = await resolver.search('asiel terroristen', { remote: true });
    assert.ok(remote.some((h) => h.source === 'tweedekamer') || remote.some((h) => h.id === 'kst-29754-716'));
    assert.ok(server.requests.length > 0);
  });
});
