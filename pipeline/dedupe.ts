// Same story, republished: SimHash over word shingles of the normalized (Simplified) text,
// so a Traditional-Chinese repost of a Simplified original lands next to it. Pure.

export type Fingerprint = string; // 16 hex digits

const SHINGLE = 3;

/** 64-bit SimHash of token 3-shingles, as 16 hex digits (two 32-bit FNV-1a halves). */
export function simhash(tokens: string[]): Fingerprint {
  const words = tokens.filter((t) => /[\p{L}\p{N}]/u.test(t));
  const counts = new Int32Array(64);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const shingle = words.slice(i, i + SHINGLE).join('\u0001');
    const hi = fnv1a(shingle, 0x811c9dc5), lo = fnv1a(shingle, 0x01000193 ^ 0x5bd1e995);
    for (let b = 0; b < 32; b++) {
      counts[b]! += (hi >>> b) & 1 ? 1 : -1;
      counts[b + 32]! += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0, lo = 0;
  for (let b = 0; b < 32; b++) {
    if (counts[b]! > 0) hi |= 1 << b;
    if (counts[b + 32]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function hammingDistance(a: Fingerprint, b: Fingerprint): number {
  return popcount((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0)
    + popcount((parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0);
}

/** Distances tuned on the demo corpus: reposts differ by a few bits, rewrites by a dozen, unrelated by ~32. */
export const REPRINT_MAX_DISTANCE = 8;
export const NEAR_DUPLICATE_MAX_DISTANCE = 14;

export type DedupeItem = { id: string; published: string; simhash: Fingerprint; outletId: string };
export type DedupeResult = Map<string, { reprintOf?: string; nearDuplicates: string[] }>;

/**
 * Group reprints: items within REPRINT_MAX_DISTANCE of each other form a group whose earliest
 * item is the original; others within NEAR_DUPLICATE_MAX_DISTANCE are listed as near-duplicates.
 * Editor corrections: `pinned` maps an id to the original it republishes; `merges` joins two
 * ids into one group whose earliest member is the original.
 */
export function groupReprints(items: DedupeItem[], pinned: Map<string, string> = new Map(), merges: [string, string][] = []): DedupeResult {
  const parent = new Map<string, string>(items.map((i) => [i.id, i.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const near = new Map<string, Set<string>>(items.map((i) => [i.id, new Set()]));
  const his = items.map((i) => parseInt(i.simhash.slice(0, 8), 16));
  const los = items.map((i) => parseInt(i.simhash.slice(8), 16));
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      const d = popcount((his[a]! ^ his[b]!) >>> 0) + popcount((los[a]! ^ los[b]!) >>> 0);
      if (d > NEAR_DUPLICATE_MAX_DISTANCE) continue;
      if (d <= REPRINT_MAX_DISTANCE) parent.set(find(items[a]!.id), find(items[b]!.id));
      else { near.get(items[a]!.id)!.add(items[b]!.id); near.get(items[b]!.id)!.add(items[a]!.id); }
    }
  }
  for (const [id, original] of [...pinned, ...merges]) if (parent.has(id) && parent.has(original)) parent.set(find(id), find(original));
  const groups = new Map<string, DedupeItem[]>();
  for (const item of items) {
    const root = find(item.id);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  }
  const result: DedupeResult = new Map();
  for (const members of groups.values()) {
    const pinnedOriginal = members.map((m) => pinned.get(m.id)).find((o) => o && members.some((m) => m.id === o));
    const original = pinnedOriginal ?? [...members].sort((x, y) => Date.parse(x.published) - Date.parse(y.published) || x.id.localeCompare(y.id))[0]!.id;
    for (const m of members) {
      const nd = [...near.get(m.id)!].filter((id) => find(id) !== find(m.id)).sort();
      result.set(m.id, { ...(m.id !== original ? { reprintOf: original } : {}), nearDuplicates: nd });
    }
  }
  return result;
}
