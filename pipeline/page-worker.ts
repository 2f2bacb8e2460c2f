// Worker thread entry: extracts pages (jsdom, Readability, sanitizer) and sends them back for
// analysis on the main thread (PagePool), so the segmenter's ~250 MB of dictionaries are loaded
// once per process rather than once per worker.
import { parentPort } from 'node:worker_threads';
import { extractPage, type PageTask } from './process-page.ts';

parentPort!.on('message', (message: { id: number; task: PageTask }) => {
  parentPort!.postMessage({ id: message.id, result: extractPage(message.task) });
});
// Loaded (jsdom and all): the pool's per-page clock starts from here, not from the thread's start.
parentPort!.postMessage({ ready: true });
