// `npm run ingest -- --watch N` keeps polling; Ctrl-C (SIGINT) stops it cleanly between items.
import { describe, it, expect, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { tempContentDir } from '../helpers/temp-content.ts';

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
    // Wait for at least two finished runs, proving the schedule.
    const runs = () => (fs.existsSync(path.join(content.dir, 'runs')) ? fs.readdirSync(path.join(content.dir, 'runs')).length : 0);
    const deadline = Date.now() + 60_000;
    while ((feedHits < 2 || runs() < 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(feedHits).toBeGreaterThanOrEqual(2);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    await server.close();
    expect(code).toBe(0);
    expect(output).toContain('Stopped.');
    expect(fs.existsSync(path.join(content.dir, '.state/ingest.lock'))).toBe(false);
    expect(fs.readdirSync(path.join(content.dir, 'runs')).length).toBeGreaterThanOrEqual(2);
  });
});
