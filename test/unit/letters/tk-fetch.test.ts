// A letter by Tweede Kamer document number, against real HTTP servers on 127.0.0.1: the shared fake OData API
// (test/support/odata-server.ts) for the Document lookup and the KOOP preference, and tk-fetch-server.ts for the
// resource (a constructed .docx, a web page with status 200, an oversized answer, a redirect, no answer).
import { strict as assert } from 'node:assert';
import { buildDocx, documentRow, DOCX_CONTENT_TYPE, sampleLetterParts } from './docx-fixtures';
import { startTkServer, type TkServer } from './tk-fetch-server';
import { startODataServer, type ODataServer } from '../../support/odata-server';
import { fetchTkDocument, LetterError, resourceFormat, tkDocumentInfo, type LetterErrorCode } from '../../../src/core/letters';

const GUID = '5e1c2d3a-4b5c-4d6e-8f70-000000077001';
const signal = () => new AbortController().signal;

async function rejects(promise: Promise<unknown>, code: LetterErrorCode, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof LetterError, String(e));
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe('a TK document number through the OData API (shared fake API)', () => {
  let api: ODataServer;
  before(async () => {
    api = await startODataServer();
  });
  after(() => api.close());

  it('a numbered kamerstuk goes the KOOP route: its kst- id, with the Document as front matter', async () => {
    const got = await fetchTkDocument('2024d25640', signal(), { apiUrl: api.url });
    assert.equal(got.route, 'koop');
    assert.equal(got.kamerstukId, 'kst-29754-716');
    const m = got.metadata;
    assert.equal(m.id, 'kst-29754-716');
    assert.equal(m.title, 'Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen');
    assert.equal(m.soort, 'Brief regering');
    assert.equal(m.date, '2024-06-18');
    assert.deepEqual(m.dossier, { nummer: '29754', titel: 'Terrorismebestrijding' });
    assert.equal(m.ondernummer, '716');
    assert.equal(m.zaaknummer, '2024Z10806');
    assert.deepEqual(
      m.signatories?.map((s) => s.naam),
      ['D. Yeşilgöz-Zegerius', 'E. van der Burg'],
    );
    assert.equal(m.fetchedAt, undefined, 'no fetch time: the same Document gives the same letter');
    const docRequests = api.requests.filter((r) => r.entity === 'Document');
    assert.equal(docRequests.length, 1);
    assert.match(docRequests[0].filter, /^Verwijderd eq false and DocumentNummer eq '2024D25640'$/);
    assert.match(docRequests[0].expand, /DocumentActor\(\$filter=Verwijderd eq false\)/);
    assert.ok(!api.requests.some((r) => /resource/.test(r.entity)), 'the file is not fetched when KOOP has the kamerstuk');
  });

  it('a document that is no kamerstuk gets its resource; a PDF is recognised as PDF', async () => {
    const got = await fetchTkDocument('2099D00105', signal(), { apiUrl: api.url });
    assert.equal(got.route, 'resource');
    if (got.route !== 'resource') return;
    assert.equal(got.resource.format, 'pdf');
    assert.equal(got.metadata.id, '2099D00105');
    assert.match(got.resource.url, /\/Document\([0-9a-f-]{36}\)\/resource$/);
  });

  it('an unknown number is not-found; a zaak number or a citation is not a document number', async () => {
    await rejects(fetchTkDocument('2099D99999', signal(), { apiUrl: api.url }), 'not-found', /no document 2099D99999/);
    await rejects(fetchTkDocument('2024Z10806', signal(), { apiUrl: api.url }), 'unsupported', /not a Tweede Kamer document number/);
    await rejects(fetchTkDocument('2099D00105', signal(), { apiUrl: api.url, online: false }), 'offline');
  });
});

