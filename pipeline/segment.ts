// Chinese word segmentation with jieba and the story's domain dictionary. The analysis cuts
// by dictionary words only (segmentWords: jieba's cut without its HMM, run in JavaScript over
// a dictionary compiled once and cached, ./jieba-cut.ts); `segment` (the `segment` command,
// the tests) uses nodejieba itself with its HMM, so cut(text, true) keeps model names such as
// "A8" and figures such as "88898" whole. nodejieba's engine takes over a second to build, so
// it is built on the first `segment` call only. One dictionary per process (or worker).
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { cutByDictionary, loadJiebaDictionary } from './jieba-cut.ts';
import { cachedWordTrie, buildWordTrie, findWord, isWord, type WordTrie } from './word-trie.ts';

let loadedDict: string | undefined;
let nodejiebaLoaded = false;
let dictionary: WordTrie | undefined;
/** Dictionary words with a space (a model name like "Model Y"): jieba cannot hold them, so tokens are re-joined. */
let spacedWords: string[][] = [];

// nodejieba exports the paths of its bundled dictionaries; its type declarations do not list them.
const bundled = nodejieba as unknown as { DEFAULT_DICT: string; DEFAULT_IDF_DICT: string; DEFAULT_STOP_WORD_DICT: string };

export function loadSegmenter(userDict: string): void {
  if (loadedDict === userDict) return;
  if (loadedDict !== undefined) throw new Error(`segmenter already loaded with ${loadedDict}; one dictionary per process`);
  dictionary = loadJiebaDictionary(bundled.DEFAULT_DICT, userDict);
  loadedDict = userDict;
  spacedWords = readFileSync(userDict, 'utf8').split('\n')
    .map((line) => line.trim().replace(/\s+\d+(\s+\w+)?$/, ''))
    .filter((word) => word.includes(' '))
    .map((word) => word.split(/\s+/));
}

/** Whether loadSegmenter has run in this thread. */
export function segmenterLoaded(): boolean {
  return loadedDict !== undefined;
}

export function segment(text: string): string[] {
  if (loadedDict === undefined) throw new Error('loadSegmenter(userDict) must run before segment()');
  if (!nodejiebaLoaded) { nodejieba.load({ userDict: loadedDict }); nodejiebaLoaded = true; }
  return joinSpacedWords(nodejieba.cut(text, true).filter((t) => t.trim() !== ''));
}

/**
 * Dictionary words only, covering the text exactly (punctuation and spaces included). Without
 * the HMM, jieba does not invent words that glue a name to its neighbour and hide the words in them.
 */
export function segmentWords(text: string): string[] {
  if (dictionary === undefined) throw new Error('loadSegmenter(userDict) must run before segmentWords()');
  return cutByDictionary(text, dictionary);
}

function joinSpacedWords(tokens: string[]): string[] {
  if (!spacedWords.length) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = spacedWords.find((parts) => parts.every((part, k) => tokens[i + k] === part));
    if (match) { out.push(match.join(' ')); i += match.length - 1; } else out.push(tokens[i]!);
  }
  return out;
}

// The IDF of words already looked up: a news vocabulary repeats from one article to the next,
// and a Map hit (the word's hash is computed once, for the counts) is cheaper than a walk down the trie.
const seenIdf = new Map<string, number>();
const SEEN_IDF_LIMIT = 200_000;

let idf: { table: WordTrie; average: number; highest: number; stop: Set<string> } | undefined;

/** Jieba's own IDF table and stop words, read once (the table compiled and cached like the dictionary): keywords come from tokens already cut. */
function idfTable() {
  if (idf) return idf;
  const table = cachedWordTrie('jieba-idf', [bundled.DEFAULT_IDF_DICT], () => {
    const entries: [string, number][] = [];
    let sum = 0;
    for (const line of readFileSync(bundled.DEFAULT_IDF_DICT, 'utf8').split('\n')) {
      const space = line.lastIndexOf(' ');
      if (space <= 0) continue;
      const value = Number(line.slice(space + 1));
      entries.push([line.slice(0, space), value]);
      sum += value;
    }
    const trie = buildWordTrie(entries);
    // The average over distinct words, as a Map of them counted it.
    let words = 0;
    for (let k = 1; k < trie.value.length; k++) if (isWord(trie, k)) words++;
    trie.meta.average = sum / Math.max(1, words);
    return trie;
  });
  const stop = new Set([...readFileSync(bundled.DEFAULT_STOP_WORD_DICT, 'utf8').split('\n').map((w) => w.trim()).filter(Boolean), ...STOP]);
  // The largest weight a word can get, so that most words need no look-up (keywordsFromTokens).
  let highest = table.meta.average!;
  for (let k = 1; k < table.value.length; k++) if (isWord(table, k) && table.value[k]! > highest) highest = table.value[k]!;
  idf = { table, average: table.meta.average!, highest, stop };
  return idf;
}

/**
 * TF-IDF keywords over tokens already cut, as jieba's extractor weighs them (its IDF table, its
 * average for unknown words, its stop words): the text is not segmented a second time.
 */
export function keywordsFromTokens(tokens: readonly string[], topN: number): string[] {
  const { table, average, highest, stop } = idfTable();
  // Counts in boxes: a word seen again costs one look-up, not two.
  const tf = new Map<string, { n: number }>();
  for (const t of tokens) {
    // Words of two characters or more: Chinese, or ASCII with a letter (su7, not 2024 or ——).
    if (t.length < 2) continue;
    const c = t.charCodeAt(0);
    if (c < 128 ? !ASCII_LETTER.test(t) : c < 0x3400 || c > 0x9fff) continue;
    const count = tf.get(t);
    if (count) count.n++; else tf.set(t, { n: 1 });
  }
  // The top N by weight (ties by word), kept in a short sorted list rather than sorting every word.
  const top: { word: string; weight: number }[] = [];
  const before = (a: { word: string; weight: number }, b: { word: string; weight: number }) => a.weight > b.weight || (a.weight === b.weight && a.word < b.word);
  // The list does not depend on the order words are offered in: words seen more than once go
  // first, so the list fills with heavy weights early and most words seen once need no look-up.
  const once: string[] = [];
  const offer = (word: string, n: number) => {
    // A word that could not enter the list even with the highest IDF is not looked up.
    if (top.length === topN && n * highest < top[topN - 1]!.weight) return;
    let weight = seenIdf.get(word);
    if (weight === undefined) {
      const node = findWord(table, word);
      weight = node === -1 ? average : table.value[node]!;
      if (seenIdf.size >= SEEN_IDF_LIMIT) seenIdf.clear(); // tokens the HMM invented (segment()) are not bounded by the dictionary
      seenIdf.set(word, weight);
    }
    const entry = { word, weight: n * weight };
    if (top.length === topN && !before(entry, top[topN - 1]!)) return;
    if (stop.has(word)) return;
    let i = top.length;
    while (i > 0 && before(entry, top[i - 1]!)) i--;
    top.splice(i, 0, entry);
    if (top.length > topN) top.pop();
  };
  for (const [word, { n }] of tf) if (n > 1) offer(word, n); else once.push(word);
  for (const word of once) {
    if (top.length === topN && highest < top[topN - 1]!.weight) break;
    offer(word, 1);
  }
  return top.map((k) => k.word);
}

const ASCII_LETTER = /[a-z]/i;
const STOP = new Set(['记者', '表示', '目前', '消费者', '没有', '已经', '可以', '进行', '相关', '方面', '一个', '我们', '他们', '这个', '因为', '如果', '但是', '还是', '其中', '以及', '对于', '今天', '昨日', '今年']);
