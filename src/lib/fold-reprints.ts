// Reprints (articles with reprintOf) are folded under their original when the
// original is in the same list; a reprint whose original is absent stands alone.

export interface Reprintable { id: string; published: string; reprintOf?: string | undefined }

export interface FoldedEntry<T> {
  article: T;
  /** Reprints of this article, oldest first. */
  reprints: T[];
}

/**
 * Follow reprintOf links to the earliest article present in `byId`. A cycle of
 * reprintOf links (bad data) resolves to its earliest member, so every member of
 * the cycle agrees on one root.
 */
export function resolveOriginal<T extends Reprintable>(article: T, byId: ReadonlyMap<string, T>): T {
  const chain: T[] = [article];
  const seen = new Set<string>([article.id]);
  let current = article;
  while (current.reprintOf && byId.has(current.reprintOf)) {
    const next = byId.get(current.reprintOf)!;
    if (seen.has(next.id)) {
      const cycle = chain.slice(chain.findIndex((a) => a.id === next.id));
      return cycle.reduce((best, a) => (earlier(a, best) ? a : best));
    }
    chain.push(next);
    seen.add(next.id);
    current = next;
  }
  return current;
}

function earlier(a: Reprintable, b: Reprintable): boolean {
  const d = Date.parse(a.published) - Date.parse(b.published);
  return d < 0 || (d === 0 && a.id < b.id);
}

/**
 * Fold reprints under originals. The order of `articles` is kept for the entries
 * (pass them already sorted).
 */
export function foldReprints<T extends Reprintable>(articles: readonly T[]): FoldedEntry<T>[] {
  const byId = new Map(articles.map((a) => [a.id, a] as const));
  const reprintsOf = new Map<string, T[]>();
  const folded = new Set<string>();
  for (const a of articles) {
    const original = resolveOriginal(a, byId);
    if (original.id === a.id) continue;
    folded.add(a.id);
    const list = reprintsOf.get(original.id) ?? [];
    list.push(a);
    reprintsOf.set(original.id, list);
  }
  const entries: FoldedEntry<T>[] = [];
  for (const a of articles) {
    if (folded.has(a.id)) continue;
    const reprints = (reprintsOf.get(a.id) ?? []).sort(
      (x, y) => Date.parse(x.published) - Date.parse(y.published) || (x.id < y.id ? -1 : 1),
    );
    entries.push({ article: a, reprints });
  }
  return entries;
}
