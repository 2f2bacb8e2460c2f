// Wrong configuration stops a run before anything is fetched, with the file and the line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ConfigError } from '../../pipeline/config.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { CONFIG_DIR, FIXTURES, rssFeed, RSS_HEADERS, runChild, tempDir } from './support.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ '/feed.xml': { headers: RSS_HEADERS, body: rssFeed([{ title: 'x', link: '/x.html' }]) } });
});
afterAll(async () => { await server.close(); });

/** A copy of the real config folder with one file replaced by a hostile fixture. */
function configWith(fixture: string): { dir: string; sources: string; broken: string } {
  const dir = tempDir('config');
  fs.cpSync(CONFIG_DIR, dir, { recursive: true });
  const text = fs.readFileSync(path.join(FIXTURES, 'config', fixture), 'utf8').replaceAll('__ORIGIN__', server.origin);
  const sources = path.join(dir, 'sources.yaml');
  if (fixture.startsWith('sources-')) {
    fs.writeFileSync(sources, text);
    return { dir, sources, broken: sources };
  }
  // topics-*/corrections-* fixtures replace that file; the sources are fine and point at the server.
  fs.writeFileSync(sources, `sources:\n  - { id: good, name: 正常, kind: rss, url: "${server.url('/feed.xml')}", allowPrivateNetwork: true }\n`);
  const broken = path.join(dir, `${fixture.split('-')[0]}.yaml`);
  fs.writeFileSync(broken, text);
  return { dir, sources, broken };
}

function configError(fixture: string): { error: ConfigError; broken: string } {
  const { dir, sources, broken } = configWith(fixture);
  try { loadConfig(dir, sources); } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return { error: e as ConfigError, broken };
  }
  throw new Error(`${fixture} was accepted`);
}

/**
 * The real config with one line of `file` (the first matching `line`) rewritten, loaded: the
 * ConfigError it raises, and the 1-based line that was rewritten.
 */
function editedConfigError(file: string, line: RegExp, from: string, to: string): { error: ConfigError; path: string; at: number } {
  const { dir, sources } = configWith('sources-bad-kind.yaml');
  fs.writeFileSync(sources, 'sources: []\n');
  const target = path.join(dir, file);
  const lines = fs.readFileSync(target, 'utf8').split('\n');
  const at = lines.findIndex((l) => line.test(l));
  expect(at).toBeGreaterThan(0);
  lines[at] = lines[at]!.replace(from, to);
  fs.writeFileSync(target, lines.join('\n'));
  try { loadConfig(dir, sources); } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return { error: e as ConfigError, path: target, at: at + 1 };
  }
  throw new Error(`${file} with "${to}" was accepted`);
}

