// npm run demo: the bundled demo end to end, offline: start the demo outlets on 127.0.0.1,
// ingest them with content/config/sources.demo.yaml, build the site. npm start adds --serve.
import { parseCommandLine } from './command-line.ts';
import { spawnSync } from 'node:child_process';
import { startDemoServer } from '../demo/server.ts';
import { loadConfig, ConfigError } from '../config.ts';
import { runIngest } from '../ingest.ts';
import { formatSummary } from '../report.ts';
import { serveStatic } from '../serve-static.ts';
import { PROJECT_ROOT, storyFromArgs } from './paths.ts';
import { progressPrinter } from './progress.ts';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { numberOption, PORT } from './numbers.ts';

const { values } = parseCommandLine('demo', 'npm run demo [-- --story DIR] [--no-build] [--demo-port N]   (npm start adds --serve [--port N])', { options: { story: { type: 'string' }, serve: { type: 'boolean', default: false }, port: { type: 'string', default: '4321' }, 'demo-port': { type: 'string', default: '4391' }, 'no-build': { type: 'boolean', default: false } } });

const { configDir: CONFIG_DIR, contentDir: CONTENT_DIR, storyDir: STORY_DIR } = storyFromArgs('demo', values.story);
// A story folder may bring its own demo corpus (corpus/*.yaml); the default story's is pipeline/demo/corpus/.
const CORPUS_DIR = existsSync(path.join(STORY_DIR, 'corpus')) ? path.join(STORY_DIR, 'corpus') : undefined;
const SOURCES = 'sources.demo.yaml';
let config;
try {
  config = loadConfig(CONFIG_DIR, SOURCES);
} catch (e) {
  process.stderr.write(`demo: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
  process.exit(2);
}

let demo;
try {
  demo = await startDemoServer({ port: numberOption('demo', '--demo-port', values['demo-port']!, PORT), corpusDir: CORPUS_DIR, timeZone: config.story.timezone });
} catch (e) {
  process.stderr.write(`demo: cannot start the demo outlets on 127.0.0.1:${values['demo-port']}: ${(e as Error).message}\n(another demo running? stop it or pass --demo-port and edit content/config/${SOURCES})\n`);
  process.exit(1);
}
process.stdout.write(`Demo outlets: ${demo.origin}/\n`);
const progress = progressPrinter();
try {
  const { report, reportFile } = await runIngest({ config, contentDir: CONTENT_DIR, sourcesFile: SOURCES, onProgress: progress.update });
  progress.done();
  process.stdout.write(`${formatSummary(report)}\nRun report: ${path.relative(PROJECT_ROOT, reportFile!)}\n`);
} catch (e) {
  progress.done();
  process.stderr.write(`demo: ingest failed: ${(e as Error).message}\n`);
  await demo.close();
  process.exit(1);
}
// Served, the site links every article to its original on the demo outlets ("阅读原文"):
// those links must answer, so the outlets stay up as long as the site does.
if (!values.serve) await demo.close();

if (!values['no-build']) {
  process.stdout.write('Building the site (astro build + pagefind)…\n');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write(`demo: site build failed (exit ${build.status})\n`);
    await demo.close();
    process.exit(1);
  }
}

if (values.serve) {
  const site = await serveStatic(path.join(PROJECT_ROOT, 'dist'), numberOption('demo', '--port', values.port!, PORT));
  process.stdout.write(`\nStoryline is being served at ${site.url}/  (Ctrl-C to stop)\nThe demo outlets it links to stay up at ${demo.origin}/ (invented outlets and stories).\n`);
  const stop = async () => { await Promise.allSettled([site.close(), demo.close()]); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  process.stdout.write('Done. `npm start` also serves the site; `npm run serve` serves the last build.\n');
}
