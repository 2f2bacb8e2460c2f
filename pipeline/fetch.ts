// HTTP with limits: the only module that talks to the network. Returns bytes and headers;
// every failure is a StageError with a reason from the closed set.
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import net from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { StageError } from './reasons.ts';

export const USER_AGENT = 'Storyline/0.1 (news timeline; +https://storyline.example/about)';

export type FetchOptions = {
  allowPrivateNetwork?: boolean;
  /** Which addresses count as private or local (default: isBlockedAddress). Injectable so that
   *  tests can play a public host on a loopback address and check the policy on every machine. */
  isBlockedAddress?: (address: string) => boolean;
  etag?: string;
  lastModified?: string;
  maxBytes?: number;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxRedirects?: number;
  retries?: number;
  retryBaseMs?: number;
  /** Longest Retry-After we honour; longer waits fail as http-status. */
  maxRetryAfterMs?: number;
  accept?: string;
  signal?: AbortSignal;
};

export type FetchResult = {
  url: string;
  status: number;
  notModified: boolean;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  redirects: number;
};

const DEFAULTS = {
  maxBytes: 5 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxRedirects: 5,
  retries: 2,
  retryBaseMs: 500,
  maxRetryAfterMs: 60_000,
};

// Loopback, private, link-local (incl. cloud metadata 169.254.169.254), CGNAT, multicast, unspecified.
const blocked = new net.BlockList();
for (const [addr, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  blocked.addSubnet(addr, prefix, 'ipv4');
}
for (const [addr, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  blocked.addSubnet(addr, prefix, 'ipv6');
}

export function isBlockedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return blocked.check(address, 'ipv4');
}

/** dns.lookup that refuses blocked addresses at connect time, for every address a name resolves to. */
function guardedLookup(isBlocked: (address: string) => boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: (...args: any[]) => void): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err);
      const bad = addresses.find((a) => isBlocked(a.address));
      if (bad) return callback(new StageError('blocked-address', `${hostname} resolves to ${bad.address}, a private or local address`));
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

type Agents = { http: http.Agent; https: https.Agent };
function keepAliveAgents(lookup?: ReturnType<typeof guardedLookup>): Agents {
  const options = { keepAlive: true, maxSockets: 16, ...(lookup ? { lookup } : {}) };
  return { http: new http.Agent(options as http.AgentOptions), https: new https.Agent(options as https.AgentOptions) };
}
const openAgents = keepAliveAgents();
/** One pair of keep-alive agents per address policy (in practice: the default, and a test's). */
const guardedAgents = new WeakMap<(address: string) => boolean, Agents>();
function agentsFor(opts: FetchOptions): Agents {
  if (opts.allowPrivateNetwork) return openAgents;
  const policy = opts.isBlockedAddress ?? isBlockedAddress;
  let agents = guardedAgents.get(policy);
  if (!agents) { agents = keepAliveAgents(guardedLookup(policy)); guardedAgents.set(policy, agents); }
  return agents;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  // An option given as undefined keeps its default: `{ totalTimeoutMs: undefined }` spread over
  // the defaults would otherwise mean a 1 ms timer, and `maxBytes: undefined` no cap at all.
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as FetchOptions;
  const opts = { ...DEFAULTS, ...given };
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchFollowingRedirects(url, opts);
    } catch (error) {
      const retryIn = retryDelay(error, attempt, opts);
      if (retryIn === undefined) throw error;
      await sleep(retryIn, opts.signal);
    }
  }
}

function retryDelay(error: unknown, attempt: number, opts: typeof DEFAULTS & FetchOptions): number | undefined {
  if (attempt >= opts.retries || !(error instanceof RetryableError)) {
    if (error instanceof RetryableError) throw error.final;
    return undefined;
  }
  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > opts.maxRetryAfterMs) throw error.final;
    return error.retryAfterMs;
  }
  return opts.retryBaseMs * 2 ** attempt;
}

class RetryableError extends Error {
  readonly final: StageError;
  readonly retryAfterMs: number | undefined;
  constructor(final: StageError, retryAfterMs?: number) {
    super(final.message);
    this.final = final;
    this.retryAfterMs = retryAfterMs;
  }
}

