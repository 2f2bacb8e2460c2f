// npm run bench [-- --quick] [--sizes 1000,10000] [--no-naive] [--no-site] [--proposals] [--keep]
//
// Speed and scale of Storyline on a generated corpus (pipeline/bench/generate.ts) served over real
// HTTP on 127.0.0.1 (pipeline/bench/corpus-server.ts, in this process). Every measured run is a
// child process, timed here and its peak RSS read with /usr/bin/time (worker threads share their
// process's RSS, so they are included), falling back to the child's own resourceUsage().maxRSS.
//
// Figures, per corpus size: full ingest (fetch → store, workers = 2) against the naive baseline
// (pipeline/bench/naive.ts) in one process and in two side by side on half the sources each
// (`ingest_vs_naive_2proc`, with CPU ms per article for both), the unchanged re-ingest (304s only), astro build + Pagefind, a bare
// Astro build of the same Markdown, and a rebuild after 10 new articles. Once: the stage floors
// (extraction on 1 and 2 cores, segmentation) over pages in memory, and `npm run analyze` MB/s.
//
// Output: a table on stderr-free stdout, then one JSON line per figure:
//   {"name": "...", "value": <number>, "unit": "..."}; the headline is `ingest_vs_naive`.
// --quick: 1k articles, the whole bench in under 3 minutes. Default: 1k and 10k.
// --sizes 30000 --no-naive --no-floors [--no-add10]: the 30k build and
//   Pagefind figures on their own.
// --proposals: also time the ingest with pipeline/bench/proposals/*.patch applied to a temp copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { parseCommandLine } from '../cli/command-line.ts';
import { startCorpusServer, type CorpusServer } from './corpus-server.ts';
import { BenchCorpus } from './generate.ts';
import { PROJECT_ROOT } from '../cli/paths.ts';
import { numberOption } from '../cli/numbers.ts';

const { values: args } = parseCommandLine('bench', 'npm run bench [-- --quick] [--sizes 1000,10000] [--seed N] [--workers N] [--no-naive] [--no-site] [--no-floors] [--no-add10] [--proposals] [--keep] [--json-out FILE]', { options: {
  quick: { type: 'boolean', default: false },
  sizes: { type: 'string' },
  seed: { type: 'string', default: '1' },
  'no-naive': { type: 'boolean', default: false },
  'no-site': { type: 'boolean', default: false },
  'no-floors': { type: 'boolean', default: false },
  /** Skip the "+10 articles" ingest and rebuild. */
  'no-add10': { type: 'boolean', default: false },
  proposals: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  'json-out': { type: 'string' },
  workers: { type: 'string', default: '2' },
} });

const QUICK = args.quick;
const SIZES = (args.sizes ?? (QUICK ? '1000' : '1000,10000')).split(',').map((n) => numberOption('bench', '--sizes', n, { min: 1 }));
const SEED = numberOption('bench', '--seed', args.seed!);
const WORKERS = numberOption('bench', '--workers', args.workers!, { min: 1, max: 256 });
const NODE = process.execPath;
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const BENCH = path.join(PROJECT_ROOT, 'pipeline/bench');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-bench-'));
const MB = 1024 * 1024;

