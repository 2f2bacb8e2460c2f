import { describe, expect, it } from 'vitest';
import { topKeywords } from '../../src/lib/top-keywords.ts';

describe('topKeywords', () => {
  it('ranks by the number of articles using a keyword, ties by first appearance', () => {
    const articles = [{ keywords: ['锁单', '定金', '定金'] }, { keywords: ['黄牛', '定金 '] }, { keywords: ['黄牛', '交付', ''] }];
    expect(topKeywords(articles, 2)).toEqual(['定金', '黄牛']);
    expect(topKeywords(articles)).toEqual(['定金', '黄牛', '锁单']);
    expect(topKeywords([])).toEqual([]);
  });
});
