// What reaches content/ is text: text a browser shows is kept (also inside SVG/MathML and
// verbatim raw-text elements), no field holds markup-shaped text (processing instructions,
// entity-escaped tags), and a canonical link is used only when it is a clean http(s) URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { htmlToParagraphs, stripTags, cleanText } from '../../pipeline/sanitize.ts';
import { acceptCanonical, canonicalFromHref } from '../../pipeline/canonical.ts';
import { extractArticle } from '../../pipeline/extract.ts';
import { parseArticleFile } from '../../pipeline/store.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { articlePage, filesUnder, ingest, itemFor, rssFeed, RSS_HEADERS, storyParagraphs, tempDir, writeSources } from './support.ts';

describe('stored text: what a browser shows is kept', () => {
  it('paragraphs after nested <math><mtext> markup (a mutation-XSS shape) are kept, not dropped with it', () => {
    const html = `<p>锁单之前的段落。</p><math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;"></mglyph></table></mtext></math><p>车主随后要求退订退款。</p><p>小米客服回应称定金不退。</p>`;
    const paragraphs = htmlToParagraphs(html);
    expect(paragraphs).toEqual(expect.arrayContaining(['锁单之前的段落。', '车主随后要求退订退款。', '小米客服回应称定金不退。']));
    expect(paragraphs.join('\n')).not.toMatch(/onerror|<img/);
  });

  it('an unclosed <math><mtext> holding the rest of the article → every paragraph kept', () => {
    const paragraphs = htmlToParagraphs(`<p>第一段。</p><math><mtext><p>第二段在公式里。</p><p>第三段也在。</p>`);
    expect(paragraphs).toEqual(['第一段。', '第二段在公式里。', '第三段也在。']);
  });

  it('text of <svg><text> and of MathML tokens is kept; <svg><style> and <script> are not', () => {
    const paragraphs = htmlToParagraphs(`<p>图表：<svg><style>.a{fill:red}</style><script>alert(1)</script><text>订单 24 小时破 5 万</text></svg></p><p>公式 <math><mi>x</mi><mo>=</mo><mn>3</mn></math></p>`);
    expect(paragraphs).toEqual(['图表：订单 24 小时破 5 万', '公式 x=3']);
  });

  it('<xmp> and an unclosed <textarea>: their text is shown verbatim by browsers, so it is kept as text (tags removed)', () => {
    const paragraphs = htmlToParagraphs(`<p>前文。</p><xmp><b>锁单</b>须知</xmp><p>后文。</p>`);
    expect(paragraphs).toEqual(['前文。', '锁单须知', '后文。']);
  });
});

describe('stored text: no markup-shaped text in any field', () => {
  it.each([
    ['a processing instruction', '小米SU7<?xml-stylesheet type="text/xsl" href="javascript:alert(1)"?>锁单', '小米SU7锁单'],
    ['an unclosed processing instruction', '锁单<?php echo 1', '锁单'],
    ['an entity-escaped tag, decoded once', '定金&lt;img src=x onerror=alert(1)&gt;不退', '定金不退'],
    ['an entity-escaped tag without semicolons', '定金&lt/s&gt不退', '定金不退'],
    ['a tag escaped twice', '定金&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;不退', '定金不退'],
    ['numeric references', '定金&#60;svg onload=alert(1)&#x3E;不退', '定金不退'],
    ['references an HTML parser reads without a semicolon', '定金&ltimg src=x onerror=alert(1)&gt不退&#60svg&#62', '定金不退'],
    ['a longer number is another character', '符号&#600;与&#x3c0;', '符号&#600;与&#x3c0;'],
    ['a tag that cannot close', '锁单<script<{alert(1)}', '锁单＜script<{alert(1)}'],
    ['a comparison, which is not markup', '价格<20万元，且>15万元', '价格<20万元，且>15万元'],
  ])('%s → %s', (_label, input, expected) => {
    expect(stripTags(input)).toBe(expected);
    expect(cleanText(input)).toBe(expected);
  });
});

