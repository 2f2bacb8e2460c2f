// Hostile and sloppy feeds: parseFeed directly, then through fetch and a full ingest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseFeed, type ParsedFeed } from '../../pipeline/feed.ts';
import { fetchUrl } from '../../pipeline/fetch.ts';
import { decodeBytes } from '../../pipeline/decode.ts';
import { StageError } from '../../pipeline/reasons.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { articlePage, FIXTURES, ingest, itemFor, rssFeed, RSS_HEADERS, tempDir, writeSources } from './support.ts';

const FEED_URL = 'http://news.example/feeds/china/rss.xml';
const fixture = (name: string, origin = 'http://127.0.0.1:9') => fs.readFileSync(path.join(FIXTURES, 'feeds', name), 'utf8').replaceAll('__ORIGIN__', origin);

async function refusal(xml: string): Promise<StageError> {
  try { await parseFeed(xml, FEED_URL, 'Asia/Shanghai'); } catch (e) { expect(e).toBeInstanceOf(StageError); return e as StageError; }
  throw new Error('expected parseFeed to refuse');
}
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;
const atom = (entries: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${entries}</feed>`;
const byTitle = (feed: ParsedFeed, title: string) => feed.items.find((i) => i.title === title);

/** An RSS feed of `count` items, each padded to about `itemBytes`. */
function bigFeed(count: number, itemBytes: number): string {
  const pad = '小米SU7锁单后定金不退，车主投诉。'.repeat(Math.max(1, Math.floor(itemBytes / 48)));
  return rss(Array.from({ length: count }, (_, i) => `<item><title>第${i}条</title><link>/n/${i}.html</link><guid>g-${i}</guid><pubDate>Fri, 29 Mar 2024 09:30:00 +0800</pubDate><description>${pad}</description></item>`).join('\n'));
}

describe('feeds: refused whole (bad-feed)', () => {
  it('broken XML → refused: bad-feed', async () => {
    const e = await refusal(fixture('broken.xml'));
    expect(e.reason).toBe('bad-feed');
    expect(e.message).toMatch(/could not be parsed/);
  });

  it('an HTML page where a feed was expected → refused: bad-feed', async () => {
    expect((await refusal(articlePage({ title: '不是源' }))).reason).toBe('bad-feed');
  });

  it('billion laughs → refused: bad-feed before parsing, nothing expanded', async () => {
    const e = await refusal(fixture('billion-laughs.xml'));
    expect(e.reason).toBe('bad-feed');
    expect(e.message).toMatch(/<!ENTITY>/);
    expect(e.message.length).toBeLessThan(200);
  });

  it('external entities (file:///etc/passwd, http, parameter entity) → refused: bad-feed, no file read, no request made', async () => {
    const probe = await startFixtureServer({ '/xxe-probe': { body: 'PWNED' }, '/xxe-param.dtd': { body: '<!ENTITY x "PWNED">' } });
    try {
      const e = await refusal(fixture('xxe.xml', probe.origin));
      expect(e.reason).toBe('bad-feed');
      expect(e.message).not.toMatch(/root:|PWNED/);
      expect(probe.requests).toHaveLength(0);
    } finally { await probe.close(); }
  });

  it('an <!ENTITY> hidden behind 20 KB of comment → still refused: bad-feed (the whole text is searched)', async () => {
    const padded = fixture('billion-laughs.xml').replace('<!DOCTYPE', `<!--${' '.repeat(20_100)}-->\n<!DOCTYPE`);
    expect((await refusal(padded)).reason).toBe('bad-feed');
  });
});

describe('feeds: kept, with item problems reported (bad-item)', () => {
  it('DOCTYPE naming an external DTD (no entities) → items kept, the DTD never fetched', async () => {
    const probe = await startFixtureServer({ '/external.dtd': { body: '<!ENTITY x "PWNED">' } });
    try {
      const feed = await parseFeed(fixture('external-dtd.xml', probe.origin), FEED_URL, 'Asia/Shanghai');
      expect(feed.items.map((i) => i.title)).toEqual(['小米SU7锁单定金不退']);
      expect(probe.requests).toHaveLength(0);
    } finally { await probe.close(); }
  });

  it('Atom with one bad date among good ones → every entry kept, the bad ones undated and reported', async () => {
    const feed = await parseFeed(fixture('atom-mixed-dates.xml'), FEED_URL, 'Asia/Shanghai');
    expect(feed.items).toHaveLength(5);
    expect(byTitle(feed, '坏日期')?.published).toBeUndefined();
    expect(byTitle(feed, '完全不是日期')?.published).toBeUndefined();
    expect(feed.problems.every((p) => p.reason === 'bad-item')).toBe(true);
    expect(feed.problems.map((p) => p.message).join('\n')).toMatch(/坏日期|item 2/);
    expect(feed.problems.length).toBeGreaterThanOrEqual(2);
  });

  it('Atom dates: no zone and "CST" → read as China time (+08:00); an explicit Z is respected', async () => {
    const feed = await parseFeed(fixture('atom-mixed-dates.xml'), FEED_URL, 'Asia/Shanghai');
    expect(byTitle(feed, '无时区')?.published).toBe('2024-03-29T09:30:00+08:00');
    expect(byTitle(feed, 'CST')?.published).toBe('2024-03-29T09:30:00+08:00');
    expect(byTitle(feed, '带时区')?.published).toBe('2024-03-29T09:30:00+08:00');
  });

  it('RSS dates: "CST", no zone, Chinese format → +08:00; an unreadable one → item kept undated, reported', async () => {
    const feed = await parseFeed(rss(`
      <item><title>cst</title><link>/1</link><pubDate>Fri, 29 Mar 2024 09:30:00 CST</pubDate></item>
      <item><title>nozone</title><link>/2</link><pubDate>2024-03-29 09:30:00</pubDate></item>
      <item><title>rfc-nozone</title><link>/3</link><pubDate>Fri, 29 Mar 2024 09:30:00</pubDate></item>
      <item><title>zh</title><link>/4</link><pubDate>2024年3月29日 09:30</pubDate></item>
      <item><title>bad</title><link>/5</link><pubDate>32 Foo 2024</pubDate></item>`), FEED_URL, 'Asia/Shanghai');
    for (const t of ['cst', 'nozone', 'rfc-nozone', 'zh']) expect(byTitle(feed, t)?.published, t).toBe('2024-03-29T09:30:00+08:00');
    expect(byTitle(feed, 'bad')?.published).toBeUndefined();
    expect(feed.problems).toEqual([{ reason: 'bad-item', message: expect.stringMatching(/unreadable date "32 Foo 2024"/) }]);
  });

  it('duplicate GUIDs → the first kept, the second reported as bad-item', async () => {
    const feed = await parseFeed(rss(`<item><title>一</title><link>/a</link><guid>same</guid></item><item><title>二</title><link>/b</link><guid>same</guid></item><item><title>三</title><link>/a</link></item>`), FEED_URL, 'Asia/Shanghai');
    expect(feed.items.map((i) => i.title)).toEqual(['一']);
    expect(feed.problems).toHaveLength(2);
    expect(feed.problems.every((p) => p.reason === 'bad-item' && /duplicate guid or link, kept the first/.test(p.message))).toBe(true);
  });

  it('missing links → reported; an http GUID stands in for the link; javascript: links refused', async () => {
    const feed = await parseFeed(rss(`
      <item><title>无链接</title></item>
      <item><title>空链接</title><link></link></item>
      <item><title>guid链接</title><guid>https://news.example/guid.html</guid></item>
      <item><title>脚本</title><link>javascript:alert(1)</link></item>
      <item><title>数据</title><link>data:text/html,hi</link></item>`), FEED_URL, 'Asia/Shanghai');
    expect(feed.items.map((i) => [i.title, i.link])).toEqual([['guid链接', 'https://news.example/guid.html']]);
    expect(feed.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/无链接.*no link/), expect.stringMatching(/空链接.*no link/),
      expect.stringMatching(/脚本.*not http/), expect.stringMatching(/数据.*not http/),
    ]);
  });

  it('relative links → resolved against the feed URL', async () => {
    const feed = await parseFeed(rss(`<item><title>a</title><link>../../news/1.html</link></item><item><title>b</title><link>/abs/2.html</link></item><item><title>c</title><link>3.html?x=1&amp;y=2</link></item>`), FEED_URL, 'Asia/Shanghai');
    expect(feed.items.map((i) => i.link)).toEqual(['http://news.example/news/1.html', 'http://news.example/abs/2.html', 'http://news.example/feeds/china/3.html?x=1&y=2']);
  });

  it('HTML entities the feed never declared (&nbsp; &ldquo; &foo;) → item kept, text literal (was: item lost)', async () => {
    const feed = await parseFeed(rss(`<item><title>&ldquo;锁单&rdquo;&nbsp;风波 &foo; &amp; 更多</title><link>/x</link></item>`), FEED_URL, 'Asia/Shanghai');
    // Titles are stored text: the no-break space is white space like any other.
    expect(feed.items.map((i) => i.title)).toEqual(['“锁单” 风波 &foo; & 更多']);
  });

  it('a ~5 MB feed of 1,500 items → all parsed, in well under the total fetch timeout', async () => {
    const xml = bigFeed(1_500, 3_300);
    const bytes = Buffer.byteLength(xml);
    expect(bytes).toBeGreaterThan(4.5e6);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
    const started = Date.now();
    const feed = await parseFeed(xml, FEED_URL, 'Asia/Shanghai');
    const ms = Date.now() - started;
    expect(feed.items).toHaveLength(1_500);
    expect(feed.problems).toEqual([]);
    expect(ms).toBeLessThan(30_000); // the default total fetch timeout: parsing must not dwarf it
    console.info(`[hostile] ${(bytes / 1e6).toFixed(1)} MB feed, 1500 items: parsed in ${ms} ms`);
  });

  it('10,000 items → the first 2,000 kept, the rest reported (bad-item)', async () => {
    const feed = await parseFeed(bigFeed(10_000, 50), FEED_URL, 'Asia/Shanghai');
    expect(feed.items).toHaveLength(2_000);
    expect(feed.problems).toEqual([{ reason: 'bad-item', message: 'feed has 10000 items; only the first 2000 are read' }]);
  });
});

describe('feeds: over the network and through a full ingest', () => {
  let server: FixtureServer;
  const big = bigFeed(1_500, 3_300);
  const tooBig = bigFeed(1_900, 3_300);
  beforeAll(async () => {
    server = await startFixtureServer({
      '/big.xml': { headers: RSS_HEADERS, body: big },
      '/too-big.xml': { headers: RSS_HEADERS, body: tooBig },
      '/broken.xml': { headers: RSS_HEADERS, body: fixture('broken.xml') },
      '/lol.xml': { headers: RSS_HEADERS, body: fixture('billion-laughs.xml') },
      '/feeds/mixed.xml': {
        headers: RSS_HEADERS,
        body: rssFeed([
          { title: '相对链接', link: '../news/rel.html', pubDate: 'Fri, 29 Mar 2024 09:30:00 CST' },
          { title: '坏日期', link: '/news/baddate.html', pubDate: '下周二' },
          { title: '重复', link: '/news/rel.html' },
          { title: '无链接', link: '' },
        ]),
      },
      '/news/rel.html': { body: articlePage({ title: '小米SU7锁单定金不退，相对链接的文章', tag: 'rel' }) },
      '/news/baddate.html': { body: articlePage({ title: '小米SU7锁单定金不退，坏日期的文章', tag: 'bad' }) },
    });
  });
  afterAll(async () => { await server.close(); });

  it('~4.9 MB feed fetched and parsed under the default 5 MB cap; a ~6.3 MB one refused: too-large', async () => {
    const res = await fetchUrl(server.url('/big.xml'), { allowPrivateNetwork: true, retries: 0 });
    const feed = await parseFeed(decodeBytes(res.body, String(res.headers['content-type'])).text, res.url, 'Asia/Shanghai');
    expect(feed.items).toHaveLength(1_500);
    await expect(fetchUrl(server.url('/too-big.xml'), { allowPrivateNetwork: true, retries: 0 })).rejects.toMatchObject({ reason: 'too-large' });
    expect(Buffer.byteLength(tooBig)).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('sources that are broken, entity bombs or over the cap → each source failed with its reason; the good source still runs', async () => {
    const dir = tempDir('feeds');
    const sources = writeSources(dir, [
      { id: 'broken', url: server.url('/broken.xml') },
      { id: 'lol', url: server.url('/lol.xml') },
      { id: 'too-big', url: server.url('/too-big.xml') },
      { id: 'mixed', url: server.url('/feeds/mixed.xml') },
    ]);
    const report = await ingest(`${dir}/content`, sources);
    const source = (id: string) => report.sources.find((s) => s.id === id)!;
    expect(source('broken')).toMatchObject({ status: 'failed', reason: 'bad-feed' });
    expect(source('lol')).toMatchObject({ status: 'failed', reason: 'bad-feed' });
    expect(source('too-big')).toMatchObject({ status: 'failed', reason: 'too-large' });
    const mixed = source('mixed');
    expect(mixed.status).toBe('ok');
    // relative link resolved against the feed URL, CST read as +08:00
    expect(itemFor(report, '/news/rel.html').outcome).toBe('new');
    const rel = fs.readFileSync(fs.readdirSync(`${dir}/content/articles`, { recursive: true }).map(String).filter((f) => f.includes('mixed-rel-')).map((f) => `${dir}/content/articles/${f}`)[0]!, 'utf8');
    expect(rel).toMatch(/published: 2024-03-29T09:30:00\+08:00/);
    // a bad date keeps the item (the page's own date is used) and is reported
    expect(itemFor(report, '/news/baddate.html').outcome).toBe('new');
    expect(mixed.problems.map((p) => `${p.reason}: ${p.message}`)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^bad-item: .*坏日期.*unreadable date/),
      expect.stringMatching(/^bad-item: .*重复.*duplicate/),
      expect.stringMatching(/^bad-item: .*无链接.*no link/),
    ]));
    expect(mixed.items).toHaveLength(2);
  });
});
