// npm run ingest [-- --story DIR] [--sources FILE] [--watch MINUTES] [--workers N] [--quiet]
// Reads the configured sources, stores new and changed articles, writes a run report.
// --watch keeps polling and rebuilds the site after a run that changed a file under the story.
import { parseCommandLine } from './command-line.ts';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig, ConfigError, sourcesPath } from '../config.ts';
import { nothingToIngest } from '../sources-file.ts';
import { runIngest } from '../ingest.ts';
import { formatSummary } from '../report.ts';
import { storyFingerprint } from '../story-files.ts';
import { PROJECT_ROOT, storyFromArgs } from './paths.ts';
import { progressPrinter } from './progress.ts';
import { numberOption } from './numbers.ts';

const { values } = parseCommandLine('ingest', 'npm run ingest [-- --story DIR] [--sources FILE] [--watch MINUTES] [--workers N] [--quiet] [--no-build]', {
  options: {
    story: { type: 'string' },
    sources: { type: 'string', default: 'sources.yaml' },
    watch: { type: 'string' },
    workers: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

const { configDir: CONFIG_DIR, contentDir: CONTENT_DIR } = storyFromArgs('ingest', values.story);
// Every number is checked before anything is fetched: `--workers abc` would be a NaN-sized pool that never runs.
const workers = values.workers === undefined ? undefined : numberOption('ingest', '--workers', values.workers, { min: 1, max: 256 });
const watchMinutes = values.watch === undefined ? undefined : numberOption('ingest', '--watch', values.watch, { above: 0, integer: false });

const controller = new AbortController();
let stopping = false;
process.on('SIGINT', () => {
  if (stopping) process.exit(130);
  stopping = true;
  process.stderr.write('\nStopping after the items in flight (Ctrl-C again to quit now)…\n');
  controller.abort();
});

export async function ingestOnce(): Promise<void> {
  let config;
  try {
    config = loadConfig(CONFIG_DIR, values.sources);
  } catch (e) {
    process.stderr.write(`ingest: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
    process.exit(2);
  }
  const idle = nothingToIngest(config.sources, path.relative(process.cwd(), sourcesPath(CONFIG_DIR, values.sources!)) || values.sources!);
  if (idle) {
    process.stderr.write(`ingest: ${idle}\n`);
    process.exit(2);
  }
  const progress = progressPrinter();
  try {
    const { report, reportFile } = await runIngest({
      config, contentDir: CONTENT_DIR, sourcesFile: values.sources!,
      workers,
      signal: controller.signal,
      onProgress: values.quiet ? undefined : progress.update,
    });
    progress.done();
    if (!values.quiet) process.stdout.write(`${formatSummary(report)}\nRun report: ${reportFile}\n`);
  } catch (e) {
    progress.done();
    process.stderr.write(`ingest: ${(e as Error).message}\n`);
    process.exit(1);
  }
}

if (watchMinutes !== undefined) {
  const minutes = watchMinutes;
  process.stdout.write(`Watching: a run every ${minutes} min. Ctrl-C stops between items.\n`);
  // The site is rebuilt when a file it is built from changed, whatever the run's counts say.
  const storyRoots = [CONTENT_DIR, CONFIG_DIR];
  let built = storyFingerprint(storyRoots);
  while (!controller.signal.aborted) {
    await ingestOnce();
    const now = storyFingerprint(storyRoots);
    if (controller.signal.aborted) break;
    if (now === built) {
      process.stdout.write('No file under the story changed: the site is left as it is.\n');
    } else if (values['no-build']) {
      process.stdout.write('Files under the story changed (--no-build: not rebuilding).\n');
      built = now;
    } else {
      process.stdout.write('Files under the story changed: rebuilding the site…\n');
      const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
      if (build.status === 0) built = now;
      else process.stderr.write(`build failed (exit ${build.status}); the next run will try again\n`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, minutes * 60_000);
      controller.signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
    });
  }
  process.stdout.write('Stopped.\n');
} else {
  await ingestOnce();
}
