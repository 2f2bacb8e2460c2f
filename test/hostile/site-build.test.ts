// The end of the line: hostile pages ingested into a temp content folder, plus an article whose
// front matter is hostile text written straight through the store (as if extraction had let it
// through), then `astro build` into a temp outDir. Nothing it produces may carry script from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { ContentStore, serializeArticle } from '../../pipeline/store.ts';
import type { Article } from '../../src/schema/article.ts';
import { articlePage, filesUnder, FIXTURES, ingest, rssFeed, RSS_HEADERS, runChild, tempDir, writeSources } from './support.ts';

const MARK = 'HOSTILE';
/** The marker in the article written by hand, past the store's gate. */
const HAND = 'HANDWRITTEN';
const quiet = new VirtualConsole();

/** Front matter fields that carry text to the page, each with markup in it. */
function hostileArticle(): Article {
  const evil = (field: string) => `"><script>alert('${MARK}-${field}')</script><img src=x onerror="alert('${MARK}-${field}')">`;
  return {
    id: 'hostile-front-matter-0001',
    title: `小米SU7锁单${evil('title')}`,
    outlet: { id: 'hostile', name: `恶意来源${evil('outlet')}`, fullText: true },
    url: 'https://news.example/hostile/1.html',
    canonicalUrl: 'https://news.example/hostile/1.html',
    published: '2024-03-29T09:30:00+08:00',
    fetched: '2024-03-29T10:00:00+08:00',
    lang: 'zh', script: 'hans',
    byline: `记者${evil('byline')}`,
    relevance: { relevant: true, score: 10 },
    topics: ['refunds'],
    evidence: [{ topic: 'refunds', sentence: `锁单后定金不退${evil('evidence')}`, score: 5 }],
    summary: `摘要${evil('summary')}`,
    keywords: [`锁单${evil('keyword')}`],
    figures: [{ value: 5000, unit: '元', what: `定金${evil('what')}`, claim: 'deposit', text: `5000元${evil('figure')}`, sentence: `定金5000元${evil('sentence')}` }],
    disputes: [{ id: 'locked-deposit', stage: 'complaint', sentence: `投诉${evil('dispute')}` }],
    nearDuplicates: [],
    corrections: [{ field: 'topics', note: `更正${evil('correction')}` }],
    messages: [{ level: 'warning', reason: 'bad-encoding', message: `提示${evil('message')}` }],
    contentHash: '0123456789abcdef0123456789abcdef',
  };
}

type Finding = { file: string; what: string };
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'ping', 'cite'];

/** Everything in one HTML document that could run script. */
function scanHtml(html: string, file: string): Finding[] {
  const found: Finding[] = [];
  const dom = new JSDOM(html, { virtualConsole: quiet });
  try {
    const doc = dom.window.document;
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['iframe', 'frame', 'object', 'embed', 'base', 'applet'].includes(tag)) found.push({ file, what: `<${tag}> element` });
      if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push({ file, what: 'meta refresh' });
      if (tag === 'script') {
        const src = el.getAttribute('src');
        if ((el.textContent ?? '').includes(MARK) || (el.textContent ?? '').includes(HAND) || /alert\(/.test(el.textContent ?? '')) found.push({ file, what: `script holding hostile text: ${(el.textContent ?? '').slice(0, 80)}` });
        if (src && !/^\/(?!\/)/.test(src)) found.push({ file, what: `script from elsewhere: ${src}` });
      }
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) found.push({ file, what: `event handler ${name}="${attr.value.slice(0, 60)}" on <${tag}>` });
        if (name === 'srcdoc') found.push({ file, what: `srcdoc on <${tag}>` });
        if (URL_ATTRS.includes(name)) {
          const value = attr.value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
          if (/^(javascript|vbscript|data):/.test(value) || value.includes('javascript:')) found.push({ file, what: `${name}="${attr.value.slice(0, 60)}" on <${tag}>` });
        }
        if (name === 'style' && /javascript:|expression\(/i.test(attr.value)) found.push({ file, what: `style with script on <${tag}>` });
      }
    }
  } finally {
    dom.window.close();
  }
  return found;
}

/** RSS: the feed itself must hold no script, and neither may any HTML carried in it. */
function scanXml(xml: string, file: string): Finding[] {
  const found: Finding[] = [];
  const dom = new JSDOM(xml, { contentType: 'text/xml', virtualConsole: quiet });
  try {
    for (const el of Array.from(dom.window.document.querySelectorAll('*'))) {
      if (/^(script|iframe)$/i.test(el.localName)) found.push({ file, what: `<${el.localName}> in XML` });
      if (el.children.length === 0 && /[<&]/.test(el.textContent ?? '')) found.push(...scanHtml(`<body>${el.textContent}</body>`, `${file} <${el.localName}>`));
    }
  } finally {
    dom.window.close();
  }
  return found;
}

