// The home timeline: folded article entries and editor milestones in one list,
// ordered by day (newest or oldest first). Within a day, milestones come first so
// the key moment leads its day; articles follow in the requested order.

import type { StoryTime } from './story-time.ts';
import type { FoldedEntry } from './fold-reprints.ts';
import type { Order } from './sort-articles.ts';

export interface TimelineArticle { id: string; published: string; reprintOf?: string | undefined }
export interface TimelineEvent { date: string; title: string }

export type TimelineItem<A, E> =
  | { kind: 'event'; day: string; event: E }
  | { kind: 'article'; day: string; entry: FoldedEntry<A> };

export function buildTimeline<A extends TimelineArticle, E extends TimelineEvent>(
  entries: readonly FoldedEntry<A>[],
  events: readonly E[],
  time: Pick<StoryTime, 'dayKey'>,
  order: Order = 'newest',
): TimelineItem<A, E>[] {
  const sign = order === 'newest' ? -1 : 1;
  const items: { item: TimelineItem<A, E>; t: number; rank: number; tie: string }[] = [];
  for (const event of events) {
    items.push({ item: { kind: 'event', day: event.date, event }, t: 0, rank: 0, tie: event.title });
  }
  for (const entry of entries) {
    items.push({
      item: { kind: 'article', day: time.dayKey(entry.article.published), entry },
      t: Date.parse(entry.article.published),
      rank: 1,
      tie: entry.article.id,
    });
  }
  items.sort((a, b) => {
    if (a.item.day !== b.item.day) return (a.item.day < b.item.day ? -1 : 1) * sign;
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.t !== b.t) return (a.t - b.t) * sign;
    return (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0) * sign;
  });
  return items.map((x) => x.item);
}
