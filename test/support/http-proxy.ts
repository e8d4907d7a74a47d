// A small HTTP proxy on 127.0.0.1 for tests: forwards absolute-form requests, tunnels CONNECT, and can instead
// answer 407 (a proxy that wants a login) or 200 with an HTML page (a captive portal). It records what it was asked.
// With `upstream`, it sends every request there, whatever host was asked (like a proxy that reaches hosts this
// machine cannot): a request that bypassed the proxy fails, so a passing test shows that the proxy was used.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export type ProxyMode = 'forward' | 'auth-required' | 'captive-portal';

export interface TestProxy {
  url: string;
  /** `GET http://…` or `CONNECT host:port`, in order. */
  seen: string[];
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
}

export interface ProxyOptions {
  upstream?: { host: string; port: number };
}

export async function startProxy(mode: ProxyMode = 'forward', options: ProxyOptions = {}): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const seen: string[] = [];
  const refuse = (res: ServerResponse): boolean => {
    if (mode === 'auth-required') {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"', 'Content-Type': 'text/plain' });
      res.end('Proxy Authentication Required');
      return true;
    }
    if (mode === 'captive-portal') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><body>Log in to the train Wi-Fi</body></html>');
      return true;
    }
    return false;
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`);
    if (refuse(res)) return;
    const target = new URL(req.url ?? '');
    if (options.upstream) Object.assign(target, { hostname: options.upstream.host, port: String(options.upstream.port) });
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    sockets.add(client);
    if (mode === 'auth-required')
      return void client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
    if (mode === 'captive-portal') {
      // A portal that intercepts the traffic: the tunnel opens, and every request in it gets the login page.
      const page = '<!DOCTYPE html><html><body>Log in to the train Wi-Fi</body></html>';
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      client.on('data', () => client.write(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${page.length}\r\n\r\n${page}`));
      return;
    }
    const [asked, askedPort] = (req.url ?? '').split(':');
    const { host, port } = options.upstream ?? { host: asked, port: Number(askedPort) };
    const up = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    sockets.add(up);
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    setMode: (m) => void (mode = m),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
