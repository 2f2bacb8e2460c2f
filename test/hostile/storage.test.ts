// The file system under stress: a run killed with SIGKILL, two runs at once, stale locks, writes
// the file system refuses (as root, so by shape rather than permission), a corrupt state file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { ContentStore, RunLock, parseArticleFile, writeFileAtomic } from '../../pipeline/store.ts';
import { articleIdFor } from '../../pipeline/record.ts';
import { StageError } from '../../pipeline/reasons.ts';
import { articlePage, filesUnder, ingest, itemFor, PROJECT_ROOT, rssFeed, RSS_HEADERS, runChild, tempDir, writeSources } from './support.ts';

const PAGES = 8;
let delayMs = 0;
let server: FixtureServer;

/** Feed items with the month each one is published in (the month picks the folder). */
const MONTHS = ['2024-03', '2024-03', '2024-04', '2024-04', '2024-05', '2024-05', '2024-06', '2024-06'];
const pubDate = (month: string, i: number) => `${month}-${String(10 + i).padStart(2, '0')} 09:30:00`;

beforeAll(async () => {
  const routes: Record<string, Parameters<typeof startFixtureServer>[0][string]> = {
    '/feed.xml': { headers: RSS_HEADERS, body: rssFeed(MONTHS.map((m, i) => ({ title: `第${i}篇`, link: `/a/${i}.html`, pubDate: pubDate(m, i) }))) },
    '/two.xml': { headers: RSS_HEADERS, body: rssFeed([0, 1].map((i) => ({ title: `第${i}篇`, link: `/a/${i}.html`, pubDate: pubDate(MONTHS[i]!, i) }))) },
  };
  for (let i = 0; i < PAGES; i++) {
    const body = articlePage({ title: `小米SU7锁单定金不退，存储测试第${i}篇`, tag: `store${i}` });
    routes[`/a/${i}.html`] = (_req, res) => {
      setTimeout(() => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); }, delayMs * (1 + (i % 4)));
    };
  }
  server = await startFixtureServer(routes);
});
afterAll(async () => { await server.close(); });

const articleFiles = (content: string) => filesUnder(path.join(content, 'articles'), /\.md$/);
const tempFiles = (content: string) => filesUnder(content, /\.tmp$/);
const lockFile = (content: string) => path.join(content, '.state', 'ingest.lock');

/** Every stored file parses, and ids (file names) are unique; returns the ids. */
function checkStore(content: string): string[] {
  const files = articleFiles(content);
  for (const file of files) expect(() => parseArticleFile(fs.readFileSync(file, 'utf8'), file), file).not.toThrow();
  const ids = files.map((f) => path.basename(f, '.md'));
  expect(new Set(ids).size).toBe(ids.length);
  return ids.sort();
}

function startChildIngest(content: string, sources: string) {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'test/hostile/ingest-child.ts'), content, sources], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', () => {});
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, stdout: () => stdout };
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(String(done.stdout));
}

describe('storage: kill -9 during a run, then rerun', () => {
  it('no half-written .md, no *.tmp left after the rerun, no lost article, no duplicate id; the dead run\'s lock is taken over', async () => {
    const dir = tempDir('kill');
    const content = path.join(dir, 'content');
    const sources = writeSources(dir, [{ id: 'kill', url: server.url('/feed.xml') }]);
    delayMs = 300;
    const run = startChildIngest(content, sources);
    // Kill once some (not all) articles are on disk: mid-run, between or during writes.
    await waitFor(() => articleFiles(content).length >= 2, 30_000, 'the first articles of the child run');
    run.child.kill('SIGKILL');
    await run.exited;
    const afterKill = articleFiles(content).length;
    expect(afterKill).toBeGreaterThanOrEqual(2);
    expect(afterKill).toBeLessThan(PAGES);
    checkStore(content); // what the killed run left is whole
    expect(JSON.parse(fs.readFileSync(lockFile(content), 'utf8')).pid).toBe(run.child.pid); // a stale lock stays behind

    delayMs = 0;
    const report = await ingest(content, sources);
    expect(report.totals.failed).toBe(0);
    const ids = checkStore(content);
    const expected = Array.from({ length: PAGES }, (_, i) => articleIdFor('kill', server.url(`/a/${i}.html`))).sort();
    expect(ids).toEqual(expected); // every item stored, each exactly once
    expect(tempFiles(content)).toEqual([]);
    expect(fs.existsSync(lockFile(content))).toBe(false);
    // files land in the folder of their month
    for (const [i, month] of MONTHS.entries()) {
      expect(fs.existsSync(path.join(content, 'articles', month.slice(0, 4), month.slice(5, 7), `${articleIdFor('kill', server.url(`/a/${i}.html`))}.md`))).toBe(true);
    }
  }, 60_000);

  it('a crash between write and rename (leftover half temp files) and a dead lock → cleaned, content unchanged', async () => {
    const dir = tempDir('crash');
    const content = path.join(dir, 'content');
    const sources = writeSources(dir, [{ id: 'crash', url: server.url('/two.xml') }]);
    await ingest(content, sources);
    const before = new Map(articleFiles(content).map((f) => [f, fs.readFileSync(f, 'utf8')]));
    const first = [...before.keys()][0]!;
    const halfTemp = path.join(path.dirname(first), `.${path.basename(first)}.99999.1711675800000.tmp`);
    fs.writeFileSync(halfTemp, before.get(first)!.slice(0, 40));
    fs.writeFileSync(path.join(content, '.state', '.seen.json.99999.1711675800000.tmp'), '{"version":1,"pag');
    fs.writeFileSync(lockFile(content), JSON.stringify({ pid: deadPid(), started: '2024-03-29T09:30:00+08:00' }));

    const report = await ingest(content, sources);
    expect(report.totals).toMatchObject({ unchanged: 2, new: 0, failed: 0 });
    expect(tempFiles(content)).toEqual([]);
    for (const [file, text] of before) expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.existsSync(lockFile(content))).toBe(false);
  }, 30_000);
});

