// Stage floors: each CPU stage alone over generated pages already in memory, no network, no disk.
// What the ingest could reach if fetching and storing were free.
//
//   extract1     decode + extractArticle (Readability on jsdom, sanitizer), 1 core
//   extract2     the same on 2 worker threads, each with half the pages
//   readability1 new JSDOM + Readability.parse() only (what the naive baseline does per page)
//   segment1     nodejieba segmentation of the extracted title + text
//   analyze1     analyzeArticle on the extracted title + text
//   process2     processPage (decode + extract + analyze), 2 worker threads: the ingest's CPU floor
//
// node pipeline/bench/floors.ts [--pages 500] [--seed 1]
// Prints one JSON line: { <stage>: { pagesPerSec, mbPerSec, ms, cpuMsPerPage } }; MB are of HTML
// for the page stages and of extracted text (UTF-8) for segment1 and analyze1. cpuMsPerPage is
// the stage threads' own CPU time (process.threadCpuUsage), which other load on the machine
// changes much less than the wall-clock rates.
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { setImmediate as tick } from 'node:timers/promises';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { BenchCorpus } from './generate.ts';
import { renderArticlePage } from './corpus-server.ts';
import { loadAnalysisConfig } from '../config.ts';
import { loadSegmenter, segment } from '../segment.ts';
import { decodeBytes } from '../decode.ts';
import { extractArticle, type Extracted } from '../extract.ts';
import { analyzeArticle } from '../analyze.ts';
import type { PageTask } from '../process-page.ts';
import { CONFIG_DIR } from '../cli/paths.ts';
import { numberOption } from '../cli/numbers.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '500' }, seed: { type: 'string', default: '1' } } });
const COUNT = numberOption('floors', '--pages', values.pages!, { min: 1 });
const WARMUP = Math.min(30, Math.floor(COUNT / 5));
const ORIGIN = 'http://127.0.0.1:9';

const corpus = new BenchCorpus(COUNT, numberOption('floors', '--seed', values.seed!) + 13);
const config = loadAnalysisConfig(CONFIG_DIR);
const pages: PageTask[] = corpus.items.map((it) => {
  const { body, contentType } = renderArticlePage(corpus, it.index, ORIGIN);
  return { url: ORIGIN + it.path, bytes: new Uint8Array(body), contentType, timeZone: config.story.timezone };
});
const htmlBytes = (list: PageTask[]) => list.reduce((n, p) => n + p.bytes.byteLength, 0);
const MB = 1024 * 1024;
loadSegmenter(config.userDict);

type Result = { pagesPerSec: number; mbPerSec: number; ms: number; cpuMsPerPage: number };
const results: Record<string, Result> = {};
const record = (name: string, n: number, bytes: number, t: { ms: number; cpuMs: number }) => {
  results[name] = { pagesPerSec: n / (t.ms / 1000), mbPerSec: bytes / MB / (t.ms / 1000), ms: t.ms, cpuMsPerPage: t.cpuMs / n };
};

/** Time fn over the pages after a warm-up, one page a macrotask (as in a worker). */
async function timed<T>(list: T[], fn: (item: T) => void): Promise<{ ms: number; cpuMs: number }> {
  for (const item of list.slice(0, WARMUP)) { fn(item); await tick(); }
  const started = performance.now();
  const cpu0 = process.threadCpuUsage();
  for (const item of list.slice(WARMUP)) { fn(item); await tick(); }
  const cpu = process.threadCpuUsage(cpu0);
  return { ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const measured = pages.slice(WARMUP);

// 1 core
const extracted: Extracted[] = [];
let t = await timed(pages, (p) => { extracted.push(extractArticle(decodeBytes(p.bytes, p.contentType).text, p.url, config.story.timezone)); });
record('extract1', measured.length, htmlBytes(measured), t);

const quiet = new VirtualConsole();
t = await timed(pages, (p) => {
  const dom = new JSDOM(decodeBytes(p.bytes, p.contentType).text, { url: p.url, virtualConsole: quiet });
  new Readability(dom.window.document).parse();
  dom.window.close();
});
record('readability1', measured.length, htmlBytes(measured), t);

const texts = extracted.map((e) => ({ title: e.title, text: e.text }));
const textBytes = texts.slice(WARMUP).reduce((n, t) => n + Buffer.byteLength(t.title) + 1 + Buffer.byteLength(t.text), 0);
t = await timed(texts, (x) => { segment(`${x.title}\n${x.text}`); });
record('segment1', texts.length - WARMUP, textBytes, t);
t = await timed(texts, (x) => { analyzeArticle(x, config); });
record('analyze1', texts.length - WARMUP, textBytes, t);

// 2 cores: two worker threads, each warmed up on its own pages, then started together.
async function twoCores(mode: 'extract' | 'process'): Promise<{ ms: number; cpuMs: number }> {
  const halves = [pages.filter((_, i) => i % 2 === 0), pages.filter((_, i) => i % 2 === 1)];
  const workers = halves.map(() => new Worker(new URL('./floor-worker.ts', import.meta.url), { workerData: { configDir: CONFIG_DIR, mode } }));
  const ready = workers.map((w, i) => new Promise<void>((resolve) => {
    w.once('message', () => resolve());
    w.postMessage({ pages: halves[i], warmup: Math.floor(WARMUP / 2) });
  }));
  await Promise.all(ready);
  const started = performance.now();
  const done = workers.map((w) => new Promise<{ cpuMs: number }>((resolve) => { w.once('message', (m) => resolve(m)); w.postMessage('go'); }));
  const threads = await Promise.all(done);
  const elapsed = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return { ms: elapsed, cpuMs: threads.reduce((n, x) => n + x.cpuMs, 0) };
}
const twoMeasured = pages.filter((_, i) => Math.floor(i / 2) >= Math.floor(WARMUP / 2));
t = await twoCores('extract');
record('extract2', twoMeasured.length, htmlBytes(twoMeasured), t);
t = await twoCores('process');
record('process2', twoMeasured.length, htmlBytes(twoMeasured), t);

process.stdout.write(JSON.stringify(results) + '\n', () => process.exit(0));
