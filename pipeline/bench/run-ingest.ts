// One Storyline ingest run in its own process, so its peak RSS is its own (worker threads
// share the process RSS, so they are counted).
//
// node pipeline/bench/run-ingest.ts --sources sources.json --content DIR [--workers 2]
// Prints one JSON line: { ms, cpuMs, maxRssKb, totals, dedupe, sources: {ok, notModified, failed}, stored: [urls] }.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadAnalysisConfig, type Source } from '../config.ts';
import { runIngest } from '../ingest.ts';
import { CONFIG_DIR } from '../cli/paths.ts';
import { numberOption } from '../cli/numbers.ts';

const { values } = parseArgs({ options: {
  sources: { type: 'string' }, content: { type: 'string' }, workers: { type: 'string', default: '2' },
  concurrency: { type: 'string' }, 'per-host': { type: 'string' }, 'stored-out': { type: 'string' },
  /** A line per second: seconds, RSS, main-thread heap (MB), to see where the memory goes over a run. */
  'memory-log': { type: 'string' },
} });

const sources = JSON.parse(fs.readFileSync(values.sources!, 'utf8')) as Source[];
const config = { ...loadAnalysisConfig(CONFIG_DIR), sources };
const contentDir = path.resolve(values.content!);

// Where the memory is at the process's peak: the main thread's V8 heap and native memory
// (the segmenter's dictionaries are native); the rest of the RSS is the worker threads.
let peak = { rss: 0, heapTotal: 0, external: 0 };
const memoryLog: string[] = [];
let ticks = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peak.rss) peak = { rss: m.rss, heapTotal: m.heapTotal, external: m.external };
  if (values['memory-log'] && ticks++ % 5 === 0) memoryLog.push(`${(ticks / 5).toFixed(0)}\t${Math.round(m.rss / 2 ** 20)}\t${Math.round(m.heapUsed / 2 ** 20)}\t${Math.round(m.heapTotal / 2 ** 20)}`);
}, 200);
sampler.unref();

const started = performance.now();
const cpu0 = process.cpuUsage();
const { report } = await runIngest({
  config, contentDir, sourcesFile: values.sources!,
  workers: numberOption('run-ingest', '--workers', values.workers!, { min: 1, max: 256 }),
  ...(values.concurrency ? { concurrency: numberOption('run-ingest', '--concurrency', values.concurrency, { min: 1 }) } : {}),
  ...(values['per-host'] ? { perHost: numberOption('run-ingest', '--per-host', values['per-host'], { min: 1 }) } : {}),
});
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpu0);

if (values['memory-log']) fs.writeFileSync(values['memory-log'], `s\trssMb\tmainHeapUsedMb\tmainHeapTotalMb\n${memoryLog.join('\n')}\n`);
if (values['stored-out']) {
  const state = JSON.parse(fs.readFileSync(path.join(contentDir, '.state', 'seen.json'), 'utf8')) as { pages: Record<string, { status: string }> };
  fs.writeFileSync(values['stored-out'], JSON.stringify(Object.entries(state.pages).filter(([, p]) => p.status === 'stored').map(([url]) => url)));
}
const status = { ok: 0, 'not-modified': 0, failed: 0 } as Record<string, number>;
for (const s of report.sources) status[s.status] = (status[s.status] ?? 0) + 1;
const failures = report.sources.flatMap((s) => s.items.filter((i) => i.outcome === 'failed').map((i) => `${i.reason}: ${i.message}`)).slice(0, 5);
process.stdout.write(JSON.stringify({
  ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS,
  totals: report.totals, dedupe: report.dedupe, phases: report.phases, sources: status, failures,
  atPeakMb: { rss: Math.round(peak.rss / 2 ** 20), mainHeap: Math.round(peak.heapTotal / 2 ** 20), mainExternal: Math.round(peak.external / 2 ** 20) },
}) + '\n', () => process.exit(0));
