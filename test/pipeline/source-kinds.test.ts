// The kinds of source behind one interface (pipeline/discover.ts, pipeline/source-kinds/): how
// each asks for its URL, and what it reads from the response: the links it lists, or itself.
import { describe, expect, it } from 'vitest';
import { sourceKind, type FetchedSource } from '../../pipeline/discover.ts';
import type { Source } from '../../pipeline/config.ts';

const source = (kind: Source['kind'], extra: Partial<Source> = {}): Source => ({ id: 'outlet', name: '某媒体', kind, url: 'http://127.0.0.1/list', enabled: true, ...extra } as Source);
const fetched = (url: string, body: string | Buffer, contentType = 'text/html; charset=utf-8', more: Record<string, string> = {}): FetchedSource =>
  ({ url, headers: { 'content-type': contentType, ...more }, body: typeof body === 'string' ? Buffer.from(body) : body });

describe('source kinds', () => {
  it('a feed asks for feed types first; pages take the fetcher default', () => {
    expect(sourceKind(source('rss')).accept).toMatch(/^application\/rss\+xml,application\/atom\+xml/);
    expect(sourceKind(source('atom')).accept).toBe(sourceKind(source('rss')).accept);
    expect(sourceKind(source('page-list', { selector: 'a' })).accept).toBeUndefined();
    expect(sourceKind(source('page')).accept).toBeUndefined();
  });

  it('a feed lists its items, relative links resolved against where the feed ended up', async () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>频道</title><item><title>第一篇</title><link>a.html</link></item></channel></rss>';
    const reading = await sourceKind(source('rss')).read(source('rss'), fetched('http://127.0.0.1/moved/feed.xml', rss, 'application/rss+xml; charset=utf-8'), 'Asia/Shanghai');
    expect(reading).toMatchObject({ kind: 'links', items: [{ link: 'http://127.0.0.1/moved/a.html', title: '第一篇' }], problems: [] });
  });

  it('a feed that cannot be read is a failure value that keeps the charset problems met before it', async () => {
    const body = Buffer.concat([Buffer.from('<html><body>不是订阅源 '), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('</body></html>')]);
    const reading = await sourceKind(source('rss')).read(source('rss'), fetched('http://127.0.0.1/feed.xml', body, 'application/xml; charset=utf-8'), 'Asia/Shanghai');
    expect(reading.kind).toBe('links');
    if (reading.kind !== 'links') return;
    expect(reading.items).toEqual([]);
    expect(reading.problems.map((p) => p.reason)).toEqual(['bad-encoding']);
    expect(reading.failure).toMatchObject({ reason: 'bad-feed' });
  });

  it('a list page gives the distinct http(s) links its selector finds, resolved against the page', async () => {
    const list = source('page-list', { selector: 'ul.news a' });
    const html = '<ul class="news"><li><a href="/2024/a.html">甲</a></li><li><a href="b.html">乙</a></li><li><a href="/2024/a.html">甲again</a></li><li><a href="mailto:x@example.com">信</a></li></ul><a href="/elsewhere.html">别处</a>';
    const reading = await sourceKind(list).read(list, fetched('http://127.0.0.1/news/index.html', html), 'Asia/Shanghai');
    expect(reading).toMatchObject({ kind: 'links', problems: [] });
    if (reading.kind === 'links') expect(reading.items.map((i) => [i.link, i.title])).toEqual([['http://127.0.0.1/2024/a.html', '甲'], ['http://127.0.0.1/news/b.html', '乙']]);
  });

  it('a list page where the selector finds nothing fails as bad-feed, naming the selector', async () => {
    const list = source('page-list', { selector: '.headlines a' });
    const reading = await sourceKind(list).read(list, fetched('http://127.0.0.1/news/', '<p>改版了</p>'), 'Asia/Shanghai');
    expect(reading).toMatchObject({ kind: 'links', items: [], failure: { reason: 'bad-feed', message: expect.stringContaining('.headlines a') } });
  });

  it('a single page is the article itself, keyed by its configured URL even after a redirect', async () => {
    const page = source('page', { url: 'http://127.0.0.1/story.html' });
    const reading = await sourceKind(page).read(page, fetched('http://127.0.0.1/2024/story-final.html', '<article><p>正文</p></article>'), 'Asia/Shanghai');
    expect(reading).toEqual({ kind: 'article', item: { link: 'http://127.0.0.1/story.html', guid: 'http://127.0.0.1/story.html', title: '' } });
  });
});
