// A fixed pool of page workers (worker_threads), one per core by default. Tasks queue
// when all workers are busy; a crashed worker is replaced and its task reported as failed.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PageTask, PageResult } from './process-page.ts';

type Pending = { resolve: (r: PageResult) => void; task: PageTask };
type Slot = { worker: Worker; busy?: { id: number } & Pending };

export class PagePool {
  private readonly slots: Slot[] = [];
  private readonly queue: ({ id: number } & Pending)[] = [];
  private nextId = 0;
  private closed = false;
  private readonly configDir: string;

  private readonly wanted: number;

  /** Workers start on the first task: a run where every page answers 304 never pays for them. */
  constructor(configDir: string, size = os.availableParallelism()) {
    this.configDir = configDir;
    this.wanted = Math.max(1, size);
  }

  get size(): number { return this.wanted; }

  process(task: PageTask): Promise<PageResult> {
    if (this.closed) return Promise.reject(new Error('pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./page-worker.ts', import.meta.url), { workerData: { configDir: this.configDir } });
    const slot: Slot = { worker };
    worker.on('message', (message: { id: number; result: PageResult }) => {
      const job = slot.busy;
      slot.busy = undefined;
      if (job && job.id === message.id) job.resolve(message.result);
      this.dispatch();
    });
    worker.on('error', (error) => this.replace(slot, error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => { if (!this.closed && code !== 0) this.replace(slot, new Error(`worker exited with code ${code}`)); });
    worker.unref();
    return slot;
  }

  private replace(slot: Slot, error: Error): void {
    const job = slot.busy;
    slot.busy = undefined;
    job?.resolve({ ok: false, reason: 'no-article', message: `page worker crashed on ${job.task.url}: ${error.message}` });
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    while (this.slots.length < this.wanted && !this.closed) this.slots.push(this.spawn());
    for (const slot of this.slots) {
      if (slot.busy || !this.queue.length) continue;
      const job = this.queue.shift()!;
      slot.busy = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, task: job.task }, [job.task.bytes.buffer as ArrayBuffer].filter((b) => b.byteLength === job.task.bytes.byteLength));
    }
    for (const slot of this.slots) if (!slot.busy) slot.worker.unref();
  }
}
