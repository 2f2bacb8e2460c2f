// The reader's story on the bundled demo, in real Chromium: honest pages (invented outlets said so,
// summaries and evidence instead of copied text, originals that answer), the story so far,
// coverage grouped by development, disputes, the figures ledger, and the details.
// Nothing here depends on which demo article carries which topic today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from '../helpers/chromium.ts';
import { startDemoSite, type DemoSite } from '../helpers/demo-site.ts';
import { splitSentences } from '../../pipeline/normalize.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/demo-site.ts';

const events = readdirSync(join(ROOT, 'content/events')).filter((f) => f.endsWith('.md'))
  .map((f) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(ROOT, 'content/events', f), 'utf8'))![1]!) as { title: string; date: string | Date });
const story = parse(readFileSync(join(ROOT, 'content/config/story.yaml'), 'utf8')) as { sofar: { summary: string; status: string } };

let site: DemoSite;
let browser: Browser;

beforeAll(async () => {
  site = await startDemoSite();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, options: { width?: number; height?: number; dark?: boolean; js?: boolean } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    javaScriptEnabled: options.js ?? true,
  });
  const page = await context.newPage();
  await page.goto(site.url + path);
  return { page, context };
}

const shownText = (a: DemoSite['articles'][number]) => [a.article.summary, ...a.article.evidence.map((e) => e.sentence), ...a.article.figures.map((f) => f.sentence), ...a.article.disputes.map((d) => d.sentence)].join('\n');

/** A sentence of the article's body that its page does not show (no summary, evidence or figure uses it). */
function hiddenSentence(a: DemoSite['articles'][number]): string | undefined {
  const shown = shownText(a);
  return a.paragraphs.flatMap((p) => splitSentences(p)).find((s) => s.length > 20 && !shown.includes(s) && !shown.includes(s.slice(0, 12)));
}

