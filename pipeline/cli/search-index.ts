// The second step of `npm run build`: Pagefind's search index of the built site, in shards of
// at most --pages-per-shard searchable pages, so that Pagefind's memory is bounded by the
// shard rather than by the site (src/lib/search-shards.ts says why). Only pages that mark their
// searchable part (data-pagefind-body) are indexed: the article pages.
//
// Each shard is Pagefind's own CLI over a folder of hard links to the shard's pages (same
// paths, so the same result URLs): as fast as one run over the whole site, at a fraction of
// its memory. (Pagefind's Node API, feeding pages one by one, took a third longer.)
//
// node pipeline/cli/search-index.ts [--site dist] [--pages-per-shard 2500] [--parallel 2]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseCommandLine } from './command-line.ts';
import { PROJECT_ROOT } from './paths.ts';
import { DEFAULT_PAGES_PER_SHARD, SHARD_MANIFEST, bundlePath, shardCount, shardOf } from '../../src/lib/search-shards.ts';
import { numberOption } from './numbers.ts';
import { Scheduler } from '../scheduler.ts';

const { values } = parseCommandLine('search-index', 'node pipeline/cli/search-index.ts [--site DIR] [--pages-per-shard N] [--parallel N]', { options: {
  site: { type: 'string', default: path.join(PROJECT_ROOT, 'dist') },
  'pages-per-shard': { type: 'string', default: String(DEFAULT_PAGES_PER_SHARD) },
  /** Shards indexed at once: Pagefind uses about one core, so two fill this machine. */
  parallel: { type: 'string', default: String(Math.min(2, os.availableParallelism())) },
} });
const site = path.resolve(values.site!);
const perShard = numberOption('search-index', '--pages-per-shard', values['pages-per-shard']!, { min: 1 });
const parallel = numberOption('search-index', '--parallel', values.parallel!, { min: 1 });
if (!fs.existsSync(site)) fail(`no built site at ${site} (run astro build first)`);
const PAGEFIND = path.join(PROJECT_ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');

const started = performance.now();
const pages = fs.readdirSync(site, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes(`${path.sep}.search-shard-`))
  .map((e) => path.relative(site, path.join(e.parentPath, e.name)))
  .filter((file) => fs.readFileSync(path.join(site, file), 'utf8').includes('data-pagefind-body'))
  .sort();
const count = shardCount(pages.length, perShard);
const shards = Array.from({ length: count }, () => [] as string[]);
for (const page of pages) shards[shardOf(urlOf(page), count)]!.push(page);

for (const dir of [bundlePath(0), '/pagefind-shards/']) fs.rmSync(path.join(site, dir), { recursive: true, force: true });
const shardLine = new Scheduler(parallel);
try {
  await Promise.all(shards.map((_, shard) => shardLine.run(() => indexShard(shard))));
} catch (e) {
  // No half index and no folders of links left in the site: the build fails as a whole.
  shardLine.clear();
  for (const entry of fs.readdirSync(site)) if (entry.startsWith('.search-shard-')) fs.rmSync(path.join(site, entry), { recursive: true, force: true });
  for (const dir of [bundlePath(0), '/pagefind-shards/']) fs.rmSync(path.join(site, dir), { recursive: true, force: true });
  fail((e as Error).message);
}
fs.writeFileSync(path.join(site, SHARD_MANIFEST), JSON.stringify(shards.map((_, i) => bundlePath(i))));
process.stderr.write(`search index: ${pages.length} pages in ${count} shard${count > 1 ? 's' : ''}, ${Math.min(parallel, count)} at a time, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

async function indexShard(shard: number): Promise<void> {
  const folder = path.join(site, `.search-shard-${shard}`);
  fs.rmSync(folder, { recursive: true, force: true });
  try {
    for (const page of shards[shard]!) {
      const target = path.join(folder, page);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      try { fs.linkSync(path.join(site, page), target); } catch { fs.copyFileSync(path.join(site, page), target); }
    }
    const output = path.join(site, bundlePath(shard));
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [PAGEFIND, '--site', folder, '--output-path', output, '--silent'], { stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', () => resolve(-1));
      child.on('exit', (c) => resolve(c));
    });
    if (code !== 0) throw new Error(`Pagefind failed on shard ${shard} (${shards[shard]!.length} pages), exit ${code}`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** articles/x/index.html → /articles/x/ (as the site links it). */
function urlOf(file: string): string {
  return `/${file.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
}

function fail(message: string): never {
  process.stderr.write(`search-index: ${message}\n`);
  process.exit(1);
}
