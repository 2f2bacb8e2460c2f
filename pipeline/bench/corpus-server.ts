// The benchmark corpus over real HTTP on 127.0.0.1: the five demo outlets, one port each (so the
// ingest's per-host limits apply as they would to five sites), feeds split into parts of
// ≤ FEED_PART items, article pages rendered by the demo templates from the seed.
// ETag / If-None-Match and Last-Modified / If-Modified-Since answer 304 without rendering.
//
// Nothing touches the disk. Pages are rendered on first request, or all up front with
// warm() so that rendering cost lands outside the timed runs (the server shares the two cores
// with whatever is being measured).
//
// CLI: node pipeline/bench/corpus-server.ts [--size 1000] [--seed 1] [--sources-out FILE.yaml]
//   serves until Ctrl-C and writes a sources file for `npm run ingest -- --sources FILE.yaml`.
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import type { Source } from '../config.ts';
import { encodeMarkup } from '../demo/server.ts';
import { escapeHtml as h, hash32, pick, TEASER_HEADLINES } from '../demo/chrome.ts';
import { OUTLETS, OUTLET_IDS, OUTLET_TEMPLATES, ymdhm, type OutletId } from '../demo/outlets.ts';
import { BENCH_TIME_ZONE, BenchCorpus, FEED_PART } from './generate.ts';
import { numberOption } from '../cli/numbers.ts';

export type ServerStats = { requests: number; ok: number; notModified: number; notFound: number; bytes: number; pageBytes: number; pages: number };
export type CorpusServerOptions = { size: number; seed?: number; host?: string; gzip?: boolean };
export type CorpusServer = {
  corpus: BenchCorpus;
  origins: Record<OutletId, string>;
  stats: ServerStats;
  resetStats(): ServerStats;
  /** Sources for runIngest (allowPrivateNetwork: loopback). */
  sources(): Source[];
  /** Publish n new articles; the feeds they land in get a new ETag. */
  grow(n: number): void;
  /** Render every page now (bounded by maxBytes), so timed runs only pay for the socket. */
  warm(maxBytes?: number): { pages: number; bytes: number; ms: number };
  close(): Promise<void>;
};

type Resource = { body: Buffer; contentType: string; etag: string; lastModified: Date };

export function feedPath(outlet: OutletId, part: number): string {
  const kind = OUTLETS[outlet].feed.kind;
  return kind === 'page-list' ? `/${outlet}/news/list-${part}.html` : kind === 'atom' ? `/${outlet}/atom-${part}.xml` : `/${outlet}/rss-${part}.xml`;
}

export function sourcesFor(corpus: BenchCorpus, origins: Record<OutletId, string>): Source[] {
  const out: Source[] = [];
  for (const outlet of OUTLET_IDS) {
    const info = OUTLETS[outlet];
    for (let part = 0; part < corpus.parts(outlet); part++) {
      out.push({
        id: `${outlet}-${part}`, name: info.name, kind: info.feed.kind, url: origins[outlet] + feedPath(outlet, part),
        allowPrivateNetwork: true, enabled: true, fullText: false, fictional: false,
        ...(info.feed.kind === 'page-list' ? { selector: 'ul.news-list a' } : {}),
      });
    }
  }
  return out;
}

/** One article page as its outlet serves it (bytes in the outlet's charset). */
export function renderArticlePage(corpus: BenchCorpus, index: number, origin: string): { body: Buffer; contentType: string } {
  const e = corpus.entry(index);
  const tpl = OUTLET_TEMPLATES[e.outlet];
  // The templates' related / hot / previous-next lists read the corpus: give them the neighbours.
  let html = tpl.renderArticle(e, { origin, corpus: corpus.neighbours(index), timeZone: BENCH_TIME_ZONE });
  const weight = pageWeight(e.outlet);
  html = html.replace('</head>', `${weight.head}\n</head>`).replace(/<\/body>\s*<\/html>\s*$/, `${weight.body}\n</body>\n</html>\n`);
  return { body: encodeMarkup(html, tpl.info.pageEncoding), contentType: tpl.pageContentType };
}

