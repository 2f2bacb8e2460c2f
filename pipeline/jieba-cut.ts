// jieba's dictionary cut (nodejieba's cut(text, false): cppjieba's MPSegment without the HMM),
// in JavaScript over a trie that loads from a cached file in milliseconds. nodejieba builds its
// whole engine at load (the dictionary twice, the HMM, the IDF table): over a second of CPU
// before the first article. The result is the same word for word; a test compares both on
// the project's texts (test/pipeline/jieba-cut.test.ts).
import { readFileSync } from 'node:fs';
import { buildWordTrie, cachedWordTrie, childOf, rootTable, type WordTrie } from './word-trie.ts';

/** cppjieba's starting weight of a position: lower than any path. */
const MIN_DOUBLE = -3.14e100;

/**
 * The dictionary as cppjieba's DictTrie reads it: `word freq tag` lines give log(freq / sum of
 * freqs); the user dictionary's `word freq tag` the same (with the main dictionary's sum), its
 * `word` and `word tag` lines the main dictionary's median weight; a later line wins. Lines are
 * split on single spaces, so a user word with a space (`SU7 Pro 20000 nz`) is not a word.
 */
export function compileJiebaDictionary(dictText: string, userDictText: string): WordTrie {
  const lines = dictText.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const words: string[] = [];
  const freqs: number[] = [];
  for (const line of lines) {
    const fields = splitLikeCppjieba(line);
    if (fields.length !== 3) throw new Error(`jieba dictionary: a line without 3 fields: ${line.slice(0, 80)}`);
    words.push(fields[0]!);
    freqs.push(parseFloat(fields[1]!) || 0);
  }
  let sum = 0;
  for (const f of freqs) sum += f;
  const weights = freqs.map((f) => Math.log(f / sum));
  const sorted = Float64Array.from(weights).sort();
  const minWeight = sorted[0]!;
  const median = sorted[sorted.length >>> 1]!;
  const entries: [string, number][] = words.map((w, i) => [w, weights[i]!]);
  for (const line of userDictText.split('\n')) {
    if (!line) continue;
    const fields = splitLikeCppjieba(line);
    if (fields.length === 1 || fields.length === 2) entries.push([fields[0]!, median]);
    else if (fields.length === 3) entries.push([fields[0]!, Math.log(atoi(fields[1]!) / sum)]);
  }
  return buildWordTrie(entries, { minWeight });
}

/** limonp::Split on " ": an empty field between two spaces, none after a trailing space. */
function splitLikeCppjieba(line: string): string[] {
  const fields = line.split(' ');
  if (fields.length > 1 && fields.at(-1) === '') fields.pop();
  return fields;
}

/** C's atoi: optional blanks and sign, then digits; 0 when there are none. */
function atoi(text: string): number {
  const m = /^[\t\n\v\f\r ]*([+-]?\d+)/.exec(text);
  return m ? Number.parseInt(m[1]!, 10) | 0 : 0;
}

/** jieba's dictionary and the user dictionary, compiled once per content (see word-trie.ts). */
export function loadJiebaDictionary(dictPath: string, userDictPath: string): WordTrie {
  return cachedWordTrie('jieba-dict', [dictPath, userDictPath], () => compileJiebaDictionary(readFileSync(dictPath, 'utf8'), readFileSync(userDictPath, 'utf8')));
}

/**
 * The most probable cut by dictionary words: the text is split at the separators, and each
 * stretch is cut along the path of highest total log-probability (an unknown character weighs
 * the dictionary's minimum), ties going to the earlier shorter choice, as cppjieba does.
 * Returns the words in order, covering the text exactly.
 */
