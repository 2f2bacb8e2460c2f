// The real analysis config and segmenter, loaded once per test file.
import path from 'node:path';
import { loadAnalysisConfig } from '../../pipeline/config.ts';
import { loadSegmenter } from '../../pipeline/segment.ts';

export const CONFIG_DIR = path.resolve(import.meta.dirname, '../../content/config');

export function realAnalysisConfig() {
  const config = loadAnalysisConfig(CONFIG_DIR);
  loadSegmenter(config.userDict);
  return config;
}
