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

// Synthetic fingerprints with a chosen share of equal hashes, to check the LSH candidate search
// against comparing every pair that shares a band.
function seededRandom(seed: number): () => number {
  return () => { seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0; return seed; };
}
const toHex = (values: number[]) => values.map((v) => v.toString(16).padStart(8, '0')).join('');

describe('reprint grouping at scale', () => {
  const random = seededRandom(42);
  const bases = Array.from({ length: 40 }, () => Array.from({ length: 64 }, () => random()));
  // Each item keeps a base's hash with probability 0.2–0.9, so pairs span every band of similarity.
  const items = Array.from({ length: 400 }, (_, i) => {
    const base = bases[i % bases.length]!;
    const keep = 0.2 + 0.7 * ((i * 37) % 100) / 100;
    return { id: `a${String(i).padStart(3, '0')}`, published: new Date(Date.UTC(2024, 2, 1) + i * 3_600_000).toISOString(), outletId: 'x', fingerprint: toHex(base.map((h) => (random() / 2 ** 32 < keep ? h : random()))) };
  });

  function byBruteForce(list: typeof items) {
    const shareBand = (a: string, b: string) => Array.from({ length: 32 }, (_, band) => a.slice(band * 16, band * 16 + 16) === b.slice(band * 16, band * 16 + 16)).some(Boolean);
    const parent = new Map(list.map((i) => [i.id, i.id]));
    const find = (id: string): string => (parent.get(id) === id ? id : find(parent.get(id)!));
    const near = new Map(list.map((i) => [i.id, new Set<string>()]));
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const a = list[x]!, b = list[y]!;
      if (!shareBand(a.fingerprint, b.fingerprint)) continue;
      const s = similarity(a.fingerprint, b.fingerprint);
      if (s >= REPRINT_MIN_SIMILARITY) parent.set(find(a.id), find(b.id));
      else if (s >= NEAR_DUPLICATE_MIN_SIMILARITY) { near.get(a.id)!.add(b.id); near.get(b.id)!.add(a.id); }
    }
    const groups = new Map<string, string[]>();
    for (const i of list) groups.set(find(i.id), [...(groups.get(find(i.id)) ?? []), i.id]);
    const out = new Map<string, { reprintOf?: string; nearDuplicates: string[] }>();
    for (const members of groups.values()) {
      const original = [...members].sort()[0]!; // ids sort in publication order here
      for (const m of members) out.set(m, { ...(m !== original ? { reprintOf: original } : {}), nearDuplicates: [...near.get(m)!].filter((n) => find(n) !== find(m)).sort() });
    }
    return out;
  }

  it('finds exactly the groups and near-duplicates that comparing every band-sharing pair finds', () => {
    const expected = byBruteForce(items);
    const actual = groupReprints(items);
    expect([...expected.values()].filter((v) => v.reprintOf).length).toBeGreaterThan(50);
    expect([...expected.values()].filter((v) => v.nearDuplicates.length).length).toBeGreaterThan(10);
    expect(new Map([...actual].sort())).toEqual(new Map([...expected].sort()));
  });

  it('still pairs two articles whose first shared band is boilerplate shared by 500+ others', () => {
    const random2 = seededRandom(7);
    const boiler = [random2(), random2()];
    const crowd = Array.from({ length: 510 }, (_, i) => ({ id: `c${String(i).padStart(3, '0')}`, published: '2024-03-01T00:00:00Z', outletId: 'x', fingerprint: toHex([...boiler, ...Array.from({ length: 62 }, () => random2())]) }));
    const shared = Array.from({ length: 62 }, () => random2());
    const pair = ['p1', 'p2'].map((id, i) => ({ id, published: `2024-03-0${i + 2}T00:00:00Z`, outletId: 'x', fingerprint: toHex([...boiler, ...shared]) }));
    const groups = groupReprints([...crowd, ...pair]);
    expect(groups.get('p2')!.reprintOf).toBe('p1');
    expect(groups.get('c001')!.reprintOf).toBeUndefined();
  });
});
