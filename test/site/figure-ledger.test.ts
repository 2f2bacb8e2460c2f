import { describe, expect, it } from 'vitest';
import { buildLedger, claimAnchor, figuresAgree, formatFigureValue, normaliseUnit, splitSources, valueKey, type FigureLike } from '../../src/lib/figure-ledger.ts';

const fig = (claim: string, value: number, unit: string, extra: Partial<{ valueMax: number; what: string; text: string }> = {}) => ({
  claim, value, unit, what: extra.what ?? '24小时大定订单', text: extra.text ?? `${value}${unit}`, sentence: `句子${value}`, valueMax: extra.valueMax,
});
const art = (id: string, published: string, figures: ReturnType<typeof fig>[]) => ({
  id, title: `标题${id}`, published, outlet: { id: `o-${id}`, name: `媒体${id}` }, figures,
});

describe('figure ledger', () => {
  it('normalises Chinese multipliers in units', () => {
    expect(normaliseUnit('万元')).toEqual({ base: '元', factor: 1e4 });
    expect(normaliseUnit('亿元')).toEqual({ base: '元', factor: 1e8 });
    expect(normaliseUnit('台')).toEqual({ base: '台', factor: 1 });
    expect(normaliseUnit('万')).toEqual({ base: '万', factor: 1 });
    expect(valueKey({ value: 2.99, unit: '万元' })).toBe(valueKey({ value: 29900, unit: '元' }));
    expect(valueKey({ value: 3000, valueMax: 8000, unit: '元' })).toBe('3000–8000 元');
    expect(formatFigureValue({ value: 3000, valueMax: 8000, unit: '元' })).toBe('3000至8000元');
    expect(formatFigureValue({ value: 21.59, unit: '万元' })).toBe('21.59万元');
  });

  it('groups by claim, sources oldest first, and flags differing values of different claimants', () => {
    const claimantOf = (a: { id: string }) => ({ claimant: { id: a.id === 'late' ? 'rumour' : 'official', label: a.id === 'late' ? '网传' : '官方' }, refuted: false });
    const ledger = buildLedger([
      art('late', '2024-03-29T16:00:00+08:00', [fig('orders-24h', 10, '万台')]),
      art('early', '2024-03-29T10:00:00+08:00', [fig('orders-24h', 88898, '台'), fig('deposit', 5000, '元', { what: '定金' })]),
      art('copy', '2024-03-29T11:00:00+08:00', [fig('orders-24h', 88898, '台')]),
      art('same', '2024-03-30T10:00:00+08:00', [fig('deposit', 0.5, '万元', { what: '定金' })]),
    ], { claimantOf });
    expect(ledger.map((e) => e.claim)).toEqual(['deposit', 'orders-24h'].sort((a, b) => (a === 'orders-24h' ? 1 : -1)));
    const orders = ledger.find((e) => e.claim === 'orders-24h')!;
    expect(orders.sources.map((s) => s.article.id)).toEqual(['early', 'copy', 'late']);
    expect(orders.conflict).toBe(true);
    expect(orders.variants.map((v) => ({ valueKey: v.valueKey, label: v.label, count: v.count, claimants: v.claimants, disputed: v.disputed }))).toEqual([
      { valueKey: '88898 台', label: '88898台', count: 2, claimants: ['官方'], disputed: true },
      { valueKey: '100000 台', label: '10万台', count: 1, claimants: ['网传'], disputed: true },
    ]);
    const deposit = ledger.find((e) => e.claim === 'deposit')!;
    expect(deposit.conflict).toBe(false); // 0.5万元 = 5000元
    expect(deposit.what).toBe('定金');
  });

  it('never compares ranges, hedges, refuted rumours, one claimant with itself, or different times', () => {
    const who = (id: string, refuted = false) => ({ claimant: { id, label: id }, refuted });
    const pair = (a: ReturnType<typeof fig>, b: ReturnType<typeof fig>, claimants: [ReturnType<typeof who>, ReturnType<typeof who>], days = 0) => buildLedger([
      art('a', '2024-04-02T14:00:00+08:00', [a]),
      art('b', new Date(Date.parse('2024-04-02T18:00:00+08:00') + days * 86_400_000).toISOString(), [b]),
    ], { claimantOf: (x) => (x.id === 'a' ? claimants[0] : claimants[1]), sameTimeDays: 7 })[0]!.conflict;
    expect(pair(fig('c', 469, '人'), fig('c', 3000, '人'), [who('official'), who('rumour')])).toBe(true);
    expect(pair(fig('c', 469, '人'), fig('c', 3000, '人'), [who('official'), who('rumour', true)])).toBe(false);
    expect(pair(fig('c', 469, '人'), fig('c', 3000, '人'), [who('official'), who('official')])).toBe(false);
    expect(pair(fig('c', 150, '件'), fig('c', 900, '件'), [who('platform'), who('media')], 60)).toBe(false);
    expect(pair(fig('c', 3000, '元', { valueMax: 8000 }), fig('c', 5000, '元', { valueMax: 10000 }), [who('a'), who('b')])).toBe(false);
    expect(pair(fig('c', 88898, '台'), { ...fig('c', 90000, '台'), approximate: true } as ReturnType<typeof fig>, [who('a'), who('b')])).toBe(false);
  });

  it('writes values as Chinese readers do', () => {
    expect(formatFigureValue({ value: 299900, unit: '元' })).toBe('29.99万元');
    expect(formatFigureValue({ value: 20000, unit: '积分' })).toBe('2万积分');
    expect(formatFigureValue({ value: 88898, unit: '台' })).toBe('88898台');
    expect(formatFigureValue({ value: 2, valueMax: 5, unit: '万元' })).toBe('2万至5万元');
    expect(formatFigureValue({ value: 4, unit: '亿元' })).toBe('4亿元');
  });

  it('makes safe anchors', () => {
    expect(claimAnchor('orders-24h')).toBe('claim-orders-24h');
    expect(claimAnchor('Orders 24H!')).toBe('claim-orders-24h');
    expect(claimAnchor('定金')).toMatch(/^claim-[A-Za-z0-9]+$/);
  });
});

