// `npm run ingest -- --watch N` keeps polling; Ctrl-C (SIGINT) stops it cleanly between items.
import { describe, it, expect, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { tempContentDir } from '../helpers/temp-content.ts';
import { articlePage, rssFeed, RSS_HEADERS } from '../hostile/support.ts';
import { articleIdFor } from '../../pipeline/record.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('ingest --watch', () => {
  const content = tempContentDir();
  afterAll(() => content.cleanup());

  it('runs again on schedule and stops on SIGINT with exit code 0, lock released', async () => {
    let feedHits = 0;
    const server = await startFixtureServer({
      '/rss.xml': (_req, res) => {
        feedHits++;
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end('<rss version="2.0"><channel><title>t</title></channel></rss>');
      },
    });
    const sources = path.join(content.dir, 'sources.yaml');
    fs.writeFileSync(sources, `sources:\n  - id: local\n    name: 本地\n    kind: rss\n    url: ${server.url('/rss.xml')}\n    allowPrivateNetwork: true\n`);
    const child = spawn(process.execPath, ['pipeline/cli/ingest.ts', '--sources', sources, '--watch', '0.005', '--no-build', '--quiet'], {
      cwd: ROOT, env: { ...process.env, STORYLINE_CONTENT: content.dir }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    // Wait for at least two finished runs, proving the schedule: their reports, not a report's temporary file while it is written.
    const reports = () => fs.readdirSync(path.join(content.dir, 'runs')).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
    const runs = () => (fs.existsSync(path.join(content.dir, 'runs')) ? reports().length : 0);
    const deadline = Date.now() + 60_000;
    while ((feedHits < 2 || runs() < 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(feedHits).toBeGreaterThanOrEqual(2);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    await server.close();
    expect(code).toBe(0);
    expect(output).toContain('Stopped.');
    expect(fs.existsSync(path.join(content.dir, '.state/ingest.lock'))).toBe(false);
    expect(reports().length).toBeGreaterThanOrEqual(2);
  });

  it('rebuilds only after a run that changed a file: a correction applied again to the same bytes is no change', async () => {
    const story = tempContentDir();
    const feed: { title: string; link: string }[] = [];
    const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    const conditional = (body: () => string, type: string) => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const text = body();
      if (req.headers['if-none-match'] === etagOf(text)) { res.writeHead(304, { etag: etagOf(text) }); res.end(); return; }
      res.writeHead(200, { 'content-type': type, etag: etagOf(text) });
      res.end(text);
    };
    const server = await startFixtureServer({
      '/rss.xml': conditional(() => rssFeed(feed), RSS_HEADERS['content-type']),
      '/a.html': conditional(() => articlePage({ title: '小米SU7锁单后定金不退引发投诉', tag: 'a' }), 'text/html; charset=utf-8'),
      '/b.html': conditional(() => articlePage({ title: '小米SU7二手订单加价转让', tag: 'b' }), 'text/html; charset=utf-8'),
    });
    feed.push({ title: 'a', link: server.url('/a.html') });
    // The story's config with one correction on the first article: applied on every run.
    const config = path.join(story.dir, 'config');
    fs.cpSync(path.join(ROOT, 'content/config'), config, { recursive: true });
    fs.writeFileSync(path.join(config, 'corrections.yaml'), `corrections:\n  - article: ${articleIdFor('local', server.url('/a.html'))}\n    relevant: true\n    note: 编辑确认与本事件相关\n`);
    const sources = path.join(config, 'sources.yaml');
    fs.writeFileSync(sources, `sources:\n  - id: local\n    name: 本地\n    kind: rss\n    url: ${server.url('/rss.xml')}\n    allowPrivateNetwork: true\n`);
    const child = spawn(process.execPath, ['pipeline/cli/ingest.ts', '--sources', sources, '--watch', '0.02', '--no-build', '--quiet'], {
      cwd: ROOT, env: { ...process.env, STORYLINE_CONTENT: story.dir, STORYLINE_CONFIG: config }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const decisions = () => output.split('\n').filter((l) => /^(No file under the story changed|Files under the story changed)/.test(l));
    const waitFor = async (n: number) => {
      const deadline = Date.now() + 90_000;
      while (decisions().length < n && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    };
    try {
      await waitFor(2);
      // A new article in the feed: the next run writes a file, so the site must be rebuilt.
      feed.push({ title: 'b', link: server.url('/b.html') });
      await waitFor(3);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.on('exit', resolve));
      await server.close();
    }
    const runs = fs.readdirSync(path.join(story.dir, 'runs')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(story.dir, 'runs', f), 'utf8')));
    story.cleanup();
    expect(decisions().slice(0, 3), output).toEqual([
      'Files under the story changed (--no-build: not rebuilding).',
      'No file under the story changed: the site is left as it is.',
      'Files under the story changed (--no-build: not rebuilding).',
    ]);
    // The second run did apply the correction again: it is the case that used to trigger a rebuild.
    expect(runs[1].corrections).toEqual([expect.objectContaining({ applied: true })]);
    expect(runs[1].totals).toMatchObject({ new: 0, updated: 0 });
    expect(runs[2].totals).toMatchObject({ new: 1 });
  });
});
