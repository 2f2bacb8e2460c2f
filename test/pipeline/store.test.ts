import { describe, it, expect, afterAll } from 'vitest';
import { serializeArticle, parseArticleFile, ContentStore } from '../../pipeline/store.ts';
import { splitParagraphs } from '../../src/lib/paragraphs.ts';
import type { Article } from '../../src/schema/article.ts';
import { tempContentDir } from '../helpers/temp-content.ts';

const article: Article = {
  id: 'cheping-x-12345678', title: '标题 <b>粗</b>', outlet: { id: 'cheping', name: '车评日报' },
  url: 'http://127.0.0.1/a.html', canonicalUrl: 'http://127.0.0.1/a.html',
  published: '2024-03-31T23:30:00+08:00', fetched: '2024-04-01T00:00:00+08:00', lang: 'zh', script: 'hans',
  relevance: { relevant: true, score: 9 }, topics: ['refunds'], evidence: [{ topic: 'refunds', sentence: '定金不退。', score: 2 }],
  summary: '摘要', keywords: ['定金'], figures: [], disputes: [], nearDuplicates: [], corrections: [], messages: [], contentHash: 'b'.repeat(32),
};
const paragraphs = ['第一段 <script>alert(1)</script> & 其他', '# 不是标题', '1. 不是列表', '普通段落'];

describe('article files', () => {
  it('round-trips text through the file, with no raw HTML or Markdown markers in the body', () => {
    const text = serializeArticle(article, paragraphs);
    const body = text.split('\n---\n')[1]!;
    expect(body).not.toMatch(/<script|<b>/);
    expect(body).toContain('&lt;script&gt;');
    expect(body).toMatch(/^\\# 不是标题$/m);
    const back = parseArticleFile(text, 'x.md');
    expect(back.paragraphs).toEqual(paragraphs);
    expect(back.article.title).toBe(article.title);
    // The site reads the same body the same way.
    expect(splitParagraphs(body)).toEqual(paragraphs);
  });

  it('files articles under their China-time year and month', () => {
    const content = tempContentDir();
    afterAll(() => content.cleanup());
    const store = new ContentStore(content.dir, 'Asia/Shanghai');
    // The folder follows China time: 17:30 UTC on March 31st is already April 1st in Beijing.
    expect(store.articlePath(article)).toMatch(/articles\/2024\/03\/cheping-x-12345678\.md$/);
    expect(store.articlePath({ ...article, published: '2024-03-31T17:30:00Z' })).toMatch(/articles\/2024\/04\//);
  });

  it('does not rewrite an unchanged file, and refuses a record the schema rejects', () => {
    const content = tempContentDir();
    afterAll(() => content.cleanup());
    const store = new ContentStore(content.dir, 'Asia/Shanghai');
    expect(store.writeArticle(article, paragraphs).written).toBe(true);
    expect(store.writeArticle(article, paragraphs).written).toBe(false);
    expect(() => store.writeArticle({ ...article, id: '../../etc/passwd' }, paragraphs)).toThrow(/id/);
    expect(() => store.writeArticle({ ...article, url: 'javascript:alert(1)' }, paragraphs)).toThrow(/url/);
  });
});
