// Relevance and topics on real text nobody in this project wrote (../shared/data/real-zh, read
// from there as CI has it). Floors a little under today's figures, so a regression fails;
// docs/analysis.md has the figures themselves (npm run eval).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../pipeline/analyze.ts';
import { score } from '../../pipeline/evaluate.ts';
import { loadRealData, splitByHash, type EvalItem } from '../../pipeline/eval-sets.ts';
import { realAnalysisConfig } from '../helpers/analysis-config.ts';

const REAL_DIR = path.resolve(import.meta.dirname, '../../../shared/data/real-zh');
const real = loadRealData(REAL_DIR);
if ('missing' in real) console.warn(`relevance-real: skipped, ${real.missing}`);

describe.skipIf('missing' in real)('relevance on real headlines and posts', () => {
  let config: ReturnType<typeof realAnalysisConfig>;
  beforeAll(() => { config = realAnalysisConfig(); });
  const data = real as Exclude<typeof real, { missing: string }>;

  const predict = (items: EvalItem[]) => new Map(items.map((i) => {
    const a = analyzeArticle(i, config);
    return [i.id, { id: i.id, relevant: a.relevant, topics: a.topics, evidence: a.evidence }];
  }));

  for (const part of ['dev', 'held'] as const) {
    it(`keeps the story's items and tags them (${part})`, () => {
      const items = data[part].items;
      const p = predict(items);
      const s = score(items, p, config.topics.topics.map((t) => t.id));
      expect(s.relevanceRecall).toBeGreaterThanOrEqual(0.8);
      expect(s.relevancePrecision).toBeGreaterThanOrEqual(0.85);
      expect(s.macroF1).toBeGreaterThanOrEqual(0.7);
      expect(s.keptWithoutTopic).toBe(0);
      // Every tag's evidence is a sentence of the item itself (the title counts).
      for (const item of items) {
        for (const e of p.get(item.id)!.evidence) expect(`${item.title}\n${item.text}`).toContain(e.sentence);
      }
    });
  }

  it('accepts almost none of the real negative headlines', () => {
    const negatives = [...data.negatives.dev, ...data.negatives.held];
    const kept = negatives.filter((n) => analyzeArticle(n, config).relevant);
    expect(kept.length / negatives.length).toBeLessThanOrEqual(0.0005);
  });

  it('splits dev and held-out the same way every time, each label group in both halves', () => {
    const items = [...data.dev.items, ...data.held.items];
    const again = splitByHash([...items].reverse());
    for (const i of data.dev.items) expect(again.get(i.id)).toBe('dev');
    for (const topic of ['sales', 'refunds', 'resale', 'disputes']) {
      expect(data.dev.items.some((i) => i.topics.includes(topic as never))).toBe(true);
      expect(data.held.items.some((i) => i.topics.includes(topic as never))).toBe(true);
    }
  });
});
