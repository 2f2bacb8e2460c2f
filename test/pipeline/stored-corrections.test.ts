// Corrections and reprint links on stored articles (pipeline/corrections.ts, pipeline/reprints.ts),
// with a real content store in a temporary folder.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { applyStoredCorrections, correctionSignature, indexCorrections, isForced, markCorrected } from '../../pipeline/corrections.ts';
import { editorLinks, relinkReprints, reprintInputHash } from '../../pipeline/reprints.ts';
import { ContentStore, emptyState, type SeenState } from '../../pipeline/store.ts';
import type { Article } from '../../src/schema/article.ts';
import { tempContentDir } from '../helpers/temp-content.ts';

const article = (id: string, published: string): Article => ({
  id, title: `标题${id}`, outlet: { id: 'cheping', name: '车评日报' },
  url: `http://127.0.0.1/${id}.html`, canonicalUrl: `http://127.0.0.1/${id}.html`,
  published, fetched: published, lang: 'zh', script: 'hans',
  relevance: { relevant: true, score: 9 }, topics: ['sales'], evidence: [{ topic: 'sales', sentence: '大定88898台。', score: 3 }],
  summary: '摘要', keywords: [], figures: [], disputes: [], nearDuplicates: [], corrections: [], messages: [], contentHash: 'a'.repeat(32),
});

const temps: { cleanup(): void }[] = [];
afterEach(() => { for (const t of temps.splice(0)) t.cleanup(); });

/** A store holding the given articles, and the seen-state that records them. */
function stored(articles: Article[], fingerprint: (id: string) => string = () => 'fp'): { store: ContentStore; state: SeenState } {
  const temp = tempContentDir('storyline-corrections-');
  temps.push(temp);
  const store = new ContentStore(temp.dir, 'Asia/Shanghai');
  const state = emptyState();
  for (const a of articles) {
    const written = store.writeArticle(a, ['第一段。']);
    state.articles[a.id] = { path: written.path, published: a.published, fingerprint: fingerprint(a.id), outletId: a.outlet.id, url: a.canonicalUrl, nearDuplicates: [] };
    state.pages[a.url] = { status: 'stored', articleId: a.id, contentHash: a.contentHash };
  }
  return { store, state };
}

describe('corrections on stored articles', () => {
  it('an article is forced while its correction differs from the one it was written with, added, changed or removed', () => {
    const state = emptyState();
    const one = indexCorrections([{ article: 'x', relevant: true, note: '相关' }]);
    expect(isForced('x', one, state)).toBe(true);
    markCorrected('x', one, state);
    expect(state.corrected).toEqual({ x: correctionSignature(one.get('x')) });
    expect(isForced('x', one, state)).toBe(false);
    const changed = indexCorrections([{ article: 'x', relevant: true, note: '编辑复核后仍相关' }]);
    expect(isForced('x', changed, state)).toBe(true);
    const none = indexCorrections([]);
    expect(isForced('x', none, state)).toBe(true);
    markCorrected('x', none, state);
    expect(state.corrected).toEqual({});
    expect(isForced('y', none, state)).toBe(false);
  });

  it('rewrites a corrected file, removes one the editor rejects, and says which id names nothing', () => {
    const { store, state } = stored([article('keep', '2024-03-29T10:00:00+08:00'), article('drop', '2024-03-29T11:00:00+08:00')]);
    const corrections = indexCorrections([
      { article: 'keep', published: '2024-03-28T22:00:00+08:00', note: '以首发时间为准' },
      { article: 'drop', relevant: false, note: '与本事件无关' },
      { article: 'nobody', topics: ['sales'], note: '写错了编号' },
    ]);
    const dropPath = state.articles.drop!.path;
    const reports = applyStoredCorrections(corrections, state, store);
    expect(reports).toEqual([
      { article: 'keep', applied: true, fields: ['published'], note: '以首发时间为准' },
      { article: 'drop', applied: true, fields: ['relevant'], note: '与本事件无关' },
      { article: 'nobody', applied: false, fields: ['topics'], note: '写错了编号', message: expect.stringContaining('no such article id') },
    ]);
    const kept = store.readArticle(state.articles.keep!.path).article;
    expect(kept.published).toBe('2024-03-28T22:00:00+08:00');
    expect(kept.corrections).toEqual([{ field: 'published', note: '以首发时间为准' }]);
    expect(fs.existsSync(dropPath)).toBe(false);
    expect(state.articles.drop).toBeUndefined();
    expect(state.pages['http://127.0.0.1/drop.html']).toMatchObject({ status: 'rejected', reason: 'editor' });
    expect(Object.keys(state.corrected ?? {}).sort()).toEqual(['drop', 'keep']);
  });
});

describe('reprint relinking', () => {
  it("the grouping's input hash ignores order and moves with any input or editor's link", () => {
    const items = [{ id: 'a', published: 'p1', fingerprint: 'f1', outletId: 'o' }, { id: 'b', published: 'p2', fingerprint: 'f2', outletId: 'o' }];
    const none = editorLinks(indexCorrections([]));
    expect(reprintInputHash(items, none)).toBe(reprintInputHash([...items].reverse(), none));
    expect(reprintInputHash([{ ...items[0]!, fingerprint: 'f3' }, items[1]!], none)).not.toBe(reprintInputHash(items, none));
    const pinned = editorLinks(indexCorrections([{ article: 'b', original: 'a', note: '转载' }]));
    expect(pinned.pinned.get('b')).toBe('a');
    expect(reprintInputHash(items, pinned)).not.toBe(reprintInputHash(items, none));
  });

  it("writes an editor's pinned original into the files, then skips the grouping while nothing changed", () => {
    const { store, state } = stored([article('first', '2024-03-29T10:00:00+08:00'), article('copy', '2024-03-29T12:00:00+08:00')], (id) => `fp-${id}`);
    const corrections = indexCorrections([{ article: 'copy', original: 'first', note: '转载自首发' }]);
    const once = relinkReprints(state, corrections, store);
    expect(once).toMatchObject({ reprints: 1, relinked: 1 });
    expect(once.skipped).toBeUndefined();
    expect(store.readArticle(state.articles.copy!.path).article.reprintOf).toBe('first');
    expect(state.articles.copy!.reprintOf).toBe('first');
    expect(relinkReprints(state, corrections, store)).toEqual({ reprints: 1, nearDuplicates: 0, relinked: 0, skipped: true });
  });
});
