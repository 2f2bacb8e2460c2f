// The orchestrator: config → sources → items → pages → analysis → store → report.
// Thin on purpose: the stages are modules (source kinds in discover.ts, record assembly in
// record.ts, page-verdict.ts, corrections.ts, reprints.ts, scheduler.ts); this file decides their order and
// keeps the seen-state's bookkeeping.
import fs from 'node:fs';
import path from 'node:path';
import type { Config, Source } from './config.ts';
import { fetchUrl, type FetchOptions, type FetchResult } from './fetch.ts';
import { sourceKind } from './discover.ts';
import type { FeedItem } from './feed.ts';
import { PagePool } from './worker-pool.ts';
import { Scheduler, HostScheduler } from './scheduler.ts';
import { articleIdFor, assembleArticle, articleState } from './record.ts';
import { applyCorrection, applyStoredCorrections, indexCorrections, isForced, markCorrected, type CorrectionIndex } from './corrections.ts';
import { relinkReprints } from './reprints.ts';
import { judgePage } from './page-verdict.ts';
import { updateDevelopments } from './developments.ts';
import { toStoryIso } from './dates.ts';
import { rulesSignature } from './rules-signature.ts';
import { acceptCanonical } from './canonical.ts';
import { ContentStore, RunLock, type SeenState } from './store.ts';
import { failureOf, type Failure } from './reasons.ts';
import { tally, emptyCounts, writeRunReport, type RunReport, type SourceReport, type ItemReport } from './report.ts';

export type IngestOptions = {
  config: Config;
  contentDir: string;
  sourcesFile: string;
  workers?: number;
  /** Concurrent page requests in all; per-host limits apply within. */
  concurrency?: number;
  perHost?: number;
  politeDelayMs?: number;
  fetchOptions?: Partial<FetchOptions>;
  signal?: AbortSignal;
  onProgress?: (event: { source: string; done: number; total: number }) => void;
  now?: () => Date;
  writeReport?: boolean;
};

export type IngestResult = { report: RunReport; reportFile?: string };

export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const now = options.now ?? (() => new Date());
  const store = new ContentStore(options.contentDir, options.config.story.timezone);
  const lock = new RunLock(options.contentDir);
  lock.acquire();
  const pool = new PagePool(options.config.dir, options.workers);
  pool.prepare(); // the segmenter's synchronous load, before any request's timer runs
  const started = now();
  const report: RunReport = {
    startedAt: started.toISOString(), sourcesFile: options.sourcesFile, interrupted: false,
    totals: emptyCounts(), sources: [], corrections: [], dedupe: { reprints: 0, nearDuplicates: 0, relinked: 0 },
  };
  try {
    store.cleanTempFiles();
    const phases = new PhaseClock();
    const state = store.loadState();
    phases.end('load-state');
    // Each page records the rules it was analysed with; pages analysed with other rules are redone.
    const rules = rulesSignature(options.config.dir);
    if (Object.values(state.pages).some((p) => p.rules !== undefined && p.rules !== rules)) report.rulesChanged = true;
    const run = new Run(options, store, state, pool, now, rules);
    const sources = options.config.sources.filter((s) => s.enabled);
    report.sources = await Promise.all(sources.map((source) => run.ingestSource(source)));
    report.interrupted = options.signal?.aborted ?? false;
    phases.end('fetch-and-store');
    await pool.close(); // the workers' memory is not needed for the rest
    // Content files first, then the state that records them (a crash in between only costs a re-check).
    report.corrections.push(...applyStoredCorrections(run.corrections, state, store, options.config.story.timezone));
    phases.end('corrections');
    report.dedupe = relinkReprints(state, run.corrections, store);
    phases.end('reprints');
    const grouping = updateDevelopments(options.contentDir, store, state, options.config.corrections);
    for (const p of grouping.problems) report.corrections.push({ article: p.article, applied: false, fields: ['development'], note: '', message: p.message });
    phases.end('developments');
    store.saveState(state);
    phases.end('save-state');
    report.phases = phases.list;
    const finished = now();
    const final = tally({ ...report, finishedAt: finished.toISOString(), durationMs: finished.getTime() - started.getTime() });
    const reportFile = options.writeReport === false ? undefined : writeRunReport(path.join(options.contentDir, 'runs'), final);
    return { report: final, reportFile };
  } finally {
    await pool.close();
    lock.release();
  }
}

/** Wall time and RSS at the end of each phase of a run. */
class PhaseClock {
  readonly list: { name: string; ms: number; rssMb: number }[] = [];
  private last = performance.now();
  end(name: string): void {
    const t = performance.now();
    this.list.push({ name, ms: Math.round(t - this.last), rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20) });
    this.last = t;
  }
}

