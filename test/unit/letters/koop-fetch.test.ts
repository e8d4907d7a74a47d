// Fetching a publication from KOOP through an injected fetch: URLs, size limit, web pages, redirects, offline.
import { strict as assert } from 'node:assert';
import { fetchPublication, importableId, LetterError, publicationUrls, type LetterErrorCode } from '../../../src/core/letters';
import { koopFixture } from './koop-fixtures';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A fetch that answers by `handler` and records every URL asked for. */
function fakeFetch(handler: Handler) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (input: string | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return handler(String(input), init);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const xmlAnswer = (body: ConstructorParameters<typeof Response>[0], headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'application/xml', ...headers } });
const redirect = (location: string, status = 302) => new Response(null, { status, headers: { location } });

const SAMPLE = koopFixture('kst-29754-716.xml');
const META = koopFixture('kst-29754-716.metadata.xml');

async function rejects(promise: Promise<unknown>, code: LetterErrorCode, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof LetterError, String(e));
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

const signal = () => new AbortController().signal;

describe('fetching a publication from KOOP', () => {
  it('asks for {id}.xml, then {id}/metadata.xml, without following redirects by itself', async () => {
    const { fetch, calls } = fakeFetch((url) => xmlAnswer(url.endsWith('/metadata.xml') ? META : SAMPLE));
    const got = await fetchPublication('KST-29754-716', signal(), { fetch });
    assert.deepEqual(
      calls.map((c) => c.url),
      ['https://zoek.officielebekendmakingen.nl/kst-29754-716.xml', 'https://zoek.officielebekendmakingen.nl/kst-29754-716/metadata.xml'],
    );
    assert.ok(calls.every((c) => c.init.redirect === 'manual' && c.init.signal));
    assert.equal(got.id, 'kst-29754-716');
    assert.deepEqual(Buffer.from(got.xml), SAMPLE);
    assert.deepEqual(Buffer.from(got.metadataXml!), META);
    assert.deepEqual(got.warnings, []);
  });

  it('a 50 MB answer is refused by the size limit while it streams, and the stream is cancelled', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let pulled = 0;
    let cancelled = false;
    const fifty = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 50) return controller.close();
          pulled++;
          controller.enqueue(chunk);
        },
        cancel() {
          cancelled = true;
        },
      });
    const { fetch } = fakeFetch(() => xmlAnswer(fifty()));
    await rejects(fetchPublication('kst-29754-716', signal(), { fetch, maxBytes: 20 * 1024 * 1024 }), 'too-large', /larger than the limit/);
    assert.ok(pulled <= 22, `read ${pulled} MB of the 50`);
    assert.ok(cancelled);
  });

  it('a 50 MB answer that says so in its Content-Length is refused before its body is read', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const { fetch } = fakeFetch(() => xmlAnswer(body, { 'content-length': String(50 * 1024 * 1024) }));
    await rejects(fetchPublication('kst-29754-716', signal(), { fetch }), 'too-large');
    assert.ok(pulled <= 1, `pulled ${pulled} chunks`);
  });

  it('an HTML error page with status 200 is refused, by its content type or by its body', async () => {
    const page = koopFixture('error-page.html');
    const html = fakeFetch(() => new Response(page, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }));
    await rejects(fetchPublication('kst-29754-716', signal(), { fetch: html.fetch }), 'not-xml', /kst-29754-716\.xml answered with a web page/);
    assert.equal(html.calls.length, 1, 'metadata.xml is not asked for after a web page');
    const mislabelled = fakeFetch(() => xmlAnswer(page));
    await rejects(fetchPublication('kst-29754-716', signal(), { fetch: mislabelled.fetch }), 'not-xml');
  });

  it('a redirect to another host is refused, and the other host is never asked', async () => {
    const { fetch, calls } = fakeFetch((url) =>
      url.includes('officielebekendmakingen') ? redirect('https://evil.example/kst-29754-716.xml') : xmlAnswer(SAMPLE),
    );
    await rejects(fetchPublication('kst-29754-716', signal(), { fetch }), 'redirect', /another host \(https:\/\/evil\.example\)/);
    assert.deepEqual(
      calls.map((c) => new URL(c.url).host),
      ['zoek.officielebekendmakingen.nl'],
    );
  });

  it('an injected fetch that followed a redirect to another host anyway is judged by where it ended', async () => {
    const followed = () => {
      const res = xmlAnswer(SAMPLE);
      Object.defineProperty(res, 'redirected', { value: true });
      Object.defineProperty(res, 'url', { value: 'https://elders.example/x.xml' });
      return res;
    };
    const { fetch } = fakeFetch(followed);
    await rejects(fetchPublication('kst-29754-716', signal(), { fetch }), 'redirect');
  });

  it('a redirect within the same host is followed (a renamed id); one to the not-found page is a 404', async () => {
    const moved = fakeFetch((url) =>
      url.endsWith('kst-29754-716.xml') ? redirect('/kst-29754-716-n1.xml', 301) : xmlAnswer(url.endsWith('metadata.xml') ? META : SAMPLE),
    );
    const got = await fetchPublication('kst-29754-716', signal(), { fetch: moved.fetch });
    assert.equal(moved.calls[1].url, 'https://zoek.officielebekendmakingen.nl/kst-29754-716-n1.xml');
    assert.deepEqual(Buffer.from(got.xml), SAMPLE);
    const fake404 = fakeFetch(() => redirect('https://zoek.officielebekendmakingen.nl/fout404.html'));
    await rejects(fetchPublication('kst-29754-716', signal(), { fetch: fake404.fetch }), 'not-found', /not-found page/);
  });

  it('a 404 is not-found; a missing metadata.xml is a warning and the XML is still returned', async () => {
    const none = fakeFetch(() => new Response('nope', { status: 404 }));
    await rejects(fetchPublication('kst-29754-716', signal(), { fetch: none.fetch }), 'not-found', /HTTP 404/);
    const noMeta = fakeFetch((url) => (url.endsWith('metadata.xml') ? new Response('', { status: 404 }) : xmlAnswer(SAMPLE)));
    const got = await fetchPublication('kst-29754-716', signal(), { fetch: noMeta.fetch });
    assert.equal(got.metadataXml, undefined);
    assert.match(got.warnings[0], /metadata\.xml could not be read: .* does not exist \(HTTP 404\)/);
  });

  it('offline: nothing is asked; cancelled: aborted; an answer that never starts: a timeout', async () => {
    const { fetch, calls } = fakeFetch(() => xmlAnswer(SAMPLE));
    await rejects(fetchPublication('kst-29754-716', signal(), { fetch, online: false }), 'offline');
    assert.equal(calls.length, 0);
    const hanging = (async (_url: string | URL, init: RequestInit = {}) =>
      new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const ctl = new AbortController();
    const pending = fetchPublication('kst-29754-716', ctl.signal, { fetch: hanging });
    ctl.abort();
    await rejects(pending, 'aborted');
    await rejects(
      fetchPublication('kst-29754-716', signal(), { fetch: hanging, answerTimeoutMs: 20 }),
      'timeout',
      /no answer from zoek\.officielebekendmakingen\.nl/,
    );
  });

  it('a network failure says which host could not be reached', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    });
    await rejects(
      fetchPublication('kst-29754-716', signal(), { fetch }),
      'network',
      /zoek\.officielebekendmakingen\.nl could not be reached: fetch failed \(ENOTFOUND\)/,
    );
  });

  it('only kst-, ah- and h- ids are fetched; URLs for Roman dossiers are lower case', () => {
    assert.equal(importableId('ah-tk-20232024-1234'), 'ah-tk-20232024-1234');
    assert.equal(importableId('h-tk-20232024-4-26'), 'h-tk-20232024-4-26');
    for (const id of ['2024D25640', 'stb-2022-524', 'dossier-29754', 'onzin']) assert.throws(() => importableId(id), /not the id of a kamerstuk/);
    assert.equal(publicationUrls('kst-CXXIV-G').xml, 'https://zoek.officielebekendmakingen.nl/kst-cxxiv-g.xml');
    assert.equal(publicationUrls('kst-1-2', 'http://127.0.0.1:9/koop').metadata, 'http://127.0.0.1:9/koop/kst-1-2/metadata.xml');
  });
});