// Real Chinese news pages weigh 50–150 KB: the demo templates carry the structure but not the
// bulk. Each outlet gets the usual extra weight: an inline state/ads script in <head>, a channel
// site map of a few hundred links and tracking scripts at the end of <body>. Fixed per outlet.
const CHANNELS = ['国内', '国际', '财经', '科技', '汽车', '房产', '体育', '娱乐', '教育', '健康', '旅游', '时尚', '军事', '文化', '读书', '视频', '图片', '评论', '专题', '数码', '游戏', '家居', '美食', '公益'];
const SUBCHANNELS = ['要闻', '滚动', '深度', '独家', '快讯', '观察', '访谈', '数据', '榜单', '直播', '图集', '专栏'];
const weights = new Map<OutletId, { head: string; body: string }>();
function pageWeight(outlet: OutletId): { head: string; body: string } {
  let w = weights.get(outlet);
  if (w) return w;
  const state = {
    site: outlet, version: '5.12.3', ads: Array.from({ length: 60 }, (_, i) => ({ slot: `${outlet}_slot_${i}`, size: i % 3 ? '300x250' : '728x90', rotate: i % 5, targeting: { channel: CHANNELS[i % CHANNELS.length], kw: TEASER_HEADLINES[i % TEASER_HEADLINES.length] } })),
    channels: CHANNELS.map((c, i) => ({ id: 1000 + i, name: c, sub: SUBCHANNELS.map((s, k) => ({ id: 1000 * (i + 1) + k, name: `${c}${s}`, url: `/${outlet}/${i}/${k}/` })) })),
  };
  const head = `<script>window.__SITE_STATE__=${JSON.stringify(state)};</script>`;
  const sitemap = CHANNELS.map((c, i) => `<dl class="sm-col"><dt><a href="/${outlet}/ch${i}/">${c}</a></dt>${SUBCHANNELS.map((s, k) => `<dd><a href="/${outlet}/ch${i}/${k}/">${c}${s}</a></dd>`).join('')}</dl>`).join('\n');
  const tracking = Array.from({ length: 40 }, (_, i) => `!function(e,t){var n=e.createElement("img");n.src="/${outlet}/stat/p.gif?e=${i}&t="+(+new Date)+"&r="+encodeURIComponent(t.referrer||"");n.style.display="none";e.body&&e.body.appendChild(n)}(document,document);`).join('\n');
  const body = `<div class="site-map" id="sitemap">\n${sitemap}\n</div>\n<script>\n${tracking}\n</script>`;
  w = { head, body };
  weights.set(outlet, w);
  return w;
}

/** A news list page in the chengshi style: every link of the part, relative, in ul.news-list. */
function renderListPage(corpus: BenchCorpus, outlet: OutletId, part: number): string {
  const items = corpus.partItems(outlet, part).map((i) => corpus.items[i]!).reverse();
  const titles = items.map((it) => corpus.entry(it.index).title);
  return `<!DOCTYPE HTML>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>要闻_城市财经（第${part + 1}页）</title>
<link href="/chengshi/static/css/list.css" rel="stylesheet">
</head>
<body>
<div class="N-nav-top"><div class="N-nav-top-wrap"><a href="/chengshi/">城市财经首页</a> <a href="/chengshi/news/">要闻</a> <a href="/chengshi/auto/">汽车</a> <a href="/chengshi/tech/">科技</a></div></div>
<div class="g-doc">
  <div class="m-crumb"><a href="/chengshi/">城市财经</a> &gt; 要闻</div>
  <div class="col-main">
    <div class="titlebar"><h2>最新要闻</h2></div>
    <ul class="news-list">
${items.map((it, k) => `      <li><a href="..${it.path.slice(`/${outlet}`.length)}">${h(titles[k]!)}</a><span class="time">${ymdhm(it.publishedAt, BENCH_TIME_ZONE)}</span></li>`).join('\n')}
    </ul>
  </div>
  <div class="col-side"><div class="sd-box"><h3>猜你感兴趣</h3><ul class="guess-list">
${pick(TEASER_HEADLINES, 5, `list:${part}`).map((t) => `    <li><a href="/chengshi/guess/${hash32(t) % 100000}.html">${h(t)}</a></li>`).join('\n')}
  </ul></div></div>
</div>
<div class="N-footer"><p>城市财经版权所有 ©2009-2025</p></div>
</body>
</html>
`;
}

function renderFeed(corpus: BenchCorpus, outlet: OutletId, part: number, origin: string, seed: number): Resource {
  const indices = corpus.partItems(outlet, part);
  const newest = corpus.items[indices[indices.length - 1]!]!.publishedAt;
  const etag = `"f${seed}-${outlet}-${part}-${indices.length}"`;
  const tpl = OUTLET_TEMPLATES[outlet];
  if (tpl.info.feed.kind === 'page-list') {
    return { body: Buffer.from(renderListPage(corpus, outlet, part), 'utf8'), contentType: 'text/html; charset=utf-8', etag, lastModified: newest };
  }
  const doc = tpl.renderIndex({ origin, corpus: indices.map((i) => corpus.entry(i)), timeZone: BENCH_TIME_ZONE });
  return { body: encodeMarkup(doc.body, doc.encoding), contentType: doc.contentType, etag, lastModified: newest };
}

