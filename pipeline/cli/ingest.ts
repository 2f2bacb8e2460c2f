// npm run ingest [-- --sources FILE] [--watch MINUTES] [--workers N] [--quiet]
// Reads the configured sources, stores new and changed articles, writes a run report.
// --watch keeps polling and rebuilds the site after a run that changed content.
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { loadConfig, ConfigError } from '../config.ts';
import { runIngest } from '../ingest.ts';
import { formatSummary, changedSomething } from '../report.ts';
import { CONFIG_DIR, CONTENT_DIR, PROJECT_ROOT } from './paths.ts';
import { progressPrinter } from './progress.ts';
import { numberOption } from './numbers.ts';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: 'sources.yaml' },
    watch: { type: 'string' },
    workers: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

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

export async function ingestOnce(): Promise<boolean> {
  let config;
  try {
    config = loadConfig(CONFIG_DIR, values.sources);
  } catch (e) {
    process.stderr.write(`ingest: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
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
    return changedSomething(report);
  } catch (e) {
    progress.done();
    process.stderr.write(`ingest: ${(e as Error).message}\n`);
    process.exit(1);
  }
}

if (watchMinutes !== undefined) {
  const minutes = watchMinutes;
  process.stdout.write(`Watching: a run every ${minutes} min. Ctrl-C stops between items.\n`);
  while (!controller.signal.aborted) {
    const changed = await ingestOnce();
    if (changed && !values['no-build'] && !controller.signal.aborted) {
      process.stdout.write('Content changed: rebuilding the site…\n');
      const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
      if (build.status !== 0) process.stderr.write(`build failed (exit ${build.status}); the next run will try again\n`);
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
