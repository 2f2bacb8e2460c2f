// Hostile HTML: the sanitizer's allow-list, extraction from a page full of tricks, the size of
// a DOM we agree to build, and what a full ingest stores from such pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { sanitizeHtml, htmlToParagraphs, cleanText, assertMarkupBudget, measureMarkup, MARKUP_BUDGET } from '../../pipeline/sanitize.ts';
import { extractArticle } from '../../pipeline/extract.ts';
import { StageError } from '../../pipeline/reasons.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { articlePage, executableIn, filesUnder, FIXTURES, ingest, itemFor, markdownBody, rssFeed, RSS_HEADERS, runChild, storyParagraphs, tempDir, writeSources } from './support.ts';
import { parseArticleFile } from '../../pipeline/store.ts';

const KITCHEN_SINK = fs.readFileSync(path.join(FIXTURES, 'pages/kitchen-sink.html'), 'utf8');
const PAGE_URL = 'https://news.example/news/2024/0329/1.html';

/** Each payload with the text a reader should still see (or '' when nothing should remain). */
const PAYLOADS: [string, string, string][] = [
  ['<script>', `前<script>alert('HOSTILE')</script>后`, '前后'],
  ['onerror attribute', `<img src=x onerror="alert('HOSTILE')">图`, '图'],
  ['onload attribute', `<body onload="alert('HOSTILE')"><p>正文</p></body>`, '正文'],
  ['onclick on a kept element', `<p onclick="alert('HOSTILE')">段落</p>`, '段落'],
  ['javascript: link', `<a href="javascript:alert('HOSTILE')">链接</a>`, '链接'],
  ['JaVa&#x09;Script: link with a tab entity', `<a href=" JaVa&#x09;Script:alert('HOSTILE')">链接</a>`, '链接'],
  ['javascript: with entity-encoded letters', `<a href="&#106;avascript:alert('HOSTILE')">链接</a>`, '链接'],
  ['data: URL link', `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">数据</a>`, '数据'],
  ['data: URL image', `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`, ''],
  ['<svg><script>', `<svg><script>alert('HOSTILE')</script></svg>矢量`, '矢量'],
  // The text of <svg><text> is what a browser shows: kept as text (it used to be dropped with the SVG).
  ['<svg onload> with xlink:href', `<svg onload="alert('HOSTILE')"><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>`, 't'],
  ['<math><mtext><table><mglyph><style><img onerror> (mXSS)', `<math><mtext><table><mglyph><style><img src=x onerror="alert('HOSTILE')">`, ''],
  ['<iframe srcdoc>', `<iframe srcdoc="&lt;script&gt;alert('HOSTILE')&lt;/script&gt;"></iframe>框`, '框'],
  ['<iframe src=javascript:>', `<iframe src="javascript:alert('HOSTILE')"></iframe>`, ''],
  ['<base href> elsewhere', `<base href="https://evil.example/"><a href="/x">相对</a>`, '相对'],
  ['<meta http-equiv=refresh>', `<meta http-equiv="refresh" content="0;url=javascript:alert('HOSTILE')">文`, '文'],
  ['<object>/<embed>', `<object data="javascript:alert('HOSTILE')"></object><embed src="javascript:alert('HOSTILE')">物`, '物'],
  ['<form> with formaction', `<form action="javascript:alert(1)"><button formaction="javascript:alert('HOSTILE')">按</button></form>`, '按'],
  ['<noscript> attribute breakout', `<noscript><p title="</noscript><img src=x onerror=alert('HOSTILE')>"></p></noscript>`, ''],
  ['<style> with expression', `<style>*{background:url("javascript:alert('HOSTILE')")}</style>样`, '样'],
  ['<template> content', `<template><script>alert('HOSTILE')</script></template>模`, '模'],
];

describe('html: sanitizeHtml and htmlToParagraphs (the allow-list)', () => {
  it.each(PAYLOADS)('%s → markup refused, text kept', (_label, payload, visible) => {
    const clean = sanitizeHtml(payload);
    expect(executableIn(clean)).toEqual([]);
    expect(clean).not.toMatch(/HOSTILE/);
    expect(htmlToParagraphs(payload).join('')).toBe(visible);
  });

  it('a kept link keeps only an absolute http(s) href, with rel=noopener nofollow ugc', () => {
    expect(sanitizeHtml('<a href="https://news.example/a" target="_blank" onclick="x()">甲</a><a href="/rel">乙</a>'))
      .toBe('<a href="https://news.example/a" rel="noopener nofollow ugc">甲</a><a rel="noopener nofollow ugc">乙</a>');
  });

  it('text that spells markup ("><script>…, <img onerror>) → the tags removed from stored text; "<20万元" and "<小米SU7>" kept', () => {
    expect(cleanText(`小米SU7"><script>alert('HOSTILE')</script>`)).toBe('小米SU7">');
    expect(cleanText(`标题<img src=x onerror=alert('HOSTILE')>`)).toBe('标题');
    expect(cleanText('<<script>script>alert(1)<</script>/script>')).not.toMatch(/<\s*script/i);
    expect(cleanText('价格<20万元，<小米SU7>与1<2')).toBe('价格<20万元，<小米SU7>与1<2');
  });
});