describe('config: sources.yaml', () => {
  it.each([
    ['sources-bad-kind.yaml', 9, /Invalid option: expected one of "rss"\|"atom"\|"page-list"\|"page" at sources\.1\.kind/],
    ['sources-missing-url.yaml', 7, /url .* at sources\.1\.url/],
    ['sources-page-list-no-selector.yaml', 7, /a page-list source needs a `selector`/],
    ['sources-duplicate-id.yaml', 11, /duplicate source id "good"/],
    ['sources-file-url.yaml', 10, /url must be an http or https URL/],
    ['sources-unknown-key.yaml', 7, /Unrecognized key: "allowPrivateNetwrok" at sources\.0$/],
  ])('%s → ConfigError naming the file and line %i', (fixture, line, problem) => {
    const { error, broken } = configError(fixture);
    expect(error.file).toBe(broken);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(problem);
    expect(error.message.startsWith(`${broken}:${line}: `)).toBe(true);
  });

  it('sources-yaml-syntax.yaml (an unclosed quote) → ConfigError naming the file and a line', () => {
    const { error, broken } = configError('sources-yaml-syntax.yaml');
    expect(error.file).toBe(broken);
    expect(error.message).toMatch(/YAML syntax: Missing closing "quote/);
    expect(error.line ?? -1, 'YAML syntax errors carry no line: config.ts reads err.linePos, which the yaml library only fills with prettyErrors (see docs/reliability.md)').toBeGreaterThanOrEqual(8);
  });
});

describe('config: topics.yaml, story.yaml and corrections.yaml', () => {
  // topics.yaml defines the set of topic ids (any id is known once it is defined there), so the
  // error left to catch is an id of the wrong shape.
  it('topics.yaml with a malformed topic id → ConfigError naming the file and line', () => {
    const { error, path: topics, at } = editedConfigError('topics.yaml', /^\s*- id: refunds\s*$/, 'refunds', '退款 Refunds');
    expect(error.file).toBe(topics);
    expect(error.line).toBe(at);
    expect(error.message).toMatch(/topics\.\d+\.id/);
  });

  it('topics.yaml with a topic id defined twice → ConfigError naming the file and line', () => {
    const { error, at } = editedConfigError('topics.yaml', /^\s*- id: refunds\s*$/, 'refunds', 'sales');
    expect(error.line).toBe(at);
    expect(error.message).toMatch(/defined twice/);
  });

  it('story.yaml with a news day carrying a topic topics.yaml does not define → ConfigError naming the file and line', () => {
    const { error, path: story, at } = editedConfigError('story.yaml', /^\s*- \{ date: .*topics: \[sales\] \}/, 'topics: [sales]', 'topics: [launches]');
    expect(error.file).toBe(story);
    expect(error.line).toBe(at);
    expect(error.message).toMatch(/topic "launches" is not defined in topics\.yaml/);
  });

  it('topics.yaml broken as YAML (a tab-indented line) → ConfigError naming the file and line', () => {
    const { dir, sources } = configWith('sources-bad-kind.yaml');
    fs.writeFileSync(sources, 'sources: []\n');
    const topics = path.join(dir, 'topics.yaml');
    const lines = fs.readFileSync(topics, 'utf8').split('\n');
    const at = lines.findIndex((l) => /^\s*threshold:/.test(l));
    lines.splice(at + 1, 0, '\t- broken: [unclosed');
    fs.writeFileSync(topics, lines.join('\n'));
    try { loadConfig(dir, sources); throw new Error('accepted'); } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).file).toBe(topics);
      expect((e as Error).message).toMatch(/YAML syntax/);
      expect((e as ConfigError).line ?? -1, 'YAML syntax errors carry no line (see docs/reliability.md)').toBeGreaterThanOrEqual(at + 1);
    }
  });

  it.each([
    ['corrections-missing-note.yaml', 6, /corrections\.1\.note/],
    ['corrections-bad-date.yaml', 3, /Invalid ISO datetime at corrections\.0\.published/],
    // Reported as the unknown key it is, at its own line, not as a missing `article`.
    ['corrections-id-for-article.yaml', 6, /Unrecognized key: "id" at corrections\.1; "article" is required and missing: did you mean "article:"\?/],
  ])('%s → ConfigError naming the file and line %i', (fixture, line, problem) => {
    const { error, broken } = configError(fixture);
    expect(error.file).toBe(broken);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(problem);
  });

  it('corrections-bad-yaml.yaml (bad indentation) → ConfigError naming the file and line', () => {
    const { error, broken } = configError('corrections-bad-yaml.yaml');
    expect(error.file).toBe(broken);
    expect(error.message).toMatch(/YAML syntax/);
    expect(error.line ?? -1, 'YAML syntax errors carry no line (see docs/reliability.md)').toBe(4);
  });
});

describe('config: the ingest command stops before fetching anything', () => {
  it.each([['sources-duplicate-id.yaml'], ['corrections-missing-note.yaml']])('%s → exit 2, file:line on stderr, zero requests, no content written', async (fixture) => {
    const { dir, sources, broken } = configWith(fixture);
    const content = path.join(tempDir('config-run'), 'content');
    const before = server.requests.length;
    const run = await runChild('pipeline/cli/ingest.ts', ['--sources', sources, '--quiet', '--no-build'], 30_000, { STORYLINE_CONFIG: dir, STORYLINE_CONTENT: content });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^ingest: ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `));
    expect(server.requests.length).toBe(before);
    expect(fs.existsSync(content)).toBe(false);
  }, 40_000);
});
