import { describe, it, expect, beforeAll } from 'vitest';
import { analyzeArticle } from '../../pipeline/analyze.ts';
import { scoreSentence } from '../../pipeline/classify.ts';
import { realAnalysisConfig } from '../helpers/analysis-config.ts';

let config: ReturnType<typeof realAnalysisConfig>;
beforeAll(() => { config = realAnalysisConfig(); });

describe('relevance and topics', () => {
  it('tags a story article with topics, each with the sentence that triggered it', () => {
    const a = analyzeArticle({
      title: '小米SU7上市24小时大定88898台',
      text: '小米汽车宣布，SU7上市24小时大定88898台。\n部分用户反映锁单后5000元定金无法退还。\n有车主在黑猫投诉平台发起维权。\n闲鱼上出现黄牛加价转售优先购车权。',
    }, config);
    expect(a.relevant).toBe(true);
    expect(a.topics).toEqual(expect.arrayContaining(['sales', 'refunds', 'disputes', 'resale']));
    const evidence = Object.fromEntries(a.evidence.map((e) => [e.topic, e.sentence]));
    expect(evidence.refunds).toContain('定金');
    expect(evidence.resale).toContain('黄牛');
    expect(evidence.disputes).toMatch(/投诉|维权/);
  });

  it('shows Traditional evidence in the article’s own script', () => {
    const a = analyzeArticle({ title: '小米SU7鎖單風波', text: '小米SU7開放預訂後，不少用戶鎖單後發現定金無法退還。\n有車主在網上發起維權，要求小米退還定金。' }, config);
    expect(a.script).toBe('hant');
    expect(a.relevant).toBe(true);
    expect(a.evidence.find((e) => e.topic === 'refunds')!.sentence).toMatch(/鎖單|退還/);
  });

  it('rejects another brand’s presale with a reason, even with deposit words', () => {
    const a = analyzeArticle({ title: '问界M9开启预订', text: '问界M9今日开启预订，小定5000元可退，大定后不退。\n华为表示订单火爆，门店排起长队。' }, config);
    expect(a.relevant).toBe(false);
    expect(a.reason).toBeTruthy();
    expect(a.topics).toEqual([]);
  });

  it('rejects Xiaomi phone news', () => {
    const a = analyzeArticle({ title: '小米14销量突破百万', text: '小米14系列开售后销量突破百万台，澎湃OS获得好评。\n雷军在微博感谢米粉支持。' }, config);
    expect(a.relevant).toBe(false);
  });

  it('applies negative context: 转让 of shares is not resale', () => {
    const resale = config.topics.topics.find((t) => t.id === 'resale')!;
    expect(scoreSentence('股东转让股权', resale)).toBeLessThan(scoreSentence('车主转让订单', resale));
  });
});