class Run {
  readonly corrections: CorrectionIndex;
  /** Page requests of all sources at once: one big feed cannot open hundreds of sockets. */
  private readonly requests: Scheduler;
  private readonly hosts: HostScheduler;
  private readonly canonicalOwners = new Map<string, string>();
  /** A feed's validators, recorded only once its items are done. */
  private readonly pendingFeed: Record<string, { etag?: string; lastModified?: string }> = {};
  private readonly opts: IngestOptions;
  private readonly store: ContentStore;
  private readonly state: SeenState;
  private readonly pool: PagePool;
  private readonly now: () => Date;
  /** The analysis rules of this run (rules-signature.ts), recorded on every page it analyses. */
  private readonly rules: string;

  constructor(opts: IngestOptions, store: ContentStore, state: SeenState, pool: PagePool, now: () => Date, rules: string) {
    this.rules = rules;
    this.opts = opts;
    this.store = store;
    this.state = state;
    this.pool = pool;
    this.now = now;
    this.requests = new Scheduler(opts.concurrency ?? 16);
    this.hosts = new HostScheduler(opts.perHost ?? 4, opts.politeDelayMs ?? 250);
    this.corrections = indexCorrections(opts.config.corrections);
    for (const [id, a] of Object.entries(state.articles)) this.canonicalOwners.set(a.url, id);
  }

  /**
   * Re-process a page although its text did not change: it was analysed with other rules, or its
   * article's correction changed. (A page recorded before rules were recorded counts as current.)
   */
  private isForced(url: string, id: string): boolean {
    const rules = this.state.pages[url]?.rules;
    return (rules !== undefined && rules !== this.rules) || isForced(id, this.corrections, this.state);
  }

  private fetchOptions(source: Source, extra: Partial<FetchOptions> = {}): FetchOptions {
    return { ...this.opts.fetchOptions, allowPrivateNetwork: source.allowPrivateNetwork, signal: this.opts.signal, ...extra };
  }

  private fetch(source: Source, url: string, extra: Partial<FetchOptions>): Promise<FetchResult> {
    // Our own loopback demo needs no politeness; real outlets get the delay.
    const delay = source.allowPrivateNetwork ? 0 : (this.opts.politeDelayMs ?? 250);
    return this.hosts.run(url, () => fetchUrl(url, this.fetchOptions(source, extra)), delay);
  }

  async ingestSource(source: Source): Promise<SourceReport> {
    const report: SourceReport = { id: source.id, name: source.name, url: source.url, status: 'ok', counts: emptyCounts(), problems: [], items: [] };
    const previous = this.state.feeds[source.url];
    const kind = sourceKind(source);
    let items: FeedItem[];
    try {
      const res = await this.fetch(source, source.url, { etag: previous?.etag, lastModified: previous?.lastModified, accept: kind.accept });
      if (res.notModified) {
        const forced = this.forcedPages(source);
        if (!forced.length) { report.status = 'not-modified'; return report; }
        items = forced.map((url) => ({ link: url, guid: url, title: '' }));
      } else {
        const reading = await kind.read(source, res, this.opts.config.story.timezone);
        if (reading.kind === 'article') return await this.ingestSinglePage(source, reading.item, res, report);
        report.problems.push(...reading.problems);
        if (reading.failure) return failedSource(report, reading.failure);
        items = reading.items;
        this.pendingFeed[source.url] = validatorsOf(res);
      }
    } catch (e) {
      return failedSource(report, failureOf(e));
    }
    let done = 0;
    await Promise.all(items.map((item) => this.requests.run(async () => {
      if (this.opts.signal?.aborted) return;
      report.items.push(await this.ingestItem(source, item));
      this.opts.onProgress?.({ source: source.id, done: ++done, total: items.length });
    })));
    report.counts.fetched = report.items.length;
    if (!this.opts.signal?.aborted && this.pendingFeed[source.url]) this.state.feeds[source.url] = this.pendingFeed[source.url]!;
    return report;
  }

  /** The source's pages analysed with other rules or whose correction changed: re-processed even when the source is unchanged. */
  private forcedPages(source: Source): string[] {
    return Object.entries(this.state.pages).filter(([url, p]) => p.articleId.startsWith(`${source.id}-`) && this.isForced(url, p.articleId)).map(([url]) => url);
  }

  private async ingestSinglePage(source: Source, item: FeedItem, res: FetchResult, report: SourceReport): Promise<SourceReport> {
    report.items.push(await this.handlePage(source, item, res));
    report.counts.fetched = 1;
    // The page is its own "feed": next run asks it conditionally.
    this.state.feeds[source.url] = validatorsOf(res);
    return report;
  }