export function cutByDictionary(input: string, trie: WordTrie): string[] {
  // nodejieba reads the text as UTF-8: a lone surrogate becomes U+FFFD.
  const text = input.isWellFormed() ? input : input.toWellFormed();
  const out: string[] = [];
  const n = text.length;
  const { runes, starts, best, choice } = scratch(n);
  // Runes (code points) and where each starts in the text.
  let count = 0;
  for (let i = 0; i < n; count++) {
    const cp = text.codePointAt(i)!;
    runes[count] = cp;
    starts[count] = i;
    i += cp > 0xffff ? 2 : 1;
  }
  starts[count] = n;
  const { minWeight } = trie.meta as { minWeight: number };
  const { value, links } = trie;
  const rootOf = rootTable(trie);
  const pairs = pairBits(trie);
  let begin = 0;
  while (begin < count) {
    // A stretch: up to the next separator, or the separator alone.
    let end = begin;
    if (isSeparator(runes[begin]!)) end = begin + 1;
    else while (end < count && !isSeparator(runes[end]!)) end++;
    // Right to left: the best path from each rune to the stretch's end (ties keep the earlier choice).
    best[end] = 0;
    for (let i = end - 1; i >= begin; i--) {
      const first = runes[i]!;
      let node = first <= 0xffff ? rootOf[first]! : childOf(trie, 0, first);
      // The rune alone: its own weight when it is a word, the minimum otherwise.
      let top = best[i + 1]! + (node !== -1 && (links[2 * node + 1]! & 1) ? value[node]! : minWeight);
      if (!(top > MIN_DOUBLE)) top = MIN_DOUBLE;
      let pick = i + 1;
      // Most characters start no word with the next one: the pair's bit says so without a search.
      if (node !== -1 && i + 1 < end && (first | runes[i + 1]!) <= 0xffff) {
        const bit = pairBit(first, runes[i + 1]!);
        if (!(pairs[bit >>> 3]! & (1 << (bit & 7)))) node = -1;
      }
      for (let j = i + 1; j < end && node !== -1; j++) {
        // The child along runes[j]: most nodes have a few children, where a scan beats a search;
        // a word's first character often has hundreds (中 → 中国, 中心, …), searched by halves.
        const cp = runes[j]!;
        let next = -1;
        let c = links[2 * node + 1]! >> 1, last = links[2 * node + 3]! >> 1;
        while (last - c > 8) {
          const mid = (c + last) >>> 1;
          if (links[2 * mid]! <= cp) c = mid; else last = mid;
        }
        for (; c < last; c++) {
          const k = links[2 * c]!;
          if (k >= cp) { if (k === cp) next = c; break; }
        }
        node = next;
        if (node === -1 || !(links[2 * node + 1]! & 1)) continue;
        const v = best[j + 1]! + value[node]!;
        if (v > top) { top = v; pick = j + 1; }
      }
      best[i] = top;
      choice[i] = pick;
    }
    for (let i = begin; i < end; i = choice[i]!) out.push(text.slice(starts[i]!, starts[choice[i]!]!));
    begin = end;
  }
  return out;
}

const PAIR_BITS = 1 << 21;
/** The bit of two characters in pairBits: a hash, so two pairs may share one (which only costs a search). */
function pairBit(a: number, b: number): number {
  return (Math.imul((a << 16) | b, 0x9e3779b1) >>> 11) & (PAIR_BITS - 1);
}

const pairBitsOf = new WeakMap<WordTrie, Uint8Array>();
/** One bit for each pair of characters (both in the Basic Multilingual Plane) that begins a word of the trie; built once per trie. */
function pairBits(trie: WordTrie): Uint8Array {
  let bits = pairBitsOf.get(trie);
  if (bits) return bits;
  bits = new Uint8Array(PAIR_BITS >>> 3);
  const { links } = trie;
  for (let c = links[1]! >> 1, end = links[3]! >> 1; c < end; c++) {
    const first = links[2 * c]!;
    if (first > 0xffff) continue;
    for (let d = links[2 * c + 1]! >> 1, last = links[2 * c + 3]! >> 1; d < last; d++) {
      if (links[2 * d]! > 0xffff) continue;
      const bit = pairBit(first, links[2 * d]!);
      bits[bit >>> 3] |= 1 << (bit & 7);
    }
  }
  pairBitsOf.set(trie, bits);
  return bits;
}

/** cppjieba's separators (its PreFilter): space, tab, line break, ，and 。 end a stretch and are cut alone. */
function isSeparator(cp: number): boolean {
  return cp === 0x20 || cp === 0x0a || cp === 0xff0c || cp === 0x3002 || cp === 0x09;
}

// Work arrays reused from one call to the next (a cut is synchronous; each thread has its own).
let buffers = { runes: new Int32Array(0), starts: new Int32Array(0), best: new Float64Array(0), choice: new Int32Array(0) };
function scratch(n: number) {
  if (buffers.runes.length < n + 1) {
    const size = Math.max(n + 1, 2 * buffers.runes.length, 4096);
    buffers = { runes: new Int32Array(size), starts: new Int32Array(size + 1), best: new Float64Array(size + 1), choice: new Int32Array(size) };
  }
  return buffers;
}