async function fetchFollowingRedirects(startUrl: string, opts: typeof DEFAULTS & FetchOptions): Promise<FetchResult> {
  let current = startUrl;
  for (let hop = 0; hop <= opts.maxRedirects; hop++) {
    const parsed = parseHttpUrl(current);
    const literal = parsed.hostname.replace(/^\[|\]$/g, '');
    if (!opts.allowPrivateNetwork && net.isIP(literal) && (opts.isBlockedAddress ?? isBlockedAddress)(literal)) {
      throw new StageError('blocked-address', `${parsed.hostname} is a private or local address`);
    }
    const res = await requestOnce(parsed, opts);
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const location = res.headers.location;
      if (!location) throw new StageError('http-status', `HTTP ${res.status} without Location from ${current}`);
      try { current = new URL(location, current).toString(); } catch { throw new StageError('bad-url', `HTTP ${res.status} from ${current} redirects to an unparsable Location: ${location.slice(0, 200)}`); }
      continue;
    }
    if (res.status === 304) return { ...res, url: current, notModified: true, redirects: hop };
    if (res.status >= 400) {
      const err = new StageError('http-status', `HTTP ${res.status} from ${current}`);
      if (RETRYABLE_STATUS.has(res.status)) throw new RetryableError(err, parseRetryAfter(res.headers['retry-after']));
      throw err;
    }
    return { ...res, url: current, notModified: false, redirects: hop };
  }
  throw new StageError('too-many-redirects', `more than ${opts.maxRedirects} redirects from ${startUrl}`);
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try { parsed = new URL(url); } catch { throw new StageError('bad-url', `not a URL: ${url.slice(0, 200)}`); }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new StageError('bad-url', `only http and https are fetched, not ${parsed.protocol}`);
  return parsed;
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function requestOnce(url: URL, opts: typeof DEFAULTS & FetchOptions): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const isHttps = url.protocol === 'https:';
    const pool = agentsFor(opts);
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      'accept': opts.accept ?? 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'zh-CN,zh;q=0.9',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

    let settled = false;
    let req: http.ClientRequest | undefined;
    let totalTimer: NodeJS.Timeout | undefined;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      req?.destroy();
      reject(error);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const timeoutError = (what: string) => new RetryableError(new StageError('timeout', `${what} timed out for ${url}`));
    const onAbort = () => fail(new StageError('timeout', `aborted: ${url}`));
    // A fault while the request is set up (node:http refusing a header, a bad option: our fault,
    // reported as `internal`) must not leave the timer or a socket behind.
    try {
      totalTimer = setTimeout(() => fail(timeoutError(`request (${opts.totalTimeoutMs} ms)`)), opts.totalTimeoutMs);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      if (opts.signal?.aborted) queueMicrotask(onAbort);

      req = (isHttps ? https : http).request(url, { method: 'GET', headers, agent: isHttps ? pool.https : pool.http }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 || status >= 400) {
          // Redirects and errors: the body is of no use, and a hostile one may never end.
          // Answer on the headers and drop the connection rather than drain it.
          settled = true;
          clearTimeout(totalTimer);
          opts.signal?.removeEventListener('abort', onAbort);
          res.on('error', () => { /* we hung up on purpose */ });
          res.destroy();
          resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
          return;
        }
        const declared = Number(res.headers['content-length']);
        const encoded = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase() !== 'identity';
        if (!encoded && Number.isFinite(declared) && declared > opts.maxBytes) {
          res.resume();
          return fail(new StageError('too-large', `Content-Length ${declared} is over ${opts.maxBytes} bytes from ${url}`));
        }
        let stream: Readable;
        try { stream = decodedStream(res, res.headers['content-encoding']); } catch (e) { res.resume(); return fail(e as Error); }
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // fail() first: destroying the stream emits 'aborted'/'error', which must not be what is reported.
          if (size > opts.maxBytes) { fail(new StageError('too-large', `body over ${opts.maxBytes} bytes from ${url}`)); stream.destroy(); return; }
          chunks.push(chunk);
        });
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(totalTimer);
          opts.signal?.removeEventListener('abort', onAbort);
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks, size) });
        });
        stream.on('error', (e) => fail(e instanceof StageError ? e : new StageError('bad-response', `broken body from ${url}: ${(e as Error).message}`)));
        res.on('aborted', () => fail(new StageError('bad-response', `connection closed before the body ended (Content-Length ${res.headers['content-length'] ?? '?'}) from ${url}`)));
      });
      req.on('socket', (socket) => {
        if (socket.connecting) {
          const connectTimer = setTimeout(() => fail(timeoutError(`connect (${opts.connectTimeoutMs} ms)`)), opts.connectTimeoutMs);
          socket.once('connect', () => clearTimeout(connectTimer));
          socket.once('close', () => clearTimeout(connectTimer));
        }
      });
      req.on('error', (e) => fail(networkError(e, url)));
      req.end();
    } catch (e) {
      fail(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

function networkError(error: Error & { code?: string }, url: URL): Error {
  if (error instanceof StageError || error instanceof RetryableError) return error;
  const code = error.code ?? '';
  if (code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_') || error.message === 'aborted') {
    return new StageError('bad-response', `malformed HTTP response from ${url}: ${code || error.message}`);
  }
  const stage = new StageError('network', `${code || error.message} for ${url}`, { cause: error });
  return code === 'ECONNRESET' || code === 'ETIMEDOUT' ? new RetryableError(stage) : stage;
}

/** At most two content-encoding layers, so a nested bomb cannot multiply; size is capped after decoding. */
function decodedStream(res: http.IncomingMessage, header: string | undefined): Readable {
  const layers = (header ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s && s !== 'identity');
  if (layers.length > 2) throw new StageError('bad-response', `${layers.length} content-encoding layers (at most 2)`);
  let stream: Readable = res;
  for (const layer of layers.reverse()) {
    const decoder = layer === 'gzip' || layer === 'x-gzip' ? zlib.createGunzip()
      : layer === 'deflate' ? zlib.createInflate()
      : layer === 'br' ? zlib.createBrotliDecompress()
      : undefined;
    if (!decoder) throw new StageError('bad-response', `unsupported content-encoding "${layer}"`);
    stream.on('error', (e) => decoder.destroy(e));
    stream = stream.pipe(decoder);
  }
  return stream;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
