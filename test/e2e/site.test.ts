// Browser tests of the reader's site: build the sample content once into a temp
// folder, index it with Pagefind, serve it, and drive real Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serveStatic, type StaticServer } from '../../pipeline/serve-static.ts';
import { run } from '../helpers/demo-site.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { bundlePath, shardCount, shardOf } from '../../src/lib/search-shards.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONTENT = join(ROOT, 'test/fixtures/site-content');

interface FixtureArticle { id: string; title: string; summary: string; published: string; topics: string[]; reprintOf?: string; url: string; evidence: { topic: string; sentence: string }[]; figures?: { sentence: string }[]; outlet: { fullText?: boolean } }

function fixtureArticles(): FixtureArticle[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : [],
    );
  return walk(join(CONTENT, 'articles')).map((f) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(f, 'utf8'))![1]!));
}


const PAGES_PER_SHARD = 4;
let tmp: string;
let outDir: string;
let server: StaticServer;
let browser: Browser;
let buildSeconds = 0;
const articles = fixtureArticles();

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'storyline-site-'));
  outDir = join(tmp, 'dist');
  const started = Date.now();
  // Programmatic build in a child process, with its own cache dir so it cannot
  // collide with another build of the project running at the same time.
  const script = `import { build } from 'astro';
await build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(join(tmp, 'cache'))}, logLevel: 'warn' });`;
  await run(process.execPath, ['--input-type=module', '-e', script], { STORYLINE_CONTENT: CONTENT, ASTRO_TELEMETRY_DISABLED: '1' });
  buildSeconds = (Date.now() - started) / 1000;
  // The build's own indexing step, with shards small enough that the 15 articles make several:
  // every search below then goes through the merged index, as a large site's does.
  await run(process.execPath, [join(ROOT, 'pipeline/cli/search-index.ts'), '--site', outDir, '--pages-per-shard', String(PAGES_PER_SHARD)], {});
  server = await serveStatic(outDir);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function open(path: string, options: { js?: boolean; width?: number; dark?: boolean } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.js ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto(server.url + path);
  return { page, context };
}

const ARTICLE = 'jiemian-locked-deposit-complaints';
const MAIN_PAGES = ['/', '/oldest/', '/topics/', '/topics/sales/', `/articles/${ARTICLE}/`, '/figures/', '/disputes/', '/search/'];

