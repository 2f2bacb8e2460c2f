// Where things live. A story is a folder (config/, articles/, events/, runs/); content/ is the
// default one. Every command takes `--story DIR`; the site build reads the same folder from
// STORYLINE_CONTENT, which a command given --story sets for what it runs (npm run build).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_STORY = path.join(PROJECT_ROOT, 'content');

export type StoryPaths = { storyDir: string; configDir: string; contentDir: string };

/**
 * `--story DIR` (its config/ must exist: a typo should not quietly ingest into a new folder),
 * else STORYLINE_CONTENT (its config/ when it has one, as the site reads it; tests and the bench
 * point it at generated articles and keep the default story's config), else content/.
 * STORYLINE_CONFIG, for tests, overrides the config folder of the last two.
 */
export function resolveStory(story: string | undefined, env: NodeJS.ProcessEnv = process.env): StoryPaths {
  if (story) {
    const storyDir = path.resolve(story);
    const configDir = path.join(storyDir, 'config');
    if (!fs.existsSync(configDir)) {
      throw new Error(`--story ${story}: ${storyDir} has no config/ folder. A story folder holds config/ (story.yaml, topics.yaml, sources.yaml …), articles/, events/ and runs/ (README, "Story folders")`);
    }
    return { storyDir, configDir, contentDir: storyDir };
  }
  const storyDir = env.STORYLINE_CONTENT ? path.resolve(env.STORYLINE_CONTENT) : DEFAULT_STORY;
  const own = path.join(storyDir, 'config');
  const configDir = env.STORYLINE_CONFIG || (fs.existsSync(own) ? own : path.join(DEFAULT_STORY, 'config'));
  return { storyDir, configDir, contentDir: storyDir };
}

/** Children (npm run build, astro, pagefind) then read the story this command was given. */
export function shareStory(paths: StoryPaths): void {
  process.env.STORYLINE_CONTENT = paths.contentDir;
  process.env.STORYLINE_CONFIG = paths.configDir;
}

/** For a CLI: resolve `--story`, share it with children, or exit 2 with the reason. */
export function storyFromArgs(command: string, story: string | undefined): StoryPaths {
  try {
    const paths = resolveStory(story);
    if (story) shareStory(paths);
    return paths;
  } catch (e) {
    process.stderr.write(`${command}: ${(e as Error).message}\n`);
    process.exit(2);
  }
}

/** The default story, for modules with no command line of their own (bench, workers). */
const initial = resolveStory(undefined);
export const CONFIG_DIR = initial.configDir;
export const CONTENT_DIR = initial.contentDir;
