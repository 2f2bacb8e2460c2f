// The bundled demo end to end: demo outlets over real HTTP, the real demo sources (moved to a
// random port), the real analysis config. What `npm run demo` promises, checked file by file.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startDemoServer, loadDemoCorpus } from '../../pipeline/demo/server.ts';
import { loadConfig, type Config } from '../../pipeline/config.ts';
import { runIngest } from '../../pipeline/ingest.ts';
import { ContentStore } from '../../pipeline/store.ts';
import type { RunReport } from '../../pipeline/report.ts';
import { tempContentDir } from '../helpers/temp-content.ts';
import { CONFIG_DIR } from '../helpers/analysis-config.ts';
import { buildLedger } from '../../src/lib/figure-ledger.ts';

describe('bundled demo', () => {
  const content = tempContentDir('storyline-demo-');
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let config: Config;
  let first: RunReport;
  const corpus = loadDemoCorpus();

  beforeAll(async () => {
    server = await startDemoServer({ port: 0 });
    const demo = loadConfig(CONFIG_DIR, 'sources.demo.yaml');
    config = { ...demo, sources: demo.sources.map((s) => ({ ...s, url: s.url.replace('http://127.0.0.1:4391', server.origin) })) };
    first = (await runIngest({ config, contentDir: content.dir, sourcesFile: 'sources.demo.yaml', workers: 2 })).report;
  });
  afterAll(async () => { await server.close(); content.cleanup(); });

  it('stores at least 45 story articles and no off-topic item', () => {
    const store = new ContentStore(content.dir, 'Asia/Shanghai');
    const articles = content.articleFiles().map((f) => store.readArticle(f).article);
    expect(articles.length).toBeGreaterThanOrEqual(45);
    const offTopicTitles = new Set(corpus.filter((e) => e.offTopic).map((e) => e.title));
    expect(articles.filter((a) => offTopicTitles.has(a.title))).toEqual([]);
    for (const topic of ['sales', 'refunds', 'resale', 'disputes']) {
      expect(articles.filter((a) => a.topics.includes(topic as never)).length, topic).toBeGreaterThanOrEqual(5);
    }
    expect(articles.some((a) => a.script === 'hant')).toBe(true);
    expect(articles.filter((a) => a.reprintOf).length).toBeGreaterThanOrEqual(3);
  });

  it('dates every article as its outlet published it (feed, page meta or byline; no zone = +08:00)', () => {
    const store = new ContentStore(content.dir, 'Asia/Shanghai');
    const byPath = new Map(corpus.map((e) => [e.path, e]));
    for (const file of content.articleFiles()) {
      const { article } = store.readArticle(file);
      const entry = byPath.get(new URL(article.url).pathname);
      expect(entry, article.url).toBeDefined();
      expect(Date.parse(article.published), `${article.outlet.id} ${article.title}`).toBe(entry!.publishedAt.getTime());
    }
  });

  it('builds a figures ledger: one entry per claim with all its sources, real conflicts flagged', () => {
    const store = new ContentStore(content.dir, 'Asia/Shanghai');
    const ledger = new Map(buildLedger(content.articleFiles().map((f) => store.readArticle(f).article)).map((e) => [e.claim, e]));
    const orders = ledger.get('orders-24h')!;
    expect(orders.sources.length).toBeGreaterThanOrEqual(3);
    expect(orders.conflict).toBe(false); // 88898台 and 近9万台 agree
    expect(ledger.get('deposit')!.variants.map((v) => v.valueKey)).toEqual(['5000 元']);
    // Xiaomi's 469 and a rumour's 3000+ are both listed; the rumour is a hedge ("超过") that its
    // own article refutes, so the two are not a conflict (claimants: see test/e2e/reader-story.test.ts).
    const cancellations = ledger.get('cancellation-requests')!;
    expect(cancellations.conflict).toBe(false);
    expect(cancellations.variants.map((v) => v.valueKey).sort()).toEqual(['3000 人 ~', '469 人']);
  });

  it('lists the off-topic items as rejected with their reason', () => {
    const rejected = first.sources.flatMap((s) => s.items).filter((i) => i.outcome === 'rejected');
    expect(rejected.length).toBeGreaterThanOrEqual(10);
    for (const item of rejected) {
      expect(item.reason).toBe('off-topic');
      expect(item.detail).toBeTruthy();
    }
    expect(first.totals.failed).toBe(0);
  });

  it('a second run reports 0 new and rewrites no file', async () => {
    const before = new Map(content.articleFiles().map((f) => [f, fs.readFileSync(f, 'utf8') + fs.statSync(f).mtimeMs]));
    const { report } = await runIngest({ config, contentDir: content.dir, sourcesFile: 'sources.demo.yaml', workers: 2 });
    expect(report.totals.new).toBe(0);
    expect(report.totals.updated).toBe(0);
    expect(report.dedupe.relinked).toBe(0);
    // Nothing stored changed, so the reprint groups are not recomputed; their counts stay.
    expect(first.dedupe.skipped).toBeFalsy();
    expect(report.dedupe.skipped).toBe(true);
    expect({ ...report.dedupe, skipped: false }).toEqual({ ...first.dedupe, relinked: 0, skipped: false });
    expect(report.phases?.map((p) => p.name)).toEqual(['load-state', 'fetch-and-store', 'corrections', 'reprints', 'developments', 'save-state']);
    const after = new Map(content.articleFiles().map((f) => [f, fs.readFileSync(f, 'utf8') + fs.statSync(f).mtimeMs]));
    expect(after).toEqual(before);
    expect(fs.readdirSync(path.join(content.dir, 'runs'))).toHaveLength(2);
  });

  it('groups coverage by development, and applies the editor\'s merges and splits on the next run', async () => {
    const file = path.join(content.dir, 'developments.json');
    const groups = () => (JSON.parse(fs.readFileSync(file, 'utf8')) as { developments: { id: string; articles: string[]; notes: string[] }[] }).developments;
    const before = groups();
    const multi = before.filter((d) => d.articles.length > 2);
    expect(multi.length).toBeGreaterThan(0);
    const big = multi[0]!;
    const lone = before.find((d) => d.articles.length === 1)!;
    const leaving = big.articles.at(-1)!;
    const corrections = [
      { article: lone.id, sameDevelopmentAs: big.id, note: '编辑：同一进展' },
      { article: leaving, newDevelopment: true as const, note: '编辑：另一件事' },
      { article: big.articles[0]!, sameDevelopmentAs: 'no-such-article', note: '编辑：写错了' },
    ];
    const { report } = await runIngest({ config: { ...config, corrections }, contentDir: content.dir, sourcesFile: 'sources.demo.yaml', workers: 2, writeReport: false });
    const after = groups();
    const merged = after.find((d) => d.articles.includes(big.id))!;
    expect(merged.articles).toContain(lone.id);
    expect(merged.articles).not.toContain(leaving);
    expect(merged.notes).toContain('编辑：同一进展');
    expect(after.find((d) => d.articles.includes(leaving))!.articles).toEqual([leaving]);
    const problem = report.corrections.find((c) => !c.applied && c.message?.includes('no-such-article'));
    expect(problem?.article).toBe(big.articles[0]);
    // Without the corrections, the next run groups as before.
    await runIngest({ config, contentDir: content.dir, sourcesFile: 'sources.demo.yaml', workers: 2, writeReport: false });
    expect(groups().map((d) => d.articles)).toEqual(before.map((d) => d.articles));
  });
});
