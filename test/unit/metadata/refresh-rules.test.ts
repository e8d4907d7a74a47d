// The refresh rules of the metadata stack, with a fake clock and a fake Tweede Kamer API behind the real
// resolver, cache and API source: fresh entries answer without the network; an expired one answers at once while
// the API is asked, and is revalidated by its change stamp (ApiGewijzigdOp) with a small query, or fetched again
// when it changed; misses and errors are remembered briefly and asked again; offline answers come from the local
// sources without waiting; back online, the API is asked again.
import { strict as assert } from 'node:assert';
import { apiRevision, createMetadataStack, MemoryStorage, type MetadataStack } from '../../../src/core/metadata';
import { settlesWithin, trapUnhandledRejections } from './support';

const DAY = 24 * 3600 * 1000;
const ID = 'kst-99005-5';
const BASE = 'https://api.test/OData/v4/2.0/';

type Mode = 'normal' | 'down' | 'malformed';

/** A Tweede Kamer API in memory: one letter, a switchable failure, an optional gate, and every request recorded. */
class FakeApi {
  mode: Mode = 'normal';
  known = true;
  requests: { url: string; small: boolean }[] = [];
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  doc = {
    Id: '00000000-0000-4000-8000-000000000005',
    DocumentNummer: '2099D00500',
    Volgnummer: 5,
    Soort: 'Brief regering',
    Onderwerp: 'Eerste versie',
    Datum: '2099-03-01T00:00:00',
    Verwijderd: false,
    ApiGewijzigdOp: '2099-03-02T10:00:00Z',
    DocumentActor: [{ Id: 'a1', ActorNaam: 'M. Minister', Relatie: 'Eerste ondertekenaar', Verwijderd: false, ApiGewijzigdOp: '2099-03-02T09:00:00Z' }],
    Kamerstukdossier: [{ Id: 'k1', Nummer: 99005, Toevoeging: null, Titel: 'Synthetisch dossier', Verwijderd: false, ApiGewijzigdOp: '2099-01-01T00:00:00Z' }],
    Zaak: [{ Id: 'z1', Nummer: '2099Z00500', Verwijderd: false, ApiGewijzigdOp: '2099-03-02T08:00:00Z' }],
  };

  /** Requests wait until `release()`. */
  hold(): void {
    this.gate = new Promise((r) => (this.open = r));
  }
  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  readonly fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = decodeURIComponent(String(input));
    this.requests.push({ url, small: url.includes('$select=') });
    if (this.gate) await this.gate;
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (this.mode === 'down') throw new TypeError('fetch failed');
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (this.mode === 'malformed') return new Response('{"value": [', { status: 200, headers: { 'content-type': 'application/json' } });
    return json({ value: this.known && url.includes('/Document?') ? [this.doc] : [] });
  }) as typeof fetch;
}

