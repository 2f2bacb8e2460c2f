// The story's config files as the site reads them: the folder the pipeline would read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot } from '../lib/content-root.ts';

/** A config file's text and path. */
export function readConfig(name: string): { text: string; file: string } {
  // Same order as the pipeline: STORYLINE_CONFIG, then the content root's config/, then ./content/config.
  const candidates = [
    ...(process.env.STORYLINE_CONFIG ? [join(process.env.STORYLINE_CONFIG, name)] : []),
    join(contentRoot(), 'config', name),
    join('content', 'config', name),
  ];
  for (const file of candidates) {
    if (existsSync(file)) return { text: readFileSync(file, 'utf8'), file };
  }
  throw new Error(`Storyline site: ${name} not found (looked in ${candidates.join(', ')})`);
}

