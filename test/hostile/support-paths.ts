// Paths shared by the hostile tests and their child processes (no vitest import here).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The real analysis config, read only: the hostile suite tests the edges, not the classifier. */
export const CONFIG_DIR = path.join(PROJECT_ROOT, 'content/config');
export const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/hostile');
