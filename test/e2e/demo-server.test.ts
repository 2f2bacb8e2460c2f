// The bundled offline demo: corpus invariants and the demo news server (feeds, list page,
// GBK and Big5 pages, conditional GET, 404).

import { realAnalysisConfig } from '../helpers/analysis-config.ts';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { JSDOM } from 'jsdom';
import {
  startDemoServer,
  loadDemoCorpus,
  OUTLETS,
  OUTLET_IDS,
  type DemoServer,
  type DemoEntry,
} from '../../pipeline/demo/server.ts';

const corpus: DemoEntry[] = loadDemoCorpus();
const byOutlet = (id: string) => corpus.filter((e) => e.outlet === id);
const find = (slug: string) => {
  const e = corpus.find((x) => x.slug === slug);
  if (!e) throw new Error(`no corpus entry ${slug}`);
  return e;
};

describe('demo corpus', () => {
  const story = corpus.filter((e) => !e.offTopic && !e.reprintOf);
  const reprints = corpus.filter((e) => e.reprintOf);
  const offTopic = corpus.filter((e) => e.offTopic && !e.reprintOf);

  it('has enough story articles, spread over 2024-03-28 .. 2025-11', () => {
    expect(story.length).toBeGreaterThanOrEqual(48);
    const times = story.map((e) => e.publishedAt.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2024-03-28T00:00:00+08:00'));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2025-12-01T00:00:00+08:00'));
    expect(story.some((e) => e.published.startsWith('2025-11'))).toBe(true);
  });

  it('covers every topic with at least 8 story articles', () => {
    // Every topic of the default story (its topics.yaml) has enough demo articles to show.
    for (const t of realAnalysisConfig().topics.topics.map((x) => x.id)) expect(story.filter((e) => e.topics.includes(t)).length, t).toBeGreaterThanOrEqual(8);
    expect(story.some((e) => e.topics.length >= 3)).toBe(true);
  });

  it('has reprints (two or more in Traditional) and off-topic items', () => {
    expect(reprints.length).toBeGreaterThanOrEqual(6);
    expect(reprints.filter((e) => e.outlet === 'gangao').length).toBeGreaterThanOrEqual(2);
    for (const r of reprints) {
      const orig = find(r.reprintOf!);
      expect(r.publishedAt.getTime()).toBeGreaterThan(orig.publishedAt.getTime());
      expect(r.paragraphs.length).toBe(orig.paragraphs.length);
      if (r.lang === 'zh-Hans') expect(r.title).toBe(orig.title);
      else expect(r.title).not.toBe(orig.title);
    }
    expect(offTopic.length).toBeGreaterThanOrEqual(12);
    for (const e of offTopic) expect(e.topics).toEqual([]);
    expect(new Set(offTopic.map((e) => e.outlet)).size).toBeGreaterThanOrEqual(4);
  });

  it('gives every outlet at least 6 items and well-formed entries', () => {
    for (const id of OUTLET_IDS) expect(byOutlet(id).length, id).toBeGreaterThanOrEqual(6);
    expect(byOutlet('gangao').filter((e) => !e.reprintOf && !e.offTopic).length).toBeGreaterThanOrEqual(4);
    for (const e of corpus) {
      expect(e.slug).toMatch(/^[a-z0-9-]+$/);
      expect(e.paragraphs.length).toBeGreaterThanOrEqual(4);
      expect(e.paragraphs.length).toBeLessThanOrEqual(9);
      // nanfang writes times without a zone; they are read as Beijing time.
      if (e.outlet === 'nanfang') expect(e.published).not.toMatch(/[+Z]/);
    }
    const nf = find('su7-deposit-terms-explainer');
    expect(nf.published).toBe('2024-03-29 09:30');
    expect(nf.publishedAt.toISOString()).toBe('2024-03-29T01:30:00.000Z');
  });
});

