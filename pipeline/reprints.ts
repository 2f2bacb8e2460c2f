// Reprint relinking, once per run over every stored article: the reprint groups (dedupe.ts)
// with the editors' pins (`original`) and merges (`mergeWith`), and the files whose links
// changed rewritten. The grouping's inputs are hashed, so a run that found nothing new skips it.
import { createHash } from 'node:crypto';
import type { Article } from '../src/schema/article.ts';
import { groupReprints } from './dedupe.ts';
import type { CorrectionIndex } from './corrections.ts';
import type { ContentStore, SeenState } from './store.ts';
import type { RunReport } from './report.ts';

export type ReprintInput = { id: string; published: string; fingerprint: string; outletId: string };
export type EditorLinks = { pinned: Map<string, string>; merges: [string, string][] };

/** The editors' reprint links from their corrections. Pure. */
export function editorLinks(corrections: CorrectionIndex): EditorLinks {
  const pinned = new Map<string, string>();
  const merges: [string, string][] = [];
  for (const c of corrections.values()) {
    if (c.original) pinned.set(c.article, c.original);
    if (c.mergeWith) merges.push([c.article, c.mergeWith]);
  }
  return { pinned, merges };
}

/** A hash of everything the grouping reads, independent of order. Pure. */
export function reprintInputHash(items: ReprintInput[], links: EditorLinks): string {
  const hash = createHash('sha1');
  for (const i of [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) hash.update(`${i.id}\t${i.published}\t${i.fingerprint}\t${i.outletId}\n`);
  hash.update(JSON.stringify([[...links.pinned].sort(), [...links.merges].sort()]));
  return hash.digest('hex');
}

/** Reprint groups over every stored article; files whose links changed are rewritten. */
export function relinkReprints(state: SeenState, corrections: CorrectionIndex, store: ContentStore): RunReport['dedupe'] {
  const entries = Object.entries(state.articles);
  const links = editorLinks(corrections);
  const items: ReprintInput[] = entries.map(([id, a]) => ({ id, published: a.published, fingerprint: a.fingerprint, outletId: a.outletId }));
  // The grouping is a pure function of these inputs: unchanged since the last completed one,
  // every file already carries its links (the common case: a run that found nothing new).
  const input = reprintInputHash(items, links);
  if (input === state.dedupeInput) {
    let reprints = 0, near = 0;
    for (const [, entry] of entries) { if (entry.reprintOf) reprints++; near += entry.nearDuplicates?.length ?? 0; }
    return { reprints, nearDuplicates: near / 2, relinked: 0, skipped: true };
  }
  const groups = groupReprints(items, links.pinned, links.merges);
  let relinked = 0, reprints = 0, near = 0, unreadable = 0;
  for (const [id, entry] of entries) {
    const next = groups.get(id) ?? { nearDuplicates: [] };
    if (next.reprintOf) reprints++;
    near += next.nearDuplicates.length;
    if ((entry.reprintOf ?? '') === (next.reprintOf ?? '') && sameList(entry.nearDuplicates ?? [], next.nearDuplicates)) continue;
    try {
      const { article, paragraphs } = store.readArticle(entry.path);
      const { reprintOf: _old, ...rest } = article;
      const updated: Article = { ...rest, ...(next.reprintOf ? { reprintOf: next.reprintOf } : {}), nearDuplicates: next.nearDuplicates };
      store.writeArticle(updated, paragraphs);
      entry.reprintOf = next.reprintOf;
      if (!next.reprintOf) delete entry.reprintOf;
      entry.nearDuplicates = next.nearDuplicates;
      relinked++;
    } catch { unreadable++; /* an unreadable file keeps its old links; the build names it */ }
  }
  // Only a grouping every file took counts as done; otherwise the next run tries again.
  if (unreadable === 0) state.dedupeInput = input; else delete state.dedupeInput;
  return { reprints, nearDuplicates: near / 2, relinked };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
