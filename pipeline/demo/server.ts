// A small HTTP server for the offline demo: five fake Chinese news outlets with feeds, a list
// page and article pages, in UTF-8, GBK and Big5, with conditional GET (ETag/Last-Modified).
// Everything is rendered once at start-up from the corpus in pipeline/demo/corpus/.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { loadDemoCorpus, type DemoEntry } from './corpus.ts';
import { CHINA_TIME_ZONE } from '../../src/lib/time-zone.ts';
import { escapeHtml } from './chrome.ts';
import {
  OUTLETS,
  OUTLET_IDS,
  OUTLET_TEMPLATES,
  lastModifiedOf,
  ymdhm,
  type DemoEncoding,
  type RenderContext,
} from './outlets.ts';

export { loadDemoCorpus, type DemoEntry, type DemoTopic, parseDemoTime } from './corpus.ts';
export { OUTLETS, OUTLET_IDS, type OutletId } from './outlets.ts';
export { TEASER_HEADLINES, COMMENTS } from './chrome.ts';

export interface DemoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The corpus to publish: a story folder's corpus/ (default: the SU7 demo's, pipeline/demo/corpus/). */
  corpusDir?: string;
  /** The story's time zone (story.yaml): zone-less corpus times are read in it, outlets write their times in it. */
  timeZone?: string;
}

export interface DemoServer {
  /** e.g. http://127.0.0.1:4391 */
  origin: string;
  close(): Promise<void>;
}

interface Resource {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

const encodableCache: Record<'gbk' | 'big5', Map<string, boolean>> = { gbk: new Map(), big5: new Map() };

function canEncode(ch: string, enc: 'gbk' | 'big5'): boolean {
  const cache = encodableCache[enc];
  let ok = cache.get(ch);
  if (ok === undefined) {
    // Round-trip through the WHATWG decoder (what browsers and fetch consumers use): iconv-lite
    // writes some HKSCS forms that a WHATWG big5 decoder reads back differently.
    ok = new TextDecoder(enc).decode(iconv.encode(ch, enc)) === ch;
    cache.set(ch, ok);
  }
  return ok;
}

/**
 * Encodes markup in the outlet's charset. A character the legacy charset cannot hold is
 * written as a numeric character reference, as legacy CMSs do.
 */
export function encodeMarkup(s: string, enc: DemoEncoding): Buffer {
  if (enc === 'utf-8') return Buffer.from(s, 'utf8');
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp < 0x80 || canEncode(ch, enc) ? ch : `&#${cp};`;
  }
  return iconv.encode(out, enc);
}

function resource(body: Buffer, contentType: string, lastModified: Date): Resource {
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  return { body, contentType, etag, lastModified };
}

