// A dictionary of words with a number each (jieba's word weights, its IDF table), as a trie in
// typed arrays: built once from the text files, kept as one binary file in the temp directory,
// and read back in a few milliseconds. Building jieba's dictionaries at every start (over a
// CPU-second in nodejieba) cost more than analysing a few hundred articles (docs/analysis.md, Speed).
import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Nodes are numbered breadth first, so a node's children are consecutive and sorted by the code
 * point on the edge into them. Each node is two numbers side by side in `links` (one cache line
 * holds a node's key and where its own children start, which is what a walk reads next):
 * `links[2k]` is node k's code point, `links[2k + 1]` is twice the number of its first child,
 * plus 1 when the node ends a word. Node k's children are `firstChild(k)` to
 * `firstChild(k + 1) - 1`; a last record closes the list. Node 0 is the root.
 */
export type WordTrie = {
  links: Int32Array;
  /** The word's number, for nodes that end a word. */
  value: Float64Array;
  /** Numbers about the whole table that its builder computed (jieba's minimum weight, the average IDF). */
  meta: Record<string, number>;
};

type BuildNode = { children: Map<number, BuildNode>; value: number; isWord: boolean };

/** A trie of the words (code point by code point); a word given twice keeps its last value. */
export function buildWordTrie(entries: Iterable<[string, number]>, meta: Record<string, number> = {}): WordTrie {
  const root: BuildNode = { children: new Map(), value: 0, isWord: false };
  let count = 1;
  for (const [word, value] of entries) {
    let node = root;
    for (const ch of word) {
      const cp = ch.codePointAt(0)!;
      let next = node.children.get(cp);
      if (!next) { next = { children: new Map(), value: 0, isWord: false }; node.children.set(cp, next); count++; }
      node = next;
    }
    if (node === root) continue; // the empty word is never looked up
    node.value = value;
    node.isWord = true;
  }
  const links = new Int32Array(2 * (count + 1));
  const values = new Float64Array(count);
  const queue: BuildNode[] = [root];
  let next = 1;
  for (let k = 0; k < queue.length; k++) {
    const node = queue[k]!;
    values[k] = node.value;
    links[2 * k + 1] = 2 * next + (node.isWord ? 1 : 0);
    for (const cp of [...node.children.keys()].sort((a, b) => a - b)) {
      links[2 * next++] = cp;
      queue.push(node.children.get(cp)!);
    }
  }
  links[2 * count + 1] = 2 * next;
  return { links, value: values, meta };
}

/** Whether node k ends a word. */
export function isWord(trie: WordTrie, k: number): boolean {
  return (trie.links[2 * k + 1]! & 1) === 1;
}

/** The child of `node` along code point `cp`, or -1. */
export function childOf(trie: WordTrie, node: number, cp: number): number {
  const links = trie.links;
  let lo = links[2 * node + 1]! >> 1, hi = (links[2 * node + 3]! >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = links[2 * mid]!;
    if (k < cp) lo = mid + 1; else if (k > cp) hi = mid - 1; else return mid;
  }
  return -1;
}

/** The node a whole word ends on, or -1 when the word is not in the trie. */
export function findWord(trie: WordTrie, word: string): number {
  if (!word.length) return -1;
  const first = word.codePointAt(0)!;
  let node = first <= 0xffff ? rootTable(trie)[first]! : childOf(trie, 0, first);
  for (let i = first > 0xffff ? 2 : 1; i < word.length && node !== -1; i++) {
    const cp = word.codePointAt(i)!;
    if (cp > 0xffff) i++;
    node = childOf(trie, node, cp);
  }
  return node > 0 && isWord(trie, node) ? node : -1;
}

const rootTables = new WeakMap<WordTrie, Int32Array>();
/** The root's children by code point (Basic Multilingual Plane), built once per trie: the root has tens of thousands. */
export function rootTable(trie: WordTrie): Int32Array {
  let table = rootTables.get(trie);
  if (table) return table;
  table = new Int32Array(0x10000).fill(-1);
  const { links } = trie;
  for (let c = links[1]! >> 1, end = links[3]! >> 1; c < end; c++) if (links[2 * c]! <= 0xffff) table[links[2 * c]!] = c;
  rootTables.set(trie, table);
  return table;
}

// ---------------------------------------------------------------------------------------------
// the binary file (native byte order: it never leaves the machine): a JSON header line padded to
// 8 bytes, then the values, then the links

const FORMAT = 'storyline-word-trie-2';

export function serializeWordTrie(trie: WordTrie): Buffer {
  const header = Buffer.from(JSON.stringify({ format: FORMAT, nodes: trie.value.length, meta: trie.meta }) + '\n');
  const headerLength = header.length + ((8 - (header.length % 8)) % 8);
  const values = Buffer.from(trie.value.buffer, trie.value.byteOffset, trie.value.byteLength);
  const links = Buffer.from(trie.links.buffer, trie.links.byteOffset, trie.links.byteLength);
  const out = Buffer.alloc(8 + headerLength + values.length + links.length);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 8);
  values.copy(out, 8 + headerLength);
  links.copy(out, 8 + headerLength + values.length);
  return out;
}

