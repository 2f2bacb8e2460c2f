import { describe, expect, it } from 'vitest';
import { storyTime } from '../../src/lib/story-time.ts';
import { buildVolumeChart, chooseUnit } from '../../src/lib/volume-chart.ts';

const CHINA = storyTime('Asia/Shanghai');

const topics = ['sales', 'refunds'];
const a = (published: string, ...t: string[]) => ({ published, topics: t });

describe('volume chart', () => {
  it('chooses days, weeks or months by span', () => {
    expect(chooseUnit('2024-03-28', '2024-04-22')).toBe('day');
    expect(chooseUnit('2024-03-28', '2024-08-01')).toBe('week');
    expect(chooseUnit('2024-03-28', '2026-05-01')).toBe('month');
  });

  it('counts per day per topic with empty days filled in', () => {
    const chart = buildVolumeChart(
      [a('2024-03-28T23:30:00+08:00', 'sales'), a('2024-03-30T10:00:00+08:00', 'sales', 'refunds'), a('2024-03-30T16:30:00Z', 'refunds')],
      topics, CHINA,
      { width: 300, height: 30 },
    );
    expect(chart.unit).toBe('day');
    expect(chart.buckets.map((b) => b.start)).toEqual(['2024-03-28', '2024-03-29', '2024-03-30', '2024-03-31']);
    expect(chart.buckets.map((b) => b.counts)).toEqual([
      { sales: 1, refunds: 0 },
      { sales: 0, refunds: 0 },
      { sales: 1, refunds: 1 },
      { sales: 0, refunds: 1 }, // 16:30Z is the 31st in Shanghai
    ]);
    expect(chart.buckets.map((b) => b.total)).toEqual([1, 0, 1, 1]); // two topics, one article
    expect(chart.max).toBe(1);
    expect(chart.rows.map((r) => r.total)).toEqual([2, 2]);
  });

  it('lays bars out inside the view box on one shared scale', () => {
    const chart = buildVolumeChart([a('2024-03-28T10:00:00+08:00', 'sales', 'sales'), a('2024-03-28T11:00:00+08:00', 'sales'), a('2024-03-29T11:00:00+08:00', 'refunds')], topics, CHINA, {
      width: 200,
      height: 40,
    });
    const [sales, refunds] = chart.rows;
    expect(sales!.bars[0]).toMatchObject({ count: 2, height: 40, y: 0 });
    expect(refunds!.bars[1]).toMatchObject({ count: 1, height: 20, y: 20 });
    for (const bar of [...sales!.bars, ...refunds!.bars]) {
      expect(bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(200);
    }
  });

  it('buckets by week (Monday start) and month', () => {
    const weekly = buildVolumeChart([a('2024-03-28T10:00:00+08:00', 'sales'), a('2024-06-30T10:00:00+08:00', 'sales')], topics, CHINA);
    expect(weekly.unit).toBe('week');
    expect(weekly.buckets[0]).toMatchObject({ start: '2024-03-25', end: '2024-03-31' });
    expect(weekly.buckets.at(-1)).toMatchObject({ start: '2024-06-24', end: '2024-06-30' });
    const monthly = buildVolumeChart([a('2024-03-28T10:00:00+08:00', 'sales'), a('2026-06-02T10:00:00+08:00', 'sales')], topics, CHINA);
    expect(monthly.unit).toBe('month');
    expect(monthly.buckets).toHaveLength(28);
    expect(monthly.buckets[9]).toMatchObject({ start: '2024-12-01', end: '2024-12-31' });
    expect(monthly.buckets[10]!.start).toBe('2025-01-01');
  });

  it('copes with no articles', () => {
    expect(buildVolumeChart([], topics, CHINA)).toMatchObject({ buckets: [], max: 0 });
  });
});
