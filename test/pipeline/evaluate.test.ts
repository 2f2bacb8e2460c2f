import { describe, expect, it } from 'vitest';
import { score, wilsonInterval } from '../../pipeline/evaluate.ts';

describe('wilsonInterval', () => {
  it('matches the textbook values', () => {
    const [lo, hi] = wilsonInterval(5, 10);
    expect(lo).toBeCloseTo(0.2366, 3);
    expect(hi).toBeCloseTo(0.7634, 3);
  });

  it('keeps a proportion of none or all inside 0..1 with a real width', () => {
    const [lo0, hi0] = wilsonInterval(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.2775, 3);
    const [lo1, hi1] = wilsonInterval(10, 10);
    expect(hi1).toBe(1);
    expect(lo1).toBeCloseTo(0.7225, 3);
  });

  it('narrows as the sample grows and says nothing of an empty one', () => {
    const small = wilsonInterval(9, 10);
    const large = wilsonInterval(900, 1000);
    expect(large[1] - large[0]).toBeLessThan(small[1] - small[0]);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('score', () => {
  it('gives the counts behind relevance recall and off-topic rejection', () => {
    const labels = [
      { id: 'a', relevant: true, topics: ['sales' as const] },
      { id: 'b', relevant: true, topics: ['refunds' as const] },
      { id: 'c', relevant: false, topics: [] },
    ];
    const predictions = new Map([
      ['a', { id: 'a', relevant: true, topics: ['sales' as const] }],
      ['b', { id: 'b', relevant: false, topics: [] }],
      ['c', { id: 'c', relevant: true, topics: ['sales' as const] }],
    ]);
    const s = score(labels, predictions, ['sales', 'refunds', 'resale', 'disputes']);
    expect([s.storyKept, s.storyItems, s.offTopicKept, s.offTopicItems]).toEqual([1, 2, 1, 1]);
    expect(s.relevanceRecall).toBe(0.5);
  });
});