export function deserializeWordTrie(bytes: Buffer): WordTrie {
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as { format: string; nodes: number; meta: Record<string, number> };
  if (header.format !== FORMAT) throw new Error(`not a ${FORMAT} file`);
  const n = header.nodes;
  const start = 8 + headerLength + ((8 - (headerLength % 8)) % 8);
  if (bytes.length !== start + 8 * n + 8 * (n + 1)) throw new Error('a word trie file of the wrong length');
  // Typed arrays need an aligned start: copy into a fresh buffer when the file's is not.
  const base = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  const value = new Float64Array(base.buffer, base.byteOffset + start, n);
  const links = new Int32Array(base.buffer, base.byteOffset + start + 8 * n, 2 * (n + 1));
  return { links, value, meta: header.meta };
}

/**
 * The trie built from `sources` by `build`, cached in the temp directory under a name made of
 * the sources (a changed file is a new name): a small file by its content, so that the same
 * words in another place (a test's story folder) share one cache file; a large one (jieba's
 * own dictionaries, never edited) by its path, size and modification time. A cache file that
 * cannot be read is rebuilt.
 */
export function cachedWordTrie(kind: string, sources: string[], build: () => WordTrie): WordTrie {
  const stamp = sources.map((file) => {
    const s = statSync(file);
    return s.size < 1 << 20 ? createHash('sha256').update(readFileSync(file)).digest('hex') : `${path.resolve(file)}:${s.size}:${s.mtimeMs}`;
  }).join('|');
  const file = path.join(tmpdir(), `storyline-${kind}-${createHash('sha256').update(`${FORMAT}|${stamp}`).digest('hex').slice(0, 16)}.bin`);
  if (existsSync(file)) {
    try {
      const trie = deserializeWordTrie(readFileSync(file));
      touch(file);
      return trie;
    } catch { /* a torn or foreign file: rebuild it */ }
  }
  const trie = build();
  // Worker threads of one process may build it at once: each writes its own temporary file.
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, serializeWordTrie(trie));
  renameSync(temporary, file);
  pruneTempCache(`storyline-${kind}-`, '.bin');
  return trie;
}

/** Marks a cache file as just used, so pruning keeps it. */
export function touch(file: string): void {
  try { const now = new Date(); utimesSync(file, now, now); } catch { /* read-only temp: pruning is best effort */ }
}

/**
 * Every edit of the rules makes a new dictionary, hence a new cache file (~8 MB): keep the
 * `keep` most recently used files of one kind in the temp directory and remove the others. A
 * process still reading a removed file keeps its copy; one that wanted it rebuilds it.
 */
export function pruneTempCache(prefix: string, suffix: string, keep = 6): void {
  try {
    const files = readdirSync(tmpdir()).filter((f) => f.startsWith(prefix) && f.endsWith(suffix))
      .map((f) => { const full = path.join(tmpdir(), f); try { return { full, used: statSync(full).mtimeMs }; } catch { return undefined; } })
      .filter((f) => f !== undefined)
      .sort((a, b) => b.used - a.used);
    for (const old of files.slice(keep)) { try { unlinkSync(old.full); } catch { /* gone already, or not ours */ } }
  } catch { /* an unreadable temp directory: nothing to prune */ }
}
