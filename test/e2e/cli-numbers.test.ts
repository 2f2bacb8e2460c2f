// Every number on a command line is checked before anything runs: a clear message, exit 2,
// nothing fetched. (`--workers abc` used to make a NaN-sized pool and hang the ingest forever.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { parseNumberOption } from '../../pipeline/cli/numbers.ts';
import { runChild } from '../hostile/support.ts';

describe('parseNumberOption', () => {
  it.each([
    ['abc', {}], ['', {}], ['NaN', {}], ['Infinity', {}], ['0x10', {}], ['1e3', {}], ['2.5', {}], ['0', { min: 1 }], ['0', { above: 0, integer: false }], ['70000', { min: 0, max: 65535 }],
  ])('"%s" is refused with the flag and the text in the message', (text, rule) => {
    const r = parseNumberOption('--workers', text, rule);
    expect(r).toHaveProperty('error');
    if ('error' in r) expect(r.error).toContain(`--workers takes`);
  });
  it.each([['4', 4, {}], [' 8 ', 8, {}], ['0.5', 0.5, { integer: false }], ['0.005', 0.005, { above: 0, integer: false }], ['65535', 65535, { min: 0, max: 65535 }]])('"%s" → %d', (text, value, rule) => {
    expect(parseNumberOption('--n', text, rule)).toEqual({ value });
  });
});

describe('the command lines', () => {
  let server: FixtureServer;
  let dir: string;
  let sources: string;
  beforeAll(async () => {
    server = await startFixtureServer({ '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: '<rss version="2.0"><channel><title>t</title></channel></rss>' } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-cli-numbers-'));
    sources = path.join(dir, 'sources.yaml');
    fs.writeFileSync(sources, `sources:\n  - id: local\n    name: 本地\n    kind: rss\n    url: "${server.url('/feed.xml')}"\n    allowPrivateNetwork: true\n`);
  });
  afterAll(async () => { await server.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it.each([
    ['pipeline/cli/ingest.ts', ['--workers', 'abc'], /ingest: --workers takes a whole number .* not "abc"/],
    ['pipeline/cli/ingest.ts', ['--workers', '0'], /--workers takes a whole number between 1 and 256, not "0"/],
    ['pipeline/cli/ingest.ts', ['--watch', 'soon'], /--watch takes a number > 0, not "soon"/],
    ['pipeline/cli/serve.ts', ['--port', 'http'], /serve: --port takes a whole number between 0 and 65535/],
    ['pipeline/cli/demo.ts', ['--demo-port', '70000'], /demo: --demo-port takes a whole number between 0 and 65535/],
    ['pipeline/cli/search-index.ts', ['--parallel', 'two'], /search-index: --parallel takes a whole number ≥ 1/],
    ['pipeline/bench/bench.ts', ['--workers', 'x'], /bench: --workers takes a whole number/],
  ])('%s %s → exit 2 with a clear message, nothing fetched', async (script, args, message) => {
    const before = server.requests.length;
    const r = await runChild(script, script.endsWith('ingest.ts') ? [...args, '--sources', sources] : args, 60_000, { STORYLINE_CONTENT: path.join(dir, 'content') });
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(server.requests.length).toBe(before);
    expect(fs.existsSync(path.join(dir, 'content'))).toBe(false);
  });
});