function matches(req: http.IncomingMessage, r: { etag: string; lastModified: Date }): boolean {
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string' && inm) return inm.split(',').map((t) => t.trim().replace(/^W\//, '')).includes(r.etag);
  const ims = req.headers['if-modified-since'];
  if (typeof ims === 'string' && ims) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(r.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

export async function startCorpusServer(options: CorpusServerOptions): Promise<CorpusServer> {
  const seed = options.seed ?? 1;
  const host = options.host ?? '127.0.0.1';
  const corpus = new BenchCorpus(options.size, seed);
  const origins = {} as Record<OutletId, string>;
  const feeds = new Map<string, Resource>();
  const pages = new Map<number, Buffer>();
  const emptyStats = (): ServerStats => ({ requests: 0, ok: 0, notModified: 0, notFound: 0, bytes: 0, pageBytes: 0, pages: 0 });
  let stats = emptyStats();

  const renderFeeds = (outlet: OutletId, from = 0) => {
    for (let part = from; part < corpus.parts(outlet); part++) feeds.set(feedPath(outlet, part), renderFeed(corpus, outlet, part, origins[outlet], seed));
  };

  const send = (req: http.IncomingMessage, res: http.ServerResponse, status: number, headers: Record<string, string | number>, body?: Buffer) => {
    let payload = body;
    if (payload && options.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      payload = zlib.gzipSync(payload, { level: 6 });
      headers['Content-Encoding'] = 'gzip';
    }
    if (payload) headers['Content-Length'] = payload.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
    stats.requests++;
    if (status === 200) { stats.ok++; stats.bytes += payload?.length ?? 0; }
    else if (status === 304) stats.notModified++;
    else stats.notFound++;
  };

  const handler = (outlet: OutletId) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const feed = feeds.get(path);
    if (feed) {
      const headers = { ETag: feed.etag, 'Last-Modified': feed.lastModified.toUTCString(), 'Cache-Control': 'max-age=60' };
      if (matches(req, feed)) return send(req, res, 304, headers);
      return send(req, res, 200, { ...headers, 'Content-Type': feed.contentType }, feed.body);
    }
    const index = corpus.indexOfPath(path);
    const item = index === undefined ? undefined : corpus.items[index]!;
    if (!item || item.outlet !== outlet) return send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('not found\n'));
    const validators = { etag: `"a${seed}-${item.index}"`, lastModified: item.publishedAt };
    const headers = { ETag: validators.etag, 'Last-Modified': item.publishedAt.toUTCString(), 'Cache-Control': 'max-age=300' };
    if (matches(req, validators)) return send(req, res, 304, headers);
    let body = pages.get(item.index);
    if (!body) body = renderArticlePage(corpus, item.index, origins[outlet]).body;
    stats.pages++;
    stats.pageBytes += body.length;
    send(req, res, 200, { ...headers, 'Content-Type': OUTLET_TEMPLATES[outlet].pageContentType }, body);
  };

  const servers: http.Server[] = [];
  for (const outlet of OUTLET_IDS) {
    const server = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
      try { handler(outlet)(req, res); } catch (e) { res.writeHead(500); res.end(String(e)); }
    });
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, host, () => resolve()); });
    origins[outlet] = `http://${host}:${(server.address() as AddressInfo).port}`;
    servers.push(server);
  }
  for (const outlet of OUTLET_IDS) renderFeeds(outlet);

  return {
    corpus, origins,
    get stats() { return stats; },
    resetStats() { const s = stats; stats = emptyStats(); return s; },
    sources: () => sourcesFor(corpus, origins),
    grow(n: number) {
      const firstPart = new Map<OutletId, number>();
      for (const item of corpus.grow(n)) {
        const part = Math.floor(item.ordinal / FEED_PART);
        firstPart.set(item.outlet, Math.min(firstPart.get(item.outlet) ?? part, part));
      }
      for (const [outlet, part] of firstPart) renderFeeds(outlet, part);
    },
    warm(maxBytes = 2 * 1024 ** 3) {
      const t0 = performance.now();
      let bytes = 0;
      for (const item of corpus.items) {
        if (pages.has(item.index)) { bytes += pages.get(item.index)!.length; continue; }
        if (bytes > maxBytes) break;
        const body = renderArticlePage(corpus, item.index, origins[item.outlet]).body;
        pages.set(item.index, body);
        bytes += body.length;
      }
      return { pages: pages.size, bytes, ms: performance.now() - t0 };
    },
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
    },
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, 'sources-out': { type: 'string' }, gzip: { type: 'boolean', default: false } } });
  const server = await startCorpusServer({ size: numberOption('corpus-server', '--size', values.size!, { min: 1 }), seed: numberOption('corpus-server', '--seed', values.seed!), gzip: values.gzip });
  const sources = server.sources();
  if (values['sources-out']) fs.writeFileSync(values['sources-out'], stringify({ sources }));
  process.stdout.write(`Bench corpus: ${server.corpus.size} articles ${JSON.stringify(server.corpus.counts())}, ${sources.length} sources\n`);
  for (const outlet of OUTLET_IDS) process.stdout.write(`  ${outlet}: ${server.origins[outlet]}${feedPath(outlet, 0)}\n`);
  if (values['sources-out']) process.stdout.write(`Sources file: ${values['sources-out']}\n`);
  process.on('SIGINT', () => { void server.close().then(() => process.exit(0)); });
}
