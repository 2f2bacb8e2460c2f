// Where things live, relative to the project root (the directory npm runs scripts in).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CONFIG_DIR = process.env.STORYLINE_CONFIG ?? path.join(PROJECT_ROOT, 'content/config');
export const CONTENT_DIR = process.env.STORYLINE_CONTENT ? path.resolve(process.env.STORYLINE_CONTENT) : path.join(PROJECT_ROOT, 'content');