describe('splitSources', () => {
  it('keeps short entries whole', () => {
    const [entry] = buildLedger([art('a', '2024-03-29T10:00:00+08:00', [fig('c', 1, '台')])]);
    expect(splitSources(entry!, 10)).toMatchObject({ more: [] });
  });
  it('folds long entries but keeps every distinct value up front, in date order', () => {
    const many = Array.from({ length: 15 }, (_, i) =>
      art(`a${String(i).padStart(2, '0')}`, `2024-03-${String(10 + i).padStart(2, '0')}T10:00:00+08:00`, [fig('c', i === 14 ? 2 : 1, '台')]),
    );
    const [entry] = buildLedger(many);
    const { shown, more } = splitSources(entry!, 5);
    expect(shown).toHaveLength(5);
    expect(more).toHaveLength(10);
    expect(shown.map((s) => s.article.id)).toEqual(['a00', 'a01', 'a02', 'a03', 'a14']);
  });
});

describe('figuresAgree', () => {
  const f = (value: number, unit: string, extra: Partial<FigureLike> = {}): FigureLike => ({ value, unit, what: 'x', claim: 'c', text: 't', sentence: 's', ...extra });
  it('treats rounding, hedges and values inside a range as agreement', () => {
    expect(figuresAgree(f(75723, '台'), f(7.57, '万台'))).toBe(true);
    expect(figuresAgree(f(88898, '台'), f(90000, '台', { approximate: true }))).toBe(true);
    expect(figuresAgree(f(6000, '元'), f(3000, '元', { valueMax: 8000 }))).toBe(true);
  });
  it('flags real disagreements', () => {
    expect(figuresAgree(f(88898, '台'), f(75723, '台'))).toBe(false);
    expect(figuresAgree(f(30000, '元'), f(20000, '元', { valueMax: 50000 }))).toBe(true);
    expect(figuresAgree(f(3, '万元'), f(2, '万元'))).toBe(false);
    expect(figuresAgree(f(5000, '元'), f(5000, '台'))).toBe(false);
  });
});