describe('metadata: refresh rules (fake clock)', () => {
  trapUnhandledRejections();
  let now: number;
  let api: FakeApi;
  let storage: MemoryStorage;
  const stacks: MetadataStack[] = [];
  const clock = () => now;

  /** A new window: an empty memory, the same cache storage. */
  function stack(): MetadataStack {
    const s = createMetadataStack({
      storage,
      bundled: false,
      api: { baseUrl: BASE, fetch: api.fetch, retries: 0 },
      resolver: { now: clock, retryAfterMs: 60_000 },
    });
    stacks.push(s);
    return s;
  }
  const full = () => api.requests.filter((r) => !r.small).length;
  const small = () => api.requests.filter((r) => r.small).length;

  beforeEach(() => {
    now = Date.UTC(2099, 2, 10);
    api = new FakeApi();
    storage = new MemoryStorage();
  });
  afterEach(() => stacks.splice(0).forEach((s) => s.resolver.dispose()));

  /** Fetches the letter once and lets the cache write land; the clock then moves past the cache's 30 days. */
  async function cachedThenExpired(): Promise<void> {
    const first = stack();
    assert.equal((await first.resolver.resolve(ID)).meta?.title, 'Eerste versie');
    await first.resolver.whenWritten();
    now += 31 * DAY;
    api.requests = [];
  }

  it('fresh: a cache entry younger than 30 days answers in a new window without any request', async () => {
    const first = stack();
    await first.resolver.resolve(ID);
    await first.resolver.whenWritten();
    assert.equal(full(), 1);
    now += 29 * DAY;
    const r = await stack().resolver.resolve(ID);
    assert.equal(r.meta?.source, 'cache');
    assert.ok(!r.meta?.stale);
    assert.equal(api.requests.length, 1, 'the fresh entry went to the network');
  });

  it('stale: an expired entry answers at once (refreshing); the API confirms its stamp with one small query', async () => {
    await cachedThenExpired();
    api.hold();
    const s = stack();
    const early = await settlesWithin(s.resolver.resolve(ID, { preferLocalAfterMs: 0 }), 200);
    assert.equal(early.meta?.title, 'Eerste versie');
    assert.equal(early.meta?.stale, true);
    assert.equal(early.refreshing, true);
    api.release();
    const later = await s.resolver.resolve(ID);
    assert.equal(later.meta?.stale, undefined, 'still stale after the API confirmed it');
    assert.equal(later.meta?.fetchedAt, new Date(now).toISOString());
    assert.deepEqual([small(), full()], [1, 0], 'an unchanged record was fetched in full');
    await s.resolver.whenWritten();
    // The confirmed entry is fresh again for the next 30 days, also in a new window.
    now += DAY;
    assert.equal((await stack().resolver.resolve(ID)).meta?.stale, undefined);
    assert.equal(api.requests.length, 1);
  });

  it('stale and changed: a newer stamp fetches the record again, and the next hover shows the new title', async () => {
    await cachedThenExpired();
    api.doc.Onderwerp = 'Tweede versie';
    api.doc.ApiGewijzigdOp = '2099-04-01T10:00:00Z';
    const r = await stack().resolver.resolve(ID);
    assert.equal(r.meta?.title, 'Tweede versie');
    assert.deepEqual([small(), full()], [1, 1]);
  });

  it('stale and changed elsewhere: a removed signatory (no newer stamp left in the answer) still counts as a change', async () => {
    await cachedThenExpired();
    api.doc.DocumentActor = [];
    await stack().resolver.resolve(ID);
    assert.equal(full(), 1, 'the record was not fetched again after its signatory went');
  });

  it('miss: remembered for a minute, then asked again', async () => {
    api.known = false;
    const s = stack();
    assert.equal((await s.resolver.resolve(ID)).meta, undefined);
    assert.equal((await s.resolver.resolve(ID)).meta, undefined);
    assert.equal(api.requests.length, 1, 'a remembered miss went to the network');
    now += 61_000;
    api.known = true;
    assert.equal((await s.resolver.resolve(ID)).meta?.title, 'Eerste versie');
    assert.equal(api.requests.length, 2);
  });

  it('error: a bad answer gives the expired entry with the error, remembered for a minute, then asked again', async () => {
    await cachedThenExpired();
    api.mode = 'malformed';
    const s = stack();
    const r = await s.resolver.resolve(ID);
    assert.equal(r.meta?.title, 'Eerste versie');
    assert.equal(r.meta?.stale, true);
    assert.deepEqual(
      r.errors.map((e) => e.code),
      ['malformed'],
    );
    assert.equal(s.api.http.status, 'online', 'a bad answer is not being offline');
    await s.resolver.resolve(ID);
    assert.equal(api.requests.length, 1);
    now += 61_000;
    api.mode = 'normal';
    assert.equal((await s.resolver.resolve(ID)).meta?.stale, undefined);
  });

  it('offline: after the first failure, an expired entry answers without any further request', async () => {
    await cachedThenExpired();
    api.mode = 'down';
    const s = stack();
    const r = await s.resolver.resolve(ID);
    assert.equal(r.meta?.stale, true);
    assert.equal(s.api.http.status, 'offline');
    assert.ok(r.errors.some((e) => e.code === 'offline' || e.code === 'network'));
    const count = api.requests.length;
    s.resolver.invalidate();
    const again = await settlesWithin(s.resolver.resolve(ID), 200);
    assert.equal(again.meta?.title, 'Eerste versie');
    assert.equal(api.requests.length, count, 'offline, yet the API was asked again');
    assert.deepEqual(
      again.errors.map((e) => e.code),
      ['offline'],
    );
  });

  it('back online ("try again"): remembered fallbacks are forgotten and the API is asked at once', async () => {
    await cachedThenExpired();
    api.mode = 'down';
    const s = stack();
    await s.resolver.resolve(ID);
    assert.equal(s.api.http.status, 'offline');
    api.mode = 'normal';
    s.api.http.goOnline();
    const r = await s.resolver.resolve(ID);
    assert.equal(r.meta?.stale, undefined, 'the expired entry is still shown after going online');
    assert.equal(s.api.http.status, 'online');
  });

  it('back online by itself: a minute after going offline, one request probes the API again', async () => {
    await cachedThenExpired();
    api.mode = 'down';
    const s = stack();
    await s.resolver.resolve(ID);
    api.mode = 'normal';
    now += 61_000;
    const r = await s.resolver.resolve(ID);
    assert.equal(r.meta?.stale, undefined);
    assert.equal(s.api.http.status, 'online');
  });
});

describe('metadata: the change stamp of a Document (apiRevision)', () => {
  const doc = (actors: unknown[], stamp = '2099-03-02T10:00:00Z') => ({
    ApiGewijzigdOp: stamp,
    DocumentActor: actors,
    Kamerstukdossier: [{ ApiGewijzigdOp: '2099-01-01T00:00:00Z' }],
    Zaak: [],
  });
  const actor = (stamp: string, verwijderd = false) => ({ ApiGewijzigdOp: stamp, Verwijderd: verwijderd });

  it('is the latest stamp of the document and its related rows, with their counts', () => {
    assert.equal(apiRevision(doc([actor('2099-03-05T00:00:00Z')])), '2099-03-05T00:00:00Z/1.1.0');
    assert.equal(apiRevision(doc([actor('2099-03-01T00:00:00Z')])), '2099-03-02T10:00:00Z/1.1.0');
  });

  it('changes when a related row goes, even without a newer stamp; deleted rows do not count', () => {
    const before = apiRevision(doc([actor('2099-03-01T00:00:00Z'), actor('2099-03-01T00:00:00Z')]));
    const after = apiRevision(doc([actor('2099-03-01T00:00:00Z'), actor('2099-03-09T00:00:00Z', true)]));
    assert.notEqual(before, after);
  });

  it('is undefined without stamps, and ignores a stamp that is no date', () => {
    assert.equal(apiRevision({ DocumentActor: [] }), undefined);
    assert.equal(apiRevision(doc([actor('not a date')])), '2099-03-02T10:00:00Z/1.1.0');
  });
});
