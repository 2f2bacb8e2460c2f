// Feeds that are valid, or nearly, but shaped in ways our reader used to lose: inline markup in
// Atom titles, <rss> without a version, UTF-16/32 with and without a BOM, lying charsets, an
// <rss> with no channel, xml:base. Each is served by a real server with its content type and
// read the way the ingest reads a source: fetch → decode → parse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { fetchUrl } from '../../pipeline/fetch.ts';
import { decodeBytes } from '../../pipeline/decode.ts';
import { parseFeed, type ParsedFeed } from '../../pipeline/feed.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { articlePage, ingest, itemFor, tempDir, writeSources } from './support.ts';

const ITEMS = `<item><title>小米SU7锁单定金不退</title><link>/news/1.html</link></item><item><title>车主要求退订退款</title><link>/news/2.html</link></item>`;
const RSS_NO_VERSION = `<rss><channel><title>车闻</title>${ITEMS}</channel></rss>`;
const ATOM_MARKUP = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">车闻<em>快讯</em></div></title>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">小米<b>SU7</b>锁单后<i>定金</i>不退</div></title><link href="/news/1.html"/><updated>2024-03-29T09:30:00+08:00</updated></entry>
<entry><title type="html">车主&lt;b&gt;投诉&lt;/b&gt;误触锁单</title><link href="/news/2.html"/><updated>2024-03-29T10:30:00+08:00</updated></entry>
<entry><title type="text">小米回应</title><link href="/news/3.html"/><updated>2024-03-29T11:30:00+08:00</updated></entry>
</feed>`;
const bom16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const utf32 = (text: string, littleEndian: boolean, bom: boolean) => {
  const points = [...(bom ? '\uFEFF' : '') + text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((cp, i) => (littleEndian ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
};

type Served = { body: Buffer; type: string };
const FEEDS: Record<string, Served> = {
  'atom-inline-markup': { body: Buffer.from(ATOM_MARKUP), type: 'application/atom+xml' },
  'rss-no-version': { body: Buffer.from(RSS_NO_VERSION), type: 'application/rss+xml' },
  'rss-no-version-gb2312': { body: iconv.encode(`<?xml version="1.0" encoding="gb2312"?>${RSS_NO_VERSION}`, 'gbk'), type: 'text/xml' },
  'rss-no-version-utf8-bom': { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<?xml version="1.0" encoding="utf-8"?>${RSS_NO_VERSION}`)]), type: 'application/xml' },
  'rss-no-version-utf16le-bom': { body: bom16le(`<?xml version="1.0" encoding="utf-16"?>${RSS_NO_VERSION}`), type: 'application/xml' },
  'utf16le-no-bom': { body: Buffer.from(`<?xml version="1.0" encoding="utf-16"?>${RSS_NO_VERSION}`, 'utf16le'), type: 'application/xml' },
  'utf16be-no-bom': { body: utf16be(`<?xml version="1.0" encoding="utf-16"?>${RSS_NO_VERSION}`), type: 'application/xml' },
  'utf16le-no-bom-no-declaration': { body: Buffer.from(RSS_NO_VERSION, 'utf16le'), type: 'application/xml' },
  'utf32le-bom': { body: utf32(`<?xml version="1.0" encoding="utf-32"?>${RSS_NO_VERSION}`, true, true), type: 'application/xml' },
  'utf32be-no-bom': { body: utf32(`<?xml version="1.0" encoding="utf-32"?>${RSS_NO_VERSION}`, false, false), type: 'application/xml' },
  // A charset label that is a property name of every JavaScript object, and one that is no charset at all.
  'bogus-charset-constructor': { body: iconv.encode(RSS_NO_VERSION, 'gbk'), type: 'text/xml; charset=constructor' },
  'bogus-charset-proto': { body: iconv.encode(RSS_NO_VERSION, 'gbk'), type: 'text/xml; charset=__proto__' },
  // The header names an encoding whose "<" would hold zero bytes; these bytes start with a plain "<".
  'utf16-header-on-utf8-bytes': { body: Buffer.from(`<?xml version="1.0" encoding="utf-8"?>${RSS_NO_VERSION}`), type: 'text/xml; charset=utf-16' },
  'bogus-charset-nonsense': { body: Buffer.from(RSS_NO_VERSION), type: 'text/xml; charset=x-no-such-charset' },
  // Japanese with no charset anywhere: it also decodes as GB18030, into rare characters.
  'shift-jis-undeclared': { body: iconv.encode(`<rss version="2.0"><channel><title>ニュース</title><item><title>小米のSU7、予約をキャンセルできないと苦情が相次ぐ</title><link>/news/1.html</link></item></channel></rss>`, 'shift_jis'), type: 'application/xml' },
  'undeclared-prefix': { body: Buffer.from(`<rss version="2.0"><channel><title>t</title><media:thumbnail url="x"/>${ITEMS}</channel></rss>`), type: 'application/rss+xml' },
  'atom-link-as-text': { body: Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>文本链接</title><link rel="enclosure" type="image/jpeg">http://cars.example/p/1.jpg</link><link rel="alternate" type="text/html">http://cars.example/news/1.html</link></entry>
<entry><title>无属性链接</title><link>http://cars.example/news/2.html</link></entry></feed>`), type: 'application/atom+xml' },
  'rdf-no-channel': { body: Buffer.from(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item rdf:about="http://cars.example/news/1.html"><title>小米SU7锁单定金不退</title><link>http://cars.example/news/1.html</link></item></rdf:RDF>`), type: 'application/rdf+xml' },
  // Cut off in the middle of its second item: the parser keeps the first and says nothing.
  'rss-cut-short': { body: Buffer.from(`<rss version="2.0"><channel><title>t</title><item><title>小米SU7锁单定金不退</title><link>/news/1.html</link></item><item><title>车主要求退订退款</title><link>/news/2.html</link>`), type: 'application/rss+xml' },
  'relative-links-content-location': { body: Buffer.from(`<rss version="2.0"><channel><title>t</title><item><title>相对</title><link>news/1.html</link></item></channel></rss>`), type: 'application/rss+xml' },
  'rss-no-channel': { body: Buffer.from('<?xml version="1.0"?><rss version="2.0"></rss>'), type: 'application/rss+xml' },
  'rss-items-without-channel': { body: Buffer.from(`<rss version="2.0">${ITEMS}</rss>`), type: 'application/rss+xml' },
  // HTML entity names past any short list, a bare "&" in the channel title and one in an item link.
  'html-entities-bare-ampersands': { body: Buffer.from(`<rss version="2.0"><channel><title>车闻 & 快讯</title>
<item><title>&ldquo;锁单&rdquo;之争 &mdash; 定金&hellip;退不退 &euro;500 &alpha;版 &eacute;t&eacute;</title><link>/news/1.html?from=rss&id=1</link></item>
<item><title>车主&nbsp;投诉 &nosuchname;</title><link>/news/2.html</link></item></channel></rss>`), type: 'application/rss+xml' },
  // A single-byte DOS code page that TextDecoder does not know: byte 0x80 is "Ç" in cp850, "€" in GB18030.
  'cp850-declared': { body: Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="850"?><rss version="2.0"><channel><title>t</title><item><title>Fran`), Buffer.from([0x87]), Buffer.from(`ois `), Buffer.from([0x80]), Buffer.from(`a</title><link>/news/1.html</link></item></channel></rss>`)]), type: 'application/xml' },
  // Base64 text constructs: Atom 0.3 mode="base64", Atom 1.0 with a type that is neither text nor XML.
  'atom-base64-titles': { body: Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title type="text/html" mode="base64">${Buffer.from('小米<b>SU7</b>锁单').toString('base64')}</title><link href="/news/1.html"/></entry>
<entry><title type="application/octet-stream">${Buffer.from('定金不退').toString('base64')}</title><link href="/news/2.html"/></entry>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">车主<script>location.href='x'</script>投诉<style>b{}</style></div></title><link href="/news/3.html"/></entry></feed>`), type: 'application/atom+xml' },
  // The last bytes lost: the root's end tag cut short, or missing with the channel's.
  'rss-end-tag-cut': { body: Buffer.from(`<rss version="2.0"><channel><title>车闻</title>${ITEMS}</channel></rss`), type: 'application/rss+xml' },
  'rss-no-end-tags': { body: Buffer.from(`<rss version="2.0"><channel><title>车闻</title>\n`), type: 'application/rss+xml' },
  'atom-end-tag-cut': { body: Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom"><title>车闻 &amp; 快讯</title></fe`), type: 'application/atom+xml' },
  'atom-xml-base': {
    body: Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://cars.example/zh/"><title>t</title>
<entry xml:base="2024/03/"><title>相对于条目</title><link href="a.html"/></entry>
<entry><title>相对于源</title><link href="b.html"/></entry>
<entry><title>绝对</title><link href="http://other.example/c.html"/></entry></feed>`),
    type: 'application/atom+xml',
  },
};

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({
    ...Object.fromEntries(Object.entries(FEEDS).map(([name, f]) => [`/${name}.xml`, { body: f.body, headers: { 'content-type': f.type } }])),
    ...Object.fromEntries([1, 2, 3].map((n) => [`/news/${n}.html`, { body: articlePage({ title: `小米SU7锁单定金不退引发投诉${n}`, tag: `format-${n}` }) }])),
  });
});
afterAll(async () => { await server?.close(); });

/** What the ingest does with a source's bytes: fetch, decode with the Content-Type, parse. */
async function read(name: string): Promise<ParsedFeed & { charset: string }> {
  const url = server.url(`/${name}.xml`);
  const res = await fetchUrl(url, { allowPrivateNetwork: true, retries: 0 });
  const decoded = decodeBytes(res.body, String(res.headers['content-type'] ?? ''));
  return { ...(await parseFeed(decoded.text, res.url, 'Asia/Shanghai')), charset: decoded.charset };
}
const titles = (feed: ParsedFeed) => feed.items.map((i) => i.title);

describe('feed formats: Atom text constructs with markup (type="xhtml", type="html")', () => {
  it('titles are read as text, in order, markup gone; the feed title too', async () => {
    const feed = await read('atom-inline-markup');
    expect(titles(feed)).toEqual(['小米SU7锁单后定金不退', '车主投诉误触锁单', '小米回应']);
    expect(feed.title).toBe('车闻快讯');
    expect(feed.items.map((i) => new URL(i.link).pathname)).toEqual(['/news/1.html', '/news/2.html', '/news/3.html']);
  });

  it('through a full ingest: the source is kept and every entry stored (was: the whole source lost as `network`)', async () => {
    const dir = tempDir('atom-markup');
    const sources = writeSources(dir, [{ id: 'atom-markup', kind: 'atom', url: server.url('/atom-inline-markup.xml') }]);
    const report = await ingest(`${dir}/content`, sources);
    expect(report.sources[0]).toMatchObject({ status: 'ok' });
    for (const n of [1, 2, 3]) expect(itemFor(report, `/news/${n}.html`).outcome).toBe('new');
  });
});

describe('feed formats: <rss> without a version attribute (read as RSS 2.0)', () => {
  it.each([['rss-no-version', 'utf-8'], ['rss-no-version-gb2312', 'gb18030'], ['rss-no-version-utf8-bom', 'utf-8'], ['rss-no-version-utf16le-bom', 'utf-16le']])('%s → both items read, titles decoded (%s)', async (name, charset) => {
    const feed = await read(name);
    expect(feed.charset).toBe(charset);
    expect(titles(feed)).toEqual(['小米SU7锁单定金不退', '车主要求退订退款']);
    expect(feed.title).toBe('车闻');
  });
});

describe('feed formats: encodings found from the bytes (XML 1.0 Appendix F) and charsets that lie', () => {
  it.each([
    ['utf16le-no-bom', 'utf-16le'], ['utf16be-no-bom', 'utf-16be'], ['utf16le-no-bom-no-declaration', 'utf-16le'],
    ['utf32le-bom', 'utf-32le'], ['utf32be-no-bom', 'utf-32be'],
  ])('%s → read as %s', async (name, charset) => {
    const feed = await read(name);
    expect(feed.charset).toBe(charset);
    expect(titles(feed)).toEqual(['小米SU7锁单定金不退', '车主要求退订退款']);
  });

  it.each([['bogus-charset-constructor'], ['bogus-charset-proto'], ['bogus-charset-nonsense'], ['utf16-header-on-utf8-bytes']])('%s (text/xml) → the label is ignored with a warning in words, the feed read', async (name) => {
    const res = await fetchUrl(server.url(`/${name}.xml`), { allowPrivateNetwork: true, retries: 0 });
    const decoded = decodeBytes(res.body, String(res.headers['content-type']));
    expect(decoded.warnings.join('\n')).not.toMatch(/function|\[object/);
    expect(titles(await parseFeed(decoded.text, res.url, 'Asia/Shanghai'))).toEqual(['小米SU7锁单定金不退', '车主要求退订退款']);
  });
});

describe('feed formats: undeclared Japanese, undeclared namespace prefixes', () => {
  it('Shift_JIS with no charset anywhere → read as Shift_JIS (kana tell it from GB18030), with a warning', async () => {
    const feed = await read('shift-jis-undeclared');
    expect(feed.charset).toBe('shift_jis');
    expect(titles(feed)).toEqual(['小米のSU7、予約をキャンセルできないと苦情が相次ぐ']);
  });

  it('an element prefix no xmlns: declares → items read, the problem reported in words', async () => {
    const feed = await read('undeclared-prefix');
    expect(titles(feed)).toEqual(['小米SU7锁单定金不退', '车主要求退订退款']);
    expect(feed.problems).toContainEqual({ reason: 'bad-feed', message: 'namespace prefix media: used without a declaration (read anyway)' });
  });
});

describe('feed formats: Atom links written as text, RSS 1.0 without a channel', () => {
  it('<link rel="alternate">URL</link> and a bare <link>URL</link> → the alternate URL is the entry\'s link (was: the whole feed lost to a TypeError)', async () => {
    const feed = await read('atom-link-as-text');
    expect(feed.items.map((i) => i.link)).toEqual(['http://cars.example/news/1.html', 'http://cars.example/news/2.html']);
  });

  it('RSS 1.0 with items and no <channel> → the items read, the problem reported', async () => {
    const feed = await read('rdf-no-channel');
    expect(titles(feed)).toEqual(['小米SU7锁单定金不退']);
    expect(feed.problems.map((p) => p.message).join()).toMatch(/without a <channel> element/);
  });
});

describe('feed formats: a feed cut short', () => {
  it('the items read are kept; the ones that could not be read are counted in a problem', async () => {
    const feed = await read('rss-cut-short');
    expect(titles(feed)).toEqual(['小米SU7锁单定金不退']);
    expect(feed.problems).toContainEqual({ reason: 'bad-item', message: '1 of 2 items in the feed could not be read (cut short or malformed)' });
  });
});

describe('feed formats: <rss> without a channel', () => {
  it('<rss version="2.0"></rss> → an empty feed, with a bad-feed problem said in words (was: a raw TypeError as the failure)', async () => {
    const feed = await read('rss-no-channel');
    expect(feed.items).toEqual([]);
    expect(feed.problems).toEqual([{ reason: 'bad-feed', message: 'RSS document without a <channel> element: the feed is empty' }]);
  });

  it('through a full ingest: the source is ok, the problem in the report in words', async () => {
    const dir = tempDir('no-channel');
    const report = await ingest(`${dir}/content`, writeSources(dir, [{ id: 'empty', url: server.url('/rss-no-channel.xml') }]));
    expect(report.sources[0]).toMatchObject({ status: 'ok', problems: [{ reason: 'bad-feed', message: expect.stringMatching(/without a <channel> element/) }] });
  });

  it('items straight inside <rss> → read, the missing channel reported', async () => {
    const feed = await read('rss-items-without-channel');
    expect(titles(feed)).toEqual(['小米SU7锁单定金不退', '车主要求退订退款']);
    expect(feed.problems.map((p) => p.message).join()).toMatch(/no <channel> element/);
  });
});

describe('feed formats: Content-Location', () => {
  it('relative links resolve against the Content-Location the server sends (through a full ingest: the item is fetched there)', async () => {
    const located = await startFixtureServer({
      '/feed.xml': { body: FEEDS['relative-links-content-location']!.body, headers: { 'content-type': 'application/rss+xml', 'content-location': '/zh/2024/' } },
      '/zh/2024/news/1.html': { body: articlePage({ title: '小米SU7锁单定金不退引发投诉', tag: 'located' }) },
    });
    try {
      const dir = tempDir('content-location');
      const report = await ingest(`${dir}/content`, writeSources(dir, [{ id: 'located', url: located.url('/feed.xml') }]));
      expect(itemFor(report, '/zh/2024/news/1.html').outcome).toBe('new');
    } finally { await located.close(); }
  });
});

describe('feed formats: xml:base', () => {
  it('links resolve against the entry\'s xml:base, then the feed\'s, then the feed URL', async () => {
    const feed = await read('atom-xml-base');
    expect(feed.items.map((i) => i.link)).toEqual(['http://cars.example/zh/2024/03/a.html', 'http://cars.example/zh/b.html', 'http://other.example/c.html']);
  });
});

describe('feed formats: entities, bare ampersands, older code pages, base64 text', () => {
  it('every HTML entity name is decoded, an unknown one kept as text; a bare "&" is text, reported, and loses nothing (was: the whole feed refused)', async () => {
    const feed = await read('html-entities-bare-ampersands');
    expect(feed.title).toBe('车闻 & 快讯');
    expect(titles(feed)).toEqual(['\u201c锁单\u201d之争 \u2014 定金\u2026退不退 \u20ac500 \u03b1版 été', '车主 投诉 &nosuchname;']);
    expect(new URL(feed.items[0]!.link).search).toBe('?from=rss&id=1');
    expect(feed.problems.map((p) => p.message).join('\n')).toMatch(/2 bare "&"/);
  });

  it('a declared code page the web never adopted (850) is read with it, not guessed as GB18030', async () => {
    const feed = await read('cp850-declared');
    expect(feed.charset).toBe('850');
    expect(titles(feed)).toEqual(['François Ça']);
  });

  it('base64 titles are read as the text they encode; script and style inside an xhtml title are not text', async () => {
    const feed = await read('atom-base64-titles');
    expect(titles(feed)).toEqual(['小米SU7锁单', '定金不退', '车主投诉']);
  });
});

describe('feed formats: a feed whose end tags are cut off', () => {
  it.each([['rss-end-tag-cut', 2, '车闻'], ['rss-no-end-tags', 0, '车闻'], ['atom-end-tag-cut', 0, '车闻 & 快讯']])('%s → read as far as it goes (%i items), the cut reported (was: refused as "Unclosed root tag")', async (name, count, title) => {
    const feed = await read(name);
    expect(feed.items).toHaveLength(count);
    expect(feed.title).toBe(title);
    expect(feed.problems.map((p) => p.message).join('\n')).toMatch(/ends without its closing <\/(rss|feed)>/);
  });
});
