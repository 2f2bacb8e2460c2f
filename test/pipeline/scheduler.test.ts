// The one scheduler for bounded concurrency (pipeline/scheduler.ts): how many tasks run at
// once, in which order they start, what a failing task does to the rest, and the per-host
// politeness the fetches go through.
import { describe, expect, it } from 'vitest';
import { Scheduler, HostScheduler } from '../../pipeline/scheduler.ts';

/** A task that can be finished from outside, to hold tasks open and watch the line. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => { open = resolve; });
  return { promise, open };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Scheduler', () => {
  it('runs at most `concurrency` tasks at once and starts the rest in the order they came', async () => {
    const line = new Scheduler(3);
    const gates = Array.from({ length: 8 }, gate);
    const started: number[] = [];
    let running = 0, most = 0;
    const all = gates.map((g, i) => line.run(async () => {
      started.push(i);
      running++; most = Math.max(most, running);
      await g.promise;
      running--;
      return i * 10;
    }));
    await turn();
    expect(started).toEqual([0, 1, 2]);
    expect(line.running).toBe(3);
    expect(line.waiting).toBe(5);
    gates[1]!.open();
    await turn();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    expect(await Promise.all(all)).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('a task that throws rejects its own promise only; the others still run', async () => {
    const line = new Scheduler(1);
    const results = await Promise.allSettled([
      line.run(async () => 'first'),
      line.run(async () => { throw new Error('broken task'); }),
      line.run(async () => 'third'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('broken task');
    expect((results[2] as PromiseFulfilledResult<string>).value).toBe('third');
  });

  it('clear() drops the tasks still waiting; the running one finishes', async () => {
    const line = new Scheduler(1);
    const hold = gate();
    const started: string[] = [];
    const running = line.run(async () => { started.push('running'); await hold.promise; return 'done'; });
    void line.run(async () => { started.push('waiting'); });
    await turn();
    line.clear();
    expect(line.waiting).toBe(0);
    hold.open();
    expect(await running).toBe('done');
    await turn();
    expect(started).toEqual(['running']);
  });

  it('a concurrency below one still runs tasks, one at a time', async () => {
    const line = new Scheduler(0);
    expect(await Promise.all([line.run(async () => 1), line.run(async () => 2)])).toEqual([1, 2]);
  });
});

describe('HostScheduler', () => {
  it('holds each host to `perHost` requests at once, hosts independent of each other', async () => {
    const hosts = new HostScheduler(2, 0);
    const hold = gate();
    const active = new Map<string, number>();
    const most = new Map<string, number>();
    const urls = ['http://a.example/1', 'http://a.example/2', 'http://a.example/3', 'http://b.example/1', 'http://b.example/2', 'http://b.example/3'];
    const all = urls.map((url) => hosts.run(url, async () => {
      const host = new URL(url).host;
      active.set(host, (active.get(host) ?? 0) + 1);
      most.set(host, Math.max(most.get(host) ?? 0, active.get(host)!));
      await hold.promise;
      active.set(host, active.get(host)! - 1);
      return url;
    }));
    await turn(); await turn();
    // Two on each host at once: four in all, more than either host's limit.
    expect([...active.values()]).toEqual([2, 2]);
    hold.open();
    expect(await Promise.all(all)).toEqual(urls);
    expect(Object.fromEntries(most)).toEqual({ 'a.example': 2, 'b.example': 2 });
  });

  it('spaces the starts on one host by the delay given for the request (0: none)', async () => {
    const hosts = new HostScheduler(4, 60);
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map((i) => hosts.run(`http://slow.example/${i}`, async () => { starts.push(performance.now()); })));
    // The n-th start is booked n delays after the first (lower bounds: a late timer only makes
    // a start later; one late start does not push back the ones booked after it).
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[0]!).toBeGreaterThanOrEqual(i * 60 - 2);
    const unspaced: string[] = [];
    await Promise.all([1, 2, 3].map((i) => hosts.run(`http://loopback.example/${i}`, async () => { unspaced.push(`${i}`); }, 0)));
    expect(unspaced).toEqual(['1', '2', '3']);
  });

  it('a URL that does not parse is its own host, not an error', async () => {
    const hosts = new HostScheduler(1, 0);
    expect(await hosts.run('not a url', async () => 'ran')).toBe('ran');
  });
});
