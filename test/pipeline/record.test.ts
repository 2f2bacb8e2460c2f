// Record assembly (pipeline/record.ts): the stored Article from the parts a run gathered about
// one page, and the article id scheme.
import { describe, expect, it } from 'vitest';
import { articleIdFor, assembleArticle, articleState, type RecordParts } from '../../pipeline/record.ts';
import type { Source } from '../../pipeline/config.ts';
import type { Article } from '../../src/schema/article.ts';

const source = { id: 'cheping', name: '车评日报', kind: 'rss', url: 'http://127.0.0.1/feed.xml', enabled: true, fullText: true } as Source;
const paragraphs = ['小米汽车今日公布锁单数据。', '多位车主表示定金难以退还。'];
const page = {
  ok: true as const,
  extracted: { title: '锁单数据公布', byline: '记者 王五', published: '2024-03-29T09:00:00+08:00', paragraphs, text: paragraphs.join('\n') },
  analysis: {
    script: 'hans' as const, relevant: true, relevanceScore: 7, topics: ['refunds'],
    evidence: [{ topic: 'refunds', sentence: '多位车主表示定金难以退还。', score: 3 }],
    keywords: ['锁单', '定金'], figures: [], disputes: [], fingerprint: 'fp-1',
  },
  contentHash: 'b'.repeat(32), charset: 'utf-8', warnings: [] as string[],
} as unknown as RecordParts['page'];

const parts = (over: Partial<RecordParts> = {}): RecordParts => ({
  id: 'cheping-a-12345678', source, item: { link: 'http://127.0.0.1/a.html', guid: 'g', title: '' }, page,
  canonical: { url: 'http://127.0.0.1/a.html' }, fetchedAt: '2024-04-01T08:00:00+08:00', ...over,
});

describe('record assembly', () => {
  it('builds the article from the source, the item and the analysed page', () => {
    const a = assembleArticle(parts());
    expect(a).toMatchObject({
      id: 'cheping-a-12345678', title: '锁单数据公布', byline: '记者 王五',
      outlet: { id: 'cheping', name: '车评日报', fullText: true }, url: 'http://127.0.0.1/a.html', canonicalUrl: 'http://127.0.0.1/a.html',
      published: '2024-03-29T09:00:00+08:00', fetched: '2024-04-01T08:00:00+08:00',
      relevance: { relevant: true, score: 7 }, topics: ['refunds'], keywords: ['锁单', '定金'],
      nearDuplicates: [], corrections: [], messages: [], contentHash: 'b'.repeat(32),
    });
    expect(a.outlet).not.toHaveProperty('fictional');
    expect(a.summary.length).toBeGreaterThan(0);
  });

  it("the feed's date comes before the page's; with neither, the fetch time, said in a warning", () => {
    expect(assembleArticle(parts({ item: { link: 'http://127.0.0.1/a.html', guid: 'g', title: '', published: '2024-03-28T20:00:00+08:00' } })).published).toBe('2024-03-28T20:00:00+08:00');
    const undated = { ...page, extracted: { ...page.extracted, published: undefined } };
    const a = assembleArticle(parts({ page: undated }));
    expect(a.published).toBe('2024-04-01T08:00:00+08:00');
    expect(a.messages).toEqual([{ level: 'warning', reason: 'no-date', message: expect.stringContaining('fetch time') }]);
  });

  it('keeps the first fetch time while the text is the same, and takes the new one when it changed', () => {
    const stored = assembleArticle(parts({ fetchedAt: '2024-03-30T07:00:00+08:00' }));
    expect(assembleArticle(parts({ previous: { article: stored } })).fetched).toBe('2024-03-30T07:00:00+08:00');
    const changed: Article = { ...stored, contentHash: 'c'.repeat(32) };
    expect(assembleArticle(parts({ previous: { article: changed } })).fetched).toBe('2024-04-01T08:00:00+08:00');
  });

  it("turns the page's warnings and a refused canonical link into the article's messages", () => {
    const warned = { ...page, warnings: ['text-lost: 120 characters inside an unclosed <form>', 'bad-encoding: 2 undecodable byte sequence(s)'] };
    const a = assembleArticle(parts({ page: warned, canonical: { url: 'http://127.0.0.1/a.html', rejected: 'canonical on another host ignored' } }));
    expect(a.messages.map((m) => [m.reason, m.message])).toEqual([
      ['text-lost', '120 characters inside an unclosed <form>'],
      ['bad-encoding', 'bad-encoding: 2 undecodable byte sequence(s)'],
      ['bad-canonical', 'canonical on another host ignored'],
    ]);
  });

  it('carries the reprint links the seen-state holds until the run relinks them, and records them back', () => {
    const existing = { path: '/x.md', published: '2024-03-29T09:00:00+08:00', fingerprint: 'fp-0', outletId: 'cheping', url: 'http://127.0.0.1/a.html', reprintOf: 'other-1', nearDuplicates: ['other-2'] };
    const a = assembleArticle(parts({ existing }));
    expect(a.reprintOf).toBe('other-1');
    expect(a.nearDuplicates).toEqual(['other-2']);
    expect(articleState(a, '/content/articles/2024/03/cheping-a-12345678.md', page, 'cheping')).toEqual({
      path: '/content/articles/2024/03/cheping-a-12345678.md', published: '2024-03-29T09:00:00+08:00', fingerprint: 'fp-1', outletId: 'cheping',
      url: 'http://127.0.0.1/a.html', reprintOf: 'other-1', nearDuplicates: ['other-2'],
    });
  });
});

describe('article ids', () => {
  it('source id, a slug of the last path segment and a hash of the whole URL: stable and distinct', () => {
    const id = articleIdFor('cheping', 'http://127.0.0.1/2024/03/SU7_Price.html');
    expect(id).toMatch(/^cheping-su7-price-[0-9a-f]{8}$/);
    expect(articleIdFor('cheping', 'http://127.0.0.1/2024/03/SU7_Price.html')).toBe(id);
    expect(articleIdFor('cheping', 'http://127.0.0.1/2024/04/SU7_Price.html')).not.toBe(id);
  });

  it('a path of Chinese characters or none leaves only the source id and the hash', () => {
    expect(articleIdFor('cheping', 'http://127.0.0.1/%E6%96%B0%E9%97%BB')).toMatch(/^cheping-[0-9a-f]{8}$/);
    expect(articleIdFor('cheping', 'http://127.0.0.1/')).toMatch(/^cheping-[0-9a-f]{8}$/);
    expect(articleIdFor('cheping', 'not a url')).toMatch(/^cheping-[0-9a-f]{8}$/);
  });
});
