// A story is a folder: `--story DIR` points every command at DIR/config and writes into DIR,
// and leaves content/ alone; a folder that is not a story is refused before anything runs.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resolveStory, DEFAULT_STORY } from '../../pipeline/cli/paths.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { tempContentDir } from '../helpers/temp-content.ts';
import { articlePage, rssFeed, RSS_HEADERS } from '../hostile/support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const cli = (script: string, args: string[], input?: string) => spawnSync(process.execPath, [path.join('pipeline/cli', script), ...args], {
  cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, STORYLINE_CONTENT: '', STORYLINE_CONFIG: '' },
});

describe('resolveStory', () => {
  it('--story DIR is the story: its config/, its articles; a folder without config/ is refused', () => {
    const tmp = tempContentDir();
    try {
      fs.mkdirSync(path.join(tmp.dir, 'config'));
      expect(resolveStory(tmp.dir, {})).toEqual({ storyDir: tmp.dir, configDir: path.join(tmp.dir, 'config'), contentDir: tmp.dir });
      expect(() => resolveStory(path.join(tmp.dir, 'nope'), {})).toThrow(/has no config\/ folder/);
    } finally { tmp.cleanup(); }
  });

  it('without --story: STORYLINE_CONTENT (with its own config/ if it has one), else content/', () => {
    expect(resolveStory(undefined, {})).toEqual({ storyDir: DEFAULT_STORY, configDir: path.join(DEFAULT_STORY, 'config'), contentDir: DEFAULT_STORY });
    const bare = tempContentDir();
    try {
      expect(resolveStory(undefined, { STORYLINE_CONTENT: bare.dir }).configDir).toBe(path.join(DEFAULT_STORY, 'config'));
      fs.mkdirSync(path.join(bare.dir, 'config'));
      expect(resolveStory(undefined, { STORYLINE_CONTENT: bare.dir }).configDir).toBe(path.join(bare.dir, 'config'));
    } finally { bare.cleanup(); }
  });
});

describe('--story DIR on the commands', () => {
  let server: FixtureServer;
  const story = tempContentDir('storyline-story-');
  const contentBefore = new Set<string>();
  beforeAll(async () => {
    server = await startFixtureServer({
      '/feed.xml': (_req, res) => { res.writeHead(200, RSS_HEADERS); res.end(rssFeed([{ title: 'a', link: server.url('/a.html') }])); },
      '/a.html': { body: articlePage({ title: '小米SU7锁单定金不退 另一故事文件夹', tag: 'story-a' }) },
    });
    fs.cpSync(path.join(ROOT, 'content/config'), path.join(story.dir, 'config'), { recursive: true });
    fs.writeFileSync(path.join(story.dir, 'config/sources.yaml'), `sources:\n  - id: other\n    name: 另一个源\n    kind: rss\n    url: ${server.url('/feed.xml')}\n    allowPrivateNetwork: true\n`);
    for (const f of fs.readdirSync(path.join(ROOT, 'content'), { recursive: true }) as string[]) contentBefore.add(f);
  });
  afterAll(async () => { await server.close(); story.cleanup(); });

  it('ingest --story DIR reads DIR/config and writes DIR/articles and DIR/runs, not content/', async () => {
    // Async: the fixture server lives in this process and must keep answering.
    const child = spawn(process.execPath, ['pipeline/cli/ingest.ts', '--story', story.dir, '--quiet'], { cwd: ROOT, env: { ...process.env, STORYLINE_CONTENT: '', STORYLINE_CONFIG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, err).toBe(0);
    expect(story.articleFiles().map((f) => path.basename(f))).toEqual([expect.stringMatching(/^other-a-[0-9a-f]{8}\.md$/)]);
    expect(fs.readdirSync(path.join(story.dir, 'runs'))).toHaveLength(1);
    const after = fs.readdirSync(path.join(ROOT, 'content'), { recursive: true }) as string[];
    expect(after.filter((f) => !contentBefore.has(f))).toEqual([]);
  });

  it('sources --story DIR exports DIR/config/sources.yaml', () => {
    const r = cli('sources.ts', ['export', '--story', story.dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('text="另一个源"');
    expect(r.stdout).not.toContain('IT之家');
  });

  it('analyze and segment take --story too', () => {
    const analyzed = cli('analyze.ts', ['--story', story.dir], `${JSON.stringify({ id: 'x', title: '小米SU7锁单', text: '小米SU7锁单后定金不退。' })}\n`);
    expect(analyzed.status, analyzed.stderr).toBe(0);
    expect(JSON.parse(analyzed.stdout)).toMatchObject({ id: 'x' });
    expect(cli('segment.ts', ['--story', story.dir], '锁单\n').stdout.trim()).toBe('锁单');
  });

  it.each([['ingest.ts', []], ['sources.ts', ['export']], ['analyze.ts', []], ['segment.ts', []], ['demo.ts', []], ['build.ts', []]] as const)('%s --story with no config/ → exit 2 naming the folder, nothing run', (script, args) => {
    const missing = path.join(story.dir, 'no-such-story');
    const r = cli(script, [...args, '--story', missing], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--story ${missing}: ${missing} has no config/ folder`);
  });
});
