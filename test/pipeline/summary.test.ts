import { describe, it, expect } from 'vitest';
import { readerSummary } from '../../pipeline/summary.ts';

const paragraphs = [
  '周二上午，某品牌在发布会上公布了新车的订购规则。现场来了不少媒体和经销商代表。',
  '按照规则，用户支付定金后七天内可以无理由退订，超过七天后定金不再退还。',
  '有分析人士认为，这样的安排在行业里比较常见。',
  '品牌方表示，已经收到三百多位用户的退订申请，将在五个工作日内处理完毕。',
];

describe('readerSummary', () => {
  it('keeps the key sentences, in article order, and never just the lead', () => {
    const summary = readerSummary({
      title: '新车订购规则公布：七天内可退订',
      paragraphs,
      keySentences: ['品牌方表示，已经收到三百多位用户的退订申请，将在五个工作日内处理完毕。'],
      keywords: ['退订', '定金'],
    });
    expect(summary).toContain('已经收到三百多位用户的退订申请');
    expect(summary.startsWith(paragraphs[0]!)).toBe(false);
    expect(summary.length).toBeLessThanOrEqual(120);
    const i = summary.indexOf('七天内可以无理由退订');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(i).toBeLessThan(summary.indexOf('三百多位'));
  });

  it('takes at most one sentence of the opening paragraph', () => {
    const summary = readerSummary({ title: '发布会现场', paragraphs, keySentences: [], keywords: ['发布会', '媒体', '经销商'] });
    const fromLead = ['周二上午，某品牌在发布会上公布了新车的订购规则。', '现场来了不少媒体和经销商代表。'].filter((s) => summary.includes(s));
    expect(fromLead.length).toBeLessThanOrEqual(1);
    expect(summary).not.toBe('');
  });

  it('returns an empty summary for an empty article', () => {
    expect(readerSummary({ title: 'x', paragraphs: [], keySentences: [], keywords: [] })).toBe('');
  });
});
