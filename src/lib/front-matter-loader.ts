// A content-layer loader for Markdown files that the site shows as text: front matter
// (validated by the collection's schema) and the raw body, nothing rendered.
//
// Why not Astro's glob(): it renders every Markdown entry to HTML while it loads the
// collection, and the site never uses that HTML (bodies are escaped paragraphs, shown as text:
// src/lib/paragraphs.ts). At 10k articles that rendering was the largest single cost the site
// added over Astro itself (docs/performance.md). Ids, digests (unchanged files are not parsed
// again from the content cache), deletions and error messages naming the file work as glob()'s.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml, CORE_SCHEMA } from 'js-yaml';
import type { Loader } from 'astro/loaders';

/** `base` is relative to the project root or absolute; `recursive` walks sub-folders. */
export function frontMatterLoader(options: { base: string; recursive?: boolean }): Loader {
  return {
    name: 'storyline-front-matter',
    load: async ({ store, parseData, generateDigest, config, logger }) => {
      const root = fileURLToPath(config.root);
      const base = path.resolve(root, options.base);
      const untouched = new Set(store.keys());
      let files: string[] = [];
      try {
        files = (await fs.readdir(base, { recursive: options.recursive ?? true, withFileTypes: true }))
          .filter((e) => e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('.'))
          .map((e) => path.join(e.parentPath, e.name))
          .sort();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        logger.warn(`no folder ${base}: the collection is empty`);
      }
      for (const file of files) {
        const relative = path.relative(base, file).split(path.sep).join('/');
        const id = relative.replace(/\.md$/, '').toLowerCase();
        untouched.delete(id);
        const contents = await fs.readFile(file, 'utf8');
        const digest = generateDigest(contents);
        if (store.get(id)?.digest === digest) continue;
        const { data, body } = splitFrontMatter(contents, file);
        const parsed = await parseData({ id, data, filePath: file });
        store.set({ id, data: parsed, body, filePath: path.relative(root, file).split(path.sep).join('/'), digest });
      }
      for (const id of untouched) store.delete(id);
    },
  };
}

/** `---\nYAML\n---\nbody`. A file without front matter, or with front matter that is not a
 *  YAML mapping, is an error naming the file (as glob() names it). */
export function splitFrontMatter(contents: string, file: string): { data: Record<string, unknown>; body: string } {
  const text = contents.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n?---(?:\n|$)([\s\S]*)$/.exec(text);
  if (!m) return { data: {}, body: text };
  let data: unknown;
  try {
    // js-yaml (what glob() uses; several times faster than `yaml` here) with the YAML 1.2 core
    // schema, as the pipeline reads these files: timestamps stay strings, the schema parses them.
    data = parseYaml(m[1]!, { schema: CORE_SCHEMA, filename: file }) ?? {};
  } catch (e) {
    throw new Error(`${file}: front matter is not valid YAML: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: front matter is not a YAML mapping`);
  return { data: data as Record<string, unknown>, body: m[2]!.replace(/^\n/, '') };
}
