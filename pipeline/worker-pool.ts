// A fixed pool of page workers (worker_threads), one per core by default. Tasks queue
// when all workers are busy; a crashed worker is replaced and its task reported as failed.
// A worker that sends back an extracted page without its analysis (extractPage) has it
// analysed here, on the main thread: the segmenter's dictionaries then live once in the
// process instead of once per worker.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzePage, type PageTask, type PageResult, type ExtractedPage } from './process-page.ts';
import { loadAnalysisConfig } from './config.ts';
import { loadSegmenter } from './segment.ts';
import type { AnalysisConfig } from './analyze.ts';

type Pending = { resolve: (r: PageResult) => void; task: PageTask };
type Job = { id: number } & Pending;
/** The jobs a worker holds, in the order it runs them: the first is the one it is on. */
type Slot = { worker: Worker; jobs: Job[]; ready?: boolean; watchdog?: NodeJS.Timeout; timedOut?: boolean; replaced?: boolean };

/**
 * The longest a worker may spend on one page. The markup budget keeps pages jsdom can parse in
 * a second or two; a page that still holds a worker this long (a pathological layout, a jsdom
 * bug) is failed with `timeout` and its worker replaced, so one page can never stall a run.
 */
export const PAGE_TIMEOUT_MS = 60_000;

/**
 * Tasks handed to a worker at once. One: a jsdom window is only freed once its thread's event
 * loop gets a turn, and a worker that always has its next page waiting never idles. With a
 * window per page (extraction before the shared window) its heap grew to gigabytes on 1,000
 * pages at 2; with the shared window, 2 measured no faster (docs/performance.md).
 */
const PREFETCH = 1;

