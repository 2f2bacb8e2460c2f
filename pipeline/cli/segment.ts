// npm run --silent segment [-- --raw] [--story DIR]: text lines on stdin → each line's tokens separated by single spaces.
import path from 'node:path';
import { loadSegmenter, segment } from '../segment.ts';
import { normalizeText } from '../normalize.ts';
import { parseCommandLine } from './command-line.ts';
import { storyFromArgs } from './paths.ts';
import { stdinLines, writeOut, exitOnBrokenPipe } from './lines.ts';

// --raw: segment as written, without T→S/full-width normalization
const { values } = parseCommandLine('segment', 'npm run --silent segment [-- --raw] [--story DIR] < lines.txt', { options: { raw: { type: 'boolean', default: false }, story: { type: 'string' } } });
const raw = values.raw!;

exitOnBrokenPipe();
loadSegmenter(path.join(storyFromArgs('segment', values.story).configDir, 'userdict.utf8'));
for await (const line of stdinLines()) {
  const text = raw ? line : normalizeText(line);
  await writeOut(segment(text).map((t) => t.replace(/\s+/g, '_')).join(' ') + '\n');
}