type Figure = { name: string; value: number; unit: string };
const figures: Figure[] = [];
const rows: string[][] = [];
const notes: string[] = [];
function figure(name: string, value: number, unit: string): void {
  if (!Number.isFinite(value)) return;
  figures.push({ name, value: Math.round(value * 1000) / 1000, unit });
}
function row(...cells: (string | number)[]): void { rows.push(cells.map(String)); }
function log(message: string): void { process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`); }
const load = () => os.loadavg()[0]!.toFixed(2);

// ---------------------------------------------------------------------------------------------
// running children

type Measured = { wallMs: number; maxRssKb: number; cpuMs: number; code: number; stdout: string; stderr: string; json?: Record<string, any>;
  /** The most the whole process tree held at once (sampled twice a second from /proc): more than
   *  maxRssKb (one process's peak) when children run side by side, as Pagefind's shards do. */
  treeRssKb: number };

/** RSS of a process and all its descendants, from /proc (0 where /proc is not there). */
function treeRssKb(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch { /* gone meanwhile */ }
  }
  return total;
}

/** Run a child (async: the corpus server in this process keeps serving), timed, with its peak RSS. */
function measure(cmd: string, cmdArgs: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; stdinFile?: string } = {}): Promise<Measured> {
  const timeFile = path.join(TMP, `time-${process.hrtime.bigint()}.txt`);
  const [file, argv] = TIME ? [TIME, ['-f', '%e %M %U %S', '-o', timeFile, cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: opts.cwd ?? PROJECT_ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...opts.env }, stdio: [opts.stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (opts.stdinFile) fs.createReadStream(opts.stdinFile).pipe(child.stdin!);
    let treePeak = 0;
    const sampler = setInterval(() => { if (child.pid) treePeak = Math.max(treePeak, treeRssKb(child.pid)); }, 500);
    let stdout = '', stderr = '';
    child.stdout!.on('data', (d) => { stdout += d; });
    child.stderr!.on('data', (d) => { stderr += d; if (stderr.length > 200_000) stderr = stderr.slice(-100_000); });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const wallMs = performance.now() - started;
      let maxRssKb = 0, cpuMs = 0;
      if (TIME) {
        const t = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        maxRssKb = t[1] ?? 0;
        cpuMs = ((t[2] ?? 0) + (t[3] ?? 0)) * 1000;
      }
      const lastLine = stdout.trim().split('\n').pop() ?? '';
      let json: Record<string, any> | undefined;
      try { json = lastLine.startsWith('{') ? JSON.parse(lastLine) : undefined; } catch { json = undefined; }
      if (!TIME && json) { maxRssKb = json.maxRssKb ?? 0; cpuMs = json.cpuMs ?? 0; }
      resolve({ wallMs, maxRssKb, cpuMs, code: code ?? 1, stdout, stderr, json, treeRssKb: Math.max(treePeak, maxRssKb) });
    });
  });
}

const nodeScript = (script: string, scriptArgs: string[], opts: Parameters<typeof measure>[2] = {}) => measure(NODE, [path.join(BENCH, script), ...scriptArgs], opts);
const mb = (bytes: number) => bytes / MB;
const fmt = (n: number, digits = 1) => Number.isFinite(n) ? n.toFixed(digits) : '–';
const rssMb = (kb: number) => kb / 1024;

// ---------------------------------------------------------------------------------------------
// ingest

type IngestRun = Measured & { articles: number; bytes: number; pages: number; stats: CorpusServer['stats'] };

/** The Node flags `npm run ingest` runs with (package.json), so the bench measures the same process. */
function ingestNodeFlags(root = PROJECT_ROOT): string[] {
  const script = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.ingest ?? '';
  return /^node\s+((?:--\S+\s+)*)/.exec(script)?.[1]!.trim().split(/\s+/).filter(Boolean) ?? [];
}

async function storylineIngest(server: CorpusServer, content: string, sourcesFile: string, extra: string[] = [], root = PROJECT_ROOT): Promise<IngestRun> {
  server.resetStats();
  const run = await measure(NODE, [...ingestNodeFlags(root), path.join(root, 'pipeline/bench/run-ingest.ts'), '--sources', sourcesFile, '--content', content, '--workers', String(WORKERS), ...extra], { cwd: root });
  const stats = server.resetStats();
  if (run.code !== 0 || !run.json) throw new Error(`storyline ingest failed (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  return { ...run, articles: run.json.totals.new + run.json.totals.updated, bytes: stats.bytes, pages: stats.pages, stats };
}

async function naiveIngest(server: CorpusServer, out: string, sourcesFile: string): Promise<IngestRun> {
  server.resetStats();
  const run = await nodeScript('naive.ts', ['--sources', sourcesFile, '--out', out]);
  const stats = server.resetStats();
  if (run.code !== 0 || !run.json) throw new Error(`naive ingest failed (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  return { ...run, articles: run.json.stored, bytes: stats.bytes, pages: stats.pages, stats };
}

/**
 * The naive baseline on both cores, as a newcomer would get there: the same script twice, side
 * by side, each on every other source. Storyline uses two cores (worker threads); comparing it
 * with a one-process loop mostly measures the second core, so this is the fair baseline.
 */
async function naiveIngestTwoProcesses(server: CorpusServer, out: string, sourcesFile: string): Promise<IngestRun & { storedUrls: Set<string> }> {
  const all = JSON.parse(fs.readFileSync(sourcesFile, 'utf8')) as unknown[];
  const halves = [0, 1].map((k) => {
    const file = path.join(TMP, `${path.basename(sourcesFile, '.json')}-half${k}.json`);
    fs.writeFileSync(file, JSON.stringify(all.filter((_, i) => i % 2 === k)));
    return file;
  });
  server.resetStats();
  const started = performance.now();
  const runs = await Promise.all(halves.map((file, k) => nodeScript('naive.ts', ['--sources', file, '--out', path.join(out, `half${k}`)])));
  const wallMs = performance.now() - started;
  const stats = server.resetStats();
  const failed = runs.find((r) => r.code !== 0 || !r.json);
  if (failed) throw new Error(`naive ×2 ingest failed (exit ${failed.code}): ${failed.stderr.slice(-2000)}`);
  const storedUrls = new Set(runs.flatMap((_, k) => [...readUrls(path.join(out, `half${k}`, '.stored.json'))]));
  return {
    wallMs, code: 0, stdout: '', stderr: '', json: undefined,
    // Both ran at once: their CPU adds up, and so does their memory (each one's peak, summed: an upper bound).
    cpuMs: runs.reduce((n, r) => n + r.cpuMs, 0),
    maxRssKb: runs.reduce((n, r) => n + r.maxRssKb, 0),
    treeRssKb: runs.reduce((n, r) => n + r.treeRssKb, 0),
    articles: runs.reduce((n, r) => n + (r.json!.stored as number), 0), bytes: stats.bytes, pages: stats.pages, stats, storedUrls,
  };
}

function readUrls(file: string): Set<string> { return new Set(JSON.parse(fs.readFileSync(file, 'utf8')) as string[]); }

// ---------------------------------------------------------------------------------------------
// site

function prepareContent(content: string): void {
  // The site reads events next to the articles; the real ones keep the timeline's milestones.
  const events = path.join(content, 'events');
  fs.mkdirSync(events, { recursive: true });
  const real = path.join(PROJECT_ROOT, 'content/events');
  if (fs.existsSync(real)) for (const f of fs.readdirSync(real)) if (f.endsWith('.md')) fs.copyFileSync(path.join(real, f), path.join(events, f));
}

async function astroBuild(root: string, content: string, outDir: string, cacheDir: string): Promise<Measured> {
  return nodeScript('astro-build.ts', ['--root', root, '--out', outDir, '--cache', cacheDir], { env: { STORYLINE_CONTENT: content, BARE_ARTICLES: path.join(content, 'articles') } });
}

/** The build's own indexing step (`npm run build` runs it after astro build): Pagefind in shards. */
async function pagefind(site: string): Promise<Measured> {
  return measure(NODE, [path.join(PROJECT_ROOT, 'pipeline/cli/search-index.ts'), '--site', site]);
}

/** A minimal Astro project outside the repo (its node_modules a link to the repo's): one page per Markdown file. */
function bareProject(): string {
  const dir = path.join(TMP, 'bare-astro');
  if (fs.existsSync(dir)) return dir;
  fs.mkdirSync(path.join(dir, 'src/pages/articles'), { recursive: true });
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare-astro', private: true, type: 'module' }));
  fs.writeFileSync(path.join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });\n`);
  fs.writeFileSync(path.join(dir, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: process.env.BARE_ARTICLES }) }) };
