// A hover takes the local answer at once (HOVER_LOCAL_ANSWER_MS): with the API silent, an expired cache entry is
// shown the moment the lookup reads it, even when the cache answers later than the hover's early moment (a slow
// disk), and a document only the bundled catalog knows is shown from there. Never "not found" for a known document.
import { strict as assert } from 'node:assert';
import { createMetadataStack, HOVER_LOCAL_ANSWER_MS, MemoryStorage, type DocumentMetadata, type KeyValueStorage } from '../../../src/core/metadata';
import { settlesWithin, trapUnhandledRejections } from './support';

/** A fetch that never answers and honours its signal. */
const silent = ((_url: string, init?: RequestInit) =>
  new Promise<Response>((_, reject) =>
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }),
  )) as typeof fetch;

/** A storage whose reads take `ms` (after the hover's early moment of 0 ms). */
class SlowStorage implements KeyValueStorage {
  private readonly inner = new MemoryStorage();
  constructor(private readonly ms: number) {}
  get(key: string): Promise<string | undefined> {
    return new Promise((r) => setTimeout(() => r(this.inner.get(key)), this.ms));
  }
  set(key: string, value: string): void {
    this.inner.set(key, value);
  }
  delete(key: string): void {
    this.inner.delete(key);
  }
  keys(): readonly string[] {
    return this.inner.keys();
  }
}

describe('metadata: local first in the hover', () => {
  trapUnhandledRejections();
  const DAY = 24 * 3600 * 1000;
  const doc: DocumentMetadata = { id: 'kst-99001-VI-12', kind: 'kamerstuk', title: 'Uit de cache', source: 'tweedekamer', origin: 'tweedekamer' };

  it('an expired cache entry read after the early moment is taken when it is read, not at the deadline', async () => {
    let now = Date.UTC(2026, 0, 1);
    const stack = createMetadataStack({
      storage: new SlowStorage(30),
      api: { fetch: silent, timeoutMs: 600_000, answerTimeoutMs: 600_000 },
      resolver: { now: () => now, timeoutMs: 600_000 },
      bundled: false,
    });
    await stack.cache.put(doc);
    now += 40 * DAY; // expired (30 days), not dropped
    // The deadline is ten minutes away: only the local answer can settle this within the test's limit.
    const r = await settlesWithin(stack.resolver.resolve(doc.id, { preferLocalAfterMs: HOVER_LOCAL_ANSWER_MS }), 5000);
    assert.equal(r.meta?.title, 'Uit de cache');
    assert.equal(r.refreshing, true, 'marked refreshing: the API is still being asked');
    stack.resolver.dispose();
  });

  it('a document only the bundled catalog knows is shown from it at once, marked refreshing', async () => {
    const stack = createMetadataStack({ api: { fetch: silent, timeoutMs: 600_000, answerTimeoutMs: 600_000 }, resolver: { timeoutMs: 600_000 } });
    const r = await settlesWithin(stack.resolver.resolve('kst-29754-683', { preferLocalAfterMs: HOVER_LOCAL_ANSWER_MS }), 5000);
    assert.match(r.meta?.title ?? '', /Van Haga/);
    assert.equal(r.meta?.source, 'bundled');
    assert.equal(r.refreshing, true);
    stack.resolver.dispose();
  });
});
