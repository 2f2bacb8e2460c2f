// Same story, republished: MinHash over word 3-shingles of the normalized (Simplified) text,
// so a Traditional-Chinese repost of a Simplified original lands next to it. LSH banding
// finds candidate pairs without comparing every article with every other. Pure.

/** 64 MinHash values as 512 hex digits: small enough to keep for every stored article. */
export type Fingerprint = string;

const SHINGLE = 3;
const HASHES = 64;
const BANDS = 32; // 2 rows a band: pairs with Jaccard ≥ 0.3 become candidates ~95% of the time
const ROWS = HASHES / BANDS;

/** Estimated Jaccard similarity at or above which one article republishes the other. */
export const REPRINT_MIN_SIMILARITY = 0.5;
/** Similar enough to show readers as "related coverage", not enough to call it a reprint. */
export const NEAR_DUPLICATE_MIN_SIMILARITY = 0.25;

// Fixed odd multipliers and offsets: the fingerprint must be stable across runs and machines.
const A = Uint32Array.from({ length: HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const B = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

/** Mix bits so that a·x + b permutations of nearby inputs do not stay nearby. */
function mix(x: number): number {
  x ^= x >>> 16; x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15; x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function fingerprint(tokens: string[]): Fingerprint {
  const words = tokens.filter((t) => HAS_LETTER_OR_DIGIT.test(t));
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  const n = Math.max(1, words.length - SHINGLE + 1);
  // A shingle seen before changes no minimum: each distinct one is hashed 64 times once.
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const base = shingleHash(words, i);
    if (seen.has(base)) continue;
    seen.add(base);
    for (let k = 0; k < HASHES; k++) {
      const h = mix((Math.imul(A[k]!, base) + B[k]!) >>> 0);
      if (h < mins[k]!) mins[k] = h;
    }
  }
  let hex = '';
  for (const v of mins) hex += v.toString(16).padStart(8, '0');
  return hex;
}

/** fnv1a of the shingle's words joined by U+0001 (the words from `start`, up to SHINGLE), without building the string. */
function shingleHash(words: string[], start: number): number {
  let h = 0x811c9dc5;
  const end = Math.min(words.length, start + SHINGLE);
  for (let w = start; w < end; w++) {
    if (w > start) { h ^= 1; h = Math.imul(h, 0x01000193) >>> 0; }
    const word = words[w]!;
    for (let i = 0; i < word.length; i++) {
      h ^= word.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h;
}

export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.length !== b.length || a.length !== HASHES * 8) return 0;
  return sameHashes(parseFingerprint(a), parseFingerprint(b)) / HASHES;
}

function parseFingerprint(fp: Fingerprint): Uint32Array {
  const values = new Uint32Array(HASHES);
  for (let k = 0; k < HASHES; k++) values[k] = parseInt(fp.slice(k * 8, k * 8 + 8), 16);
  return values;
}

function sameHashes(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same;
}

function sameBand(a: Uint32Array, b: Uint32Array, band: number): boolean {
  for (let r = band * ROWS; r < (band + 1) * ROWS; r++) if (a[r] !== b[r]) return false;
  return true;
}

export type DedupeItem = { id: string; published: string; fingerprint: Fingerprint; outletId: string };
export type DedupeResult = Map<string, { reprintOf?: string; nearDuplicates: string[] }>;

/**
 * Calls `visit` once for every pair that shares at least one LSH band: the only pairs worth
 * comparing. Streams: a pair is visited in the first band it shares, so neither a list of
 * pairs nor a set of visited pairs is kept (at 30k articles those took hundreds of MB).
 * Buckets are one band at a time, keyed by a 32-bit mix of the band's values.
 */
function forEachCandidatePair(values: (Uint32Array | undefined)[], visit: (x: number, y: number, same: number) => void): void {
  // Bands whose bucket was skipped as boilerplate, per item: a pair sharing only those is not visited there.
  const skipped = new Uint8Array(values.length * BANDS);
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<number, number[]>();
    values.forEach((v, index) => {
      if (!v) return;
      let key = band;
      for (let r = band * ROWS; r < (band + 1) * ROWS; r++) key = mix((key ^ v[r]!) >>> 0);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index); else buckets.set(key, [index]);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      if (bucket.length > 500) { // a giant bucket is boilerplate, not a story
        for (const index of bucket) skipped[index * BANDS + band] = 1;
        continue;
      }
      for (let x = 0; x < bucket.length; x++) {
        const a = values[bucket[x]!]!;
        for (let y = x + 1; y < bucket.length; y++) {
          const b = values[bucket[y]!]!;
          if (!sameBand(a, b, band)) continue; // a collision of the 32-bit key, not a shared band
          let earlier = false;
          for (let e = 0; e < band && !earlier; e++) earlier = sameBand(a, b, e) && !skipped[bucket[x]! * BANDS + e];
          if (!earlier) visit(bucket[x]!, bucket[y]!, sameHashes(a, b));
        }
      }
    }
  }
}

/**
 * Group reprints: items at REPRINT_MIN_SIMILARITY or more form a group whose earliest item is
 * the original; pairs above NEAR_DUPLICATE_MIN_SIMILARITY are listed as near-duplicates.
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
  const values = items.map((i) => (i.fingerprint.length === HASHES * 8 ? parseFingerprint(i.fingerprint) : undefined));
  forEachCandidatePair(values, (x, y, same) => {
    const a = items[x]!, b = items[y]!;
    const s = same / HASHES;
    if (s >= REPRINT_MIN_SIMILARITY) parent.set(find(a.id), find(b.id));
    else if (s >= NEAR_DUPLICATE_MIN_SIMILARITY) { near.get(a.id)!.add(b.id); near.get(b.id)!.add(a.id); }
  });
  for (const [id, original] of [...pinned, ...merges]) if (parent.has(id) && parent.has(original)) parent.set(find(id), find(original));
  const groups = new Map<string, DedupeItem[]>();
  for (const item of items) {
    const root = find(item.id);
    const members = groups.get(root);
    if (members) members.push(item); else groups.set(root, [item]);
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
