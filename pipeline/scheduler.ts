// The one mechanism for bounded concurrency (p-queue): the ingest's page requests, the
// per-host politeness of fetches, the page workers' waiting line and the search index's
// shards all run through it. Tasks wait in line first come, first served.
import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';

/** At most `concurrency` tasks run at once; the others wait their turn. */
export class Scheduler {
  private readonly queue: PQueue;

  constructor(concurrency: number) {
    this.queue = new PQueue({ concurrency: Math.max(1, concurrency) });
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.add(task);
  }

  /** Tasks still waiting to start are dropped (their promises never settle); running ones go on. */
  clear(): void {
    this.queue.clear();
  }

  /** Tasks running now. */
  get running(): number {
    return this.queue.pending;
  }

  /** Tasks waiting to start. */
  get waiting(): number {
    return this.queue.size;
  }
}

/**
 * Per-host politeness: at most `perHost` requests to one host at once, and the starts of its
 * requests at least `delayMs` apart. The delay is given per request (our own loopback sources
 * need none), so the spacing is kept here rather than as a queue-wide rate limit, which would
 * fix one delay per host for every source that links to it.
 */
export class HostScheduler {
  private readonly hosts = new Map<string, { line: Scheduler; lastStart: number }>();
  private readonly perHost: number;
  private readonly delayMs: number;

  constructor(perHost = 2, delayMs = 250) {
    this.perHost = perHost;
    this.delayMs = delayMs;
  }

  run<T>(url: string, task: () => Promise<T>, delayMs = this.delayMs): Promise<T> {
    const host = hostOf(url);
    let politeness = this.hosts.get(host);
    if (!politeness) { politeness = { line: new Scheduler(this.perHost), lastStart: 0 }; this.hosts.set(host, politeness); }
    const state = politeness;
    return state.line.run(async () => {
      const wait = state.lastStart + delayMs - Date.now();
      state.lastStart = Math.max(Date.now(), state.lastStart + delayMs);
      if (wait > 0) await sleep(wait);
      return task();
    });
  }
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}
