// Chinese feeds as Chinese sites publish them (docs/reliability.md, "Beyond the shared half": the
// Chinese sweep). Each case is shaped after a real feed found in public repositories: a date written
// the way a Chinese CMS or a Java server in the zh_CN locale writes it, a charset label naming the
// wrong one of GBK and Big5. Served by a real server with its content type, read as the ingest reads
// a source: fetch → decode → parse, in the story's zone Asia/Shanghai.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { fetchUrl } from '../../pipeline/fetch.ts';
import { decodeBytes } from '../../pipeline/decode.ts';
import { parseFeed, type ParsedFeed } from '../../pipeline/feed.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

const rss = (items: string, decl = '') => `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>科技</title>${items}</channel></rss>`;
const item = (n: number, title: string, date: string) => `<item><title>${title}</title><link>/a/${n}.htm</link><pubDate>${date}</pubDate></item>`;

// Traditional Chinese news text in Big5, and Simplified in GBK: each also decodes without error
// as the other, into rare characters.
const TW = rss(item(1, '台灣科技新聞：半導體產業持續成長，政府宣布新的投資計畫', 'Sun, 06 Jun 2021 22:00:11 +0000') + item(2, '這一個人才濟濟的團隊是如何集結在台灣新創加速器？', 'Sun, 30 May 2021 22:00:23 +0000'), ' encoding="gb2312"');
const CN = rss(item(1, '虚拟现实设备火了 HTC也来凑热闹', '2015-03-02 16:12:54') + item(2, '亚马逊全球CTO眼中的云计算发展八大趋势', '2015-03-02 15:53:04'), ' encoding="big5"');

const FEEDS: Record<string, { body: Buffer; type: string }> = {
  // yyyy年M月d日 with the time of day as Chinese sites write it: a 12-hour clock with 上午/下午
  // (Java's zh_CN "yyyy年M月d日 ah:mm"), or hours and minutes as 时/分.
  'zh-date-time-words': { body: Buffer.from(rss(
    item(1, '上午', '2024年3月28日 上午10:05') + item(2, '下午', '2024年3月28日 下午3:30') + item(3, '时分', '2024年3月28日 10时30分')
    + item(4, '晚上', '2024年3月28日 晚上11:15') + item(5, '中午', '2024年3月28日 中午12:10') + item(6, '凌晨', '2024年3月28日 凌晨12:20'))), type: 'application/rss+xml' },
  // An offset no zone has (+80:00, a mistyped +0800): Date.parse reads it and moves the item 3 days back.
  'offset-out-of-range': { body: Buffer.from(rss(item(1, '时区', 'Thu, 28 Mar 2024 10:00:00 +8000'))), type: 'application/rss+xml' },
  // RFC 822 written by Java's SimpleDateFormat in the zh_CN locale: weekday and month in Chinese
  // (JDK 8: 星期四 / 三月; JDK 9+: 周四 / 3月).
  'rfc822-zh-locale': { body: Buffer.from(rss(item(1, 'JDK8', '星期四, 28 三月 2024 10:00:00 +0800') + item(2, 'JDK9', '周四, 28 3月 2024 10:00:00 +0800')
    + item(3, '十一月', '星期五, 01 十一月 2024 08:00:00 +0800') + item(4, 'GMT', '周一, 02 12月 2024 00:30:00 GMT'))), type: 'application/rss+xml' },
  'big5-declared-gb2312': { body: iconv.encode(TW, 'big5'), type: 'text/xml' },
  'gbk-declared-big5': { body: iconv.encode(CN, 'gbk'), type: 'text/xml' },
  'gbk-header-big5': { body: iconv.encode(CN.replace(' encoding="big5"', ''), 'gbk'), type: 'text/xml; charset=big5' },
  // Controls: the labels are right; nothing may change.
  'big5-declared-big5': { body: iconv.encode(TW.replace('gb2312', 'big5'), 'big5'), type: 'text/xml' },
  'gbk-declared-gbk': { body: iconv.encode(CN.replace('big5', 'gbk'), 'gbk'), type: 'text/xml' },
};

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(Object.fromEntries(Object.entries(FEEDS).map(([name, f]) => [`/${name}.xml`, { body: f.body, headers: { 'content-type': f.type } }])));
});
afterAll(async () => { await server?.close(); });

