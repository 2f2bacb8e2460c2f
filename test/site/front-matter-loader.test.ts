import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/lib/front-matter-loader.ts';
import { serializeArticle, parseArticleFile } from '../../pipeline/store.ts';
import fs from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve('test/fixtures/site-content/articles');
const fixtureFiles = () => fs.readdirSync(FIXTURES, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => path.join(e.parentPath, e.name));

describe('front-matter loader', () => {
  it('reads what the store writes: the same data and body the pipeline reads back', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const { article, paragraphs } = parseArticleFile(fs.readFileSync(file, 'utf8'), file);
      const text = serializeArticle(article, paragraphs);
      const { data, body } = splitFrontMatter(text, 'x.md');
      const back = parseArticleFile(text, 'x.md');
      expect(data.id).toBe(article.id);
      expect(data.title).toBe(article.title);
      // A title with no text (a trending list's entry) has no paragraph.
      expect(body.trim() ? body.trim().split(/\n{2,}/).length : 0).toBe(back.paragraphs.length);
    }
  });

  it('copes with a byte-order mark and Windows line ends', () => {
    const { data, body } = splitFrontMatter('\uFEFF---\r\ntitle: 小米SU7\r\ndate: 2024-03-28\r\n---\r\n\r\n正文第一段\r\n', 'e.md');
    expect(data).toEqual({ title: '小米SU7', date: '2024-03-28' });
    expect(body).toBe('正文第一段\n');
  });

  it('names the file when the front matter is broken', () => {
    expect(() => splitFrontMatter('---\ntitle: [unclosed\n---\nbody', 'content/articles/2024/03/bad.md')).toThrow(/content\/articles\/2024\/03\/bad\.md: front matter is not valid YAML/);
    expect(() => splitFrontMatter('---\n- a\n- b\n---\nbody', 'list.md')).toThrow(/list\.md: front matter is not a YAML mapping/);
  });

  it('treats a file without front matter as a body with no data (the schema then names what is missing)', () => {
    expect(splitFrontMatter('只有正文', 'plain.md')).toEqual({ data: {}, body: '只有正文' });
  });
});
