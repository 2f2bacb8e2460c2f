// The search index is written in shards (pipeline/cli/search-index.ts) because Pagefind's
// memory grows faster than the site: one index of 10k Chinese articles took 5.7 GB, of 30k
// more than 15 GB. Each shard is a whole Pagefind bundle; the search page loads the first and
// merges the others (PagefindUI `mergeIndex`), listed in a manifest next to the first. Pure.

/** Where the first bundle lives (the UI's own script and styles come from it). */
export const PRIMARY_BUNDLE = '/pagefind/';
/** The manifest: the bundle paths of every shard, the first one first. */
export const SHARD_MANIFEST = '/pagefind/shards.json';
/** Articles per shard: ~1.3 GB of Pagefind memory at the demo's article length. */
export const DEFAULT_PAGES_PER_SHARD = 2500;

export function shardCount(pages: number, perShard = DEFAULT_PAGES_PER_SHARD): number {
  return Math.max(1, Math.ceil(pages / Math.max(1, perShard)));
}

/** A page's shard, from its URL: stable across builds, so a rebuild moves no page between shards. */
export function shardOf(url: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193) >>> 0;
  return h % count;
}

export function bundlePath(shard: number): string {
  return shard === 0 ? PRIMARY_BUNDLE : `/pagefind-shards/${shard}/`;
}
