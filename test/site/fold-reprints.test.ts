import { describe, expect, it } from 'vitest';
import { foldReprints, resolveOriginal } from '../../src/lib/fold-reprints.ts';

const art = (id: string, published: string, reprintOf?: string) => ({ id, published, reprintOf });

describe('foldReprints', () => {
  const orig = art('orig', '2024-03-29T10:00:00+08:00');
  const r1 = art('r1', '2024-03-29T12:00:00+08:00', 'orig');
  const r2 = art('r2', '2024-03-29T11:00:00+08:00', 'orig');
  const lone = art('lone', '2024-03-30T09:00:00+08:00', 'missing');
  const other = art('other', '2024-03-28T09:00:00+08:00');

  it('puts reprints under their original, oldest reprint first, keeping entry order', () => {
    const entries = foldReprints([lone, r1, r2, orig, other]);
    expect(entries.map((e) => e.article.id)).toEqual(['lone', 'orig', 'other']);
    expect(entries[1]!.reprints.map((r) => r.id)).toEqual(['r2', 'r1']);
  });

  it('lets a reprint of an absent original stand alone', () => {
    expect(foldReprints([lone])).toEqual([{ article: lone, reprints: [] }]);
  });

  it('follows chains and survives cycles', () => {
    const chain = art('chain', '2024-03-30T00:00:00+08:00', 'r1');
    const entries = foldReprints([orig, r1, chain]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.reprints.map((r) => r.id)).toEqual(['r1', 'chain']);

    const x = art('x', '2024-03-30T00:00:00+08:00', 'y');
    const y = art('y', '2024-03-30T01:00:00+08:00', 'x');
    const byId = new Map([[x.id, x], [y.id, y]]);
    expect(resolveOriginal(x, byId).id).toBe('x'); // the earliest member of the cycle
    expect(resolveOriginal(y, byId).id).toBe('x');
    // In a cycle nothing is lost: every article appears exactly once.
    const ids = foldReprints([x, y]).flatMap((e) => [e.article.id, ...e.reprints.map((r) => r.id)]);
    expect(ids.sort()).toEqual(['x', 'y']);
  });
});
