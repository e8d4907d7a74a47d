// A real HTTP server on 127.0.0.1 for the Tweede Kamer document route: `Document?$filter=… DocumentNummer eq '…'`
// answers the rows it was given (only with `Verwijderd eq false` in the filter, as the real API filters nothing by
// itself), and `Document({Id})/resource` answers what the test sets per Id: a file with its content type, a web page,
// a body larger than it says, a redirect, or no answer at all. Every request is recorded.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ResourceAnswer =
  | { kind: 'file'; contentType: string; body: Uint8Array | string }
  /** A Content-Length this large, then a few bytes and the end: a client must refuse by the header. */
  | { kind: 'declared-huge'; bytes: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'hang' };

export interface TkServer {
  /** The OData base URL, ending in `/`. */
  apiUrl: string;
  requests: string[];
  rows: Record<string, unknown>[];
  resources: Map<string, ResourceAnswer>;
  close(): Promise<void>;
}

export async function startTkServer(rows: Record<string, unknown>[] = []): Promise<TkServer> {
  const requests: string[] = [];
  const resources = new Map<string, ResourceAnswer>();
  const hanging = new Set<ServerResponse>();
  const state = { rows };
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(decodeURIComponent(u.pathname + u.search));
    const entity = decodeURIComponent(u.pathname.replace(/^\/OData\/v4\/2\.0\//, ''));
    const m = /^Document\(([0-9a-f-]{36})\)\/resource$/i.exec(entity);
    if (m) return resource(res, resources.get(m[1]));
    if (entity !== 'Document') return json(res, 404, { error: { code: '', message: 'No route' } });
    const filter = u.searchParams.get('$filter') ?? '';
    const n = /DocumentNummer eq '([^']*)'/.exec(filter);
    if (!n) return json(res, 400, { error: { code: '', message: 'unsupported filter' } });
    const live = /\bVerwijderd eq false\b/.test(filter);
    const found = state.rows.filter((r) => r.DocumentNummer === n[1] && (!live || r.Verwijderd !== true));
    json(res, 200, { '@odata.context': 'x', value: found });
  });

  function resource(res: ServerResponse, a: ResourceAnswer | undefined): void {
    if (!a) return json(res, 404, { error: { code: '', message: 'Not found' } });
    if (a.kind === 'hang') return void hanging.add(res);
    if (a.kind === 'redirect') {
      res.writeHead(302, { Location: a.location });
      return void res.end();
    }
    if (a.kind === 'declared-huge') {
      res.writeHead(200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Content-Length': String(a.bytes) });
      res.write('PK\x03\x04');
      // The rest never comes; the socket is closed when the client gives up.
      return void hanging.add(res);
    }
    res.writeHead(200, { 'Content-Type': a.contentType });
    res.end(typeof a.body === 'string' ? a.body : Buffer.from(a.body));
  }

  function json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/OData/v4/2.0/`,
    requests,
    get rows() {
      return state.rows;
    },
    set rows(v) {
      state.rows = v;
    },
    resources,
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
