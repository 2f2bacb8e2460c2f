// Hostile servers, against the real fetcher over real sockets (test/helpers/fixture-server.ts on
// 127.0.0.1). Each case says what is kept, what is refused and with which reason.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import dns from 'node:dns';
import net from 'node:net';
import zlib from 'node:zlib';
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { fetchUrl, isBlockedAddress, type FetchOptions } from '../../pipeline/fetch.ts';
import { StageError, FAILURE_REASONS, type FailureReason } from '../../pipeline/reasons.ts';
import { articlePage, ingest, itemFor, rssFeed, RSS_HEADERS, tempDir, writeSources } from './support.ts';

/** The loopback address that plays a public host in the tests below. */
const PUBLIC_STAND_IN = '127.0.0.2';

const LOCAL: FetchOptions = { allowPrivateNetwork: true, retries: 0, retryBaseMs: 10, totalTimeoutMs: 3_000, connectTimeoutMs: 1_000 };

/** The reason a fetch failed with (and that it is a StageError from the closed set). */
async function reasonFor(url: string, options: FetchOptions = {}): Promise<{ reason: FailureReason; message: string; ms: number }> {
  const started = Date.now();
  try {
    await fetchUrl(url, { ...LOCAL, ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(StageError);
    const reason = (e as StageError).reason;
    expect(FAILURE_REASONS).toContain(reason);
    return { reason, message: (e as Error).message, ms: Date.now() - started };
  }
  throw new Error(`expected ${url} to fail`);
}

const PAGE = articlePage({ title: '小米SU7锁单定金不退引发投诉', tag: 'net' });
let counter = 0;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({
    '/ok': { body: PAGE },
    // A byte every 100 ms, forever: only the total timeout ends it.
    '/trickle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const timer = setInterval(() => res.write('<'), 100);
      res.on('close', () => clearInterval(timer));
    },
    // 16 KB chunks as fast as the socket takes them, never ending.
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = () => { while (!res.destroyed && res.write(chunk)); };
      res.on('drain', pump);
      pump();
    },
    // 10 KB on the wire that inflate to 50 MB.
    '/gzip-bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(BOMB);
    },
    '/gzip-gzip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip, gzip' });
      res.end(zlib.gzipSync(zlib.gzipSync(Buffer.from(PAGE))));
    },
    '/deflate-br': (_req, res) => {
      // Applied in order: deflate first, then br; the header lists them in that order.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'deflate, br' });
      res.end(zlib.brotliCompressSync(zlib.deflateSync(Buffer.from(PAGE))));
    },
    '/gzip-x3': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip, gzip, gzip' });
      res.end(zlib.gzipSync(zlib.gzipSync(zlib.gzipSync(Buffer.from(PAGE)))));
    },
    '/zstd': (_req, res) => { res.writeHead(200, { 'content-encoding': 'compress' }); res.end('xx'); },
    '/not-gzip': (_req, res) => { res.writeHead(200, { 'content-encoding': 'gzip' }); res.end(PAGE); },
    '/loop-a': { status: 302, headers: { location: '/loop-b' } },
    '/loop-b': { status: 302, headers: { location: '/loop-a' } },
    '/hop': (req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
      if (n > 0) { res.writeHead(302, { location: `/hop?n=${n - 1}` }); res.end(); return; }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    },
    '/to-file': { status: 301, headers: { location: 'file:///etc/passwd' } },
    '/to-garbage': { status: 302, headers: { location: 'http://[::1' } },
    // A redirect whose body never ends: the redirect must still be followed at once.
    '/redirect-endless': (_req, res) => {
      res.writeHead(302, { location: '/ok' });
      const timer = setInterval(() => res.write('x'.repeat(1024)), 5);
      res.on('close', () => clearInterval(timer));
    },
    '/retry-after': (_req, res) => {
      if (++counter % 2 === 1) { res.writeHead(429, { 'retry-after': '1' }); res.end('slow down'); return; }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    },
    '/retry-after-long': { status: 429, headers: { 'retry-after': '3600' } },
    '/flaky': (_req, res) => {
      const n = (server.hits.get('/flaky') ?? 0);
      if (n <= 2) { res.writeHead(503); res.end('busy'); return; }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    },
    '/down': { status: 503, body: 'down' },
    '/gone': { status: 404, body: 'nope' },
    // Promises 1000 bytes, sends 100, hangs up.
    '/short': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      res.write('x'.repeat(100));
      setTimeout(() => res.socket?.destroy(), 50);
    },
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.write('x'.repeat(1024));
    },
    '/header-flood': (_req, res) => { res.writeHead(200, { 'x-flood': 'a'.repeat(64 * 1024) }); res.end('ok'); },
    '/silent': () => { /* accepts, never answers */ },
  });
});
afterAll(async () => { await server.close(); });

