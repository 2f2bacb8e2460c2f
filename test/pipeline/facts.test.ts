import { describe, it, expect, beforeAll } from 'vitest';
import { extractFigures, parseChineseNumber, findFigures } from '../../pipeline/facts.ts';
import { normalizeText } from '../../pipeline/normalize.ts';
import { realAnalysisConfig } from '../helpers/analysis-config.ts';
import type { ClaimRule } from '../../pipeline/config.ts';

let claims: ClaimRule[];
beforeAll(() => { claims = realAnalysisConfig().claims; });
const figuresOf = (text: string) => extractFigures(normalizeText(text), claims).map((f) => ({ claim: f.claim, value: f.value, valueMax: f.valueMax, unit: f.unit }));

describe('figures', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumber('五千')).toBe(5000);
    expect(parseChineseNumber('两万三千')).toBe(23000);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('八万八千八百九十八')).toBe(88898);
  });

  it('reads 3万, 2.99万元, 五千元 and full-width digits', () => {
    expect(findFigures('加价3万元').map((f) => f.value)).toEqual([30000]);
    expect(findFigures('售价2.99万元').map((f) => f.value)).toEqual([29900]);
    expect(findFigures('五千元定金').map((f) => f.value)).toEqual([5000]);
    expect(figuresOf('上市24小时大定８８８９８台')).toEqual([{ claim: 'orders-24h', value: 88898, valueMax: undefined, unit: '台' }]);
  });

  it('names what each figure counts, from the words next to it', () => {
    const found = figuresOf('锁单后5000元定金不退。小米将犹豫期延长至7天，共有469位用户申请退订或改配。');
    expect(found).toEqual(expect.arrayContaining([
      expect.objectContaining({ claim: 'deposit', value: 5000, unit: '元' }),
      expect.objectContaining({ claim: 'hesitation-days', value: 7, unit: '天' }),
      expect.objectContaining({ claim: 'cancellation-requests', value: 469, unit: '人' }),
    ]));
  });

  it('gives two figures in one sentence their own claims', () => {
    const found = figuresOf('有黄牛加价3万元转让优先购车权，而锁单定金只有5000元。');
    expect(found).toContainEqual(expect.objectContaining({ claim: 'resale-premium', value: 30000 }));
    expect(found).toContainEqual(expect.objectContaining({ claim: 'deposit', value: 5000 }));
  });

  it('reads ranges', () => {
    expect(figuresOf('闲鱼上的转单手续费在3000-8000元之间')).toContainEqual(expect.objectContaining({ claim: 'transfer-fee', value: 3000, valueMax: 8000 }));
    expect(figuresOf('YU7订单转让加价2万至5万元')).toContainEqual(expect.objectContaining({ value: 20000, valueMax: 50000 }));
  });

  it('ignores years, ordinals and figures no claim rule knows', () => {
    expect(figuresOf('2024年第3次发布会上，小米14手机卖出100台')).toEqual([]);
  });

  it('keeps the sentence each figure came from', () => {
    const [figure] = extractFigures(normalizeText('第一句话。上市24小时大定88898台。'), claims);
    expect(figure!.sentence).toBe('上市24小时大定88898台。');
  });
});