describe('html: extractArticle on a page full of tricks', () => {
  const result = extractArticle(KITCHEN_SINK, PAGE_URL, 'Asia/Shanghai');

  it('keeps every real paragraph', () => {
    expect(result.paragraphs).toHaveLength(9);
    expect(result.paragraphs[0]).toMatch(/^3月28日晚，小米汽车在北京举行发布会/);
    expect(result.paragraphs.at(-1)).toMatch(/逐一核实处理。$/);
  });

  it('no paragraph, title or byline holds markup or the text of a script', () => {
    for (const text of [result.title, result.byline ?? '', ...result.paragraphs]) {
      expect(executableIn(text), text).toEqual([]);
      expect(text, text).not.toMatch(/HOSTILE-(head|inline|svg-script|template|title|og|css)/);
    }
  });

  it('the title comes from og:title with its "><script> tail cut off', () => {
    expect(result.title).toMatch(/^小米SU7锁单定金不退/);
    expect(result.title).not.toMatch(/</);
  });

  it('<base href> pointing elsewhere does not move the canonical URL off the page\'s own host', () => {
    expect(result.canonicalUrl).toBe('https://news.example/news/2024/real-article.html');
  });

  it('<meta http-equiv=refresh> is not followed: the page\'s own text and date are read', () => {
    expect(result.published).toBe('2024-03-29T09:30:00+08:00');
    expect(result.text).toContain('锁单后定金不退');
  });
});

describe('html: a huge DOM is refused by size, not waited for', () => {
  const para = storyParagraphs('huge')[0]!;
  const nested = `<html><body><article><h1>深</h1><p>${para}</p>${'<div>'.repeat(200_000)}${para}${'</div>'.repeat(200_000)}</article></body></html>`;
  const siblings = `<html><body><article><h1>宽</h1>${`<p>${para}</p>`.repeat(20)}${'<span>x</span>'.repeat(200_000)}</article></body></html>`;
  const selfClosing = `<html><body>${'<div/>'.repeat(5_000)}${para}</body></html>`;

  it('200,000 nested elements (2.2 MB, under the 5 MB fetch cap) → refused: too-large, measured before any DOM is built', () => {
    const started = Date.now();
    expect(() => assertMarkupBudget(nested)).toThrow(StageError);
    try { assertMarkupBudget(nested); } catch (e) {
      expect((e as StageError).reason).toBe('too-large');
      expect((e as StageError).message).toMatch(/elements|deep/);
    }
    expect(Date.now() - started).toBeLessThan(5_000); // one linear scan; building the DOM would take hours
  });

  it('200,000 sibling elements → refused: too-large', () => {
    expect(() => assertMarkupBudget(siblings)).toThrow(/200\d{3} elements/);
  });

  it('"<div/>" × 5,000 (the slash is ignored by HTML parsers) is measured as 5,000 deep → refused: too-large', () => {
    expect(measureMarkup(selfClosing).depth).toBe(5_000);
    expect(() => assertMarkupBudget(selfClosing)).toThrow(/5000 deep/);
  });

  it('an ordinary page, a script full of "<div>" strings and SVG icons → within the budget', () => {
    const page = articlePage({ title: '普通', head: `<script>var s = "${'<div>'.repeat(1000)}";</script>`, after: '<svg><path d="M0"/><circle r="1"/></svg>'.repeat(500) });
    expect(() => assertMarkupBudget(page)).not.toThrow();
    expect(measureMarkup(page).depth).toBeLessThan(10);
    expect(measureMarkup(KITCHEN_SINK).elements).toBeLessThan(MARKUP_BUDGET.maxElements);
  });

  // Runs in a child process with a hard limit, so a regression shows as a failure, not a hung suite.
  it.each([['nested', nested], ['siblings', siblings]])('extractArticle on 200,000 %s elements → refused (too-large) or finished within 20 s', async (label, html) => {
    const dir = tempDir(`huge-${label}`);
    fs.writeFileSync(path.join(dir, 'page.html'), html);
    const run = await runChild('test/hostile/extract-child.ts', [path.join(dir, 'page.html'), PAGE_URL], 20_000);
    expect(run.timedOut, `extractArticle still running after 20 s on ${label}: the markup budget is not applied before jsdom (see docs/reliability.md)`).toBe(false);
    const out = JSON.parse(run.stdout.trim()) as { ok: boolean; reason?: string };
    if (!out.ok) expect(out.reason).toBe('too-large');
  }, 30_000);

  // Within the budget, but built to make the page reading before Readability quadratic: a caption
  // search that recounts a live child list after each removal, a comment list read once per item.
  // Only the page reading runs (Readability on these takes 5-15 s and is not what is tested here).
  const pictures = `<html><body><article><h1>图</h1><div>${Array.from({ length: 15_000 }, (_, i) => `<p><img src="/${i}.jpg"></p><p>图${i}</p>`).join('')}<p>${para}</p></div></article></body></html>`;
  const comments = `<html><body><article><h1>评</h1><p>${para}</p></article><div>${Array.from({ length: 8_000 }, (_, i) => `<div class="c"><span>今天 09:1${i % 10}</span><a>回复</a><p>评论${i}</p></div>`).join('')}</div></body></html>`;
  const headings = `<html><body><article><h1>题</h1><div>${Array.from({ length: 10_000 }, (_, i) => `<div><span>相关新闻</span><p>文字${i}，句子。</p></div>`).join('')}</div></article></body></html>`;
  it.each([['15,000 pictures, each with a label', pictures], ['8,000 comment items with a time and a reply link', comments], ['10,000 teaser headings', headings]])('the page reading before Readability on %s (within the budget) → finished within 20 s', async (label, html) => {
    expect(() => assertMarkupBudget(html)).not.toThrow();
    const dir = tempDir('huge-within-budget');
    fs.writeFileSync(path.join(dir, 'page.html'), html);
    // Well under a second alone; the quadratic caption search took about a minute on the pictures.
    const run = await runChild('test/hostile/page-reading-child.ts', [path.join(dir, 'page.html')], 20_000);
    expect(run.timedOut, `page reading still running after 20 s on ${label}: a step before Readability went quadratic`).toBe(false);
    expect(() => JSON.parse(run.stdout.trim())).not.toThrow();
  }, 40_000);
});