`);
  fs.writeFileSync(path.join(dir, 'src/pages/articles/[...id].astro'), `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.data.title}</title></head>
<body><main><h1>{entry.data.title}</h1><Content /></main></body></html>
`);
  fs.writeFileSync(path.join(dir, 'src/pages/index.astro'), `---
import { getCollection } from 'astro:content';
const n = (await getCollection('articles')).length;
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare</title></head><body><p>{n} articles</p></body></html>
`);
  return dir;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  return total;
}
function countFiles(dir: string, ext: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(ext)).length;
}

// ---------------------------------------------------------------------------------------------
// proposals: the same ingest from a temp copy of the pipeline with pipeline/bench/proposals/*.patch applied

let proposed: string | undefined | null = null;
function proposalsRoot(): string | undefined {
  if (proposed === null) proposed = buildProposalsRoot();
  return proposed;
}
function buildProposalsRoot(): string | undefined {
  const patches = fs.existsSync(path.join(BENCH, 'proposals')) ? fs.readdirSync(path.join(BENCH, 'proposals')).filter((f) => f.endsWith('.patch')).sort() : [];
  if (!patches.length) return undefined;
  const root = path.join(TMP, 'proposed');
  fs.mkdirSync(path.join(root, 'content'), { recursive: true });
  fs.cpSync(path.join(PROJECT_ROOT, 'pipeline'), path.join(root, 'pipeline'), { recursive: true });
  fs.cpSync(path.join(PROJECT_ROOT, 'src'), path.join(root, 'src'), { recursive: true });
  fs.cpSync(path.join(PROJECT_ROOT, 'content/config'), path.join(root, 'content/config'), { recursive: true });
  fs.copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(root, 'package.json'));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  for (const p of patches) {
    try {
      execFileSync('patch', ['-p1', '--forward', '--silent', '-d', root, '-i', path.join(BENCH, 'proposals', p)], { stdio: 'pipe' });
    } catch (e) {
      notes.push(`proposal ${p} does not apply to the current code: ${String((e as { stdout?: Buffer }).stdout ?? e).slice(0, 200)}`);
      return undefined;
    }
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// stage floors and analyze

async function stageFloors(pages: number, root = PROJECT_ROOT, suffix = ''): Promise<Record<string, { pagesPerSec: number; mbPerSec: number; cpuMsPerPage: number }> | undefined> {
  log(`stage floors${suffix ? ` (${suffix})` : ''} over ${pages} pages (load ${load()})`);
  const run = await measure(NODE, [path.join(root, 'pipeline/bench/floors.ts'), '--pages', String(pages), '--seed', String(SEED)], { cwd: root });
  if (run.code !== 0 || !run.json) { notes.push(`stage floors${suffix} failed: ${run.stderr.slice(-500)}`); return undefined; }
  const f = run.json as Record<string, { pagesPerSec: number; mbPerSec: number; cpuMsPerPage: number }>;
  const labels = suffix ? [['extract1', `  … extraction, 1 core, ${suffix}`], ['extract2', `  … extraction, 2 cores, ${suffix}`], ['process2', `  … processPage, 2 cores, ${suffix}`]] as const
    : [['extract1', 'Extraction floor, 1 core (decode + extractArticle)'], ['extract2', 'Extraction floor, 2 cores (2 worker threads)'],
      ['readability1', 'Readability alone on jsdom, 1 core'], ['segment1', 'Segmentation alone (nodejieba), 1 core'], ['analyze1', 'analyzeArticle alone, 1 core'], ['process2', 'processPage (extract + analyze), 2 cores']] as const;
  for (const [key, label] of labels) {
    const v = f[key];
    if (!v) continue;
    const unit = key === 'segment1' || key === 'analyze1' ? 'articles/s' : 'pages/s';
    row(label, `${fmt(v.pagesPerSec)} ${unit}`, `${fmt(v.mbPerSec, 2)} MB/s`, `${fmt(v.cpuMsPerPage, 2)} CPU-ms each`, '');
    const name = `floor_${key}${suffix ? '_proposed' : ''}`;
    figure(`${name}_per_s`, v.pagesPerSec, unit);
    figure(`${name}_mb_per_s`, v.mbPerSec, 'MB/s');
    figure(`${name}_cpu_ms_each`, v.cpuMsPerPage, 'ms');
  }
  return f;
}
let floorsResult: Record<string, { pagesPerSec: number; mbPerSec: number; cpuMsPerPage: number }> | undefined;
let proposedFloors: typeof floorsResult;

async function analyzeThroughput(articles: number): Promise<void> {
  const corpus = new BenchCorpus(articles, SEED + 7);
  const input = path.join(TMP, 'analyze-input.jsonl');
  const out = fs.createWriteStream(input);
  let bytes = 0;
  for (const line of corpus.jsonLines()) { bytes += Buffer.byteLength(line) + 1; out.write(line + '\n'); }
  await new Promise<void>((resolve) => out.end(resolve));
  log(`npm run --silent analyze over ${articles} articles, ${fmt(mb(bytes))} MB (load ${load()})`);
  const run = await measure('npm', ['run', '--silent', 'analyze'], { stdinFile: input });
  const lines = run.stdout.split('\n').filter(Boolean).length;
  if (run.code !== 0 || lines !== articles) { notes.push(`analyze: exit ${run.code}, ${lines}/${articles} lines: ${run.stderr.slice(-300)}`); return; }
  const perCore = mb(bytes) / (run.cpuMs / 1000);
  // The same command on one line: its CPU is the start-up (dictionaries, config), paid once per process.
  const one = path.join(TMP, 'analyze-one.jsonl');
  fs.writeFileSync(one, corpus.jsonLines().next().value + '\n');
  const start = await measure('npm', ['run', '--silent', 'analyze'], { stdinFile: one });
  const perCoreAfterStart = mb(bytes) / (Math.max(1, run.cpuMs - start.cpuMs) / 1000);
  row('npm run analyze (JSON Lines, 1 process)', `${fmt(articles / (run.wallMs / 1000))} articles/s`, `${fmt(mb(bytes) / (run.wallMs / 1000), 2)} MB/s wall`, `${fmt(perCore, 2)} MB per CPU-s (${fmt(perCoreAfterStart, 2)} after ${fmt(start.cpuMs / 1000, 2)} CPU-s start-up)`, `${fmt(rssMb(run.maxRssKb), 0)} MB`);
  figure('analyze_mb_per_s', mb(bytes) / (run.wallMs / 1000), 'MB/s');
  figure('analyze_mb_per_cpu_s', perCore, 'MB/s per core');
  figure('analyze_mb_per_cpu_s_after_start', perCoreAfterStart, 'MB/s per core');
  figure('analyze_start_cpu_s', start.cpuMs / 1000, 's');
  figure('analyze_peak_rss', rssMb(run.maxRssKb), 'MB');
}

// ---------------------------------------------------------------------------------------------
// one corpus size

async function benchSize(size: number): Promise<void> {
  const tag = size >= 1000 ? `${size / 1000}k` : String(size);
  log(`corpus ${tag}: generating and serving (seed ${SEED})`);
  const server = await startCorpusServer({ size, seed: SEED });
  try {
    const warm = server.warm();
    log(`corpus ${tag}: ${server.corpus.size} articles ${JSON.stringify(server.corpus.counts())}, ${server.sources().length} sources, ${fmt(mb(warm.bytes))} MB of pages rendered in ${fmt(warm.ms / 1000)} s`);
    const sourcesFile = path.join(TMP, `sources-${size}.json`);
    fs.writeFileSync(sourcesFile, JSON.stringify(server.sources()));
    const content = path.join(TMP, `content-${size}`);
    const storedFile = path.join(TMP, `stored-${size}.json`);

    // (1) full ingest
    log(`corpus ${tag}: Storyline full ingest, workers=${WORKERS} (load ${load()})`);
    const memLog = path.join(TMP, `memory-${size}.tsv`);
    const full = await storylineIngest(server, content, sourcesFile, ['--stored-out', storedFile, '--memory-log', memLog]);
    // The run samples its RSS once a second while fetching; the end of the run (dedupe, relinking
    // reprints, the report) is synchronous, so a peak above the sampled maximum belongs to it.
    const sampled = fs.readFileSync(memLog, 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split('\t')[1]));
    const duringRun = Math.max(0, ...sampled);
    const fullRate = full.articles / (full.wallMs / 1000);
    row(`Storyline ingest ${tag} (fetch → store, ${WORKERS} workers)`, `${fmt(fullRate)} articles/s`, `${fmt(mb(full.bytes) / (full.wallMs / 1000), 2)} MB/s`, `${fmt(full.wallMs / 1000)} s, ${full.articles} stored`, `${fmt(rssMb(full.maxRssKb), 0)} MB`);
    figure(`ingest_${tag}_articles_per_s`, fullRate, 'articles/s');
    figure(`ingest_${tag}_mb_per_s`, mb(full.bytes) / (full.wallMs / 1000), 'MB/s');
    figure(`ingest_${tag}_seconds`, full.wallMs / 1000, 's');
    figure(`ingest_${tag}_peak_rss`, rssMb(full.maxRssKb), 'MB');
    figure(`ingest_${tag}_rss_while_fetching`, duringRun, 'MB');
    row(`  … RSS while fetching (max of 1 s samples) / at the end`, '', '', `${fmt(duringRun, 0)} MB / ${fmt(rssMb(full.maxRssKb), 0)} MB`, '');
    figure(`ingest_${tag}_cpu_ms_per_article`, full.cpuMs / Math.max(1, full.articles), 'ms');
    if (full.json?.totals.failed) notes.push(`${tag}: ${full.json.totals.failed} pages failed in the Storyline run: ${(full.json.failures as string[]).join(' | ')}`);
    if (floorsResult?.extract2) figure(`ingest_${tag}_vs_extract_floor_2core`, (full.pages / (full.wallMs / 1000)) / floorsResult.extract2.pagesPerSec, 'ratio');

    if (args.proposals) {
      const root = proposalsRoot();
      if (root) {
        log(`corpus ${tag}: Storyline full ingest with proposals (load ${load()})`);
        const p = await storylineIngest(server, path.join(TMP, `content-proposed-${size}`), sourcesFile, [], root);
        const rate = p.articles / (p.wallMs / 1000);
        row(`  … with proposals/*.patch`, `${fmt(rate)} articles/s`, `${fmt(mb(p.bytes) / (p.wallMs / 1000), 2)} MB/s`, `${fmt(p.wallMs / 1000)} s, ${p.articles} stored`, `${fmt(rssMb(p.maxRssKb), 0)} MB`);
        figure(`ingest_${tag}_proposed_articles_per_s`, rate, 'articles/s');
        figure(`ingest_${tag}_proposed_peak_rss`, rssMb(p.maxRssKb), 'MB');
        figure(`ingest_${tag}_proposed_cpu_ms_per_article`, p.cpuMs / Math.max(1, p.articles), 'ms');
        if (proposedFloors?.extract2) figure(`ingest_${tag}_proposed_vs_extract_floor_2core`, (p.pages / (p.wallMs / 1000)) / proposedFloors.extract2.pagesPerSec, 'ratio');
        if (p.json?.totals.failed) notes.push(`${tag}: ${p.json.totals.failed} pages failed in the run with proposals: ${(p.json.failures as string[]).join(' | ')}`);
        proposedRates.set(size, { rate, rss: p.maxRssKb });
      }
    }

    // (5) unchanged re-ingest
    log(`corpus ${tag}: unchanged re-ingest (load ${load()})`);
    const again = await storylineIngest(server, content, sourcesFile);
    const only304 = again.stats.ok === 0 && again.stats.notModified > 0;
    row(`Re-ingest ${tag}, nothing changed`, `${again.stats.notModified} × 304, ${again.stats.ok} × 200`, '', `${fmt(again.wallMs / 1000, 2)} s = ${fmt(100 * again.wallMs / full.wallMs)}% of full`, `${fmt(rssMb(again.maxRssKb), 0)} MB`);
    figure(`reingest_${tag}_seconds`, again.wallMs / 1000, 's');
    figure(`reingest_${tag}_pct_of_full`, 100 * again.wallMs / full.wallMs, '%');
    figure(`reingest_${tag}_200_responses`, again.stats.ok, 'responses');
    if (!only304) notes.push(`${tag}: the unchanged re-ingest got ${again.stats.ok} full responses (expected only 304s)`);

    // naive baseline
    if (!args['no-naive']) {
      log(`corpus ${tag}: naive baseline (load ${load()})`);
      const naiveOut = path.join(TMP, `naive-${size}`);
      const naive = await naiveIngest(server, naiveOut, sourcesFile);
      const naiveRate = naive.articles / (naive.wallMs / 1000);
      row(`Naive baseline ${tag} (sequential rss-parser + fetch + JSDOM + Readability)`, `${fmt(naiveRate)} articles/s`, `${fmt(mb(naive.bytes) / (naive.wallMs / 1000), 2)} MB/s`, `${fmt(naive.wallMs / 1000)} s, ${naive.articles} stored`, `${fmt(rssMb(naive.maxRssKb), 0)} MB`);
      figure(`naive_${tag}_articles_per_s`, naiveRate, 'articles/s');
      figure(`naive_${tag}_mb_per_s`, mb(naive.bytes) / (naive.wallMs / 1000), 'MB/s');
      figure(`naive_${tag}_peak_rss`, rssMb(naive.maxRssKb), 'MB');
      const ratio = fullRate / naiveRate;
      row(`Storyline ÷ naive ${tag}`, `${fmt(ratio, 2)}× articles/s`, '', '', `RSS ${fmt(full.maxRssKb / naive.maxRssKb, 2)}×`);
      figure(`ingest_vs_naive_${tag}`, ratio, 'ratio');
      headline = ratio;
      figure(`ingest_vs_naive_${tag}_rss`, full.maxRssKb / naive.maxRssKb, 'ratio');
      const proposed = proposedRates.get(size);
      if (proposed) {
        row(`  … with proposals ÷ naive ${tag}`, `${fmt(proposed.rate / naiveRate, 2)}× articles/s`, '', '', `RSS ${fmt(proposed.rss / naive.maxRssKb, 2)}×`);
        figure(`ingest_vs_naive_${tag}_proposed`, proposed.rate / naiveRate, 'ratio');
      }
      figure(`naive_${tag}_cpu_ms_per_article`, naive.cpuMs / Math.max(1, naive.articles), 'ms');

      // The same baseline on both cores: two processes, the sources split between them.
      log(`corpus ${tag}: naive baseline ×2 processes (load ${load()})`);
      const naive2Out = path.join(TMP, `naive2-${size}`);
      const naive2 = await naiveIngestTwoProcesses(server, naive2Out, sourcesFile);
      const naive2Rate = naive2.articles / (naive2.wallMs / 1000);
      const cpuPerArticle = { storyline: full.cpuMs / Math.max(1, full.articles), naive2: naive2.cpuMs / Math.max(1, naive2.articles) };
      row(`Naive baseline ×2 processes ${tag} (sources split in two)`, `${fmt(naive2Rate)} articles/s`, `${fmt(mb(naive2.bytes) / (naive2.wallMs / 1000), 2)} MB/s`, `${fmt(naive2.wallMs / 1000)} s, ${naive2.articles} stored`, `${fmt(rssMb(naive2.maxRssKb), 0)} MB (sum)`);
      row(`Storyline ÷ naive ×2 ${tag}`, `${fmt(fullRate / naive2Rate, 2)}× articles/s`, '', `CPU ms/article: Storyline ${fmt(cpuPerArticle.storyline)}, naive ×2 ${fmt(cpuPerArticle.naive2)}`, `RSS ${fmt(full.maxRssKb / naive2.maxRssKb, 2)}×`);
      figure(`naive2_${tag}_articles_per_s`, naive2Rate, 'articles/s');
      figure(`naive2_${tag}_cpu_ms_per_article`, cpuPerArticle.naive2, 'ms');
      figure(`naive2_${tag}_peak_rss_sum`, rssMb(naive2.maxRssKb), 'MB');
      figure(`ingest_vs_naive_2proc_${tag}`, fullRate / naive2Rate, 'ratio');
      headline2 = { ratio: fullRate / naive2Rate, ...cpuPerArticle };
      if (naive2.articles !== naive.articles) notes.push(`${tag}: the naive ×2 run stored ${naive2.articles} articles, the one-process run ${naive.articles}`);
      if (!args.keep) fs.rmSync(naive2Out, { recursive: true, force: true });

      // Same articles stored? Storyline's seen-state vs the naive run's list.
      const a = readUrls(storedFile), b = readUrls(path.join(naiveOut, '.stored.json'));
      const onlyS = [...a].filter((u) => !b.has(u)).length, onlyN = [...b].filter((u) => !a.has(u)).length;
      row(`Same articles stored? ${tag}`, onlyS === 0 && onlyN === 0 ? 'yes' : 'NO', `${a.size} vs ${b.size}`, `${onlyS} only Storyline, ${onlyN} only naive`, '');
      figure(`stored_set_difference_${tag}`, onlyS + onlyN, 'articles');
      if (onlyS || onlyN) notes.push(`${tag}: stored sets differ: ${onlyS} only in Storyline, ${onlyN} only in the naive run`);
      if (!args.keep) fs.rmSync(naiveOut, { recursive: true, force: true });
    }

    // (4) site
    if (!args['no-site']) {
      prepareContent(content);
      const mdBytes = dirBytes(path.join(content, 'articles'));
      const out = path.join(TMP, `dist-${size}`);
      const cache = path.join(TMP, `astro-cache-${size}`);
      log(`corpus ${tag}: astro build of ${countFiles(path.join(content, 'articles'), '.md')} articles (load ${load()})`);
      const build = await astroBuild(PROJECT_ROOT, content, out, cache);
      if (build.code !== 0) {
        notes.push(`${tag}: astro build failed (exit ${build.code}): ${build.stderr.trim().split('\n').slice(-12).join(' ⏎ ').slice(0, 1500)}`);
        row(`astro build ${tag}`, 'FAILED', '', `exit ${build.code}`, `${fmt(rssMb(build.maxRssKb), 0)} MB`);
      } else {
        const htmlPages = countFiles(out, '.html');
        row(`astro build ${tag} (${htmlPages} HTML pages, ${fmt(mb(mdBytes))} MB Markdown)`, `${fmt(build.wallMs / 1000)} s`, `${fmt(htmlPages / (build.wallMs / 1000))} pages/s`, `${fmt(build.cpuMs / 1000)} CPU-s`, `${fmt(rssMb(build.maxRssKb), 0)} MB`);
        figure(`astro_build_${tag}_cpu_seconds`, build.cpuMs / 1000, 's');
        figure(`astro_build_${tag}_seconds`, build.wallMs / 1000, 's');
        figure(`astro_build_${tag}_peak_rss`, rssMb(build.maxRssKb), 'MB');
        figure(`astro_build_${tag}_html_pages`, htmlPages, 'pages');
        log(`corpus ${tag}: pagefind (load ${load()})`);
        const pf = await pagefind(out);
        const [, shards = '?', atOnce = '?'] = /in (\d+) shards?, (\d+) at a time/.exec(pf.stderr) ?? [];
        row(`Pagefind index ${tag} (${shards} shards, ${atOnce} at a time; RSS: all at once / one shard)`, `${fmt(pf.wallMs / 1000)} s`, '', pf.code === 0 ? `${fmt(pf.cpuMs / 1000)} CPU-s` : `exit ${pf.code}: ${pf.stderr.trim().split('\n').pop()?.slice(0, 120) ?? ''}`, `${fmt(rssMb(pf.treeRssKb), 0)} / ${fmt(rssMb(pf.maxRssKb), 0)} MB`);
        if (pf.code !== 0) notes.push(`${tag}: pagefind failed (exit ${pf.code}): ${pf.stderr.slice(-400)}`);
        figure(`pagefind_${tag}_seconds`, pf.wallMs / 1000, 's');
        figure(`pagefind_${tag}_peak_rss`, rssMb(pf.treeRssKb), 'MB');
        figure(`pagefind_${tag}_peak_rss_one_shard`, rssMb(pf.maxRssKb), 'MB');
        figure(`site_build_${tag}_peak_rss`, rssMb(Math.max(build.treeRssKb, pf.treeRssKb)), 'MB');

        // bare Astro over the same Markdown files
        log(`corpus ${tag}: bare astro build of the same Markdown (load ${load()})`);
        const bareOut = path.join(TMP, `bare-dist-${size}`);
        const bare = await astroBuild(bareProject(), content, bareOut, path.join(TMP, `bare-cache-${size}`));
        if (bare.code === 0) {
          row(`Bare Astro build ${tag} (one page per .md, no schema)`, `${fmt(bare.wallMs / 1000)} s`, `${countFiles(bareOut, '.html')} HTML pages`, `${fmt(bare.cpuMs / 1000)} CPU-s; site ÷ bare ${fmt(build.wallMs / bare.wallMs, 2)}× (CPU ${fmt(build.cpuMs / bare.cpuMs, 2)}×)`, `${fmt(rssMb(bare.maxRssKb), 0)} MB`);
          figure(`bare_astro_build_${tag}_cpu_seconds`, bare.cpuMs / 1000, 's');
          figure(`astro_build_vs_bare_${tag}_cpu`, build.cpuMs / bare.cpuMs, 'ratio');
          figure(`bare_astro_build_${tag}_seconds`, bare.wallMs / 1000, 's');
          figure(`bare_astro_build_${tag}_peak_rss`, rssMb(bare.maxRssKb), 'MB');
          figure(`astro_build_vs_bare_${tag}`, build.wallMs / bare.wallMs, 'ratio');
        } else notes.push(`${tag}: bare astro build failed: ${bare.stderr.slice(-800)}`);
        fs.rmSync(bareOut, { recursive: true, force: true });

        // 10 new articles: incremental ingest, then rebuild with the warm content cache
        if (!args['no-add10']) {
          server.grow(10);
          fs.writeFileSync(sourcesFile, JSON.stringify(server.sources()));
          log(`corpus ${tag}: +10 articles: ingest and rebuild (load ${load()})`);
          const inc = await storylineIngest(server, content, sourcesFile);
          const rebuild = await astroBuild(PROJECT_ROOT, content, out, cache);
          const pf2 = rebuild.code === 0 ? await pagefind(out) : undefined;
          row(`+10 articles ${tag}: ingest`, `${fmt(inc.wallMs / 1000, 2)} s`, `${inc.stats.ok} × 200, ${inc.stats.notModified} × 304`, `${inc.json?.totals.new ?? '?'} new`, `${fmt(rssMb(inc.maxRssKb), 0)} MB`);
          row(`+10 articles ${tag}: astro build + Pagefind`, `${fmt(rebuild.wallMs / 1000)} s + ${fmt((pf2?.wallMs ?? NaN) / 1000)} s`, '', `${fmt(100 * rebuild.wallMs / build.wallMs)}% of the first build`, `${fmt(rssMb(rebuild.maxRssKb), 0)} MB`);
          figure(`add10_${tag}_ingest_seconds`, inc.wallMs / 1000, 's');
          figure(`add10_${tag}_rebuild_seconds`, rebuild.wallMs / 1000, 's');
          if (pf2) figure(`add10_${tag}_pagefind_seconds`, pf2.wallMs / 1000, 's');
          if (rebuild.code !== 0) notes.push(`${tag}: rebuild failed: ${rebuild.stderr.slice(-500)}`);
        }
      }
      if (!args.keep) { fs.rmSync(out, { recursive: true, force: true }); }
    }
    if (!args.keep) fs.rmSync(content, { recursive: true, force: true });
  } finally {
    await server.close();
  }
}
const proposedRates = new Map<number, { rate: number; rss: number }>();
/** Storyline ÷ naive articles/s at the largest size the naive baseline ran. */
let headline: number | undefined;
/** The same against the two-process naive baseline, with CPU ms per article on both sides. */
let headline2: { ratio: number; storyline: number; naive2: number } | undefined;

