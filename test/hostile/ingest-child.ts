// Child process for tests that must kill or time-limit an ingest run:
//   node test/hostile/ingest-child.ts <contentDir> <sourcesFile> [fetchOptionsJson]
// Prints the run report as JSON on stdout when the run ends.
import { loadConfig } from '../../pipeline/config.ts';
import { runIngest } from '../../pipeline/ingest.ts';
import { CONFIG_DIR } from './support-paths.ts';

const [contentDir, sourcesFile, fetchJson] = process.argv.slice(2);
if (!contentDir || !sourcesFile) {
  process.stderr.write('usage: ingest-child.ts <contentDir> <sourcesFile> [fetchOptionsJson]\n');
  process.exit(2);
}
const { report } = await runIngest({
  config: loadConfig(CONFIG_DIR, sourcesFile),
  contentDir, sourcesFile, workers: 1, writeReport: false, politeDelayMs: 0,
  fetchOptions: { retries: 0, ...(fetchJson ? JSON.parse(fetchJson) : {}) },
});
process.stdout.write(JSON.stringify(report) + '\n');
