import { describe, it, expect, beforeAll } from 'vitest';
import { segment } from '../../pipeline/segment.ts';
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