describe('stored text: canonical links', () => {
  const PAGE = 'http://cars.example/news/1.html';
  it.each([
    ['\u2028javascript:alert(1) resolved as a path', 'http://cars.example/news/%E2%80%A8javascript:alert(1)'],
    ['markup resolved as a path', 'http://cars.example/news/%3Cb%20href=%22x%22%3E'],
    ['another host', 'http://evil.example/news/1.html'],
    ['not http', 'ftp://cars.example/news/1.html'],
    ['credentials', 'http://user:pw@cars.example/news/1.html'],
  ])('%s → not used; the fetched URL stands, with the reason', (_label, candidate) => {
    const r = acceptCanonical(candidate, PAGE);
    expect(r.url).toBe(PAGE);
    expect(r.rejected).toMatch(/^canonical link ignored/);
  });
  it.each([
    ['an absolute URL behind U+2028', '\u2028http://cars.example/a/1.html', 'http://cars.example/a/1.html'],
    ['an absolute URL behind an ideographic space, with a query', '\u3000http://cars.example/a/1.html?id=2', 'http://cars.example/a/1.html?id=2'],
    ['a relative path behind U+2029', '\u2029../a/3.html', 'http://cars.example/a/3.html'],
  ])('%s, resolved by the extractor as a path → the white space trimmed and the link used', (_label, href, expected) => {
    const resolvedAsPath = new URL(href, PAGE).toString();
    expect(acceptCanonical(resolvedAsPath, PAGE)).toEqual({ url: expected });
  });

  it('a clean same-host link is used', () => {
    expect(acceptCanonical('http://cars.example/a/2024/su7.html?id=3', PAGE)).toEqual({ url: 'http://cars.example/a/2024/su7.html?id=3' });
  });
  it('canonicalFromHref trims Unicode white space (U+2028, U+3000, NBSP) before resolving, and refuses script schemes', () => {
    expect(canonicalFromHref('\u2028\u3000http://cars.example/a/1.html\u00a0', PAGE)).toBe('http://cars.example/a/1.html');
    expect(canonicalFromHref('\u2028javascript:alert(1)', PAGE)).toBeUndefined();
    expect(canonicalFromHref(' /a/2.html ', PAGE)).toBe('http://cars.example/a/2.html');
  });

  it('the extractor trims the canonical href before resolving: U+2028 + javascript: is a script link (refused), not a same-host path', () => {
    const page = (href: string) => `<!doctype html><html><head><title>小米SU7锁单</title><link rel="canonical" href="${href}"></head><body><article><p>${'小米SU7锁单后定金不退，车主发起投诉。'.repeat(8)}</p><p>${'小米汽车回应称将延长犹豫期。'.repeat(8)}</p></article></body></html>`;
    const hostile = extractArticle(page('\u2028javascript:alert(1)'), PAGE, 'Asia/Shanghai').canonicalUrl;
    expect(hostile).toBe('javascript:alert(1)');
    expect(acceptCanonical(hostile, PAGE).rejected).toMatch(/not http or https/);
    expect(extractArticle(page('\u2028\u3000/a/9.html'), PAGE, 'Asia/Shanghai').canonicalUrl).toBe('http://cars.example/a/9.html');
  });
});

describe('stored text: through a full ingest', () => {
  let server: FixtureServer;
  const hostileHead = `<link rel="canonical" href="\u2028javascript:alert(1)"><meta name="author" content="记者<?xml-stylesheet href=&quot;javascript:alert(2)&quot;?>王某">`;
  beforeAll(async () => {
    server = await startFixtureServer({
      '/feed.xml': { headers: RSS_HEADERS, body: rssFeed([{ title: '一', link: '/a/1.html' }, { title: '二', link: '/a/2.html' }, { title: '三', link: '/a/3.html' }, { title: '四', link: '/a/4.html' }, { title: '五', link: '/a/5.html' }]) },
      // Two pages with the same hostile canonical link: before, both resolved to one same-host URL and the second was a duplicate-url.
      '/a/1.html': { body: articlePage({ title: '小米SU7锁单定金不退&lt;img src=x onerror=alert(1)&gt;', tag: 'canon-1', head: hostileHead }) },
      '/a/2.html': { body: articlePage({ title: '车主投诉误触锁单要求退款', tag: 'canon-2', head: hostileHead }) },
      '/a/3.html': { body: articlePage({ title: '小米回应锁单争议', tag: 'math', inline: ['', '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">'] }) },
      // A <button> left open: the extractor removes buttons whole, with the paragraph now inside it.
      '/a/4.html': { body: articlePage({ title: '锁单按钮误触引发投诉', tag: 'button', inline: ['', '<button onclick="alert(1)">点此锁单'] }) },
      // An <iframe> left open: everything after it is the frame's raw text, which the extractor drops with the frame.
      '/a/5.html': { body: articlePage({ title: '锁单页面嵌入框架', tag: 'iframe', inline: ['', '<iframe src="/ad.html">'] }) },
    });
  });
  afterAll(async () => { await server?.close(); });

  it('both pages stored under their own URL, with the ignored canonical link in their messages; no field holds markup; nothing after the math lost', async () => {
    const dir = tempDir('stored-text');
    const report = await ingest(`${dir}/content`, writeSources(dir, [{ id: 'st', url: server.url('/feed.xml') }]));
    for (const n of [1, 2, 3, 4, 5]) expect(itemFor(report, `/a/${n}.html`).outcome).toBe('new');
    const files = filesUnder(`${dir}/content/articles`, /\.md$/).map((f) => parseArticleFile(fs.readFileSync(f, 'utf8'), f));
    for (const n of [1, 2]) {
      const { article } = files.find((f) => f.article.url.endsWith(`/a/${n}.html`))!;
      expect(article.canonicalUrl).toBe(server.url(`/a/${n}.html`));
      expect(article.messages.map((m) => m.message).join()).toMatch(/canonical link ignored/);
    }
    for (const { article, paragraphs } of files) {
      const text = JSON.stringify(article) + paragraphs.join('\n');
      expect(text).not.toMatch(/<[A-Za-z!?/]|&lt;|onerror/);
    }
    // Text the extractor cannot keep is reported: in the run report and in the article's messages.
    expect(itemFor(report, '/a/4.html').warnings?.join()).toMatch(/text-lost: the page leaves <button> open/);
    expect(files.find((f) => f.article.url.endsWith('/a/4.html'))!.article.messages).toContainEqual(expect.objectContaining({ reason: 'text-lost' }));
    expect(itemFor(report, '/a/5.html').warnings?.join()).toMatch(/text-lost: the page leaves <iframe> open/);
    const math = files.find((f) => f.article.url.endsWith('/a/3.html'))!;
    for (const p of storyParagraphs('math')) expect(math.paragraphs.join('\n')).toContain(p.slice(0, 20));
  });
});