/**
 * A worker's V8 heap is capped so that garbage cannot pile up: jsdom leaves megabytes of it
 * per page and V8 otherwise lets a heap grow to gigabytes before collecting. The young
 * generation cap is what keeps the RSS down (~100 MB a worker); the old generation cap is a
 * backstop, twice what the largest page the markup budget admits needs (a 48,000-element page
 * peaks at ~360 MB of heap).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 96 };

export class PagePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;
  private readonly configDir: string;
  private analysisConfig: AnalysisConfig | undefined;

  private readonly wanted: number;

  /** Workers start on the first task: a run where every page answers 304 never pays for them. */
  private readonly pageTimeoutMs: number;

  constructor(configDir: string, size = os.availableParallelism(), pageTimeoutMs = PAGE_TIMEOUT_MS) {
    this.configDir = configDir;
    this.wanted = Math.max(1, size);
    this.pageTimeoutMs = pageTimeoutMs;
  }

  get size(): number { return this.wanted; }

  process(task: PageTask): Promise<PageResult> {
    if (this.closed) return Promise.reject(new Error('pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.dispatch();
      // The first page: load the segmenter (about a second) while the workers are still starting,
      // rather than when the first result comes back and they are waiting for their next page.
      if (!this.analysisConfig) try { this.loadAnalysis(); } catch { /* reported on each page by complete() */ }
    });
  }

  /**
   * Load the analysis config and the segmenter now. The load is about a second of synchronous
   * work on this thread; done while requests are in flight it stalls their timers, and loopback
   * pages that answered at once failed as `timeout`. So the ingest calls this before it fetches.
   * A failure is not thrown here: every page then reports it (complete()).
   */
  prepare(): void {
    try { this.loadAnalysis(); } catch { /* reported on each page by complete() */ }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) clearTimeout(slot.watchdog);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./page-worker.ts', import.meta.url), { workerData: { configDir: this.configDir }, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, jobs: [] };
    worker.on('message', (message: { id: number; result: PageResult | ExtractedPage } | { ready: true }) => {
      if ('ready' in message) { slot.ready = true; this.watch(slot); return; }
      const job = slot.jobs[0]?.id === message.id ? slot.jobs.shift() : undefined;
      this.watch(slot);
      // Top the worker up before this page's analysis runs here.
      this.dispatch();
      job?.resolve(this.complete(message.result, job.task));
    });
    worker.on('error', (error) => this.replace(slot, error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => {
      if (slot.timedOut) this.replace(slot, new Error(`no result after ${this.pageTimeoutMs / 1000} s`), 'timeout');
      else if (!this.closed && code !== 0) this.replace(slot, new Error(`worker exited with code ${code}`));
    });
    worker.unref();
    return slot;
  }

  /** A full result passes through; an extracted page is analysed on this thread. */
  private complete(result: PageResult | ExtractedPage, task: PageTask): PageResult {
    if (!result.ok || result.analysis) return result as PageResult;
    let config: AnalysisConfig;
    try {
      config = this.analysisConfig ?? this.loadAnalysis();
    } catch (e) {
      return { ok: false, reason: 'internal', message: `cannot analyse ${task.url}: ${(e as Error).message}`, ...((e as Error).stack ? { stack: (e as Error).stack } : {}) };
    }
    return analyzePage(result, config, task.url);
  }

  /** Config and segmenter for the analysis on this thread; throws if they cannot be loaded. */
  private loadAnalysis(): AnalysisConfig {
    if (this.analysisConfig) return this.analysisConfig;
    const config = loadAnalysisConfig(this.configDir);
    loadSegmenter(config.userDict);
    this.analysisConfig = config;
    return config;
  }

  /** (Re)start the clock on the page the worker is now on; none if it is idle. */
  private watch(slot: Slot): void {
    clearTimeout(slot.watchdog);
    slot.watchdog = undefined;
    if (!slot.jobs.length || !slot.ready || this.closed) return;
    slot.watchdog = setTimeout(() => {
      slot.timedOut = true;
      void slot.worker.terminate(); // 'exit' then fails the page and replaces the worker
    }, this.pageTimeoutMs);
    slot.watchdog.unref();
  }

  /** A worker that died is our fault (`internal`); one stopped by the watchdog is the page's (`timeout`). */
  private replace(slot: Slot, error: Error, reason: 'internal' | 'timeout' = 'internal'): void {
    if (slot.replaced) return; // 'error' and 'exit' both report one death
    slot.replaced = true;
    clearTimeout(slot.watchdog);
    // The worker runs its jobs in order: the first is the page it crashed on; the rest go back in line.
    const [job, ...rest] = slot.jobs;
    slot.jobs = [];
    job?.resolve(reason === 'timeout'
      ? { ok: false, reason, message: `extraction of ${job.task.url} stopped: ${error.message}` }
      : { ok: false, reason, message: `page worker crashed on ${job.task.url}: ${error.message}` });
    if (this.closed) {
      for (const r of rest) r.resolve({ ok: false, reason: 'internal', message: `pool closed before ${r.task.url} was processed` });
      return;
    }
    this.queue.unshift(...rest);
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    while (this.slots.length < this.wanted && !this.closed) this.slots.push(this.spawn());
    // Round by round, so that two workers with room share the queue instead of one taking it all.
    for (let depth = 1; depth <= PREFETCH && this.queue.length; depth++) {
      for (const slot of this.slots) {
        if (slot.jobs.length >= depth || !this.queue.length) continue;
        const job = this.queue.shift()!;
        // The page a worker starts now is moved to it; one it holds in reserve is copied, so that
        // it can go back in line, bytes intact, if the worker dies on the page before it.
        const transfer = slot.jobs.length === 0 ? [job.task.bytes.buffer as ArrayBuffer].filter((b) => b.byteLength === job.task.bytes.byteLength) : [];
        slot.jobs.push(job);
        slot.worker.ref();
        slot.worker.postMessage({ id: job.id, task: job.task }, transfer);
        if (slot.jobs.length === 1) this.watch(slot);
      }
    }
    for (const slot of this.slots) if (!slot.jobs.length) slot.worker.unref();
  }
}