const BOMB = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024), { level: 9 });

describe('network: time and size limits', () => {
  it('slow body (a byte every 100 ms) → refused: timeout at the total limit', async () => {
    const r = await reasonFor(server.url('/trickle'), { totalTimeoutMs: 600 });
    expect(r.reason).toBe('timeout');
    expect(r.message).toMatch(/request \(600 ms\) timed out/);
  });

  it('server that never answers → refused: timeout', async () => {
    const r = await reasonFor(server.url('/silent'), { totalTimeoutMs: 400 });
    expect(r.reason).toBe('timeout');
  });

  it('endless body → refused: too-large as soon as the cap is passed', async () => {
    const r = await reasonFor(server.url('/endless'), { maxBytes: 256 * 1024, totalTimeoutMs: 60_000 });
    expect(r.reason).toBe('too-large');
    expect(r.message).toMatch(/body over 262144 bytes/);
  });

  it('gzip bomb (10 KB → 50 MB) → refused: too-large, counted after decompression, at the default 5 MB cap', async () => {
    expect(BOMB.length).toBeLessThan(100 * 1024);
    const r = await reasonFor(server.url('/gzip-bomb'), { maxBytes: undefined });
    expect(r.reason).toBe('too-large');
    expect(r.message).toMatch(/5242880/);
  });

  it('Content-Length over the cap → refused: too-large before the body is read', async () => {
    const r = await reasonFor(server.url('/huge-declared'), { maxBytes: 1024 * 1024 });
    expect(r.reason).toBe('too-large');
    expect(r.message).toMatch(/Content-Length/);
  });

  it('connect timeout (a listener that never accepts, its backlog full) → refused: timeout', async () => {
    // A stopped process keeps its listening socket; once the accept queue is full the kernel
    // drops further SYNs, so our connect hangs exactly like one to a black-holed host.
    const child: ChildProcess = spawn(process.execPath, ['-e', "const s=require('net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>console.log(s.address().port))"], { stdio: ['ignore', 'pipe', 'inherit'] });
    const fillers: net.Socket[] = [];
    try {
      const port = Number(await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d)))));
      process.kill(child.pid!, 'SIGSTOP');
      for (let i = 0; i < 4; i++) fillers.push(net.connect(port, '127.0.0.1').on('error', () => {}));
      await new Promise((r) => setTimeout(r, 200));
      const r = await reasonFor(`http://127.0.0.1:${port}/`, { connectTimeoutMs: 300, totalTimeoutMs: 5_000 });
      expect(r.reason).toBe('timeout');
      expect(r.message).toMatch(/connect \(300 ms\)/);
    } finally {
      for (const s of fillers) s.destroy();
      child.kill('SIGKILL');
    }
  });
});

