// A failure reason tells the truth: an error in our own code is `internal` (with its message,
// and its stack in the run report), never `network` or `no-article`. Each case makes a real
// TypeError happen in one stage of a real run, through inputs the stage does not expect.
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { PagePool } from '../../pipeline/worker-pool.ts';
import { failureOf, reasonOf, StageError, FAILURE_REASONS } from '../../pipeline/reasons.ts';
import type { PageTask } from '../../pipeline/process-page.ts';
import type { IngestOptions } from '../../pipeline/ingest.ts';
import { articlePage, CONFIG_DIR, ingest, itemFor, rssFeed, RSS_HEADERS, tempDir, writeSources } from './support.ts';

const PAGE = articlePage({ title: '小米SU7锁单定金不退引发投诉', tag: 'internal' });

describe('internal errors: the reason set', () => {
  it('`internal` is in the closed set; a StageError keeps its reason, anything else is internal with name, message and stack', () => {
    expect(FAILURE_REASONS).toContain('internal');
    expect(reasonOf(new StageError('bad-feed', 'x'))).toBe('bad-feed');
    expect(reasonOf(new TypeError('x.slice is not a function'))).toBe('internal');
    const f = failureOf(new TypeError('x.slice is not a function'));
    expect(f).toMatchObject({ reason: 'internal', message: 'TypeError: x.slice is not a function' });
    expect(f.stack).toMatch(/internal\.test\.ts/);
    expect(failureOf('a string thrown')).toMatchObject({ reason: 'internal', message: 'a string thrown' });
    expect(failureOf(new StageError('timeout', 'slow')).stack).toBeUndefined();
  });
});

describe('internal errors: a TypeError in each stage of a run', () => {
  it('fetch stage of a source (the feed request): source failed as internal, with the stack in the report', async () => {
    const server = await startFixtureServer({ '/feed.xml': { headers: RSS_HEADERS, body: rssFeed([{ title: 'a', link: '/a.html' }]) } });
    try {
      const dir = tempDir('internal-source');
      const sources = writeSources(dir, [{ id: 'src', url: server.url('/feed.xml') }]);
      // Not an AbortSignal: the fetcher calls addEventListener on it and throws a TypeError.
      const report = await ingest(`${dir}/content`, sources, { signal: { aborted: false } as unknown as AbortSignal, fetchOptions: { totalTimeoutMs: 100 } });
      const source = report.sources[0]!;
      expect(source).toMatchObject({ status: 'failed', reason: 'internal' });
      expect(source.message).toMatch(/^TypeError: .*addEventListener/);
      expect(source.stack).toMatch(/fetch\.ts/);
      // The request's timer must not outlive the fault: past its 100 ms it would throw, uncaught (vitest fails the run).
      await new Promise((r) => setTimeout(r, 300));
    } finally { await server.close(); }
  });

  it('fetch stage of an item (the page request): item failed as internal, the run goes on', async () => {
    const server = await startFixtureServer({
      '/feed.xml': { headers: RSS_HEADERS, body: rssFeed([{ title: 'a', link: '/a.html' }]) },
      '/a.html': { body: PAGE },
    });
    try {
      const dir = tempDir('internal-item');
      const sources = writeSources(dir, [{ id: 'src', url: server.url('/feed.xml') }]);
      // A header value with a line break: node:http refuses it with a TypeError (the feed request sets its own Accept).
      const report = await ingest(`${dir}/content`, sources, { fetchOptions: { accept: 'text/html\nX-Injected: 1' } } satisfies Partial<IngestOptions>);
      expect(report.sources[0]!.status).toBe('ok');
      const item = itemFor(report, '/a.html');
      expect(item).toMatchObject({ outcome: 'failed', reason: 'internal' });
      expect(item.message).toMatch(/^TypeError/);
      expect(item.stack).toBeTruthy();
    } finally { await server.close(); }
  });

  it('extraction stage (in a page worker): internal, with the message, not no-article', async () => {
    const pool = new PagePool(CONFIG_DIR, 1);
    try {
      // hints.remove must be a list; a number makes the extractor throw a TypeError in the worker.
      const task = { url: 'http://127.0.0.1/x.html', bytes: new Uint8Array(Buffer.from(PAGE)), contentType: 'text/html; charset=utf-8', hints: { remove: 5 } } as unknown as PageTask;
      const result = await pool.process(task);
      expect(result).toMatchObject({ ok: false, reason: 'internal' });
      if (!result.ok) { expect(result.message).toMatch(/TypeError/); expect(result.stack).toMatch(/extract\.ts/); }
    } finally { await pool.close(); }
  });

  it('analysis stage (on the main thread) that cannot load its config: internal with the message (was no-article)', async () => {
    const dir = tempDir('internal-analysis'); // an empty folder: no topics.yaml, no dictionary
    const pool = new PagePool(dir, 1);
    try {
      const result = await pool.process({ url: 'http://127.0.0.1/a.html', bytes: new Uint8Array(Buffer.from(PAGE)), contentType: 'text/html; charset=utf-8', timeZone: 'Asia/Shanghai' });
      expect(result).toMatchObject({ ok: false, reason: 'internal' });
      if (!result.ok) expect(result.message).toMatch(/cannot analyse http:\/\/127\.0\.0\.1\/a\.html/);
    } finally { await pool.close(); }
  });

  it('a page worker that dies while it holds a page → internal, and the next page still works', async () => {
    const pool = new PagePool(CONFIG_DIR, 1);
    try {
      // What an out-of-memory kill or a native crash looks like from the pool: the thread exits
      // with a non-zero code while a page is in it.
      const slow = Buffer.from(`<!doctype html><html><head><title>慢</title></head><body>${'<div><p>小米SU7锁单定金</p><span>退订</span></div>'.repeat(15000)}</body></html>`);
      const first = pool.process({ url: 'http://127.0.0.1/1.html', bytes: new Uint8Array(slow), contentType: 'text/html', timeZone: 'Asia/Shanghai' });
      const slots = (pool as unknown as { slots: { ready?: boolean; worker: { terminate(): Promise<number> } }[] }).slots;
      while (!slots[0]!.ready) await new Promise((r) => setTimeout(r, 20)); // the thread has loaded and holds the page
      await slots[0]!.worker.terminate();
      const crashed = await first;
      expect(crashed).toMatchObject({ ok: false, reason: 'internal' });
      if (!crashed.ok) expect(crashed.message).toMatch(/page worker crashed on http:\/\/127\.0\.0\.1\/1\.html/);
      const next = await pool.process({ url: 'http://127.0.0.1/2.html', bytes: new Uint8Array(Buffer.from(PAGE)), contentType: 'text/html', timeZone: 'Asia/Shanghai' });
      expect(next.ok).toBe(true);
    } finally { await pool.close(); }
  });
});