function renderHome(origin: string, corpus: readonly DemoEntry[], timeZone: string): string {
  const rows = OUTLET_IDS.map((id) => {
    const o = OUTLETS[id];
    const n = corpus.filter((e) => e.outlet === id).length;
    return `    <li><strong>${escapeHtml(o.name)}</strong> (${id}, ${o.pageEncoding}, ${n} 篇): <a href="${o.feed.path}">${o.feed.kind === 'page-list' ? '列表页' : o.feed.kind.toUpperCase()} ${o.feed.path}</a></li>`;
  });
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Storyline 演示新闻源</title></head>
<body>
  <h1>Storyline 演示新闻源</h1>
  <p>离线演示用的五个虚构新闻网站，内容为演示而写。服务地址：${escapeHtml(origin)}</p>
  <ul>
${rows.join('\n')}
  </ul>
  <p>最新更新：${ymdhm(corpus.reduce((m, e) => (lastModifiedOf(e) > m ? lastModifiedOf(e) : m), new Date(0)), timeZone)}</p>
</body>
</html>
`;
}

/** Renders every response of the demo site for a given origin. */
export function buildDemoSite(origin: string, rawCorpus: readonly DemoEntry[] = loadDemoCorpus()): Map<string, Resource> {
  const timeZone = rawCorpus[0]?.timeZone ?? CHINA_TIME_ZONE;
  // Articles point to primary sources on this server as {{demo}}/primary/…: the origin is known only now.
  const corpus = rawCorpus.map((e) => ({ ...e, paragraphs: e.paragraphs.map((p) => p.replaceAll('{{demo}}', origin)) }));
  const ctx: RenderContext = { origin, corpus, timeZone };
  const site = new Map<string, Resource>();
  let newest = new Date(0);
  for (const id of OUTLET_IDS) {
    const tpl = OUTLET_TEMPLATES[id];
    const entries = corpus.filter((e) => e.outlet === id);
    let outletNewest = new Date(0);
    for (const e of entries) {
      const lm = lastModifiedOf(e);
      if (lm > outletNewest) outletNewest = lm;
      if (site.has(e.path)) throw new Error(`demo site: duplicate path ${e.path}`);
      site.set(e.path, resource(encodeMarkup(tpl.renderArticle(e, ctx), tpl.info.pageEncoding), tpl.pageContentType, lm));
    }
    const index = tpl.renderIndex(ctx);
    site.set(tpl.info.feed.path, resource(encodeMarkup(index.body, index.encoding), index.contentType, outletNewest));
    if (outletNewest > newest) newest = outletNewest;
  }
  site.set('/', resource(Buffer.from(renderHome(origin, corpus, timeZone), 'utf8'), 'text/html; charset=utf-8', newest));
  for (const p of loadPrimarySources()) site.set(`/primary/${p.slug}.html`, resource(Buffer.from(renderPrimary(p), 'utf8'), 'text/html; charset=utf-8', new Date(p.published)));
  return site;
}

type PrimaryPage = { slug: string; site: string; title: string; published: string; paragraphs: string[] };

function loadPrimarySources(): PrimaryPage[] {
  const file = fileURLToPath(new URL('./primary-sources.yaml', import.meta.url));
  return (parseYaml(readFileSync(file, 'utf8')) as PrimaryPage[]).map((p) => ({ ...p, published: (p.published as unknown) instanceof Date ? (p.published as unknown as Date).toISOString() : String(p.published) }));
}

function renderPrimary(p: PrimaryPage): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(p.title)} · ${escapeHtml(p.site)}</title></head>
<body><header><p>${escapeHtml(p.site)} · 演示用虚构页面</p></header><main><article><h1>${escapeHtml(p.title)}</h1>
${p.paragraphs.map((x) => `<p>${escapeHtml(x)}</p>`).join('\n')}</article></main></body></html>`;
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  // If-None-Match uses the weak comparison: W/"x" matches "x".
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag);
}

function handle(site: Map<string, Resource>, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method Not Allowed\n');
    return;
  }
  let path: string;
  try {
    path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
  } catch {
    path = '/';
  }
  const r = site.get(path);
  if (!r) {
    if (!path.endsWith('/') && site.has(path + '/')) {
      res.writeHead(301, { Location: path + '/', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Moved Permanently\n');
      return;
    }
    const body = Buffer.from('<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 Not Found</title></head><body><h1>404 Not Found</h1><p>您访问的页面不存在或已被删除。</p></body></html>\n', 'utf8');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(method === 'HEAD' ? undefined : body);
    return;
  }
  const headers: Record<string, string | number> = {
    ETag: r.etag,
    'Last-Modified': r.lastModified.toUTCString(),
    'Cache-Control': 'public, max-age=60',
  };
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  let notModified = false;
  if (typeof inm === 'string' && inm.length > 0) {
    notModified = etagMatches(inm, r.etag);
  } else if (typeof ims === 'string' && ims.length > 0) {
    const since = Date.parse(ims);
    notModified = !Number.isNaN(since) && Math.floor(r.lastModified.getTime() / 1000) * 1000 <= since;
  }
  if (notModified) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': r.contentType, 'Content-Length': r.body.length });
  res.end(method === 'HEAD' ? undefined : r.body);
}

/** Starts the demo server (default 127.0.0.1, random port). */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const corpus = loadDemoCorpus(opts.corpusDir, opts.timeZone);
  let site = new Map<string, Resource>();
  const server = createServer((req, res) => {
    try {
      handle(site, req, res);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Internal Server Error: ${(err as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === 'IPv6' || host.includes(':') ? `[${addr.address}]` : host;
  const origin = `http://${hostPart}:${addr.port}`;
  try {
    site = buildDemoSite(origin, corpus);
  } catch (err) {
    server.close();
    throw err;
  }
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
