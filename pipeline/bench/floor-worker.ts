// A worker thread for the two-core stage floors: runs one stage over the pages it is given.
import { parentPort, workerData } from 'node:worker_threads';
import { setImmediate as tick } from 'node:timers/promises';
import { loadAnalysisConfig } from '../config.ts';
import { loadSegmenter } from '../segment.ts';
import { decodeBytes } from '../decode.ts';
import { extractArticle } from '../extract.ts';
import { processPage, type PageTask } from '../process-page.ts';

const { configDir, mode } = workerData as { configDir: string; mode: 'extract' | 'process' };
const config = loadAnalysisConfig(configDir);
loadSegmenter(config.userDict);

parentPort!.once('message', async (message: { pages: PageTask[]; warmup: number }) => {
  const run = async (pages: PageTask[]) => {
    for (const page of pages) {
      if (mode === 'extract') extractArticle(decodeBytes(page.bytes, page.contentType).text, page.url, config.story.timezone);
      else processPage(page, config);
      await tick(); // one page a macrotask, as the ingest's workers do (jsdom frees a window after a tick)
    }
  };
  await run(message.pages.slice(0, message.warmup));
  parentPort!.postMessage({ ready: true });
  await new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  const started = performance.now();
  const cpu0 = process.threadCpuUsage();
  await run(message.pages.slice(message.warmup));
  const cpu = process.threadCpuUsage(cpu0);
  parentPort!.postMessage({ ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 });
});
