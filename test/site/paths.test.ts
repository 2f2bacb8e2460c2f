import { describe, expect, it } from 'vitest';
import { pagePath, paths } from '../../src/lib/paths.ts';

describe('paths', () => {
  it('builds trailing-slash URLs', () => {
    expect(paths.home()).toBe('/');
    expect(paths.home(2)).toBe('/page/2/');
    expect(paths.oldest()).toBe('/oldest/');
    expect(paths.oldest(3)).toBe('/oldest/3/');
    expect(paths.topic('sales')).toBe('/topics/sales/');
    expect(paths.topic('sales', 2)).toBe('/topics/sales/2/');
    expect(paths.topicFeed('refunds')).toBe('/topics/refunds/rss.xml');
    expect(paths.article('ithome-su7')).toBe('/articles/ithome-su7/');
    expect(paths.search('锁单')).toBe('/search/?q=%E9%94%81%E5%8D%95');
    expect(paths.dispute('locked-deposit')).toBe('/disputes/#dispute-locked-deposit');
  });
  it('names page n of a paged list as Astro\'s paginate() makes it on a [...page] route', () => {
    expect(pagePath('/topics/sales/', 1)).toBe('/topics/sales/');
    expect(pagePath('/topics/sales/', 2)).toBe('/topics/sales/2/');
    expect(pagePath('/oldest', 3)).toBe('/oldest/3/');
  });
});