describe('network: content-encoding', () => {
  it('double encoding (gzip, gzip) → kept, decoded layer by layer', async () => {
    const res = await fetchUrl(server.url('/gzip-gzip'), LOCAL);
    expect(res.body.toString('utf8')).toBe(PAGE);
  });

  it('two different encodings (deflate, br) → kept, decoded in reverse order', async () => {
    const res = await fetchUrl(server.url('/deflate-br'), LOCAL);
    expect(res.body.toString('utf8')).toBe(PAGE);
  });

  it('triple encoding → refused: bad-response (at most two layers, so bombs cannot nest)', async () => {
    const r = await reasonFor(server.url('/gzip-x3'));
    expect(r.reason).toBe('bad-response');
    expect(r.message).toMatch(/3 content-encoding layers/);
  });

  it('unknown encoding → refused: bad-response', async () => {
    expect((await reasonFor(server.url('/zstd'))).reason).toBe('bad-response');
  });

  it('"gzip" that is not gzip → refused: bad-response', async () => {
    expect((await reasonFor(server.url('/not-gzip'))).reason).toBe('bad-response');
  });
});

describe('network: redirects and URLs', () => {
  it('redirect loop → refused: too-many-redirects after 5 hops', async () => {
    const before = (server.hits.get('/loop-a') ?? 0) + (server.hits.get('/loop-b') ?? 0);
    const r = await reasonFor(server.url('/loop-a'));
    expect(r.reason).toBe('too-many-redirects');
    const after = (server.hits.get('/loop-a') ?? 0) + (server.hits.get('/loop-b') ?? 0);
    expect(after - before).toBe(6); // the first request and 5 redirects, no more
  });

  it('exactly 5 redirects → kept; 6 → refused: too-many-redirects', async () => {
    const ok = await fetchUrl(server.url('/hop?n=5'), LOCAL);
    expect(ok.redirects).toBe(5);
    expect(ok.url).toBe(server.url('/hop?n=0'));
    expect((await reasonFor(server.url('/hop?n=6'))).reason).toBe('too-many-redirects');
  });

  it('redirect with an endless body → the redirect is followed at once, the body never read', async () => {
    // With a 60 s total limit, waiting for the body to end would fail the test's own timeout.
    const res = await fetchUrl(server.url('/redirect-endless'), { ...LOCAL, totalTimeoutMs: 60_000 });
    expect(res.url).toBe(server.url('/ok'));
    expect(res.body.toString()).toBe(PAGE);
  });

  it.each([
    ['file:///etc/passwd'], ['ftp://ftp.example.com/feed.xml'], ['javascript:alert(1)'], ['data:text/html,<script>alert(1)</script>'], ['not a url'],
  ])('non-http scheme %s → refused: bad-url', async (url) => {
    expect((await reasonFor(url)).reason).toBe('bad-url');
  });

  it('redirect to file:///etc/passwd → refused: bad-url', async () => {
    expect((await reasonFor(server.url('/to-file'))).reason).toBe('bad-url');
  });

  it('redirect to an unparsable Location → refused: bad-url (was an untyped TypeError)', async () => {
    expect((await reasonFor(server.url('/to-garbage'))).reason).toBe('bad-url');
  });
});

