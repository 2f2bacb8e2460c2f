// A second story by configuration alone: examples/zibo-bbq (its own topics, dictionary,
// figures, milestones and demo corpus), copied to a temp folder with one more topic added to
// its topics.yaml, ingested from the demo outlets over real HTTP and built into a site that
// real Chromium opens. No code knows this story or the added topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../pipeline/demo/server.ts';
import { loadConfig } from '../../pipeline/config.ts';
import { runIngest } from '../../pipeline/ingest.ts';
import { ContentStore } from '../../pipeline/store.ts';
import { serveStatic, type StaticServer } from '../../pipeline/serve-static.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempContentDir } from '../helpers/temp-content.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/zibo-bbq');

// The topic an editor adds: written here as an editor would write it in the file.
const ADDED_TOPIC = `  - id: youth
    label: 青年与学生
    description: 大学生结伴赶烤，青年驿站与学生优惠
    threshold: 2
    phrases:
      - { text: 大学生, weight: 2 }
      - { text: 学生, weight: 2 }
      - { text: 青年驿站, weight: 2 }
`;

function run(cmd: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out}`))));
  });
}

describe('a second story, by configuration alone', () => {
  const story = tempContentDir('storyline-example-');
  let demo: DemoServer;
  let site: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    for (const dir of ['config', 'events', 'corpus']) fs.cpSync(path.join(EXAMPLE, dir), path.join(story.dir, dir), { recursive: true });
    const topicsFile = path.join(story.dir, 'config/topics.yaml');
    const topics = fs.readFileSync(topicsFile, 'utf8');
    expect(topics).toContain('\nrelevance:');
    fs.writeFileSync(topicsFile, topics.replace('\nrelevance:', `${ADDED_TOPIC}\nrelevance:`));

    demo = await startDemoServer({ port: 0, corpusDir: path.join(story.dir, 'corpus') });
    const config = loadConfig(path.join(story.dir, 'config'), 'sources.demo.yaml');
    const sources = config.sources.map((s) => ({ ...s, url: s.url.replace('http://127.0.0.1:4391', demo.origin) }));
    await runIngest({ config: { ...config, sources }, contentDir: story.dir, sourcesFile: 'sources.demo.yaml', workers: 2 });

    const outDir = path.join(story.dir, 'dist');
    const script = `import { build } from 'astro';
await build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(path.join(story.dir, 'cache'))}, logLevel: 'warn' });`;
    await run(process.execPath, ['--input-type=module', '-e', script], { STORYLINE_CONTENT: story.dir, STORYLINE_CONFIG: path.join(story.dir, 'config'), ASTRO_TELEMETRY_DISABLED: '1' });
    site = await serveStatic(outDir);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await demo?.close();
    story.cleanup();
  });

  it('ingests the story with its own topics, the added one included, and rejects its off-topic items', () => {
    const store = new ContentStore(story.dir);
    const articles = story.articleFiles().map((f) => store.readArticle(f).article);
    expect(articles.length).toBeGreaterThanOrEqual(15);
    const seen = new Set(articles.flatMap((a) => a.topics));
    for (const id of ['visitors', 'prices', 'services', 'youth']) expect(seen.has(id), id).toBe(true);
    expect(articles.some((a) => /海鲜美食节|产业园/.test(a.title))).toBe(false);
  });

  it('shows the story and a page for every topic, the added one with its articles, in real Chromium', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${site.url}/`);
      expect(await page.title()).toContain('淄博');
      expect(await page.content()).not.toContain('小米');
      await page.goto(`${site.url}/topics/`);
      const topicLinks = await page.locator('main h2 a').allTextContents();
      expect(topicLinks).toEqual(expect.arrayContaining(['客流与出行', '价格与监管', '城市服务与口碑', '青年与学生']));
      const response = await page.goto(`${site.url}/topics/youth/`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('main a[href*="/articles/"]').count()).toBeGreaterThan(0);
      // The added topic has a colour of its own (from the palette), not the text colour.
      const colours = await page.locator('.t-youth').first().evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).color]);
      expect(colours[0]).not.toBe(colours[1]);
    } finally { await page.close(); }
  });
});