// ---------------------------------------------------------------------------------------------

const started = performance.now();
log(`${QUICK ? 'quick' : 'full'} bench: sizes ${SIZES.join(', ')}, ${os.availableParallelism()} cores, ${fmt(os.totalmem() / 1024 ** 3)} GiB, node ${process.version}, load ${load()}, temp ${TMP}, ingest flags ${ingestNodeFlags().join(" ") || "none"}`);
try {
  if (!args['no-floors']) {
    floorsResult = await stageFloors(QUICK ? 150 : 500);
    const root = args.proposals ? proposalsRoot() : undefined;
    if (root) proposedFloors = await stageFloors(QUICK ? 150 : 500, root, 'with proposals');
    await analyzeThroughput(QUICK ? 500 : 3000);
  }
  for (const size of SIZES) await benchSize(size);
} finally {
  if (!args.keep) fs.rmSync(TMP, { recursive: true, force: true });
  else log(`kept ${TMP}`);
}

if (headline !== undefined) figure('ingest_vs_naive', headline, 'ratio');
if (headline2) {
  figure('ingest_vs_naive_2proc', headline2.ratio, 'ratio');
  figure('ingest_cpu_ms_per_article', headline2.storyline, 'ms');
  figure('naive_2proc_cpu_ms_per_article', headline2.naive2, 'ms');
}

const header = ['Figure', 'Rate', 'Throughput', 'Detail', 'Peak RSS'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
const out: string[] = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
process.stdout.write(`\n${out.join('\n')}\n\n`);
process.stdout.write(`Machine: ${os.availableParallelism()} cores, ${fmt(os.totalmem() / 1024 ** 3)} GiB; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${fmt((performance.now() - started) / 1000)} s in all.\n`);
for (const n of notes) process.stdout.write(`Note: ${n}\n`);
process.stdout.write('\n');
for (const f of figures) process.stdout.write(JSON.stringify(f) + '\n');
if (args['json-out']) fs.writeFileSync(args['json-out'], JSON.stringify({ date: new Date().toISOString(), sizes: SIZES, quick: QUICK, rows, notes, figures }, null, 2));
process.exit(0);
