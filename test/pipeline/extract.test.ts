// One folder per case under test/fixtures/pages/<slug>/: source.html and expected.json
// (title, published, mustContain, mustNotContain, or error and errorIncludes), and where a gold
// body was written, expected.txt (scored by `npm run eval:extract`). `npm run capture` adds a case.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeBytes } from '../../pipeline/decode.ts';
import { extractArticle } from '../../pipeline/extract.ts';
import { acceptCanonical } from '../../pipeline/canonical.ts';
import { StageError } from '../../pipeline/reasons.ts';

const PAGES = path.resolve(import.meta.dirname, '../fixtures/pages');
type Expected = { url?: string; title?: string; published?: string; canonicalUrl?: string; charset?: string; mustContain?: string[]; mustNotContain?: string[]; error?: string; errorIncludes?: string };

describe.each(fs.readdirSync(PAGES).filter((d) => fs.existsSync(path.join(PAGES, d, 'expected.json'))))('page fixture %s', (slug) => {
  const expected: Expected = JSON.parse(fs.readFileSync(path.join(PAGES, slug, 'expected.json'), 'utf8'));
  const bytes = fs.readFileSync(path.join(PAGES, slug, 'source.html'));
  const url = expected.url ?? `http://fixture.test/${slug}.html`;

  if (expected.error) {
    it(`fails with ${expected.error}`, () => {
      const decoded = decodeBytes(bytes);
      expect(() => extractArticle(decoded.text, url, 'Asia/Shanghai')).toThrow(StageError);
      try { extractArticle(decoded.text, url, 'Asia/Shanghai'); } catch (e) {
        expect((e as StageError).reason).toBe(expected.error);
        // The reason says what was left instead of an article: comments, a teaser list, a blurb.
        if (expected.errorIncludes) expect((e as StageError).message).toContain(expected.errorIncludes);
      }
    });
    return;
  }

  it('extracts the article and nothing else', () => {
    const decoded = decodeBytes(bytes);
    if (expected.charset) expect(decoded.charset).toBe(expected.charset);
    const article = extractArticle(decoded.text, url, 'Asia/Shanghai');
    if (expected.title) expect(article.title).toBe(expected.title);
    if (expected.published) expect(article.published).toBe(expected.published);
    if (expected.canonicalUrl) expect(article.canonicalUrl).toBe(expected.canonicalUrl);
    for (const text of expected.mustContain ?? []) expect(article.text).toContain(text);
    for (const text of expected.mustNotContain ?? []) expect(article.text).not.toContain(text);
  });

  if (expected.canonicalUrl) {
    it('a canonical link to another site is not used (the ingest keeps the fetched URL and says why)', () => {
      const url = 'http://other-outlet.test/copy.html';
      const article = extractArticle(decodeBytes(bytes).text, url, 'Asia/Shanghai');
      expect(article.canonicalUrl).toBeDefined();
      expect(acceptCanonical(article.canonicalUrl, url)).toMatchObject({ url, rejected: expect.stringMatching(/another host/) });
    });
  }
});
