// npm run build [-- --story DIR]: the site of a story, `astro build` then the Pagefind index
// (search-index.ts), into dist/. Both read the story from STORYLINE_CONTENT, which --story sets.
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseCommandLine } from './command-line.ts';
import { PROJECT_ROOT, storyFromArgs } from './paths.ts';

const { values } = parseCommandLine('build', 'npm run build [-- --story DIR]', { options: { story: { type: 'string' } } });
storyFromArgs('build', values.story);

const steps: [string, string[]][] = [
  ['astro build', [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build']],
  ['search index', [path.join(PROJECT_ROOT, 'pipeline/cli/search-index.ts')]],
];
for (const [name, args] of steps) {
  const run = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(`build: ${name} failed (exit ${run.status ?? run.signal})\n`);
    process.exit(run.status || 1);
  }
}
