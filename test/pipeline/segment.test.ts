import { describe, it, expect, beforeAll } from 'vitest';
import path from 'node:path';
import { keywordsFromTokens, keywordsFromWords, segment, segmentWords } from '../../pipeline/segment.ts';
import { readJsonl, type EvalItem } from '../../pipeline/eval-sets.ts';
import { normalizeText } from '../../pipeline/normalize.ts';
import { realAnalysisConfig } from '../helpers/analysis-config.ts';

beforeAll(() => { realAnalysisConfig(); });

describe('segment', () => {
  it.each(['锁单', '大定', '小定', '定金', '订金', '意向金', '犹豫期', '优先购车权', '转单', '黄牛', '维权', '黑猫投诉', '双倍返还'])('keeps the domain term %s whole', (term) => {
    expect(segment(`很多用户表示${term}之后才发现问题`)).toContain(term);
  });

  it('keeps model names and numbers whole (nodejieba cut without HMM splits them into letters)', () => {
    const tokens = segment('小米SU7上市24小时大定88898台，YU7随后发布');
    expect(tokens).toContain('88898');
    expect(tokens.some((t) => t === 'SU7' || t === '小米SU7')).toBe(true);
    expect(tokens).toContain('YU7');
    expect(tokens).not.toContain('S');
    expect(tokens).not.toContain('8');
  });

  it('joins multi-word model names such as SU7 Ultra and SU7 Pro', () => {
    expect(segment('SU7 Ultra碳纤维前舱盖')).toContain('SU7 Ultra');
    expect(segment('这台SU7 Pro已经交付')).toContain('SU7 Pro');
  });

  it('segments Traditional text after normalization with the same dictionary', () => {
    const tokens = segment(normalizeText('小米ＳＵ７鎖單後定金無法退還，黃牛轉售優先購車權'));
    expect(tokens).toEqual(expect.arrayContaining(['锁单', '定金', '黄牛', '转售', '优先购车权']));
  });
});

describe('keywords', () => {
  it('counted by dictionary number, they are the keywords counted by string, on every written eval item', () => {
    const dir = path.resolve(import.meta.dirname, '../fixtures/eval');
    const items = ['items', 'holdout', 'blind'].flatMap((n) => readJsonl<EvalItem>(path.join(dir, `${n}.jsonl`)));
    expect(items.length).toBeGreaterThan(300);
    const texts = [...items.map((x) => `${x.title}\n${x.text}`), '', '😀😀 𠮷𠮷野家 su7 su7 2024 ——', '定金 定金 的 的 了 了 锁单'];
    for (const text of texts) {
      // The words without blanks, as the analysis keeps them, with their numbers.
      const nodes: number[] = [];
      const words: string[] = [];
      const numbered: number[] = [];
      segmentWords(text.toLowerCase(), nodes).forEach((w, k) => { if (w.trim() !== '') { words.push(w); numbered.push(nodes[k]!); } });
      const byString = keywordsFromTokens(words, 8);
      expect(keywordsFromWords(words, numbered, 8)).toEqual(byString);
      // Twice over, since the counts are kept between items and must start from nothing.
      expect(keywordsFromWords(words, numbered, 8)).toEqual(byString);
    }
  });

  it('falls back to counting strings when the numbers do not match the words', () => {
    expect(keywordsFromWords(['定金', '定金', '锁单'], [1], 2)).toEqual(keywordsFromTokens(['定金', '定金', '锁单'], 2));
  });
});