describe('a TK document resource (DOCX server on 127.0.0.1)', () => {
  let server: TkServer;
  let docx: Uint8Array;
  before(async () => {
    docx = await buildDocx(sampleLetterParts());
  });
  beforeEach(async () => {
    server = await startTkServer([documentRow('2099D77001', { Id: GUID })]);
  });
  afterEach(() => server.close());

  it('gets the DOCX bytes of a document with no KOOP publication, asking only live rows', async () => {
    server.resources.set(GUID, { kind: 'file', contentType: DOCX_CONTENT_TYPE, body: docx });
    const got = await fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl });
    assert.equal(got.route, 'resource');
    if (got.route !== 'resource') return;
    assert.equal(got.resource.format, 'docx');
    assert.deepEqual(got.resource.bytes, docx);
    assert.equal(got.metadata.id, '2099D77001');
    assert.match(server.requests[0], /\$filter=Verwijderd eq false and DocumentNummer eq '2099D77001'/);
  });

  it('a deleted Document is not found, even when the API lists it', async () => {
    server.rows = [documentRow('2099D77001', { Id: GUID, Verwijderd: true })];
    await rejects(fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl }), 'not-found');
  });

  it('with preferKoop false a kamerstuk gets its resource too (KOOP has not published it yet)', async () => {
    server.rows = [
      documentRow('2099D77001', {
        Id: GUID,
        Volgnummer: 12,
        Kamerstukdossier: [{ Id: 'k', Nummer: 99123, Toevoeging: null, Titel: 'Weerbaarheid', Verwijderd: false }],
      }),
    ];
    server.resources.set(GUID, { kind: 'file', contentType: DOCX_CONTENT_TYPE, body: docx });
    const koop = await fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl });
    assert.equal(koop.route, 'koop');
    assert.equal(koop.kamerstukId, 'kst-99123-12');
    const got = await fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl, preferKoop: false });
    assert.equal(got.route, 'resource');
    assert.equal(got.metadata.id, 'kst-99123-12');
    assert.deepEqual(got.metadata.aliases, ['2099D77001']);
  });

  it('a web page served with status 200 as the resource is refused', async () => {
    server.resources.set(GUID, { kind: 'file', contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><html><body>Storing</body></html>' });
    await rejects(fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl }), 'not-xml', /is a web page, not a DOCX or PDF/);
    server.resources.set(GUID, { kind: 'file', contentType: DOCX_CONTENT_TYPE, body: '<html><body>Storing</body></html>' });
    await rejects(fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl }), 'not-xml', /web page/);
  });

  it('an oversized resource is refused: by its Content-Length before reading, and while reading', async () => {
    server.resources.set(GUID, { kind: 'declared-huge', bytes: 50 * 1024 * 1024 });
    await rejects(fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl }), 'too-large', /larger than the limit of 20971520 bytes/);
    server.resources.set(GUID, { kind: 'file', contentType: DOCX_CONTENT_TYPE, body: docx });
    await rejects(fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl, maxBytes: docx.length - 1 }), 'too-large');
  });

  it('a redirect to another host is refused and that host never asked', async () => {
    const other = await startTkServer();
    try {
      server.resources.set(GUID, { kind: 'redirect', location: `${other.apiUrl}Document(${GUID})/resource` });
      await rejects(fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl }), 'redirect', /another host/);
      assert.deepEqual(other.requests, []);
    } finally {
      await other.close();
    }
  });

  it("a resource that never answers stops at the caller's AbortSignal, and at the timeout", async () => {
    server.resources.set(GUID, { kind: 'hang' });
    const ctl = new AbortController();
    const pending = fetchTkDocument('2099D77001', ctl.signal, { apiUrl: server.apiUrl });
    // Abort once the resource has been asked for.
    const asked = setInterval(() => {
      if (server.requests.some((r) => r.includes('/resource'))) {
        clearInterval(asked);
        ctl.abort();
      }
    }, 5);
    await rejects(pending, 'aborted');
    await rejects(fetchTkDocument('2099D77001', signal(), { apiUrl: server.apiUrl, timeoutMs: 300 }), 'timeout');
  });
});

describe('resourceFormat and tkDocumentInfo', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]);
  const pdf = new TextEncoder().encode('%PDF-1.7\n');

  it('decides by content type and first bytes', () => {
    assert.equal(resourceFormat(DOCX_CONTENT_TYPE, zip, 'n'), 'docx');
    assert.equal(resourceFormat('application/octet-stream', zip, 'n'), 'docx');
    assert.equal(resourceFormat('application/pdf', pdf, 'n'), 'pdf');
    assert.equal(resourceFormat('', pdf, 'n'), 'pdf');
    assert.throws(() => resourceFormat(DOCX_CONTENT_TYPE, pdf, 'n'), /says it is a DOCX but its content is not/);
    assert.throws(() => resourceFormat('application/msword', zip, 'n'), /is application\/msword, not a DOCX or PDF/);
    assert.throws(
      () => resourceFormat('application/octet-stream', new TextEncoder().encode('hello'), 'n'),
      (e: unknown) => e instanceof LetterError && e.code === 'unsupported',
    );
  });

  it('refuses a row without a document number, or with another one than asked', () => {
    assert.throws(() => tkDocumentInfo({ Id: GUID }), /no DocumentNummer/);
    assert.throws(() => tkDocumentInfo(documentRow('2099D77001'), undefined, '2099D77002'), /the Document is 2099D77001, not 2099D77002/);
    const info = tkDocumentInfo(documentRow('2099D77001'), 'https://example.test/OData');
    assert.equal(info.resourceUrl, `https://example.test/OData/Document(${GUID})/resource`);
    assert.equal(info.kamerstukId, undefined);
  });
});
