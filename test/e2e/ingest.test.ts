// Every stage against a real HTTP server on 127.0.0.1: feeds (RSS, Atom), GBK and Big5
// pages, 304 Not Modified, a redirect, a 404, a broken feed item, a page with no article.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { tempContentDir } from '../helpers/temp-content.ts';
import { loadAnalysisConfig, type Config, type Source } from '../../pipeline/config.ts';
import { runIngest } from '../../pipeline/ingest.ts';
import { ContentStore } from '../../pipeline/store.ts';
import { CONFIG_DIR } from '../helpers/analysis-config.ts';

const PAGES = path.resolve(import.meta.dirname, '../fixtures/pages');
const page = (title: string, paragraphs: string[], date = '2024-03-29 10:00') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav><a href="/">首页</a></nav><article><h1>${title}</h1><div class="meta"><span class="time">${date}</span></div>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article><footer>版权所有</footer></body></html>`;

const SALES = page('小米SU7上市24小时大定88898台', [
  '3月29日，小米汽车宣布，小米SU7上市24小时的大定订单达到88898台，远超市场预期。',
  '此前在3月28日晚的发布会上，小米SU7标准版售价21.59万元，Pro版售价24.59万元，Max版售价29.99万元。',
  '有分析人士认为，如此规模的订单意味着交付压力巨大，用户的等车周期可能长达数月。',
]);
const TRAD = page('小米SU7鎖單定金不退 車主維權', [
  '小米SU7開放預訂後，有車主反映支付5000元定金並鎖單後，定金便無法退還，不少人在網上發起維權。',
  '有用戶表示自己只是誤觸了鎖單按鈕，希望小米能夠給予退款，目前相關投訴已經超過百件。',
  '小米方面回應稱，將把4月30日前下單用戶的猶豫期延長至7天，期間可以申請退訂。',
]);
const OFFTOPIC = page('问界新车开启预订 小定可退', [
  '问界新车今日开启预订，小定5000元可随时退还，大定之后定金不退，华为表示首日订单火爆。',
  '多家门店排起长队，销售人员称问界的交付周期约为四周，部分配置需要等待更久。',
  '业内人士认为，问界与华为的合作模式正在被更多车企效仿。',
]);

let server: FixtureServer;
let rssBody: string;
const feedItem = (title: string, link: string, date: string) => `<item><title>${title}</title><link>${link}</link><guid>${link}</guid><pubDate>${date}</pubDate></item>`;

beforeAll(async () => {
  server = await startFixtureServer({
    '/cheping/rss.xml': (req, res) => {
      const etag = '"feed-v1"';
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); res.end(); return; }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
      res.end(rssBody);
    },
    '/cheping/sales.html': { body: SALES, headers: { etag: '"sales-1"' } },
    '/cheping/lock.html': { body: fs.readFileSync(path.join(PAGES, 'portal-with-comments/source.html')), headers: { etag: '"lock-1"' } },
    '/cheping/moved.html': { status: 301, headers: { location: '/cheping/lock-final.html' } },
    '/cheping/lock-final.html': { body: page('犹豫期延长后 已有用户成功退订', ['小米汽车将犹豫期延长至7天后，不少误触锁单的用户在App中提交了退订申请，5000元定金已经原路退回。', '一位用户表示，退款在三个工作日内到账，整个过程比较顺利。', '也有用户称，自己在犹豫期过后才想退订，客服表示定金无法退还。']), headers: { etag: '"final-1"' } },
    '/cheping/empty.html': { body: fs.readFileSync(path.join(PAGES, 'no-article/source.html')) },
    '/cheping/other.html': { body: OFFTOPIC },
    '/nanfang/resale.html': { body: fs.readFileSync(path.join(PAGES, 'gbk-meta-only/source.html')), headers: { 'content-type': 'text/html' } },
    '/gangao/atom.xml': { body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>港澳車訊</title>
      <entry><title>小米SU7鎖單定金不退 車主維權</title><link href="/gangao/trad.html"/><id>t1</id><updated>2024-03-30T09:00:00+08:00</updated></entry>
      <entry><title>壞日期</title><link href="/gangao/missing.html"/><id>t2</id><updated>三月某日</updated></entry></feed>`, headers: { 'content-type': 'application/atom+xml' } },
    '/gangao/trad.html': { body: iconv.encode(TRAD.replace('charset="utf-8"', 'charset="big5"'), 'big5'), headers: { 'content-type': 'text/html; charset=big5' } },
  });
  rssBody = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>车评日报</title>
    ${feedItem('大定88898台', server.url('/cheping/sales.html'), 'Fri, 29 Mar 2024 10:00:00 +0800')}
    ${feedItem('小米回应', server.url('/cheping/lock.html'), 'Fri, 29 Mar 2024 21:05:00 +0800')}
    ${feedItem('退订', server.url('/cheping/moved.html'), 'Sat, 30 Mar 2024 12:00:00 +0800')}
    ${feedItem('空白页', server.url('/cheping/empty.html'), 'Sat, 30 Mar 2024 13:00:00 +0800')}
    ${feedItem('问界', server.url('/cheping/other.html'), 'Sat, 30 Mar 2024 14:00:00 +0800')}
    ${feedItem('已删除', server.url('/cheping/gone.html'), 'Sat, 30 Mar 2024 15:00:00 +0800')}
    <item><title>没有链接的条目</title></item>
    </channel></rss>`;
});
afterAll(async () => { await server.close(); });

function configFor(sources: Partial<Source>[]): Config {
  return { ...loadAnalysisConfig(CONFIG_DIR), sources: sources.map((s) => ({ allowPrivateNetwork: true, enabled: true, kind: 'rss', ...s }) as Source) };
}

describe('ingest against a local HTTP server', () => {
  const content = tempContentDir();
  afterAll(() => content.cleanup());
  let sources: Config;

  it('stores the story articles and reports every failure and rejection with its reason', async () => {
    sources = configFor([
      { id: 'cheping', name: '车评日报', url: server.url('/cheping/rss.xml') },
      { id: 'gangao', name: '港澳車訊', kind: 'atom', url: server.url('/gangao/atom.xml') },
      { id: 'nanfang', name: '南方车闻', kind: 'page', url: server.url('/nanfang/resale.html') },
      { id: 'broken', name: '坏源', url: server.url('/nope.xml') },
    ]);
    const { report } = await runIngest({ config: sources, contentDir: content.dir, sourcesFile: 'test', workers: 2 });
    const bySource = Object.fromEntries(report.sources.map((s) => [s.id, s]));
    const outcome = (id: string, url: string) => bySource[id]!.items.find((i) => i.url === server.url(url));

    expect(outcome('cheping', '/cheping/sales.html')).toMatchObject({ outcome: 'new' });
    expect(outcome('cheping', '/cheping/lock.html')).toMatchObject({ outcome: 'new' });
    expect(outcome('cheping', '/cheping/moved.html')).toMatchObject({ outcome: 'new' }); // followed the 301
    expect(outcome('cheping', '/cheping/empty.html')).toMatchObject({ outcome: 'failed', reason: 'no-article' });
    expect(outcome('cheping', '/cheping/other.html')).toMatchObject({ outcome: 'rejected', reason: 'off-topic', detail: expect.any(String) });
    expect(outcome('cheping', '/cheping/gone.html')).toMatchObject({ outcome: 'failed', reason: 'http-status', message: expect.stringContaining('404') });
    expect(bySource.cheping!.problems).toContainEqual(expect.objectContaining({ reason: 'bad-item', message: expect.stringContaining('no link') }));
    expect(outcome('gangao', '/gangao/trad.html')).toMatchObject({ outcome: 'new' });
    expect(outcome('gangao', '/gangao/missing.html')).toMatchObject({ outcome: 'failed', reason: 'http-status' });
    expect(bySource.nanfang!.items[0]).toMatchObject({ outcome: 'new' });
    expect(bySource.broken).toMatchObject({ status: 'failed', reason: 'http-status' });
    expect(report.totals).toMatchObject({ new: 5, rejected: 1 });

    const store = new ContentStore(content.dir, 'Asia/Shanghai');
    const articles = content.articleFiles().map((f) => store.readArticle(f).article);
    expect(articles).toHaveLength(5);
    const trad = articles.find((a) => a.outlet.id === 'gangao')!;
    expect(trad.script).toBe('hant');
    expect(trad.title).toBe('小米SU7鎖單定金不退 車主維權'); // Big5 decoded, original script kept
    expect(trad.topics).toEqual(expect.arrayContaining(['refunds', 'disputes']));
    const gbk = articles.find((a) => a.outlet.id === 'nanfang')!;
    expect(gbk.title).toBe('二手平台现小米SU7订单转让 加价数万元'); // GBK found in <meta> only
    expect(gbk.topics).toContain('resale');
    expect(gbk.published).toBe('2024-03-30T10:20:00+08:00');
    const sales = articles.find((a) => a.url.endsWith('/sales.html'))!;
    expect(sales.figures).toContainEqual(expect.objectContaining({ claim: 'orders-24h', value: 88898 }));
    expect(sales.published).toBe('2024-03-29T10:00:00+08:00');
    expect(content.articleFiles().every((f) => /articles\/2024\/03\/[a-z0-9-]+\.md$/.test(f))).toBe(true);
  });

  it('re-running changes nothing: conditional GETs answer 304 and no file is rewritten', async () => {
    const before = new Map(content.articleFiles().map((f) => [f, fs.statSync(f).mtimeMs]));
    const hitsBefore = server.hits.get('/cheping/sales.html') ?? 0;
    const { report } = await runIngest({ config: sources, contentDir: content.dir, sourcesFile: 'test', workers: 1 });
    expect(report.totals.new).toBe(0);
    expect(report.totals.updated).toBe(0);
    expect(report.sources.find((s) => s.id === 'cheping')!.status).toBe('not-modified'); // the feed itself answered 304
    expect(server.hits.get('/cheping/sales.html')).toBe(hitsBefore); // so its pages were not asked for
    const after = new Map(content.articleFiles().map((f) => [f, fs.statSync(f).mtimeMs]));
    expect(after).toEqual(before);
  });

  it('writes a run report file', () => {
    const runs = fs.readdirSync(path.join(content.dir, 'runs'));
    expect(runs.length).toBe(2);
    const report = JSON.parse(fs.readFileSync(path.join(content.dir, 'runs', runs.sort()[0]!), 'utf8'));
    expect(report.sources.map((s: { id: string }) => s.id)).toEqual(['cheping', 'gangao', 'nanfang', 'broken']);
  });

  it('applies corrections from the editor on the next run and lists them in the report', async () => {
    const store = new ContentStore(content.dir, 'Asia/Shanghai');
    const stored = content.articleFiles().map((f) => store.readArticle(f).article);
    const sales = stored.find((a) => a.url.endsWith('/sales.html'))!;
    const lock = stored.find((a) => a.url.endsWith('/lock.html'))!;
    const corrected: Config = { ...sources, corrections: [
      { article: sales.id, topics: ['sales', 'disputes'], note: '编辑核实：本文也涉及争议' },
      { article: lock.id, relevant: false, note: '编辑判断：重复报道' },
    ] };
    const { report } = await runIngest({ config: corrected, contentDir: content.dir, sourcesFile: 'test', workers: 1 });
    expect(report.corrections).toEqual(expect.arrayContaining([
      expect.objectContaining({ article: sales.id, applied: true, fields: ['topics'] }),
      expect.objectContaining({ article: lock.id, applied: true }),
    ]));
    const after = content.articleFiles().map((f) => store.readArticle(f).article);
    expect(after.find((a) => a.id === lock.id)).toBeUndefined();
    const fixed = after.find((a) => a.id === sales.id)!;
    expect(fixed.topics).toEqual(['sales', 'disputes']);
    expect(fixed.corrections).toEqual([{ field: 'topics', note: '编辑核实：本文也涉及争议' }]);
  });

  it('regroups reprints when an editor merges two articles, and again when the merge is taken back', async () => {
    const store = new ContentStore(content.dir, 'Asia/Shanghai');
    const read = () => content.articleFiles().map((f) => store.readArticle(f).article);
    await runIngest({ config: sources, contentDir: content.dir, sourcesFile: 'test', workers: 1 }); // the corrections above, taken back
    const quiet = await runIngest({ config: sources, contentDir: content.dir, sourcesFile: 'test', workers: 1 });
    expect(quiet.report.dedupe.skipped).toBe(true); // nothing changed since the last run
    const all = read();
    const singles = all.filter((a) => !a.reprintOf && !all.some((b) => b.reprintOf === a.id)).sort((a, b) => Date.parse(a.published) - Date.parse(b.published));
    const earlier = singles[0]!;
    const later = singles.find((a) => Date.parse(a.published) > Date.parse(earlier.published));
    expect(later, 'two unrelated articles published at different times').toBeDefined();
    const merged: Config = { ...sources, corrections: [{ article: later!.id, mergeWith: earlier.id, note: '编辑核实：同一篇报道' }] };
    const { report } = await runIngest({ config: merged, contentDir: content.dir, sourcesFile: 'test', workers: 1 });
    expect(report.dedupe.skipped).toBeFalsy();
    expect(read().find((a) => a.id === later!.id)!.reprintOf).toBe(earlier.id);
    const undone = await runIngest({ config: sources, contentDir: content.dir, sourcesFile: 'test', workers: 1 });
    expect(undone.report.dedupe.skipped).toBeFalsy();
    expect(read().find((a) => a.id === later!.id)!.reprintOf).toBeUndefined();
  });
});
