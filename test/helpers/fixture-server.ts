// A real HTTP server on 127.0.0.1 for tests: routes map a path to a handler or a canned
// response. Each test starts its own on port 0 and closes it.
import http from 'node:http';

export type Canned = { status?: number; headers?: Record<string, string>; body?: string | Buffer };
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;
export type Routes = Record<string, Canned | Handler>;

/** Optional, added for the hostile suite: listen elsewhere than 127.0.0.1 (e.g. a non-loopback
 *  interface address, to play a "public" server in blocked-address tests). */
export type FixtureServerOptions = { host?: string };

export type FixtureServer = { origin: string; url(path: string): string; hits: Map<string, number>; requests: http.IncomingHttpHeaders[]; close(): Promise<void> };

export async function startFixtureServer(routes: Routes, options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  const requests: http.IncomingHttpHeaders[] = [];
  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    requests.push({ ...req.headers, ':path': path });
    const route = routes[path];
    if (!route) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
    if (typeof route === 'function') {
      try { await route(req, res); } catch (e) { if (!res.headersSent) res.writeHead(500); res.end(String(e)); }
      return;
    }
    const body = route.body ?? '';
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', ...route.headers };
    const etag = headers.etag;
    if (etag && req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); res.end(); return; }
    res.writeHead(route.status ?? 200, headers);
    res.end(body);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, host, resolve); });
  const { port } = server.address() as { port: number };
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    url: (p: string) => `${origin}${p}`,
    hits,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