async function read(name: string): Promise<ParsedFeed & { charset: string; warnings: string[] }> {
  const res = await fetchUrl(server.url(`/${name}.xml`), { allowPrivateNetwork: true, retries: 0 });
  const decoded = decodeBytes(res.body, String(res.headers['content-type'] ?? ''));
  return { ...(await parseFeed(decoded.text, res.url, 'Asia/Shanghai')), charset: decoded.charset, warnings: decoded.warnings };
}
const dates = (feed: ParsedFeed) => Object.fromEntries(feed.items.map((i) => [i.title, i.published]));

describe('Chinese feeds: dates with the time of day in words are read at that time, not at midnight', () => {
  it('上午 / 下午 / 晚上 / 中午 / 凌晨 on a 12-hour clock, and 时/分 (was: all 00:00, the time dropped without a word)', async () => {
    const feed = await read('zh-date-time-words');
    expect(dates(feed)).toEqual({
      上午: '2024-03-28T10:05:00+08:00', 下午: '2024-03-28T15:30:00+08:00', 时分: '2024-03-28T10:30:00+08:00',
      晚上: '2024-03-28T23:15:00+08:00', 中午: '2024-03-28T12:10:00+08:00', 凌晨: '2024-03-28T00:20:00+08:00',
    });
    expect(feed.problems).toEqual([]);
  });

  it('an offset past ±14:00 is no date: the item is kept, the date reported (was: read as +80:00, three days early)', async () => {
    const feed = await read('offset-out-of-range');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.published).toBeUndefined();
    expect(feed.problems.map((p) => p.message).join('\n')).toMatch(/unreadable date "Thu, 28 Mar 2024 10:00:00 \+8000"/);
  });
});

describe('Chinese feeds: RFC 822 dates in the zh_CN locale (Java servers) are read', () => {
  it('星期四, 28 三月 2024 / 周四, 28 3月 2024 → the instant the offset gives (was: unreadable, the page date used instead)', async () => {
    const feed = await read('rfc822-zh-locale');
    expect(dates(feed)).toEqual({
      JDK8: '2024-03-28T10:00:00+08:00', JDK9: '2024-03-28T10:00:00+08:00', 十一月: '2024-11-01T08:00:00+08:00', GMT: '2024-12-02T08:30:00+08:00',
    });
    expect(feed.problems).toEqual([]);
  });
});

describe('Chinese feeds: a charset label naming the wrong one of GBK and Big5', () => {
  it.each([
    ['big5-declared-gb2312', 'big5', '台灣科技新聞：半導體產業持續成長，政府宣布新的投資計畫'],
    ['gbk-declared-big5', 'gb18030', '虚拟现实设备火了 HTC也来凑热闹'],
    ['gbk-header-big5', 'gb18030', '虚拟现实设备火了 HTC也来凑热闹'],
  ])('%s → read as %s, with a warning (was: mojibake of rare characters, silently)', async (name, charset, first) => {
    const feed = await read(name);
    expect(feed.charset).toBe(charset);
    expect(feed.items[0]!.title).toBe(first);
    expect(feed.warnings.join('\n')).toMatch(/declared .* reads as rare characters; decoded as/);
  });

  it.each([['big5-declared-big5', 'big5'], ['gbk-declared-gbk', 'gb18030']])('%s (label right) → %s, no warning', async (name, charset) => {
    const feed = await read(name);
    expect(feed.charset).toBe(charset);
    expect(feed.warnings).toEqual([]);
  });
});
