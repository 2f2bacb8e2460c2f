import { describe, expect, it } from 'vitest';
import { createRelatedIndex } from '../../src/lib/related-articles.ts';

const art = (id: string, published: string, reprintOf?: string, nearDuplicates: string[] = []) => ({ id, published, reprintOf, nearDuplicates });

describe('related articles', () => {
  const orig = art('orig', '2024-03-29T10:00:00+08:00');
  const r1 = art('r1', '2024-03-29T12:00:00+08:00', 'orig');
  const r2 = art('r2', '2024-03-29T11:00:00+08:00', 'orig');
  const near = art('near', '2024-04-02T18:00:00+08:00', undefined, ['orig', 'gone']);
  const orphan = art('orphan', '2024-04-03T18:00:00+08:00', 'not-here');
  const related = createRelatedIndex([orig, r1, r2, near, orphan]);

  it('lists an original’s reprints oldest first', () => {
    expect(related(orig)).toMatchObject({ original: null, missingOriginal: null });
    expect(related(orig).reprints.map((a) => a.id)).toEqual(['r2', 'r1']);
  });
  it('gives a reprint its original and its fellow reprints', () => {
    const r = related(r1);
    expect(r.original?.id).toBe('orig');
    expect(r.reprints.map((a) => a.id)).toEqual(['r2']);
  });
  it('links near-duplicates both ways and reports missing ones', () => {
    expect(related(orig).nearDuplicates.map((a) => a.id)).toEqual(['near']);
    expect(related(near).nearDuplicates.map((a) => a.id)).toEqual(['orig']);
    expect(related(near).missingNearDuplicates).toEqual(['gone']);
  });
  it('reports an original that is not in the collection', () => {
    expect(related(orphan)).toMatchObject({ original: null, missingOriginal: 'not-here', reprints: [] });
  });
});