describe('network: private addresses (allowPrivateNetwork false)', () => {
  it('a localhost URL → refused: blocked-address at connect time, the server never sees a request', async () => {
    const port = new URL(server.origin).port;
    const before = server.requests.length;
    const r = await reasonFor(`http://localhost:${port}/ok`, { allowPrivateNetwork: false });
    expect(r.reason).toBe('blocked-address');
    expect(r.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['loopback', 'http://127.0.0.1:9/'], ['IPv6 loopback', 'http://[::1]:9/'], ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['RFC 1918', 'http://10.0.0.1/'], ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]:9/'], ['hex shorthand', 'http://0x7f.1:9/'],
    ['decimal', 'http://2130706433:9/'], ['unspecified', 'http://0.0.0.0:9/'], ['unique-local IPv6', 'http://[fd00::1]/'],
  ])('literal %s address (%s) → refused: blocked-address without connecting', async (_label, url) => {
    const r = await reasonFor(url, { allowPrivateNetwork: false });
    expect(r.reason).toBe('blocked-address');
    expect(r.message).toMatch(/is a private or local address/); // refused on the URL itself, before any lookup or connect
  });

  // A loopback address plays the public host, under an injected policy that counts it as public
  // and everything else as the fetcher does: the same checks run on every machine, including
  // containers and CI runners whose only interfaces are private.
  const publicAddress = PUBLIC_STAND_IN;
  const POLICY: FetchOptions = { allowPrivateNetwork: false, isBlockedAddress: (address) => address !== PUBLIC_STAND_IN && isBlockedAddress(address) };
  describe(`a "public" server on ${publicAddress} (public under the injected policy)`, () => {
    let outside: FixtureServer;
    beforeAll(async () => {
      outside = await startFixtureServer({
        '/ok': { body: PAGE },
        '/to-loopback': (_req, res) => { res.writeHead(302, { location: `${server.origin}/ok` }); res.end(); },
        '/to-localhost': (_req, res) => { res.writeHead(302, { location: `http://localhost:${new URL(server.origin).port}/ok` }); res.end(); },
        '/to-metadata': { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
      }, { host: publicAddress });
    });
    afterAll(async () => { await outside?.close(); });

    it('is itself fetched (kept) with private addresses refused', async () => {
      const res = await fetchUrl(outside.url('/ok'), { ...LOCAL, ...POLICY });
      expect(res.body.toString()).toBe(PAGE);
    });

    it.each([['/to-loopback'], ['/to-localhost'], ['/to-metadata']])('redirect %s to a private address → refused: blocked-address', async (route) => {
      const before = server.requests.length;
      const r = await reasonFor(outside.url(route), POLICY);
      expect(r.reason).toBe('blocked-address');
      expect(server.requests.length).toBe(before);
    });

    it('DNS rebinding: a name that is public for one request and loopback for the next → the second refused at connect', async () => {
      let calls = 0;
      const spy = vi.spyOn(dns, 'lookup').mockImplementation(((host: string, opts: unknown, cb: (...a: unknown[]) => void) => {
        const address = host === 'rebind.test' ? (++calls === 1 ? publicAddress! : '127.0.0.1') : '127.0.0.1';
        const all = (opts as { all?: boolean }).all;
        if (all) cb(null, [{ address, family: 4 }]); else cb(null, address, 4);
      }) as unknown as typeof dns.lookup);
      try {
        const port = new URL(outside.origin).port;
        const first = await fetchUrl(`http://rebind.test:${port}/ok`, { ...LOCAL, ...POLICY });
        expect(first.body.toString()).toBe(PAGE);
        // keep-alive would reuse the checked socket; a new port forces a new connection and lookup
        const r = await reasonFor(`http://rebind.test:${new URL(server.origin).port}/ok`, POLICY);
        expect(r.reason).toBe('blocked-address');
        expect(calls).toBe(2);
      } finally {
        spy.mockRestore();
      }
    });

    it('full ingest: a public feed whose item points at loopback → feed kept, item failed: blocked-address', async () => {
      const feedServer = await startFixtureServer({
        '/feed.xml': { headers: RSS_HEADERS, body: rssFeed([{ title: '内网', link: `${server.origin}/ok` }, { title: '外网', link: '/ok' }]) },
        '/ok': { body: articlePage({ title: '小米SU7锁单定金不退，车主集中投诉', tag: 'public' }) },
      }, { host: publicAddress });
      try {
        const dir = tempDir('net-ingest');
        const sources = writeSources(dir, [{ id: 'pub', url: feedServer.url('/feed.xml'), allowPrivateNetwork: false }]);
        const report = await ingest(`${dir}/content`, sources, { fetchOptions: { isBlockedAddress: POLICY.isBlockedAddress } });
        expect(report.sources[0]!.status).toBe('ok');
        expect(itemFor(report, `${server.origin}/ok`)).toMatchObject({ outcome: 'failed', reason: 'blocked-address' });
        expect(itemFor(report, `${feedServer.origin}/ok`).outcome).toBe('new');
      } finally {
        await feedServer.close();
      }
    });
  });
});

describe('network: retries', () => {
  it('429 with Retry-After: 1 then 200 → kept after waiting about a second', async () => {
    counter = 0;
    const started = Date.now();
    const res = await fetchUrl(server.url('/retry-after'), { ...LOCAL, retries: 2 });
    expect(res.body.toString()).toBe(PAGE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(counter).toBe(2);
  });

  it('429 with Retry-After of an hour → refused at once: http-status (no hour-long wait)', async () => {
    const r = await reasonFor(server.url('/retry-after-long'), { retries: 2, maxRetryAfterMs: 5_000 });
    expect(r.reason).toBe('http-status');
    expect(r.ms).toBeLessThan(3_000);
    expect(server.hits.get('/retry-after-long')).toBe(1);
  });

  it('503 twice then 200 → kept on the third attempt', async () => {
    const res = await fetchUrl(server.url('/flaky'), { ...LOCAL, retries: 2, retryBaseMs: 20 });
    expect(res.body.toString()).toBe(PAGE);
    expect(server.hits.get('/flaky')).toBe(3);
  });

  it('503 every time → refused: http-status after retries + 1 attempts', async () => {
    const r = await reasonFor(server.url('/down'), { retries: 2, retryBaseMs: 10 });
    expect(r.reason).toBe('http-status');
    expect(server.hits.get('/down')).toBe(3);
  });

  it('404 → refused: http-status, not retried', async () => {
    expect((await reasonFor(server.url('/gone'), { retries: 2 })).reason).toBe('http-status');
    expect(server.hits.get('/gone')).toBe(1);
  });
});

describe('network: broken HTTP', () => {
  it('Content-Length 1000, 100 bytes sent, connection closed → refused: bad-response', async () => {
    const r = await reasonFor(server.url('/short'));
    expect(r.reason).toBe('bad-response');
  });

  it('64 KB response header → refused: bad-response', async () => {
    expect((await reasonFor(server.url('/header-flood'))).reason).toBe('bad-response');
  });

  it('connection refused → refused: network', async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    expect((await reasonFor(`http://127.0.0.1:${port}/`)).reason).toBe('network');
  });
});

describe('network: through a full ingest', () => {
  it('one feed, six hostile item URLs and one good one → the good one stored, each other failed with its reason, the run goes on', async () => {
    const dir = tempDir('net-run');
    const feed = await startFixtureServer({
      '/feed.xml': {
        headers: RSS_HEADERS,
        body: rssFeed([
          { title: '好', link: server.url('/ok') },
          { title: '慢', link: server.url('/trickle') },
          { title: '大', link: server.url('/endless') },
          { title: '炸', link: server.url('/gzip-bomb') },
          { title: '环', link: server.url('/loop-a') },
          { title: '短', link: server.url('/short') },
          { title: '无', link: server.url('/gone') },
        ]),
      },
    });
    try {
      const sources = writeSources(dir, [{ id: 'hostile-net', url: feed.url('/feed.xml') }]);
      const report = await ingest(`${dir}/content`, sources, { fetchOptions: { totalTimeoutMs: 800, maxBytes: 512 * 1024 } });
      expect(itemFor(report, '/ok').outcome).toBe('new');
      expect(itemFor(report, '/trickle')).toMatchObject({ outcome: 'failed', reason: 'timeout' });
      expect(itemFor(report, '/endless')).toMatchObject({ outcome: 'failed', reason: 'too-large' });
      expect(itemFor(report, '/gzip-bomb')).toMatchObject({ outcome: 'failed', reason: 'too-large' });
      expect(itemFor(report, '/loop-a')).toMatchObject({ outcome: 'failed', reason: 'too-many-redirects' });
      expect(itemFor(report, '/short')).toMatchObject({ outcome: 'failed', reason: 'bad-response' });
      expect(itemFor(report, '/gone')).toMatchObject({ outcome: 'failed', reason: 'http-status' });
      expect(report.totals).toMatchObject({ new: 1, failed: 6 });
    } finally {
      await feed.close();
    }
  });
});
