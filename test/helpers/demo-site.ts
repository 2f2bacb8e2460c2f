// The bundled demo as a reader meets it: the demo outlets on a random 127.0.0.1 port, the real
// demo sources ingested into a throwaway content folder (with the editor's milestones), the site
// built from it, indexed and served. The outlets stay up while the site is served, as in `npm start`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../../pipeline/demo/server.ts';
import { loadConfig } from '../../pipeline/config.ts';
import { runIngest } from '../../pipeline/ingest.ts';
import { ContentStore } from '../../pipeline/store.ts';
import { serveStatic, type StaticServer } from '../../pipeline/serve-static.ts';
import type { Article } from '../../src/schema/article.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG_DIR = join(ROOT, 'content/config');

export type DemoSite = {
  /** Where the site is served. */
  url: string;
  /** Where the demo outlets are served. */
  outlets: string;
  content: string;
  dist: string;
  articles: { article: Article; paragraphs: string[] }[];
  close(): Promise<void>;
};

/** A command in the project folder; its output in the error when it fails. */
export function run(cmd: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out}`))));
  });
}

/** `astro build` of a story folder into `dist` (its own cache, so builds cannot collide), then the search index. */
export async function buildSite(content: string, dist: string, cache: string, configDir?: string): Promise<void> {
  const script = `import { build } from 'astro';
await build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(dist)}, cacheDir: ${JSON.stringify(cache)}, logLevel: 'warn' });`;
  await run(process.execPath, ['--input-type=module', '-e', script], { STORYLINE_CONTENT: content, ...(configDir ? { STORYLINE_CONFIG: configDir } : {}), ASTRO_TELEMETRY_DISABLED: '1' });
  await run(process.execPath, [join(ROOT, 'pipeline/cli/search-index.ts'), '--site', dist], {});
}

/**
 * The demo of a story: by default the SU7 story (content/config, its events, the bundled corpus);
 * with `story`, a story folder copied whole (config/, events/, corpus/), which `prepare` may edit
 * first, as an editor would.
 */
export async function startDemoSite(opts: { story?: string; prepare?: (storyDir: string) => void } = {}): Promise<DemoSite> {
  const tmp = await mkdtemp(join(tmpdir(), 'storyline-demo-site-'));
  const content = join(tmp, 'content');
  const dist = join(tmp, 'dist');
  const from = opts.story ?? join(ROOT, 'content');
  for (const dir of opts.story ? ['config', 'events', 'corpus'] : ['events']) {
    if (fs.existsSync(join(from, dir))) fs.cpSync(join(from, dir), join(content, dir), { recursive: true });
  }
  opts.prepare?.(content);
  const configDir = opts.story ? join(content, 'config') : CONFIG_DIR;
  const corpusDir = fs.existsSync(join(content, 'corpus')) ? join(content, 'corpus') : undefined;
  const demo = loadConfig(configDir, 'sources.demo.yaml');
  const outlets = await startDemoServer({ port: 0, corpusDir, timeZone: demo.story.timezone });
  let site: StaticServer | undefined;
  try {
    const config = { ...demo, sources: demo.sources.map((s) => ({ ...s, url: s.url.replace('http://127.0.0.1:4391', outlets.origin) })) };
    await runIngest({ config, contentDir: content, sourcesFile: 'sources.demo.yaml', workers: 2, writeReport: false });
    await buildSite(content, dist, join(tmp, 'cache'), opts.story ? configDir : undefined);
    site = await serveStatic(dist);
  } catch (e) {
    await outlets.close();
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  const store = new ContentStore(content, demo.story.timezone);
  const files = fs.readdirSync(join(content, 'articles'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name)).sort();
  const served = site;
  return {
    url: served.url,
    outlets: outlets.origin,
    content,
    dist,
    articles: files.map((f) => store.readArticle(f)),
    close: async () => {
      await Promise.allSettled([served.close(), outlets.close()]);
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
