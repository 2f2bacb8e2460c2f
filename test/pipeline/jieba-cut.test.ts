// The JavaScript dictionary cut must give nodejieba's cut(text, false) word for word: it
// replaces it in the analysis. Compared on the written eval sets, on real text when ../shared
// is there, on edge cases, and with a user dictionary holding every kind of line.
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import nodejieba from 'nodejieba';
import { compileJiebaDictionary, cutByDictionary, loadJiebaDictionary } from '../../pipeline/jieba-cut.ts';
import { buildWordTrie, deserializeWordTrie, findWord, pruneTempCache, serializeWordTrie, touch, type WordTrie } from '../../pipeline/word-trie.ts';
import { loadAnalysisConfig } from '../../pipeline/config.ts';
import { makeFold } from '../../pipeline/lexicon.ts';
import { readJsonl, type EvalItem } from '../../pipeline/eval-sets.ts';
import { CONFIG_DIR } from '../helpers/analysis-config.ts';

const DICT = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;
const EVAL_DIR = path.resolve(import.meta.dirname, '../fixtures/eval');
const REAL = path.resolve(import.meta.dirname, '../../../shared/data/real-zh/positives.jsonl');

/** Titles and texts as the analysis cuts them (folded) and as written. */
function texts(files: string[], fold: (s: string) => string): string[] {
  return files.flatMap((f) => readJsonl<EvalItem>(f)).flatMap((x) => [`${x.title}\n${x.text}`, fold(`${x.title}\n${x.text}`)]);
}

const EDGES = [
  '', ' ', '，', '。。', '\n\n', '\t小米\t', 'a b  c', '小米SU7 Ultra和Model Y', 'su7ultra订单',
  '表情😀与𠮷字混排，𠮷野家', '孤立的\ud800代理项\udc00', '全角ＳＵ７，半角su7。', '2024年3月28日晚上10点',
  '研究生命起源', '结婚的和尚未结婚的', '他说的确实在理', '南京市长江大桥',
];

describe('the JavaScript dictionary cut', () => {
  let trie: WordTrie;
  let fold: (s: string) => string;
  beforeAll(() => {
    const config = loadAnalysisConfig(CONFIG_DIR);
    trie = loadJiebaDictionary(DICT, config.userDict);
    nodejieba.load({ userDict: config.userDict });
    fold = makeFold(config.topics.spelling);
  });

  it('cuts the written eval sets and the edge cases as nodejieba does', () => {
    const all = [...texts(['items', 'holdout', 'blind'].map((n) => path.join(EVAL_DIR, `${n}.jsonl`)), fold), ...EDGES];
    expect(all.length).toBeGreaterThan(500);
    const differing = all.filter((t) => JSON.stringify(cutByDictionary(t, trie)) !== JSON.stringify(nodejieba.cut(t, false)));
    expect(differing).toEqual([]);
  });

  it.skipIf(!existsQuietly(REAL))('cuts real headlines and posts as nodejieba does (../shared/data/real-zh)', () => {
    const all = texts([REAL], fold);
    const differing = all.filter((t) => JSON.stringify(cutByDictionary(t, trie)) !== JSON.stringify(nodejieba.cut(t, false)));
    expect(differing).toEqual([]);
  });

  it('reads a user dictionary as cppjieba does (a word alone or with a tag weighs the median, a frequency its own, four fields nothing, the later line wins) and breaks ties as it does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storyline-jieba-'));
    const userDict = path.join(dir, 'user.utf8');
    writeFileSync(userDict, ['锁单退', '车定金 n', '退还定 5 v', '等了 很 久 啊', '定金无法 1 n', '定金无法 900000 n', '', '哈 3 x', '㐀㐂', '㐂㐁'].join('\n') + '\n');
    const mine = compileJiebaDictionary(readFileSync(DICT, 'utf8'), readFileSync(userDict, 'utf8'));
    nodejieba.load({ userDict });
    rmSync(dir, { recursive: true, force: true });
    for (const t of ['锁单退还定金无法等了很久啊', '小米汽车定金无法退还', '哈哈哈车定金', '退还定金']) {
      expect(cutByDictionary(t, mine)).toEqual(nodejieba.cut(t, false));
    }
    // Two paths of the same weight (median + unknown character, either way round): the earlier, shorter word wins.
    expect(cutByDictionary('㐀㐂㐁', mine)).toEqual(['㐀', '㐂㐁']);
    expect(nodejieba.cut('㐀㐂㐁', false)).toEqual(['㐀', '㐂㐁']);
    const weight = (w: string) => mine.value[findWord(mine, w)]!;
    expect(weight('锁单退')).toBe(weight('车定金')); // both the median
    expect(weight('定金无法')).toBeGreaterThan(weight('退还定')); // 900000 (the later line) against 5
    expect(findWord(mine, '等了')).toBe(-1);
    expect(findWord(mine, '等了 很')).toBe(-1);
  });
});

describe('the word trie', () => {
  it('finds each word with its last value and survives its file format', () => {
    const trie = buildWordTrie([['小米', 1], ['小米汽车', 2.5], ['𠮷野家', -3], ['小米', 4]], { minWeight: -9 });
    const back = deserializeWordTrie(serializeWordTrie(trie));
    for (const t of [trie, back]) {
      expect(t.value[findWord(t, '小米')]).toBe(4);
      expect(t.value[findWord(t, '小米汽车')]).toBe(2.5);
      expect(t.value[findWord(t, '𠮷野家')]).toBe(-3);
      expect(findWord(t, '小米汽')).toBe(-1);
      expect(findWord(t, '')).toBe(-1);
      expect(t.meta.minWeight).toBe(-9);
    }
  });
});

function existsQuietly(file: string): boolean {
  const there = existsSync(file);
  if (!there) console.warn(`jieba-cut: real text skipped, ${file} not found (../shared/data beside the clone)`);
  return there;
}

describe('the temp-directory cache of compiled dictionaries', () => {
  it('keeps the most recently used files of a kind and removes the others', () => {
    const prefix = `storyline-prune-test-${process.pid}-`;
    const files = Array.from({ length: 9 }, (_, i) => path.join(tmpdir(), `${prefix}${i}.bin`));
    files.forEach((f, i) => { writeFileSync(f, 'x'); const t = new Date(Date.now() - (10 - i) * 60_000); utimesSync(f, t, t); });
    touch(files[0]!); // the oldest, just used again
    pruneTempCache(prefix, '.bin', 3);
    expect(files.map((f) => existsSync(f))).toEqual([true, false, false, false, false, false, false, true, true]);
    for (const f of files) rmSync(f, { force: true });
  });
});