describe('storage: one run at a time', () => {
  it('a second run while one is going (another process) → refused with a clear lock error naming its pid; nothing fetched by it', async () => {
    const dir = tempDir('lock');
    const content = path.join(dir, 'content');
    const sources = writeSources(dir, [{ id: 'lock', url: server.url('/feed.xml') }]);
    delayMs = 200;
    const feedHits = server.hits.get('/feed.xml') ?? 0;
    const first = startChildIngest(content, sources);
    try {
      await waitFor(() => fs.existsSync(lockFile(content)), 20_000, 'the first run\'s lock');
      let error: Error | undefined;
      try { await ingest(content, sources); } catch (e) { error = e as Error; }
      expect(error?.message).toMatch(new RegExp(`another ingest run \\(pid ${first.child.pid}, started .*\\) holds .*ingest\\.lock`));
      expect(await first.exited).toBe(0); // the first run is not disturbed
      expect(JSON.parse(first.stdout()).totals.new).toBe(PAGES);
      expect(server.hits.get('/feed.xml')! - feedHits).toBe(1); // only the first run read the feed
    } finally {
      first.child.kill('SIGKILL');
      delayMs = 0;
    }
    expect(fs.existsSync(lockFile(content))).toBe(false);
  }, 60_000);

  it('two runs in one process → the second refused while the first holds the lock', async () => {
    const dir = tempDir('lock2');
    const content = path.join(dir, 'content');
    const sources = writeSources(dir, [{ id: 'lock2', url: server.url('/two.xml') }]);
    delayMs = 200;
    const first = ingest(content, sources);
    await waitFor(() => fs.existsSync(lockFile(content)), 5_000, 'the lock');
    await expect(ingest(content, sources)).rejects.toThrow(new RegExp(`another ingest run \\(pid ${process.pid},`));
    delayMs = 0;
    expect((await first).totals.new).toBe(2);
  }, 30_000);

  it('a stale lock from a dead pid → taken over, and released at the end', async () => {
    const dir = tempDir('stale');
    const content = path.join(dir, 'content');
    fs.mkdirSync(path.join(content, '.state'), { recursive: true });
    fs.writeFileSync(lockFile(content), JSON.stringify({ pid: deadPid(), started: '2024-03-29T09:30:00+08:00' }));
    const report = await ingest(content, writeSources(dir, [{ id: 'stale', url: server.url('/two.xml') }]));
    expect(report.totals.new).toBe(2);
    expect(fs.existsSync(lockFile(content))).toBe(false);
  }, 30_000);

  it('six processes finding the same stale lock at the same moment → exactly one takes it over, five are refused', async () => {
    const dir = tempDir('race');
    fs.mkdirSync(path.join(dir, '.state'), { recursive: true });
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: deadPid(), started: '2024-03-29T09:30:00+08:00' }));
    const barrier = tempDir('race-barrier');
    const startAt = String(Date.now() + 1_500); // after every child has loaded, on a quiet machine
    const runs = await Promise.all(Array.from({ length: 6 }, () => runChild('test/hostile/lock-child.ts', [dir, startAt, barrier, '6'], 25_000)));
    const outcomes = runs.map((r) => r.stdout.trim());
    expect(outcomes.filter((o) => o === 'got')).toHaveLength(1);
    expect(outcomes.filter((o) => o.startsWith('refused: another ingest run'))).toHaveLength(5);
    expect(fs.readdirSync(path.join(dir, '.state'))).toEqual([]); // released, no side files left
  }, 40_000);

  it('a lock file that is not a lock (garbage) → treated as stale and taken over', () => {
    const dir = tempDir('garbage-lock');
    fs.mkdirSync(path.join(dir, '.state'), { recursive: true });
    fs.writeFileSync(lockFile(dir), 'not json at all');
    const lock = new RunLock(dir);
    lock.acquire();
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    expect(fs.readdirSync(path.join(dir, '.state'))).toEqual([]); // no side files left
  });

  it('a live lock is never broken, even when its process is this one', () => {
    const dir = tempDir('live-lock');
    const a = new RunLock(dir);
    a.acquire();
    expect(() => new RunLock(dir).acquire()).toThrow(/another ingest run/);
    expect(JSON.parse(fs.readFileSync(a.file, 'utf8')).pid).toBe(process.pid);
    a.release();
  });
});

