import { describe, expect, it } from 'vitest';
import { feedItems } from '../../src/lib/feed-items.ts';

const art = (id: string, published: string) => ({ id, title: `标题${id}`, published, summary: `摘要${id}`, outlet: { name: '媒体' }, topics: ['sales'] });

describe('feedItems', () => {
  it('lists newest first with site links, dates and topic labels, up to the limit', () => {
    const items = feedItems(
      [art('a', '2024-03-28T23:30:00+08:00'), art('b', '2024-03-29T10:00:00+08:00'), art('c', '2024-03-27T10:00:00+08:00')],
      (id) => `/articles/${id}/`,
      (t) => (t === 'sales' ? '销售动态' : t),
      2,
    );
    expect(items.map((i) => i.link)).toEqual(['/articles/b/', '/articles/a/']);
    expect(items[0]).toMatchObject({ title: '标题b（媒体）', description: '摘要b', categories: ['销售动态'] });
    expect(items[1]!.pubDate.toISOString()).toBe('2024-03-28T15:30:00.000Z');
  });
});