describe('reader site', { timeout: 90_000 }, () => {
  it('builds quickly enough', () => {
    console.log(`astro build of the sample: ${buildSeconds.toFixed(1)} s`);
    expect(buildSeconds).toBeLessThan(120);
  });

  it('lists the timeline newest first, with reprints folded and milestones shown', async () => {
    const { page, context } = await open('/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const days = await page.locator('.timeline > .day').evaluateAll((els) => els.map((e) => e.getAttribute('data-day')!));
    expect(days.length).toBeGreaterThan(3);
    expect([...days].sort().reverse()).toEqual(days);

    const times = await page.locator('.entries > .entry > .entry-meta time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime')!)));
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeLessThanOrEqual(times[i - 1]!);

    const topIds = await page.locator('.entries > .entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
    const reprints = articles.filter((a) => a.reprintOf).map((a) => a.id);
    expect(reprints.length).toBeGreaterThanOrEqual(2);
    for (const id of reprints) expect(topIds).not.toContain(id);
    expect(topIds).toHaveLength(articles.length - reprints.length);

    const folded = page.locator('.entry[data-article-id="ithome-su7-24h-orders"] details.reprints');
    await expect(folded.locator('summary').textContent()).resolves.toContain('另有 2 家媒体转载');
    expect(await page.locator('.milestone').count()).toBe(3);
    await context.close();

    const oldest = await open('/oldest/');
    const oldIds = await oldest.page.locator('.entries > .entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
    expect(oldIds).toEqual([...topIds].reverse());
    await oldest.context.close();
  });

  it('filters by topic with plain links, JavaScript off', async () => {
    const { page, context } = await open('/', { js: false });
    for (const topic of ['resale', 'refunds']) {
      await page.goto(server.url + '/');
      await page.locator(`nav.topic-nav a[data-topic="${topic}"]`).click();
      await page.waitForURL(`**/topics/${topic}/`);
      const listed = await page.locator('.entry').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-article-id'), topics: e.getAttribute('data-topics') })));
      const expected = articles.filter((a) => a.topics.includes(topic));
      expect(listed.map((l) => l.id).sort()).toEqual(expected.map((a) => a.id).filter((id) => listed.some((l) => l.id === id)).sort());
      expect(listed.length).toBeGreaterThan(0);
      for (const l of listed) expect(l.topics!.split(' ')).toContain(topic);
      expect(await page.locator('[data-topic-count]').getAttribute('data-topic-count')).toBe(String(expected.length));
      expect(await page.locator(`nav.topic-nav a[data-topic="${topic}"]`).getAttribute('aria-current')).toBe('page');
    }
    await context.close();
  });

  it('says why a title that only names the subject stands on a topic: the news day it is dated on', async () => {
    const { page, context } = await open('/articles/hot-list-bare-name/');
    const evidence = await page.locator('#evidence-title + p + ul').textContent();
    expect(evidence).toContain('小米汽车');
    expect(evidence).toContain('小米SU7发布，开放预订');
    expect(evidence).toContain('2024-03-28');
    await context.close();
  });

  it('shows the article with highlighted evidence, the original link and escaped text', async () => {
    const { page, context } = await open(`/articles/${ARTICLE}/`);
    const article = articles.find((a) => a.id === ARTICLE)!;
    const marks = await page.locator('.article-body mark.evidence').allTextContents();
    expect(marks.length).toBe(article.evidence.length);
    for (const ev of article.evidence) expect(marks).toContain(ev.sentence);
    const original = page.locator('a.original');
    expect(await original.getAttribute('href')).toBe(article.url);
    expect((await original.getAttribute('rel'))!.split(' ').sort()).toEqual(['nofollow', 'noopener', 'ugc']);
    // The body contains "<script>…" as text: shown, never run.
    expect(await page.locator('.article-body script').count()).toBe(0);
    expect(await page.locator('.article-body').textContent()).toContain('<script>alert("x")</script>');
    expect(await page.locator('h1').textContent()).toContain('误触锁单');
    await context.close();

    const corrected = await open('/articles/thepaper-xiaomi-response-locking/');
    expect(await corrected.page.locator('.correction').first().textContent()).toContain('编辑更正');
    await corrected.context.close();

    const hant = await open('/articles/udn-su7-locked-deposit-hant/');
    expect(await hant.page.locator('.article-body').getAttribute('lang')).toBe('zh-Hant');
    await hant.context.close();
  });

  it('finds articles with Pagefind search', async () => {
    const { page, context } = await open('/search/');
    const input = page.locator('.pagefind-ui__search-input');
    for (const term of ['锁单', '定金', '黄牛']) {
      await input.fill(term);
      await expect
        .poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      const links = await page.locator('.pagefind-ui__result-link').evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
      expect(links.every((l) => l.includes('/articles/'))).toBe(true);
    }
    await context.close();

    const viaQuery = await open('/search/?q=' + encodeURIComponent('黄牛'));
    await expect.poll(() => viaQuery.page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await viaQuery.context.close();

    const noJs = await open('/search/', { js: false });
    expect(await noJs.page.locator('.no-js-note').isVisible()).toBe(true);
    await noJs.context.close();
  });

  it('searches every shard of the index: results come from all of them, each article once', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'pagefind/shards.json'), 'utf8')) as string[];
    const count = shardCount(articles.length, PAGES_PER_SHARD);
    expect(count).toBeGreaterThan(1);
    expect(manifest).toEqual(Array.from({ length: count }, (_, i) => bundlePath(i)));
    const { page, context } = await open('/search/');
    await page.locator('.pagefind-ui__search-input').fill('小米');
    await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // "Load more" until every result is shown.
    for (let i = 0; i < 10 && (await page.locator('.pagefind-ui__button').isVisible()); i++) await page.locator('.pagefind-ui__button').click();
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((els) => els.map((e) => new URL(e.getAttribute('href')!, location.href).pathname));
    expect(new Set(links).size).toBe(links.length);
    const expected = new Set(articles.map((a) => shardOf(`/articles/${a.id}/`, count)));
    expect(new Set(links.map((l) => shardOf(l, count)))).toEqual(expected);
    // Only what a page shows is indexed: the full text where the source allows it, else the
    // title, summary, evidence and figure sentences.
    const shown = (a: FixtureArticle) => [a.title, a.summary, ...a.evidence.map((e) => e.sentence), ...(a.figures ?? []).map((f) => f.sentence)].join('\n');
    const naming = articles.filter((a) => a.outlet.fullText || shown(a).includes('小米')).length;
    expect(naming).toBeGreaterThan(articles.length / 2);
    expect(links.length).toBeGreaterThanOrEqual(Math.floor(articles.length / 2));
    await context.close();
  });

  it('loads the main pages without console errors or failed requests', async () => {
    const context = await browser.newContext();
    const problems: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
    page.on('requestfailed', (r) => problems.push(`failed ${r.url()} ${r.failure()?.errorText}`));
    for (const path of MAIN_PAGES) {
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      if (path === '/search/') {
        await page.locator('.pagefind-ui__search-input').fill('锁单');
        await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('has no horizontal scroll at 360px', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const pages = [...MAIN_PAGES, '/articles/sina-su7-launch-orders/', '/topics/refunds/', '/404/'];
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(server.url + path);
      // Open folded details too: their content must wrap as well.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${path}: ${width}px`);
    }
    await context.close();
    expect(wide).toEqual([]);
  });

  it('has no serious or critical axe violations, light and dark', async () => {
    const found: string[] = [];
    for (const dark of [false, true]) {
      for (const path of ['/', '/topics/sales/', `/articles/${ARTICLE}/`, '/articles/udn-su7-locked-deposit-hant/', '/figures/', '/disputes/', '/search/']) {
        const { page, context } = await open(path, { dark });
        if (path === '/search/') {
          await page.locator('.pagefind-ui__search-input').fill('定金');
          await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        }
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const result = await new AxeBuilder({ page }).analyze();
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            found.push(`${dark ? 'dark' : 'light'} ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
          }
        }
        await context.close();
      }
    }
    expect(found).toEqual([]);
  });

  it('draws the volume chart as inline SVG with a text equivalent', async () => {
    const { page, context } = await open('/', { js: false });
    expect(await page.locator('figure.volume svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('figure.volume figcaption').textContent()).toContain('篇');
    expect(await page.locator('figure.volume table tbody tr').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('flags conflicting figures and follows disputes through stages', async () => {
    const { page, context } = await open('/figures/');
    const conflict = page.locator('[data-claim="orders-24h"]');
    expect(await conflict.locator('.flag').textContent()).toBe('数据有出入');
    expect(await page.locator('[data-claim="deposit-amount"] .flag').count()).toBe(0);
    await page.goto(server.url + '/disputes/');
    const thread = page.locator('[data-dispute="locked-deposit"]');
    const steps = await thread.locator('li.step').evaluateAll((els) => els.map((e) => ({ stage: e.getAttribute('data-stage'), day: e.getAttribute('data-day')! })));
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps.map((s) => s.day)).toEqual([...steps.map((s) => s.day)].sort());
    expect(new Set(steps.map((s) => s.stage))).toContain('complaint');
    expect((await thread.locator('.thread-status').textContent())!.length).toBeGreaterThan(5);
    await context.close();
  });

  it('publishes feeds, a sitemap, metadata and a 404 page', async () => {
    for (const path of ['/rss.xml', '/topics/sales/rss.xml']) {
      const res = await fetch(server.url + path);
      expect(res.headers.get('content-type')).toContain('xml');
      const xml = await res.text();
      expect(xml).toContain('<rss');
      expect(xml).toContain('https://storyline.example/articles/');
    }
    const sales = await (await fetch(server.url + '/topics/sales/rss.xml')).text();
    expect(sales).not.toContain('yicai-resale-priority-rights');
    expect((await fetch(server.url + '/sitemap-index.xml')).status).toBe(200);

    const { page, context } = await open(`/articles/${ARTICLE}/`);
    expect(await page.title()).toContain('误触锁单');
    expect(await page.getAttribute('meta[name="description"]', 'content')).toBeTruthy();
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toContain('误触锁单');
    expect(await page.getAttribute('meta[property="og:type"]', 'content')).toBe('article');
    expect(await page.locator('[data-pagefind-body]').count()).toBe(1);
    const res = await page.goto(server.url + '/no/such/page/');
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toContain('找不到');
    await context.close();
    expect(await readFile(join(outDir, '404.html'), 'utf8')).toContain('lang="zh-CN"');
  });
});
