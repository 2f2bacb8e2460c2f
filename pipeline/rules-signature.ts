// What the stored analysis depends on besides a page's own bytes: the story's rules. When an
// editor changes one of these files, every stored article was tagged by other rules, so the
// next ingest re-processes every page it knows (not only pages whose text changed).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The config files the analysis reads (config.ts loadAnalysisConfig), corrections aside: those force their own articles. */
export const ANALYSIS_FILES = ['topics.yaml', 'figures.yaml', 'story.yaml', 'userdict.utf8'] as const;

/** A hash of the analysis files' bytes, named so that moving content between files changes it too. */
export function rulesSignature(configDir: string): string {
  const hash = createHash('sha1');
  for (const name of ANALYSIS_FILES) {
    const file = path.join(configDir, name);
    hash.update(`${name}\0`);
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
