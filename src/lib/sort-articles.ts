// Chronological order of articles: by the instant published, ties broken by id so
// builds are reproducible.

export interface Dated { id: string; published: string }

export type Order = 'newest' | 'oldest';

export function compareByPublished(a: Dated, b: Dated): number {
  const d = Date.parse(a.published) - Date.parse(b.published);
  if (d !== 0 && !Number.isNaN(d)) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy; the input is left alone. */
export function sortArticles<T extends Dated>(items: readonly T[], order: Order = 'newest'): T[] {
  const sorted = [...items].sort(compareByPublished);
  return order === 'newest' ? sorted.reverse() : sorted;
}
