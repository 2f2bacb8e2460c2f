// One `astro build` in its own process (the bench reads its time and peak RSS from outside):
// Astro's programmatic build() with the project's own config, plus the output and cache
// directories, so a benchmark build never touches dist/ or the project's content cache.
// STORYLINE_CONTENT (the site's content root) comes from the environment.
//
// node pipeline/bench/astro-build.ts --root DIR --out DIR --cache DIR
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';

const { values } = parseArgs({ options: { root: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' } } });
const started = performance.now();
await build({ root: path.resolve(values.root!), outDir: path.resolve(values.out!), cacheDir: path.resolve(values.cache!), logLevel: 'warn' });
process.stdout.write(JSON.stringify({ ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }) + '\n', () => process.exit(0));
