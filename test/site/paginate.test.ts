import { describe, expect, it } from 'vitest';
import { pagePath, paginate } from '../../src/lib/paginate.ts';

describe('paginate', () => {
  it('cuts into pages of the given size', () => {
    const pages = paginate(Array.from({ length: 45 }, (_, i) => i), 20);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages[2]).toMatchObject({ page: 3, pageCount: 3, start: 40, total: 45 });
  });
  it('always has a first page, even when empty', () => {
    expect(paginate([], 20)).toEqual([{ page: 1, pageCount: 1, items: [], start: 0, total: 0 }]);
  });
  it('rejects bad sizes', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 1.5)).toThrow(RangeError);
  });
  it('names page URLs', () => {
    expect(pagePath('/topics/sales/', 1)).toBe('/topics/sales/');
    expect(pagePath('/topics/sales/', 2)).toBe('/topics/sales/2/');
    expect(pagePath('/oldest', 3)).toBe('/oldest/3/');
  });
});