describe('html: hostile pages through a full ingest', () => {
  let server: FixtureServer;
  let dir: string;
  let report: Awaited<ReturnType<typeof ingest>>;
  const single = PAYLOADS.map(([label, payload], i) => ({ label, route: `/p/${i}.html`, html: articlePage({ title: `小米SU7锁单定金不退 第${i}号`, tag: `p${i}`, inline: [payload, payload, payload] }) }));

  beforeAll(async () => {
    dir = tempDir('html');
    server = await startFixtureServer({
      '/feed.xml': { headers: RSS_HEADERS, body: rssFeed([{ title: 'sink', link: '/kitchen-sink.html' }, ...single.map((s) => ({ title: s.label, link: s.route }))]) },
      '/kitchen-sink.html': { body: KITCHEN_SINK },
      ...Object.fromEntries(single.map((s) => [s.route, { body: s.html }])),
    });
    report = await ingest(`${dir}/content`, writeSources(dir, [{ id: 'xss', url: server.url('/feed.xml') }]));
  }, 60_000);
  afterAll(async () => { await server.close(); });

  it('every hostile page is kept (stored as new), none failed', () => {
    expect(report.totals).toMatchObject({ new: PAYLOADS.length + 1, failed: 0 });
    expect(itemFor(report, '/kitchen-sink.html').outcome).toBe('new');
  });

  it('no stored file holds executable markup, a script\'s text or a hostile URL — front matter included', () => {
    const files = filesUnder(`${dir}/content/articles`, /\.md$/);
    expect(files).toHaveLength(PAYLOADS.length + 1);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      expect(executableIn(text), file).toEqual([]);
      expect(text, file).not.toMatch(/HOSTILE-(head|inline|svg-script|template|title|og|css)|evil\.example/);
      expect(markdownBody(file), file).not.toMatch(/[<>]/); // the body escapes what is left
    }
  });

  it('stored files parse back and keep the article\'s text', () => {
    const sink = filesUnder(`${dir}/content/articles`, /^xss-kitchen-sink-/)[0]!;
    const { article, paragraphs } = parseArticleFile(fs.readFileSync(sink, 'utf8'), sink);
    expect(article.canonicalUrl).toBe(`${server.origin}/news/2024/real-article.html`);
    expect(paragraphs).toHaveLength(9);
    expect(paragraphs.join('\n')).toContain('律师表示，定金条款应当在下单前明确告知消费者');
  });

  it('a 200,000-element page in a run → that item failed: too-large, the rest stored, within 60 s', async () => {
    const runDir = tempDir('html-huge');
    const para = storyParagraphs('huge-run');
    const huge = await startFixtureServer({
      '/feed.xml': { headers: RSS_HEADERS, body: rssFeed([{ title: 'huge', link: '/huge.html' }, { title: 'fine', link: '/fine.html' }]) },
      '/huge.html': { body: `<html><body><article><h1>深</h1><p>${para[0]}</p>${'<div>'.repeat(200_000)}${para[1]}${'</div>'.repeat(200_000)}</article></body></html>` },
      '/fine.html': { body: articlePage({ title: '小米SU7锁单定金不退，正常页面', tag: 'fine' }) },
    });
    try {
      const sources = writeSources(runDir, [{ id: 'huge', url: huge.url('/feed.xml') }]);
      const run = await runChild('test/hostile/ingest-child.ts', [`${runDir}/content`, sources], 60_000);
      expect(run.timedOut, 'the ingest run hung on the huge page: the markup budget is not applied before jsdom (see docs/reliability.md)').toBe(false);
      const childReport = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
      expect(itemFor(childReport, '/huge.html')).toMatchObject({ outcome: 'failed', reason: 'too-large' });
      expect(itemFor(childReport, '/fine.html').outcome).toBe('new');
    } finally {
      await huge.close();
    }
  }, 90_000);
});
