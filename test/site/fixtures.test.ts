// The site's sample content must satisfy the shared schema, or the e2e build fails.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { articleSchema, eventSchema } from '../../src/schema/article.ts';

const root = 'test/fixtures/site-content';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : [],
  );
}

function frontMatter(file: string): unknown {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file}: no front matter`);
  return parse(m[1]!);
}

describe('site fixtures', () => {
  const articles = files(join(root, 'articles')).map((f) => ({ f, data: articleSchema.parse(frontMatter(f)) }));
  const events = files(join(root, 'events')).map((f) => eventSchema.parse(frontMatter(f)));

  it('has the variety the site tests need', () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    expect(articles.filter((a) => a.data.reprintOf).length).toBeGreaterThanOrEqual(2);
    expect(articles.some((a) => a.data.corrections.length > 0)).toBe(true);
    expect(articles.some((a) => a.data.script === 'hant')).toBe(true);
    expect(new Set(articles.flatMap((a) => a.data.disputes.map((d) => d.stage))).size).toBeGreaterThanOrEqual(3);
    expect(events).toHaveLength(3);
  });

  it('names each file after its id and links only to known articles', () => {
    const ids = new Set(articles.map((a) => a.data.id));
    for (const { f, data } of articles) {
      expect(relative(root, f)).toMatch(new RegExp(`/${data.id}\\.md$`));
      if (data.reprintOf) expect(ids.has(data.reprintOf)).toBe(true);
      for (const id of data.nearDuplicates) expect(ids.has(id)).toBe(true);
    }
  });
});
