import { describe, it, expect, beforeAll } from 'vitest';
import { fingerprint as minhash, similarity, groupReprints, REPRINT_MIN_SIMILARITY, NEAR_DUPLICATE_MIN_SIMILARITY } from '../../pipeline/dedupe.ts';
import { segment } from '../../pipeline/segment.ts';
import { normalizeText } from '../../pipeline/normalize.ts';
import * as OpenCC from 'opencc-js';
import { realAnalysisConfig } from '../helpers/analysis-config.ts';

beforeAll(() => { realAnalysisConfig(); });

const ORIGINAL = [
  '3月29日，小米汽车发布消息称，小米SU7上市24小时大定订单达到88898台。',
  '与此同时，社交平台上出现了不少用户的抱怨：他们在支付5000元定金并锁单之后，发现定金已经无法退还。',
  '一些用户表示，自己只是想先看看配置，却在页面上误触了锁单按钮。',
  '小米方面回应称，共有469位用户提出退订或修改配置的申请，公司将为4月30日前下单的用户把犹豫期延长至7天。',
  '律师指出，定金与订金在法律上的性质不同，消费者下单前应仔细阅读购车协议。',
].join('\n');
const UNRELATED = [
  '小米YU7于6月26日晚正式上市，官方公布18小时锁单量突破24万台。',
  '随后，二手平台上出现了大量YU7订单转让信息，加价幅度在2万元到5万元之间。',
  '小米汽车再次声明，订单严禁转售，一经发现将取消订单。',
  '不少准车主担心提车周期过长，在等待与转手之间犹豫不决。',
].join('\n');

const fingerprint = (text: string) => minhash(segment(normalizeText(text)));

describe('reprint detection', () => {
  it('finds a Traditional-Chinese repost of a Simplified original', () => {
    const traditional = OpenCC.Converter({ from: 'cn', to: 'hk' })(ORIGINAL);
    expect(traditional).not.toBe(ORIGINAL);
    expect(similarity(fingerprint(ORIGINAL), fingerprint(traditional))).toBeGreaterThanOrEqual(REPRINT_MIN_SIMILARITY);
  });

  it('finds a lightly edited reprint and keeps unrelated stories apart', () => {
    const edited = `（本文转载自车评日报）\n${ORIGINAL.replace('律师指出', '有律师提醒')}`;
    expect(similarity(fingerprint(ORIGINAL), fingerprint(edited))).toBeGreaterThanOrEqual(REPRINT_MIN_SIMILARITY);
    expect(similarity(fingerprint(ORIGINAL), fingerprint(UNRELATED))).toBeLessThan(NEAR_DUPLICATE_MIN_SIMILARITY);
  });

  it('groups reprints under the earliest article, whatever order they arrive in', () => {
    const traditional = OpenCC.Converter({ from: 'cn', to: 'hk' })(ORIGINAL);
    const groups = groupReprints([
      { id: 'hk-repost', published: '2024-03-29T18:00:00+08:00', fingerprint: fingerprint(traditional), outletId: 'gangao' },
      { id: 'original', published: '2024-03-29T10:00:00+08:00', fingerprint: fingerprint(ORIGINAL), outletId: 'cheping' },
      { id: 'other', published: '2024-03-29T08:00:00+08:00', fingerprint: fingerprint(UNRELATED), outletId: 'cheping' },
    ]);
    expect(groups.get('hk-repost')!.reprintOf).toBe('original');
    expect(groups.get('original')!.reprintOf).toBeUndefined();
    expect(groups.get('other')!.reprintOf).toBeUndefined();
  });

  it('lets an editor pin the original or merge two articles', () => {
    const items = [
      { id: 'a', published: '2024-03-29T10:00:00+08:00', fingerprint: fingerprint(ORIGINAL), outletId: 'x' },
      { id: 'b', published: '2024-03-30T10:00:00+08:00', fingerprint: fingerprint(UNRELATED), outletId: 'y' },
    ];
    expect(groupReprints(items, new Map(), [['b', 'a']]).get('b')!.reprintOf).toBe('a');
    expect(groupReprints(items, new Map([['a', 'b']])).get('a')!.reprintOf).toBe('b');
  });
});
