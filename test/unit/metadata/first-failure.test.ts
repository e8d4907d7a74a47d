// "Offline" is learnt from the first failure, not after a full timeout per request (issue 14): against a real
// 127.0.0.1 server that accepts connections and never answers, a request gives up when no answer has started, and
// every other request waiting on the same network stops with it. A server that answers at once but trickles its body
// is not cut by that first-answer limit (only by the full timeout).
import { strict as assert } from 'node:assert';
import { MetadataError, ODataHttp, type Connectivity } from '../../../src/core/metadata';
import { startODataServer, type ODataServer } from '../../support/odata-server';
import { settlesWithin, signal, trapUnhandledRejections } from './support';

describe('metadata: offline from the first failure', () => {
  trapUnhandledRejections();
  let server: ODataServer;
  afterEach(async () => server.close());

  const failure = async (p: Promise<unknown>): Promise<MetadataError> => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof MetadataError, String(e));
      return e;
    }
    assert.fail('the request did not fail');
  };

  it('a network that never answers: the first request fails when no answer has started, the waiting ones with it', async () => {
    server = await startODataServer({ mode: 'hang' });
    // The full timeout is far beyond mocha's: only the first-answer limit can end these requests.
    const http = new ODataHttp({ baseUrl: server.url, timeoutMs: 600_000, answerTimeoutMs: 150, retries: 2, retryDelayMs: 5 });
    const statuses: Connectivity[] = [];
    http.onDidChangeStatus((s) => statuses.push(s));
    const first = http.getJson('Document?$top=1', signal());
    // Five more lookups start while the first still waits (as the CLI's six concurrent lookups do).
    const others = [1, 2, 3, 4, 5].map((n) => http.getJson(`Document?$top=${n + 1}`, signal()));
    const errors = await settlesWithin(Promise.all([failure(first), ...others.map(failure)]), 5000);
    assert.deepEqual(statuses, ['offline']);
    const codes = errors.map((e) => e.code);
    assert.ok(codes.includes('timeout'), codes.join());
    assert.ok(
      errors.some((e) => /no answer within 150 ms/.test(e.message)),
      errors.map((e) => e.message).join(' | '),
    );
    assert.ok(
      codes.every((c) => c === 'timeout' || c === 'offline'),
      codes.join(),
    );
    // Later requests fail at once, without a connection.
    const before = server.requests.length;
    assert.equal((await failure(http.getJson('Document?$top=9', signal()))).code, 'offline');
    assert.equal(server.requests.length, before);
  });

  it('a body that trickles after a prompt answer is read to the end', async () => {
    server = await startODataServer({ mode: 'drip', dripMs: 2 });
    // The body takes about two seconds; the answer starts long before the first-answer limit of one second.
    const http = new ODataHttp({ baseUrl: server.url, timeoutMs: 20_000, answerTimeoutMs: 1000 });
    const value = (await settlesWithin(http.getJson("Document?$filter=DocumentNummer eq '2024D25640'", signal()), 15_000)) as {
      value: Array<{ DocumentNummer?: string }>;
    };
    assert.ok(value.value.some((d) => d.DocumentNummer === '2024D25640'));
    assert.equal(http.status, 'online');
  });

  it('a proxy that answers 407 and a portal that answers 200 with a web page: offline, saying so, no retry', async () => {
    server = await startODataServer();
    const cases: Array<[Response, RegExp]> = [
      [new Response('Proxy Authentication Required', { status: 407 }), /a proxy asks for a login \(HTTP 407\)/],
      [
        new Response('<html><body>Log in</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
        /a web page instead of the Tweede Kamer API/,
      ],
      [new Response('<!DOCTYPE html><p>Wi-Fi</p>', { status: 200 }), /a web page instead of the Tweede Kamer API/],
    ];
    for (const [answer, message] of cases) {
      let calls = 0;
      const fetch = (async () => {
        calls++;
        return answer.clone();
      }) as typeof globalThis.fetch;
      const http = new ODataHttp({ baseUrl: server.url, fetch, retries: 2, retryDelayMs: 1 });
      const e = await failure(http.getJson('Document?$top=1', signal()));
      assert.equal(e.code, 'offline');
      assert.match(e.message, message);
      assert.equal(http.status, 'offline');
      assert.equal(calls, 1, 'not retried');
    }
  });

  it('the first-answer limit is never longer than the full timeout', async () => {
    server = await startODataServer({ mode: 'hang' });
    const http = new ODataHttp({ baseUrl: server.url, timeoutMs: 100, answerTimeoutMs: 60_000, retries: 0 });
    const e = await settlesWithin(failure(http.getJson('Document?$top=1', signal())), 5000);
    assert.equal(e.code, 'timeout');
    assert.match(e.message, /within 100 ms/);
  });
});
