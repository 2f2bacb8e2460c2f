import { describe, expect, it } from 'vitest';
import { groupByDay } from '../../src/lib/group-by-day.ts';

describe('groupByDay', () => {
  it('groups in first-seen order and keeps item order inside a group', () => {
    const items = [
      { id: 1, day: '2024-03-30' },
      { id: 2, day: '2024-03-29' },
      { id: 3, day: '2024-03-30' },
    ];
    const groups = groupByDay(items, (i) => i.day);
    expect(groups.map((g) => g.day)).toEqual(['2024-03-30', '2024-03-29']);
    expect(groups[0]!.items.map((i) => i.id)).toEqual([1, 3]);
  });
  it('returns nothing for nothing', () => {
    expect(groupByDay([], () => 'x')).toEqual([]);
  });
});