describe('honest demo and honest pages', { timeout: 120_000 }, () => {
  it('says on every page that the outlets and stories are invented', async () => {
    const { page, context } = await open('/');
    const pages = ['/', '/oldest/', '/topics/', '/figures/', '/disputes/', '/search/', `/articles/${site.articles[0]!.article.id}/`];
    for (const path of pages) {
      await page.goto(site.url + path);
      const notice = page.locator('.demo-notice');
      expect(await notice.count(), path).toBe(1);
      const text = await notice.textContent();
      expect(text, path).toContain('虚构');
      for (const outlet of new Set(site.articles.map((a) => a.article.outlet.name))) expect(text, path).toContain(outlet);
    }
    await context.close();
  });

  it('links every article to its original, which answers while the site is served', async () => {
    const { page, context } = await open('/');
    const sample = site.articles.filter((_, i) => i % 5 === 0);
    expect(sample.length).toBeGreaterThan(5);
    for (const { article } of sample) {
      await page.goto(`${site.url}/articles/${article.id}/`);
      const href = await page.locator('a.original').getAttribute('href');
      expect(href).toBe(article.url);
      expect(href!.startsWith(site.outlets)).toBe(true);
      const res = await fetch(href!);
      expect(res.status, href!).toBe(200);
    }
    await context.close();
  });

  it('shows a summary, the evidence, the figures and a link, and the full text only where the source allows it', async () => {
    const restricted = site.articles.filter((a) => !a.article.outlet.fullText && !a.article.reprintOf && a.article.evidence.length > 0 && hiddenSentence(a));
    const open_ = site.articles.filter((a) => a.article.outlet.fullText);
    expect(restricted.length).toBeGreaterThan(10);
    expect(open_.length).toBeGreaterThan(3);
    const { page, context } = await open('/');
    for (const a of restricted.slice(0, 6)) {
      await page.goto(`${site.url}/articles/${a.article.id}/`);
      const html = await page.content();
      expect(await page.locator('.article-body').count(), a.article.id).toBe(0);
      expect(html).not.toContain(hiddenSentence(a)!);
      expect(await page.locator('.no-full-text a').getAttribute('href')).toBe(a.article.url);
      const summary = (await page.locator('.article-summary p').textContent())!;
      expect(summary).toBe(a.article.summary);
      // Not the lead copied: the summary is not the opening paragraph(s) nor its first sentences.
      const lead = splitSentences(a.paragraphs[0]!);
      expect(summary.startsWith(lead.slice(0, 2).join(''))).toBe(false);
      expect(summary).not.toBe(a.paragraphs.slice(0, 2).join(''));
      const quotes = await page.locator('.facts .quote').allTextContents();
      for (const ev of a.article.evidence) expect(quotes).toContain(ev.sentence);
      for (const f of a.article.figures) expect(quotes).toContain(f.sentence);
    }
    const full = open_[0]!;
    await page.goto(`${site.url}/articles/${full.article.id}/`);
    expect(await page.locator('.article-body p').count()).toBe(full.paragraphs.length);
    await context.close();
  });

  it('keeps out of the search index what the pages do not show', async () => {
    const { page, context } = await open('/search/');
    const a = site.articles.find((x) => !x.article.outlet.fullText && !x.article.reprintOf && hiddenSentence(x))!;
    // A string, so the test runner does not rewrite the browser's own dynamic import.
    const records = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(${JSON.stringify(a.article.title)});
      return Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    })()`)) as { url: string; content: string }[];
    const record = records.find((r) => r.url.includes(a.article.id));
    expect(record, 'the article is found by its title').toBeDefined();
    const flat = (s: string) => s.replace(/\s+/g, '');
    expect(flat(record!.content)).toContain(flat(a.article.summary).slice(0, 20));
    expect(flat(record!.content)).not.toContain(flat(hiddenSentence(a)!));
    await context.close();
  });

  it('keeps the footer honest: the summary claim holds', async () => {
    const { page, context } = await open('/');
    expect(await page.locator('.site-footer').textContent()).toContain('只有来源许可的媒体才展示全文');
    await context.close();
  });
});

describe('the story so far', { timeout: 120_000 }, () => {
  it('opens the home page with what happened, where it stands and the event outline, on the first screen at 360 px', async () => {
    const { page, context } = await open('/', { width: 360, height: 740 });
    const summary = page.locator('.story-so-far .sofar-summary');
    const status = page.locator('.story-so-far .sofar-status');
    const flat = (s: string | null) => (s ?? '').replace(/\s+/g, '');
    expect(flat(await summary.textContent())).toBe(flat(story.sofar.summary));
    expect(flat(await status.textContent())).toContain(flat(story.sofar.status));
    for (const el of [summary, status, page.locator('#outline-title'), page.locator('.outline li').first()]) {
      const box = (await el.boundingBox())!;
      expect(box.y + Math.min(box.height, 24)).toBeLessThanOrEqual(740);
    }
    // The story comes before the chart and the newest articles.
    const order = await page.evaluate(() => ['.story-so-far', 'figure.volume', '.timeline'].map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1));
    expect(order[0]!).toBeLessThan(order[1]!);
    expect(order[1]!).toBeLessThan(order[2]!);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('lists every milestone with its date, oldest first, each linking to its coverage', async () => {
    const { page, context } = await open('/');
    const items = await page.locator('.outline li').evaluateAll((els) => els.map((e) => ({
      date: e.querySelector('time')!.getAttribute('datetime')!, title: e.querySelector('a')?.textContent ?? '', href: e.querySelector('a')?.getAttribute('href') ?? '',
    })));
    expect(items.map((i) => i.title).sort()).toEqual(events.map((e) => e.title).sort());
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort());
    for (const item of items) {
      await page.goto(new URL(item.href, site.url).href);
      const anchor = item.href.split('#')[1]!;
      const box = page.locator(`[id="${anchor}"]`);
      expect(await box.count(), item.href).toBe(1);
      expect(await box.textContent()).toContain(item.title);
      // The milestone sits in its day with that day's coverage, when there is any.
      const day = page.locator('.day', { has: box });
      expect(await day.getAttribute('data-day')).toBe(item.date);
    }
    await context.close();
  });
});

describe('coverage grouped by development', { timeout: 120_000 }, () => {
  const developments = () => (JSON.parse(readFileSync(join(site.content, 'developments.json'), 'utf8')) as { developments: { id: string; articles: string[] }[] }).developments;
  const byId = () => new Map(site.articles.map((a) => [a.article.id, a.article]));

  it('groups different outlets\' reports of one development in the pipeline', () => {
    const groups = developments().filter((d) => d.articles.length > 1);
    const articles = byId();
    // The court ruling broke on one day and was reported by four outlets within three days.
    const ruling = site.articles.filter((a) => !a.article.reprintOf && /双倍返还|雙倍返還/.test(a.article.title) && a.article.published.startsWith('2025-11-1'));
    expect(ruling.length).toBeGreaterThanOrEqual(3);
    const home = groups.find((g) => g.articles.includes(ruling[0]!.article.id))!;
    for (const r of ruling.filter((x) => Date.parse(x.article.published) - Date.parse(ruling[0]!.article.published) < 3 * 86_400_000)) expect(home.articles).toContain(r.article.id);
    for (const g of groups) {
      const outlets = new Set(g.articles.map((id) => articles.get(id)!.outlet.id));
      expect(outlets.size, g.id).toBeGreaterThan(1);
      const times = g.articles.map((id) => Date.parse(articles.get(id)!.published));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // No reprint is grouped: reprints fold under their original.
      for (const id of g.articles) expect(articles.get(id)!.reprintOf).toBeUndefined();
    }
  });

  it('shows one headline, "N 家媒体报道" and the reports earliest first on the timeline', async () => {
    const groups = new Map(developments().filter((d) => d.articles.length > 1).map((d) => [d.id, d]));
    expect(groups.size).toBeGreaterThan(1);
    const articles = byId();
    const { page, context } = await open('/oldest/');
    const seen = new Set<string>();
    const listedAlone = new Set<string>();
    for (let n = 1; ; n++) {
      await page.goto(`${site.url}/oldest/${n > 1 ? `${n}/` : ''}`);
      for (const id of await page.locator('.entries > .entry:not(.development)').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')!))) listedAlone.add(id);
      for (const el of await page.locator('.entries > .entry.development').all()) {
        const id = (await el.getAttribute('data-development'))!;
        const group = groups.get(id)!;
        expect(group, id).toBeDefined();
        seen.add(id);
        const reports = await el.locator('.reports > li').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-article-id')!, time: Date.parse(e.querySelector('time')!.getAttribute('datetime')!) })));
        expect(reports.map((r) => r.id)).toEqual(group.articles);
        expect(reports.map((r) => r.time)).toEqual([...reports.map((r) => r.time)].sort((a, b) => a - b));
        const halfWidth = (t: string) => t.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
        expect(await el.locator('.entry-title a').textContent()).toBe(halfWidth(articles.get(group.articles[0]!)!.title));
        const outlets = new Set(site.articles.filter((a) => group.articles.includes(a.article.id) || group.articles.includes(a.article.reprintOf ?? '')).map((a) => a.article.outlet.id));
        expect((await el.locator('.n-outlets').textContent())!.trim()).toBe(`${outlets.size} 家媒体报道`);
      }
      if ((await page.locator('a[rel="next"]').count()) === 0) break;
    }
    expect([...seen].sort()).toEqual([...groups.keys()].sort());
    for (const g of groups.values()) for (const id of g.articles) expect(listedAlone.has(id), id).toBe(false);
    await context.close();
  });

  it('lists, on each report\'s page, the other reports of its development', async () => {
    const group = developments().filter((d) => d.articles.length > 1).sort((a, b) => b.articles.length - a.articles.length)[0]!;
    const { page, context } = await open(`/articles/${group.articles[1]}/`);
    const listed = await page.locator('.same-development li').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
    expect(listed).toEqual(group.articles.filter((id) => id !== group.articles[1]));
    await context.close();
  });

  it('groups the reports on the topic pages too, each report in the topic', async () => {
    const articles = byId();
    const { page, context } = await open('/');
    const topics = await page.locator('nav.topic-nav a[data-topic]').evaluateAll((els) => els.map((e) => e.getAttribute('data-topic')!));
    let groupsSeen = 0;
    for (const topic of topics) {
      for (let n = 1; ; n++) {
        await page.goto(`${site.url}/topics/${topic}/${n > 1 ? `${n}/` : ''}`);
        for (const el of await page.locator('.entry.development').all()) {
          groupsSeen++;
          const ids = await el.locator('.reports > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')!));
          expect(ids.length).toBeGreaterThan(1);
          for (const id of ids) expect(articles.get(id)!.topics, `${topic} ${id}`).toContain(topic);
        }
        if ((await page.locator('a[rel="next"]').count()) === 0) break;
      }
    }
    expect(groupsSeen).toBeGreaterThan(0);
    await context.close();
  });
});

describe('figures ledger', { timeout: 120_000 }, () => {
  it('groups identical claims with their sources, each with claimant and date, values as Chinese readers write them', async () => {
    const { page, context } = await open('/figures/');
    const entries = await page.locator('.ledger-entry').evaluateAll((els) => els.map((e) => ({
      claim: e.getAttribute('data-claim')!,
      conflict: e.classList.contains('conflict'),
      variants: [...e.querySelectorAll('.ledger-variant')].map((v) => ({
        key: v.getAttribute('data-value')!,
        label: v.querySelector('.value')!.textContent!,
        claimants: v.querySelector('.claimants')!.textContent!,
        sources: [...v.querySelectorAll('.ledger-sources li')].map((li) => ({ claimant: li.getAttribute('data-claimant'), date: li.querySelector('time')?.getAttribute('datetime') })),
        count: Number(v.getAttribute('data-sources')),
      })),
    })));
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) {
      // One row per distinct value: identical claims are never repeated.
      expect(new Set(e.variants.map((v) => v.key)).size, e.claim).toBe(e.variants.length);
      for (const v of e.variants) {
        expect(v.claimants.trim(), `${e.claim} ${v.key}`).not.toBe('');
        expect(v.sources.length).toBe(v.count);
        for (const s of v.sources) { expect(s.claimant).toBeTruthy(); expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}/); }
        // Chinese notation: no bare 5+ digit money amounts, no ASCII spaces before the unit.
        expect(v.label).not.toMatch(/\d \S/);
        expect(v.label).not.toMatch(/\d{5,}元/);
      }
    }
    const claimants = new Set(entries.flatMap((e) => e.variants.flatMap((v) => v.sources.map((s) => s.claimant))));
    for (const id of ['official', 'rumour', 'complaint-platform']) expect(claimants, id).toContain(id);
    const deposit = entries.find((e) => e.variants.some((v) => v.label === '5000元'))!;
    expect(deposit.variants.find((v) => v.label === '5000元')!.count).toBeGreaterThan(5);
    // The page stays short: no longer than 30 screens at 360 px even with every source listed.
    await context.close();
    const phone = await open('/figures/', { width: 360, height: 740 });
    expect(await phone.page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(30 * 740);
    await phone.context.close();
  });

  it('flags no false conflicts: refuted rumours, hedges and other months are not compared', async () => {
    const { page, context } = await open('/figures/');
    // The demo's rumour of 3000+ cancellations is refuted in its own article; it is listed, marked, not a conflict.
    const cancellations = page.locator('.ledger-entry', { has: page.locator('.claimants', { hasText: '已被否认' }) }).first();
    expect(await cancellations.count()).toBe(1);
    expect(await cancellations.locator('.flag').count()).toBe(0);
    // Every conflict that is flagged has two exact values by different claimants.
    for (const e of await page.locator('.ledger-entry.conflict').all()) {
      const disputed = await e.locator('.ledger-variant.differs').evaluateAll((vs) => vs.map((v) => ({ label: v.querySelector('.value')!.textContent!, claimants: v.querySelector('.claimants')!.textContent! })));
      expect(disputed.length).toBeGreaterThanOrEqual(2);
      for (const d of disputed) expect(d.label).not.toMatch(/^(约|近|超过|逾|将近|接近|不到)|至/);
    }
    await context.close();
  });
});

describe('disputes', { timeout: 120_000 }, () => {
  const roles = parse(readFileSync(join(ROOT, 'content/config/dispute-roles.yaml'), 'utf8')) as { stages: { id: string; label: string }[] };
  const threads = (parse(readFileSync(join(ROOT, 'content/config/story.yaml'), 'utf8')) as { disputes: { id: string; from?: string | Date; until?: string | Date }[] }).disputes;
  const day = (d: string | Date | undefined) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

  it('follows each dispute in date order, every step labelled with its stage, with a one-line status', async () => {
    const { page, context } = await open('/disputes/');
    const labels = new Map(roles.stages.map((s) => [s.id, s.label]));
    let stepsSeen = 0;
    const stagesSeen = new Set<string>();
    for (const t of threads) {
      const section = page.locator(`[data-dispute="${t.id}"]`);
      const status = (await section.locator('.thread-status').textContent())!;
      expect(status.startsWith('现状：'), t.id).toBe(true);
      expect(status.length).toBeGreaterThan(8);
      await section.evaluate((s) => s.querySelectorAll('details').forEach((d) => (d.open = true)));
      const steps = await section.locator('li.step').evaluateAll((els) => els.map((e) => ({ stage: e.getAttribute('data-stage')!, day: e.getAttribute('data-day')!, chip: e.querySelector('.stage-chip')?.textContent })));
      expect(steps.map((s) => s.day), t.id).toEqual([...steps.map((s) => s.day)].sort());
      for (const s of steps) {
        expect(labels.get(s.stage), `${t.id} ${s.day}`).toBe(s.chip);
        stagesSeen.add(s.stage);
        if (day(t.from)) expect(s.day >= day(t.from)!).toBe(true);
        if (day(t.until)) expect(s.day <= day(t.until)!).toBe(true);
      }
      stepsSeen += steps.length;
    }
    expect(stepsSeen).toBeGreaterThan(8);
    for (const id of ['complaint', 'response', 'outcome']) expect(stagesSeen, id).toContain(id);
    await context.close();
  });

  it('decides a step\'s stage from its sentence\'s role: an offer is a response, a ruling an outcome', async () => {
    const { page, context } = await open('/disputes/');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const steps = await page.locator('li.step:not(.is-milestone)').evaluateAll((els) => els.map((e) => ({ stage: e.getAttribute('data-stage')!, quote: e.querySelector('.quote')!.textContent! })));
    const offers = steps.filter((s) => /小米.{0,30}(补偿|赠送|補償)/.test(s.quote) && !/不买账|拒绝|坚持/.test(s.quote));
    const rulings = steps.filter((s) => /法院.{0,20}判/.test(s.quote));
    expect(offers.length).toBeGreaterThan(0);
    expect(rulings.length).toBeGreaterThan(0);
    for (const s of offers) expect(s.stage, s.quote).toBe('response');
    for (const s of rulings) expect(s.stage, s.quote).toBe('outcome');
    await context.close();
  });
});

describe('details', { timeout: 120_000 }, () => {
  it('search results: outlet and date in Chinese punctuation, snippets from what the page says', async () => {
    const { page, context } = await open('/search/');
    const a = site.articles.find((x) => !x.article.reprintOf && x.article.summary.length > 40)!;
    await page.locator('.pagefind-ui__search-input').fill(a.article.title.slice(0, 8));
    await expect.poll(() => page.locator('.pagefind-ui__result-title').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.pagefind-ui__loading').count(), { timeout: 15_000 }).toBe(0);
    const results = await page.locator('.pagefind-ui__result').evaluateAll((els) => els.map((e) => ({
      title: e.querySelector('.pagefind-ui__result-title')?.textContent ?? '',
      excerpt: e.querySelector('.pagefind-ui__result-excerpt')?.textContent ?? '',
      tags: [...e.querySelectorAll('.pagefind-ui__result-tag')].map((t) => t.textContent ?? ''),
    })));
    for (const r of results) {
      expect(r.tags.filter((t) => /\w: /.test(t) || t.includes('媒体:'))).toEqual([]);
      expect(r.title).toMatch(/（.+ · \d{4}年\d{1,2}月\d{1,2}日/);
      // The snippet is the page's text, never its metadata line (outlet, date, byline).
      expect(r.excerpt).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
      expect(r.excerpt).not.toContain('阅读原文');
    }
    await context.close();
  });

  it('writes digits half-width in titles, never repeats a value, keeps dates on one line and reprint notes out of the red box', async () => {
    const { page, context } = await open('/oldest/', { width: 360, height: 740 });
    const titles = await page.locator('.entry-title, .reports a').allTextContents();
    expect(titles.filter((t) => /[０-９]/.test(t))).toEqual([]);
    const broken = await page.evaluate(() => [...document.querySelectorAll('main time')].filter((t) => t.getClientRects().length > 1 || t.getBoundingClientRect().height > parseFloat(getComputedStyle(t).lineHeight || '24') * 1.5).map((t) => t.textContent));
    expect(broken).toEqual([]);
    const reprint = site.articles.find((x) => x.article.reprintOf && x.article.corrections.length === 0)!;
    await page.goto(`${site.url}/articles/${reprint.article.id}/`);
    expect(await page.locator('.reprint-note').textContent()).toContain('本文为转载');
    expect(await page.locator('.correction').count()).toBe(0);
    expect(await page.locator('h1').textContent()).not.toMatch(/[０-９]/);
    for (const a of site.articles.filter((x) => x.article.figures.length > 0).slice(0, 12)) {
      await page.goto(`${site.url}/articles/${a.article.id}/`);
      const rows = await page.locator('#figures-title + ul > li').evaluateAll((els) => els.map((li) => ({ text: li.querySelector('span')?.textContent ?? '', extra: li.querySelector('.muted')?.textContent ?? '' })));
      for (const r of rows) {
        const digits = (s: string) => s.replace(/[^\d.]/g, '');
        if (r.extra) expect(digits(r.extra), `${a.article.id} ${r.text}`).not.toBe(digits(r.text));
      }
    }
    await context.close();
  });
});

describe('primary sources', { timeout: 120_000 }, () => {
  it('links the primary sources an article gives, and they answer', async () => {
    const withSources = site.articles.filter((a) => (a.article.primarySources ?? []).length > 0);
    expect(withSources.length).toBeGreaterThanOrEqual(3);
    const { page, context } = await open('/');
    for (const a of withSources) {
      await page.goto(`${site.url}/articles/${a.article.id}/`);
      const links = await page.locator('a.primary-source').evaluateAll((els) => els.map((e) => ({ href: e.getAttribute('href')!, text: e.textContent! })));
      expect(links.map((l) => l.href)).toEqual((a.article.primarySources ?? []).map((p) => p.url));
      for (const l of links) {
        expect(l.text).not.toMatch(/https?:/);
        expect((await fetch(l.href)).status, l.href).toBe(200);
      }
    }
    await context.close();
  });

  it('links a milestone\'s named source to the primary source an article gives for it', async () => {
    const { page, context } = await open('/oldest/');
    const labels = site.articles.flatMap((a) => a.article.primarySources ?? []);
    let linked = 0;
    for (let n = 1; ; n++) {
      await page.goto(`${site.url}/oldest/${n > 1 ? `${n}/` : ''}`);
      const sources = await page.locator('.milestone .sources a').evaluateAll((els) => els.map((e) => ({ href: e.getAttribute('href')!, text: e.textContent! })));
      for (const s of sources.filter((x) => /^https?:/.test(x.href))) {
        const match = labels.find((p) => p.url === s.href)!;
        expect(match, s.href).toBeDefined();
        expect(match.label.includes(s.text) || s.text.includes(match.label)).toBe(true);
        linked++;
      }
      if ((await page.locator('a[rel="next"]').count()) === 0) break;
    }
    expect(linked).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});

describe('accessibility of the new views', { timeout: 180_000 }, () => {
  it('has no serious or critical axe violations and no horizontal scroll at 360 px, light and dark', async () => {
    const withSources = site.articles.find((a) => (a.article.primarySources ?? []).length > 0)!;
    const restricted = site.articles.find((a) => !a.article.outlet.fullText && a.article.figures.length > 0)!;
    const paths = ['/', '/oldest/', '/figures/', '/disputes/', `/articles/${withSources.article.id}/`, `/articles/${restricted.article.id}/`];
    const found: string[] = [];
    for (const dark of [false, true]) {
      for (const path of paths) {
        const { page, context } = await open(path, { dark });
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const result = await new AxeBuilder({ page }).analyze();
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') found.push(`${dark ? 'dark' : 'light'} ${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
        }
        await context.close();
      }
    }
    expect(found).toEqual([]);
    const { page, context } = await open('/', { width: 360, height: 740 });
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(site.url + path);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${path}: ${width}px`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });
});
