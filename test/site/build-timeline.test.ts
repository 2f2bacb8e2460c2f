import { describe, expect, it } from 'vitest';
import { storyTime } from '../../src/lib/story-time.ts';
import { buildTimeline } from '../../src/lib/build-timeline.ts';
import { foldReprints } from '../../src/lib/fold-reprints.ts';
import { sortArticles } from '../../src/lib/sort-articles.ts';

const CHINA = storyTime('Asia/Shanghai');

const articles = [
  { id: 'a', published: '2024-03-28T23:30:00+08:00' },
  { id: 'b', published: '2024-03-29T10:00:00+08:00' },
  { id: 'c', published: '2024-03-29T18:00:00+08:00' },
  { id: 'b2', published: '2024-03-29T11:00:00+08:00', reprintOf: 'b' },
];
const events = [
  { date: '2024-03-29', title: 'milestone' },
  { date: '2024-03-31', title: 'quiet day milestone' },
];

const describeItems = (items: ReturnType<typeof buildTimeline>) =>
  items.map((i) => (i.kind === 'event' ? `E:${i.event.title}` : `A:${i.entry.article.id}`));

describe('buildTimeline', () => {
  it('orders newest day first, milestone leading its day, articles newest first', () => {
    const items = buildTimeline(foldReprints(sortArticles(articles, 'newest')), events, CHINA, 'newest');
    expect(describeItems(items)).toEqual(['E:quiet day milestone', 'E:milestone', 'A:c', 'A:b', 'A:a']);
    expect(items.map((i) => i.day)).toEqual(['2024-03-31', '2024-03-29', '2024-03-29', '2024-03-29', '2024-03-28']);
  });
  it('reverses for oldest first, milestones still leading their day', () => {
    const items = buildTimeline(foldReprints(sortArticles(articles, 'oldest')), events, CHINA, 'oldest');
    expect(describeItems(items)).toEqual(['A:a', 'E:milestone', 'A:b', 'A:c', 'E:quiet day milestone']);
  });
  it('uses the Shanghai day of each article', () => {
    const items = buildTimeline(foldReprints([{ id: 'z', published: '2024-03-28T16:30:00Z' }]), [], CHINA, 'newest');
    expect(items[0]!.day).toBe('2024-03-29');
  });
});
