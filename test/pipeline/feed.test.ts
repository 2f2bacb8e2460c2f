import { describe, it, expect } from 'vitest';
import { parseFeed } from '../../pipeline/feed.ts';
import { parseSourceDate } from '../../pipeline/dates.ts';
import { StageError } from '../../pipeline/reasons.ts';

describe('dates', () => {
  it('reads dates without a zone as China time', () => {
    expect(parseSourceDate('2024-03-29 09:30:00', 'Asia/Shanghai')).toBe('2024-03-29T09:30:00+08:00');
    expect(parseSourceDate('2024年3月29日 09:30', 'Asia/Shanghai')).toBe('2024-03-29T09:30:00+08:00');
    expect(parseSourceDate('2024-03-29T09:30:00', 'Asia/Shanghai')).toBe('2024-03-29T09:30:00+08:00');
  });
  it('reads CST in a Chinese feed as China Standard Time, not US Central', () => {
    expect(parseSourceDate('Fri, 29 Mar 2024 09:30:00 CST', 'Asia/Shanghai')).toBe('2024-03-29T09:30:00+08:00');
  });
  it('converts other zones to +08:00', () => {
    expect(parseSourceDate('Fri, 29 Mar 2024 01:30:00 GMT', 'Asia/Shanghai')).toBe('2024-03-29T09:30:00+08:00');
    expect(parseSourceDate('2024-03-29T01:30:00Z', 'Asia/Shanghai')).toBe('2024-03-29T09:30:00+08:00');
  });
  it('refuses impossible dates', () => {
    expect(parseSourceDate('2024-02-30 10:00', 'Asia/Shanghai')).toBeUndefined();
    expect(parseSourceDate('not a date', 'Asia/Shanghai')).toBeUndefined();
  });
});

describe('feeds', () => {
  it('parses RSS 2.0 and resolves relative links', async () => {
    const feed = await parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>一</title><link>/a/1.html</link><pubDate>Fri, 29 Mar 2024 09:30:00 +0800</pubDate></item></channel></rss>`, 'http://feed.test/rss.xml', 'Asia/Shanghai');
    expect(feed.items).toEqual([expect.objectContaining({ title: '一', link: 'http://feed.test/a/1.html', published: '2024-03-29T09:30:00+08:00' })]);
  });

  it('keeps the other items of an Atom feed when one item has an invalid date', async () => {
    const feed = await parseFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title>好</title><link href="http://feed.test/1"/><id>1</id><updated>2024-03-29T10:00:00+08:00</updated></entry>
      <entry><title>坏</title><link href="http://feed.test/2"/><id>2</id><updated>昨天下午</updated></entry>
      <entry><title>也好</title><link href="http://feed.test/3"/><id>3</id><updated>2024-03-30T10:00:00+08:00</updated></entry></feed>`, 'http://feed.test/atom.xml', 'Asia/Shanghai');
    expect(feed.items.map((i) => i.title)).toEqual(['好', '坏', '也好']);
    expect(feed.items[1]!.published).toBeUndefined();
    expect(feed.problems).toEqual([expect.objectContaining({ reason: 'bad-item', message: expect.stringContaining('item 2') })]);
  });

  it('reports items without links and duplicate GUIDs', async () => {
    const feed = await parseFeed(`<rss version="2.0"><channel><title>T</title>
      <item><title>a</title><link>http://feed.test/a</link><guid>g1</guid></item>
      <item><title>b</title><link>http://feed.test/b</link><guid>g1</guid></item>
      <item><title>c</title></item></channel></rss>`, 'http://feed.test/rss.xml', 'Asia/Shanghai');
    expect(feed.items.map((i) => i.title)).toEqual(['a']);
    expect(feed.problems.map((p) => p.message)).toEqual([expect.stringContaining('duplicate'), expect.stringContaining('no link')]);
  });

  it('refuses entity declarations and non-feeds with bad-feed', async () => {
    await expect(parseFeed('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel><title>&a;</title></channel></rss>', 'http://f.test/', 'Asia/Shanghai')).rejects.toMatchObject({ reason: 'bad-feed' });
    await expect(parseFeed('<html><body>not a feed</body></html>', 'http://f.test/', 'Asia/Shanghai')).rejects.toBeInstanceOf(StageError);
  });
});
