// A real HTTP server on 127.0.0.1 standing in for zoek.officielebekendmakingen.nl: it answers the paths the
// importer asks for (`/{id}.xml`, `/{id}/metadata.xml`, as core's publicationUrls builds them) from a table the
// test fills, 404 for anything else, and records the paths asked.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface KoopAnswer {
  /** Never answer (the connection stays open until the server closes). */
  hang?: boolean;
  status?: number;
  contentType?: string;
  body: string | Uint8Array;
}

export interface KoopServer {
  /** `http://127.0.0.1:<port>/`, for the setting kamerstuk.koopBaseUrl. */
  url: string;
  /** Serves `answer` at `path` (`/kst-29754-716.xml`); undefined removes it. */
  set(path: string, answer: KoopAnswer | undefined): void;
  /** Paths asked, oldest first. */
  requests: string[];
  close(): Promise<void>;
}

export async function startKoopServer(): Promise<KoopServer> {
  const answers = new Map<string, KoopAnswer>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const answer = answers.get(path);
    if (!answer) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>Niet gevonden</body></html>');
      return;
    }
    if (answer.hang) return;
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : Buffer.from(answer.body);
    res.writeHead(answer.status ?? 200, { 'content-type': answer.contentType ?? 'application/xml', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    set: (path, answer) => (answer ? answers.set(path, answer) : answers.delete(path)),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