describe('storage: writes the file system refuses', () => {
  it('writeFileAtomic where a parent folder is a regular file → StageError write-failed (was an untyped ENOTDIR), no temp file', () => {
    const dir = tempDir('atomic');
    fs.writeFileSync(path.join(dir, 'articles'), 'a file where a folder should be');
    let error: unknown;
    try { writeFileAtomic(path.join(dir, 'articles', '2024', '03', 'x.md'), 'text'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(StageError);
    expect((error as StageError).reason).toBe('write-failed');
    expect(filesUnder(dir, /\.tmp$/)).toEqual([]);
  });

  it('writeFileAtomic onto a path that is a folder → write-failed, the temp file removed', () => {
    const dir = tempDir('atomic2');
    fs.mkdirSync(path.join(dir, 'x.md'));
    expect(() => writeFileAtomic(path.join(dir, 'x.md'), 'text')).toThrow(expect.objectContaining({ reason: 'write-failed' }));
    expect(filesUnder(dir, /\.tmp$/)).toEqual([]);
  });

  it('in a run: a month folder that cannot be made, and an article path that is a folder → those items failed: write-failed; the run goes on; earlier content intact', async () => {
    const dir = tempDir('write');
    const content = path.join(dir, 'content');
    // First run: the two March articles.
    const earlier = await ingest(content, writeSources(dir, [{ id: 'wf', url: server.url('/two.xml') }]));
    expect(earlier.totals.new).toBe(2);
    const before = new Map(articleFiles(content).map((f) => [f, fs.readFileSync(f, 'utf8')]));
    // Root ignores permissions, so break the shape instead: April's folder is a regular file,
    // and the exact path of one May article is a folder.
    fs.mkdirSync(path.join(content, 'articles', '2024'), { recursive: true });
    fs.writeFileSync(path.join(content, 'articles', '2024', '04'), 'not a folder');
    const mayId = articleIdFor('wf', server.url('/a/4.html'));
    const mayPath = new ContentStore(content, 'Asia/Shanghai').articlePath({ id: mayId, published: '2024-05-14T09:30:00+08:00' });
    fs.mkdirSync(mayPath, { recursive: true });

    const report = await ingest(content, writeSources(dir, [{ id: 'wf', url: server.url('/feed.xml') }]));
    for (const i of [2, 3]) expect(itemFor(report, `/a/${i}.html`)).toMatchObject({ outcome: 'failed', reason: 'write-failed' });
    expect(itemFor(report, '/a/4.html')).toMatchObject({ outcome: 'failed', reason: 'write-failed' });
    for (const i of [5, 6, 7]) expect(itemFor(report, `/a/${i}.html`).outcome).toBe('new');
    for (const i of [0, 1]) expect(itemFor(report, `/a/${i}.html`).outcome).toBe('unchanged');
    for (const [file, text] of before) expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(tempFiles(content)).toEqual([]);

    // Once the file system is fixed, the next run stores what failed.
    fs.rmSync(path.join(content, 'articles', '2024', '04'));
    fs.rmdirSync(mayPath);
    const retry = await ingest(content, writeSources(dir, [{ id: 'wf', url: server.url('/feed.xml') }]));
    for (const i of [2, 3, 4]) expect(itemFor(retry, `/a/${i}.html`).outcome).toBe('new');
    expect(checkStore(content)).toHaveLength(PAGES);
  }, 60_000);

  it('the state file cannot be written → the run ends with write-failed; the articles it wrote stay and the next run rebuilds from them', async () => {
    const dir = tempDir('state');
    const content = path.join(dir, 'content');
    const sources = writeSources(dir, [{ id: 'st', url: server.url('/two.xml') }]);
    fs.mkdirSync(path.join(content, '.state', 'seen.json'), { recursive: true }); // a folder where the state file goes
    await expect(ingest(content, sources)).rejects.toMatchObject({ reason: 'write-failed' });
    expect(checkStore(content)).toHaveLength(2);
    expect(fs.existsSync(lockFile(content))).toBe(false);
    fs.rmdirSync(path.join(content, '.state', 'seen.json'));
    const next = await ingest(content, sources);
    expect(next.totals).toMatchObject({ unchanged: 2, new: 0 });
    expect(checkStore(content)).toHaveLength(2);
  }, 30_000);

  it('a corrupt seen.json → rebuilt from the stored articles: nothing duplicated, nothing lost', async () => {
    const dir = tempDir('corrupt');
    const content = path.join(dir, 'content');
    const sources = writeSources(dir, [{ id: 'cs', url: server.url('/two.xml') }]);
    await ingest(content, sources);
    const ids = checkStore(content);
    fs.writeFileSync(path.join(content, '.state', 'seen.json'), '{"version":1,"pages":{"http://x/');
    const report = await ingest(content, sources);
    expect(report.totals).toMatchObject({ unchanged: 2, new: 0, failed: 0 });
    expect(checkStore(content)).toEqual(ids);
  }, 30_000);
});