describe('demo server', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({ port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.origin + path, { headers });
  const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

  it('listens on 127.0.0.1 and serves an index', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const id of OUTLET_IDS) expect(html).toContain(OUTLETS[id].feed.path);
  });

  it('serves the cheping RSS 2.0 feed with +0800 dates and absolute links', async () => {
    const res = await get('/cheping/rss.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await res.text();
    expect(xml).toContain('<rss version="2.0"');
    const items = xml.match(/<item>/g) ?? [];
    expect(items.length).toBe(byOutlet('cheping').length);
    expect(xml).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0800<\/pubDate>/);
    const e = find('su7-launch-prices');
    expect(xml).toContain(`<link>${server.origin}${e.path}</link>`);
    expect(xml).toContain('<pubDate>Thu, 28 Mar 2024 22:10:00 +0800</pubDate>');
  });

  it('serves the kejiqianxian Atom feed with ISO dates', async () => {
    const res = await get('/kejiqianxian/atom.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect((xml.match(/<entry>/g) ?? []).length).toBe(byOutlet('kejiqianxian').length);
    expect(xml).toContain('<published>2024-03-28T23:05:00+08:00</published>');
    expect(xml).toContain(`href="${server.origin}${find('su7-27min-50k-orders').path}"`);
  });

  it('serves the nanfang feed in GBK with zone-less dates', async () => {
    const res = await get('/nanfang/rss.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).not.toMatch(/charset/i);
    const b = await bytes(res);
    const xml = new TextDecoder('gbk').decode(b);
    expect(xml.startsWith('<?xml version="1.0" encoding="gbk"?>')).toBe(true);
    const e = find('su7-deposit-terms-explainer');
    expect(xml).toContain(`<title>${e.title}</title>`);
    expect(xml).toContain('<pubDate>2024-03-29 09:30:00</pubDate>');
    expect((xml.match(/<item>/g) ?? []).length).toBe(byOutlet('nanfang').length);
    // Really GBK, not UTF-8.
    expect(new TextDecoder('utf-8').decode(b)).not.toContain(e.title);
  });

  it('serves the gangao feed in UTF-8 with Traditional titles', async () => {
    const res = await get('/gangao/rss.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('charset=utf-8');
    const xml = await res.text();
    expect((xml.match(/<item>/g) ?? []).length).toBe(byOutlet('gangao').length);
    expect(xml).toContain(find('su7-469-users-hesitation-7days-gangao').title);
    expect(xml).toContain('鎖單');
  });

  it('serves the chengshi list page; only ul.news-list li a links articles', async () => {
    const res = await get('/chengshi/news/');
    expect(res.status).toBe(200);
    const url = server.origin + '/chengshi/news/';
    const doc = new JSDOM(await res.text(), { url }).window.document;
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('ul.news-list li a')];
    const expected = byOutlet('chengshi');
    expect(links.length).toBe(Math.min(30, expected.length));
    expect(links[0]!.getAttribute('href')!.startsWith('../')).toBe(true);
    const paths = new Set(links.map((a) => new URL(a.href).pathname));
    for (const e of expected) expect(paths.has(e.path), e.slug).toBe(true);
    const others = [...doc.querySelectorAll('a')].filter((a) => !links.includes(a as HTMLAnchorElement));
    expect(others.length).toBeGreaterThan(10);
  });

  it('serves a GBK page whose charset is only in <meta>', async () => {
    const e = find('su7-heimao-complaints');
    const res = await get(e.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html');
    const b = await bytes(res);
    const html = new TextDecoder('gbk').decode(b);
    expect(html).toContain('<meta charset="gbk">');
    expect(html).toContain(`<h1 id="artTitle">${e.title}</h1>`);
    expect(html).toContain(e.paragraphs[0]);
    expect(new TextDecoder('utf-8').decode(b)).not.toContain(e.title);
  });

  it('serves a Big5 page with the charset in the header', async () => {
    const e = find('su7-order-resale-ban-xianyu-fees-gangao');
    const res = await get(e.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=big5');
    const html = new TextDecoder('big5').decode(await bytes(res));
    expect(e.title).toContain('訂單嚴禁轉售');
    expect(html).toContain(`<h1 class="story-title">${e.title}</h1>`);
    expect(html).toContain(e.paragraphs[0]);
    expect(html).not.toMatch(/&#\d+;/);
  });

  it('serves every corpus article, decodable to its title and text', async () => {
    for (const e of corpus) {
      const res = await get(e.path);
      expect(res.status, e.path).toBe(200);
      const ct = res.headers.get('content-type') ?? '';
      const enc = /charset=([\w-]+)/.exec(ct)?.[1] ?? (OUTLETS[e.outlet].pageEncoding);
      const html = new TextDecoder(enc).decode(await bytes(res));
      expect(html, e.slug).toContain(e.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
      // Links to the demo's primary sources carry this server's origin.
      for (const p of e.paragraphs) expect(html, e.slug).toContain(p.replaceAll('{{demo}}', server.origin));
      expect(html).toContain('猜你');
    }
  });

  it('answers conditional GETs with 304', async () => {
    const e = find('su7-469-users-hesitation-7days');
    const first = await get(e.path);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(new Date(lastModified).toISOString()).toBe(e.updatedAt!.toISOString());

    const byTag = await get(e.path, { 'If-None-Match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get('etag')).toBe(etag);
    expect((await byTag.arrayBuffer()).byteLength).toBe(0);

    expect((await get(e.path, { 'If-None-Match': '"other", ' + etag })).status).toBe(304);
    expect((await get(e.path, { 'If-None-Match': '"other"' })).status).toBe(200);
    expect((await get(e.path, { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get(e.path, { 'If-Modified-Since': 'Mon, 01 Jan 2024 00:00:00 GMT' })).status).toBe(200);

    const feed = await get('/nanfang/rss.xml');
    await feed.arrayBuffer();
    expect((await get('/nanfang/rss.xml', { 'If-None-Match': feed.headers.get('etag')! })).status).toBe(304);
  });

  it('returns 404 for unknown paths', async () => {
    for (const p of ['/nope', '/cheping/2024/0328/no-such-article.html', '/chengshi/rss.xml']) {
      const res = await get(p);
      await res.arrayBuffer();
      expect(res.status, p).toBe(404);
    }
  });
});
