import { describe, expect, it } from 'vitest';
import { compareByPublished, sortArticles } from '../../src/lib/sort-articles.ts';

const a = { id: 'a', published: '2024-03-29T10:00:00+08:00' };
const b = { id: 'b', published: '2024-03-29T02:00:00Z' }; // same instant as a
const c = { id: 'c', published: '2024-03-28T23:30:00+08:00' };

describe('sortArticles', () => {
  it('sorts by instant, not by string, newest first by default', () => {
    expect(sortArticles([c, a, b]).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(sortArticles([a, b, c], 'oldest').map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
  it('breaks ties by id and leaves the input alone', () => {
    const input = [b, a];
    expect(compareByPublished(a, b)).toBeLessThan(0);
    sortArticles(input);
    expect(input).toEqual([b, a]);
  });
});