  private async ingestItem(source: Source, item: FeedItem): Promise<ItemReport> {
    const id = articleIdFor(source.id, item.link);
    const seen = this.state.pages[item.link];
    const forced = this.isForced(item.link, id);
    const conditional = seen && seen.status !== 'failed' && !forced ? { etag: seen.etag, lastModified: seen.lastModified } : {};
    let res;
    try {
      res = await this.fetch(source, item.link, conditional);
    } catch (e) {
      const failure = failureOf(e);
      this.state.pages[item.link] = { status: 'failed', articleId: id, reason: failure.reason };
      return { url: item.link, title: item.title || undefined, articleId: id, outcome: 'failed', ...failure };
    }
    if (res.notModified) return { url: item.link, title: item.title || undefined, articleId: id, outcome: 'unchanged', ...(seen?.status === 'rejected' ? { reason: 'off-topic' as const } : {}) };
    return this.handlePage(source, item, res);
  }

  /** A fetched page: extracted and analysed by the pool, judged (page-verdict.ts), then recorded or stored. */
  private async handlePage(source: Source, item: FeedItem, res: FetchResult): Promise<ItemReport> {
    const id = articleIdFor(source.id, item.link);
    const seen = this.state.pages[item.link];
    const validators = validatorsOf(res);
    const base = { url: item.link, title: item.title || undefined, articleId: id };
    const page = await this.pool.process({ url: res.url, bytes: res.body, contentType: header(res.headers['content-type']), charset: source.charset, hints: source.extract, timeZone: this.opts.config.story.timezone, ...(item.published ? { published: item.published } : {}) });
    if (!page.ok) {
      this.state.pages[item.link] = { status: 'failed', articleId: id, reason: page.reason };
      return { ...base, outcome: 'failed', reason: page.reason, message: page.message, ...(page.stack ? { stack: page.stack } : {}) };
    }
    const { extracted, analysis, contentHash } = page;
    const title = extracted.title;
    const warnings = page.warnings.length ? { warnings: page.warnings } : {};
    const existing = this.state.articles[id];
    const storedFileExists = existing !== undefined && fs.existsSync(existing.path);
    const correction = this.corrections.get(id);
    const canonical = acceptCanonical(extracted.canonicalUrl, res.url);
    const verdict = judgePage({
      id, contentHash, seen, storedFileExists, forced: this.isForced(item.link, id),
      correction, relevantByAnalysis: analysis.relevant, canonicalOwner: this.canonicalOwners.get(canonical.url),
    });
    if (verdict.kind === 'unchanged') {
      this.state.pages[item.link] = { ...verdict.seen, ...validators, rules: this.rules };
      return { ...base, title, outcome: 'unchanged', ...(verdict.seen.status === 'rejected' ? { reason: 'off-topic' as const, detail: verdict.seen.reason } : {}), ...warnings };
    }
    if (verdict.kind === 'rejected') {
      this.state.pages[item.link] = { status: 'rejected', articleId: id, contentHash, reason: analysis.reason ?? 'editor', ...validators, rules: this.rules };
      markCorrected(id, this.corrections, this.state);
      if (existing) { this.store.removeArticle(existing.path); delete this.state.articles[id]; }
      return verdict.byEditor
        ? { ...base, title, outcome: 'rejected', reason: 'editor-rejected', detail: correction?.note }
        : { ...base, title, outcome: 'rejected', reason: 'off-topic', detail: analysis.reason, ...warnings };
    }
    if (verdict.kind === 'duplicate') {
      this.state.pages[item.link] = { status: 'rejected', articleId: id, contentHash, reason: `duplicate of ${verdict.owner}`, ...validators, rules: this.rules };
      return { ...base, title, outcome: 'rejected', reason: 'duplicate-url', detail: `same canonical URL as ${verdict.owner}` };
    }
    const previous = storedFileExists ? this.readStored(existing.path) : undefined;
    const article = applyCorrection(assembleArticle({ id, source, item, page, canonical, fetchedAt: toStoryIso(this.now(), this.opts.config.story.timezone), previous, existing }), correction, this.opts.config.story.timezone);
    let written;
    try {
      written = this.store.writeArticle(article, extracted.paragraphs, existing?.path);
    } catch (e) {
      return { ...base, title, outcome: 'failed', ...failureOf(e) };
    }
    this.state.articles[id] = articleState(article, written.path, page, source.id);
    this.canonicalOwners.set(canonical.url, id);
    this.state.pages[item.link] = { status: 'stored', articleId: id, contentHash, ...validators, rules: this.rules };
    markCorrected(id, this.corrections, this.state);
    const outcome = !existing ? 'new' : written.written ? 'updated' : 'unchanged';
    return { ...base, title, outcome, ...warnings };
  }

  /** The stored article, or undefined if its file cannot be read (it is then rewritten whole). */
  private readStored(file: string): ReturnType<ContentStore['readArticle']> | undefined {
    try { return this.store.readArticle(file); } catch { return undefined; }
  }
}

function validatorsOf(res: FetchResult): { etag?: string; lastModified?: string } {
  return { etag: header(res.headers.etag), lastModified: header(res.headers['last-modified']) };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function failedSource(report: SourceReport, failure: Failure): SourceReport {
  return Object.assign(report, { status: 'failed' as const }, failure);
}
