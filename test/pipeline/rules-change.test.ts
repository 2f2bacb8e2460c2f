// When an editor changes the analysis rules, the next ingest analyses every known page again,
// even where the outlet answers 304 and the text did not change; a run with the same rules
// does not. Real HTTP from a server on 127.0.0.1, a copy of the story's config in a temp folder.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../pipeline/config.ts';
import { runIngest } from '../../pipeline/ingest.ts';
import { parseArticleFile } from '../../pipeline/store.ts';
import { articlePage, rssFeed, tempDir, CONFIG_DIR } from '../hostile/support.ts';

let server: Server;
let origin = '';
let pageRequests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    // Every response carries an ETag and honours If-None-Match, as a well-behaved outlet does.
    // Page 3 gives no date of its own: its date is the feed's.
    const body = url === '/feed.xml'
      ? rssFeed([1, 2, 3, 9].map((n) => ({ title: `小米SU7订单与定金纠纷（${n}）`, link: `${origin}/a/${n}.html`, ...(n === 3 ? { pubDate: 'Mon, 01 Apr 2024 10:00:00 +0800' } : {}) })))
      : url === '/a/3.html' ? articlePage({ title: '小米SU7订单与定金纠纷（/a/3.html）', tag: url }).replace(/<p class="date">[^<]*<\/p>/, '')
      : /^\/a\/[1-8]\.html$/.test(url) ? articlePage({ title: `小米SU7订单与定金纠纷（${url}）`, tag: url }) : undefined;
    if (!body) { res.writeHead(404).end(); return; }
    const etag = `"${url.length}-${body.length}"`;
    if (url.startsWith('/a/')) pageRequests++;
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }).end(); return; }
    res.writeHead(200, { etag, 'content-type': url.endsWith('.xml') ? 'application/rss+xml; charset=utf-8' : 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function storedArticles(content: string) {
  const files = fs.readdirSync(path.join(content, 'articles'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
  return files.map((f) => parseArticleFile(fs.readFileSync(path.join(content, 'articles', f), 'utf8'), f).article);
}
const storedTopics = (content: string): string[][] => storedArticles(content).map((a) => a.topics);
const storedDates = (content: string): Record<string, string> => Object.fromEntries(storedArticles(content).map((a) => [a.url.replace(origin, ''), a.published]));

describe('ingest after the rules change', () => {
  it('re-analyses every stored page when topics.yaml changes, and only then', async () => {
    const dir = tempDir('rules');
    const config = path.join(dir, 'config');
    fs.cpSync(CONFIG_DIR, config, { recursive: true });
    fs.writeFileSync(path.join(config, 'sources.yaml'), `sources:\n  - id: rules\n    name: 规则测试\n    kind: rss\n    url: "${origin}/feed.xml"\n    allowPrivateNetwork: true\n`);
    const content = path.join(dir, 'content');
    const ingest = async () => (await runIngest({ config: loadConfig(config, 'sources.yaml'), contentDir: content, sourcesFile: 'sources.yaml', workers: 1, writeReport: false, politeDelayMs: 0 })).report;

    const first = await ingest();
    expect(first.totals.new).toBe(3);
    expect(first.totals.failed).toBe(1); // /a/9.html is gone: no reason to redo the others next run
    expect(first.rulesChanged).toBeUndefined();
    const before = storedTopics(content);
    const dates = storedDates(content);
    expect(dates['/a/3.html']).toBe('2024-04-01T10:00:00+08:00');
    expect(before.every((t) => t.includes('disputes'))).toBe(true);

    // Same rules: the feed answers 304 and no page is asked for again (nor analysed).
    pageRequests = 0;
    const same = await ingest();
    expect(same.rulesChanged).toBeUndefined();
    expect(same.sources[0]!.status).toBe('not-modified');
    expect(pageRequests).toBe(0);

    // The editor raises the disputes threshold out of reach: every page is analysed again.
    const topicsFile = path.join(config, 'topics.yaml');
    const topics = fs.readFileSync(topicsFile, 'utf8');
    const disputes = topics.indexOf('  - id: disputes');
    expect(disputes).toBeGreaterThan(-1);
    const edited = topics.slice(0, disputes) + topics.slice(disputes).replace(/threshold: [\d.]+/, 'threshold: 999');
    fs.writeFileSync(topicsFile, edited);
    pageRequests = 0;
    const changed = await ingest();
    expect(changed.rulesChanged).toBe(true);
    expect(pageRequests).toBe(3);
    expect(changed.totals.updated).toBe(3);
    // The feed was not asked again (304), yet each article keeps its date, the feed's one included.
    expect(storedDates(content)).toEqual(dates);
    const after = storedTopics(content);
    expect(after.some((t) => t.includes('disputes'))).toBe(false);
    expect(after.every((t) => t.length > 0)).toBe(true);

    // Recorded on each page: the next run with these rules is quiet again.
    pageRequests = 0;
    const again = await ingest();
    expect(again.rulesChanged).toBeUndefined();
    expect(pageRequests).toBe(0);
  }, 60_000);
});
