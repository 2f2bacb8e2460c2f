// Worker thread entry: loads config and the segmenter dictionary once, then processes pages.
import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalysisConfig } from './config.ts';
import { loadSegmenter } from './segment.ts';
import { processPage, type PageTask } from './process-page.ts';

const config = loadAnalysisConfig((workerData as { configDir: string }).configDir);
loadSegmenter(config.userDict);

parentPort!.on('message', (message: { id: number; task: PageTask }) => {
  const result = processPage(message.task, config);
  parentPort!.postMessage({ id: message.id, result });
});
