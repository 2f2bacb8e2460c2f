// What an article page links to besides itself: its original (if it is a reprint),
// its reprints (or its fellow reprints), and near-duplicates named by the pipeline.
// The index is built once for the whole collection, then asked per article.

import { resolveOriginal, type Reprintable } from './fold-reprints.ts';
import { sortArticles } from './sort-articles.ts';

export interface RelatedArticle extends Reprintable { nearDuplicates: readonly string[] }

export interface Related<T> {
  /** The original this article republishes, when present in the collection. */
  original: T | null;
  /** reprintOf names an article that is not in the collection. */
  missingOriginal: string | null;
  /** Other articles republishing the same original (excluding this one and the original), oldest first. */
  reprints: T[];
  /** Near-duplicates found in the collection, oldest first (links count in both directions). */
  nearDuplicates: T[];
  /** Near-duplicate ids not in the collection. */
  missingNearDuplicates: string[];
}

export function createRelatedIndex<T extends RelatedArticle>(all: readonly T[]): (article: T) => Related<T> {
  const byId = new Map(all.map((a) => [a.id, a] as const));
  const rootOf = new Map<string, T>();
  const family = new Map<string, T[]>();
  for (const a of all) {
    const root = resolveOriginal(a, byId);
    rootOf.set(a.id, root);
    if (root.id === a.id) continue;
    const list = family.get(root.id);
    if (list) list.push(a);
    else family.set(root.id, [a]);
  }
  const nearOf = new Map<string, Set<string>>();
  const link = (x: string, y: string) => {
    if (x === y) return;
    if (!nearOf.has(x)) nearOf.set(x, new Set());
    nearOf.get(x)!.add(y);
  };
  for (const a of all) {
    for (const id of a.nearDuplicates) {
      link(a.id, id);
      if (byId.has(id)) link(id, a.id);
    }
  }

  return (article) => {
    const root = rootOf.get(article.id) ?? resolveOriginal(article, byId);
    const original = root.id === article.id ? null : root;
    const missingOriginal = article.reprintOf && !byId.has(article.reprintOf) ? article.reprintOf : null;
    const reprints = sortArticles((family.get(root.id) ?? []).filter((a) => a.id !== article.id), 'oldest');
    const near: T[] = [];
    const missing: string[] = [];
    for (const id of nearOf.get(article.id) ?? []) {
      const a = byId.get(id);
      if (a) near.push(a);
      else missing.push(id);
    }
    return { original, missingOriginal, reprints, nearDuplicates: sortArticles(near, 'oldest'), missingNearDuplicates: missing.sort() };
  };
}
