// A fixed pool of page workers (worker_threads), one per core by default. Tasks wait in the
// scheduler's line (scheduler.ts) while every worker is busy; a crashed worker is replaced and
// its task reported as failed.
// A worker that sends back an extracted page without its analysis (extractPage) has it
// analysed here, on the main thread: the segmenter's dictionaries then live once in the
// process instead of once per worker.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzePage, type PageTask, type PageResult, type ExtractedPage } from './process-page.ts';
import { loadAnalysisConfig } from './config.ts';
import { loadSegmenter } from './segment.ts';
import { Scheduler } from './scheduler.ts';
import type { AnalysisConfig } from './analyze.ts';

type Job = { id: number; task: PageTask; resolve: (r: PageResult | ExtractedPage) => void };
/** A worker and the page it is on, if any. */
type Slot = { worker: Worker; job?: Job; ready?: boolean; watchdog?: NodeJS.Timeout; timedOut?: boolean; replaced?: boolean };

/**
 * The longest a worker may spend on one page. The markup budget keeps pages jsdom can parse in
 * a second or two; a page that still holds a worker this long (a pathological layout, a jsdom
 * bug) is failed with `timeout` and its worker replaced, so one page can never stall a run.
 */
export const PAGE_TIMEOUT_MS = 60_000;

// One page per worker at a time (the scheduler runs as many pages as there are workers): a
// jsdom window is only freed once its thread's event loop gets a turn, and a worker that always
// has its next page waiting never idles. With a window per page (extraction before the shared
// window) its heap grew to gigabytes on 1,000 pages at two pages a worker; with the shared
// window, two measured no faster (docs/performance.md).

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
  /** The pages waiting for a worker: as many run as there are workers. */
  private readonly line: Scheduler;
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
    this.line = new Scheduler(this.wanted);
  }

  get size(): number { return this.wanted; }

  async process(task: PageTask): Promise<PageResult> {
    if (this.closed) throw new Error('pool is closed');
    const done = this.line.run(() => this.runOnWorker(task));
    // The first page: load the segmenter (about a second) while the workers are still starting,
    // rather than when the first result comes back and they are waiting for their next page.
    if (!this.analysisConfig) try { this.loadAnalysis(); } catch { /* reported on each page by complete() */ }
    const result = await done;
    // One turn of the event loop first: the scheduler hands the freed worker its next page
    // before this page's analysis takes this thread.
    await new Promise((resolve) => setImmediate(resolve));
    return this.complete(result, task);
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
    this.line.clear();
    for (const slot of this.slots) clearTimeout(slot.watchdog);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./page-worker.ts', import.meta.url), { workerData: { configDir: this.configDir }, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker };
    worker.on('message', (message: { id: number; result: PageResult | ExtractedPage } | { ready: true }) => {
      if ('ready' in message) { slot.ready = true; this.watch(slot); return; }
      const job = slot.job?.id === message.id ? slot.job : undefined;
      if (!job) return;
      slot.job = undefined;
      this.watch(slot);
      worker.unref();
      job.resolve(message.result);
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
    return analyzePage(result, config, task.url, task.published);
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
    if (!slot.job || !slot.ready || this.closed) return;
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
    const job = slot.job;
    slot.job = undefined;
    // The replacement is in place before the scheduler, told the page is done, starts the next one.
    const index = this.slots.indexOf(slot);
    if (!this.closed && index !== -1) this.slots[index] = this.spawn();
    job?.resolve(reason === 'timeout'
      ? { ok: false, reason, message: `extraction of ${job.task.url} stopped: ${error.message}` }
      : { ok: false, reason, message: `page worker crashed on ${job.task.url}: ${error.message}` });
  }

  /** The page on an idle worker (started on first use); resolves with what the worker sends back. */
  private runOnWorker(task: PageTask): Promise<PageResult | ExtractedPage> {
    while (this.slots.length < this.wanted && !this.closed) this.slots.push(this.spawn());
    const slot = this.slots.find((s) => !s.job);
    // The scheduler runs no more pages than there are workers, so one is always idle here.
    if (!slot) return Promise.resolve({ ok: false, reason: 'internal', message: `no idle page worker for ${task.url}` });
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, task, resolve };
      slot.job = job;
      slot.worker.ref();
      // The page's bytes are moved to the worker, not copied, when they fill their buffer.
      const transfer = [task.bytes.buffer as ArrayBuffer].filter((b) => b.byteLength === task.bytes.byteLength);
      slot.worker.postMessage({ id: job.id, task }, transfer);
      this.watch(slot);
    });
  }
}
