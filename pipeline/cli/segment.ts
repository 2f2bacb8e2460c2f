// npm run --silent segment: text lines on stdin → each line's tokens separated by single spaces.
import path from 'node:path';
import { loadSegmenter, segment } from '../segment.ts';
import { normalizeText } from '../normalize.ts';
import { CONFIG_DIR } from './paths.ts';
import { stdinLines, writeOut, exitOnBrokenPipe } from './lines.ts';

exitOnBrokenPipe();
loadSegmenter(path.join(CONFIG_DIR, 'userdict.utf8'));
const raw = process.argv.includes('--raw'); // --raw: segment as written, without T→S/full-width normalization
for await (const line of stdinLines()) {
  const text = raw ? line : normalizeText(line);
  await writeOut(segment(text).map((t) => t.replace(/\s+/g, '_')).join(' ') + '\n');
}