describe('site: a build from hostile content', () => {
  let server: FixtureServer;
  let dir: string;
  let outDir: string;
  let build: Awaited<ReturnType<typeof runChild>>;

  beforeAll(async () => {
    dir = tempDir('site');
    const content = path.join(dir, 'content');
    outDir = path.join(dir, 'dist');
    const payloads = [
      `<script>alert('${MARK}-p1')</script>`, `<img src=x onerror="alert('${MARK}-p2')">`, `<a href="javascript:alert('${MARK}-p3')">链接</a>`,
      `<a href=" JaVa&#x09;Script:alert('${MARK}-p4')">链接</a>`, `<svg><script>alert('${MARK}-p5')</script></svg>`,
      `<math><mtext><table><mglyph><style><img src=x onerror="alert('${MARK}-p6')">`, `<iframe srcdoc="&lt;script&gt;alert('${MARK}-p7')&lt;/script&gt;"></iframe>`,
      `&lt;script&gt;alert('${MARK}-p8')&lt;/script&gt;`, `<a href="data:text/html,<script>alert('${MARK}-p9')</script>">数据</a>`,
    ];
    const pages = payloads.map((p, i) => [`/p/${i}.html`, articlePage({ title: `小米SU7锁单定金不退 站点测试${i}`, tag: `site${i}`, inline: [p, p, p], head: `<meta property="og:title" content="小米SU7锁单定金不退 站点测试${i}&quot;&gt;&lt;script&gt;alert('${MARK}-og${i}')&lt;/script&gt;">` })] as const);
    server = await startFixtureServer({
      '/feed.xml': { headers: RSS_HEADERS, body: rssFeed([{ title: 'sink', link: '/kitchen-sink.html' }, ...pages.map(([route], i) => ({ title: `p${i}`, link: route }))]) },
      '/kitchen-sink.html': { body: fs.readFileSync(path.join(FIXTURES, 'pages/kitchen-sink.html'), 'utf8') },
      ...Object.fromEntries(pages.map(([route, body]) => [route, { body }])),
    });
    // Full text shown (as a source's license may allow): the page then renders the hostile bodies.
    const report = await ingest(content, writeSources(dir, [{ id: 'site', url: server.url('/feed.xml'), fullText: true }]));
    expect(report.totals.new).toBe(payloads.length + 1);
    new ContentStore(content, 'Asia/Shanghai').writeArticle(hostileArticle(), [`正文第一段${`<script>alert('${MARK}-body')</script>`}`, `第二段 <img src=x onerror=alert('${MARK}-body2')>`]);
    // And one written by hand, past the store: the site's own escaping is all that stands between it and a reader.
    const hand = serializeArticle({ ...hostileArticle(), id: 'hand-written-hostile-0001', url: 'https://news.example/hostile/2.html', canonicalUrl: 'https://news.example/hostile/2.html' }, ['手写正文'])
      .replaceAll(MARK, HAND);
    const handFile = path.join(content, 'articles', '2024', '03', 'hand-written-hostile-0001.md');
    fs.writeFileSync(handFile, hand.replace(/^title: .*$/m, `title: "小米SU7锁单\\"><script>alert('${HAND}-raw')</script>"`));
    fs.mkdirSync(path.join(content, 'events'), { recursive: true });
    build = await runChild('node_modules/astro/bin/astro.mjs', ['build', '--outDir', outDir], 240_000, { STORYLINE_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1' });
  }, 300_000);
  afterAll(async () => { await server?.close(); });

  it('the site builds', () => {
    expect(build.timedOut).toBe(false);
    expect(build.code, `astro build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`).toBe(0);
    expect(filesUnder(outDir, /\.html$/).length).toBeGreaterThan(5);
  });

  it('the hostile articles are on the site (as text)', () => {
    const articlePages = filesUnder(path.join(outDir, 'articles'), /\.html$/).map((f) => fs.readFileSync(f, 'utf8'));
    expect(articlePages.some((html) => html.includes('律师表示，定金条款应当在下单前明确告知消费者'))).toBe(true);
    expect(articlePages.some((html) => html.includes('恶意来源'))).toBe(true);
    expect(articlePages.some((html) => html.includes(`alert('${HAND}-raw')`))).toBe(true); // escaped text, not a script
  });

  it('the store wrote no markup into the front matter it was handed', () => {
    const file = filesUnder(path.join(dir, 'content', 'articles'), /^hostile-front-matter-0001\.md$/)[0]!;
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/<\s*(script|img)|onerror/i);
  });

  it('no HTML file has a script from the content, an event-handler attribute, a javascript:/data: URL, a frame or a refresh', () => {
    const findings = filesUnder(outDir, /\.html$/).flatMap((f) => scanHtml(fs.readFileSync(f, 'utf8'), path.relative(outDir, f)));
    expect(findings).toEqual([]);
  });

  it('no JavaScript file carries the hostile text', () => {
    const leaks = filesUnder(outDir, /\.(m?js)$/).filter((f) => fs.readFileSync(f, 'utf8').includes(MARK));
    expect(leaks).toEqual([]);
  });

  const xmlFindings = () => filesUnder(outDir, /\.xml$/).flatMap((f) => scanXml(fs.readFileSync(f, 'utf8'), path.relative(outDir, f)));

  it('the RSS feeds and sitemaps hold no script from ingested or stored content, neither directly nor in the HTML they carry', () => {
    expect(filesUnder(outDir, /\.xml$/).length).toBeGreaterThan(0);
    expect(xmlFindings().filter((f) => !f.what.includes(HAND))).toEqual([]);
  });

  // Known gap, outside the pipeline: src/lib/feed-items.ts puts title and summary into RSS as
  // they are, and RSS readers render <description> as HTML. Content from the store cannot carry
  // tags (above), but a hand-edited file can. Fix: HTML-escape both fields in feedItems().
  // When that lands this test fails: turn it into a plain `it`.
  it('site RSS: hand-written front matter with markup reaches <description> only as escaped text', () => {
    expect(xmlFindings()).toEqual([]);
  });
});
