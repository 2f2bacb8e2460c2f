// Article volume over time by topic, as geometry for a build-time inline SVG
// (one small bar row per topic, all rows on the same scale) plus the numbers for a
// text equivalent. Buckets are days, or weeks/months when the story runs long.

import { addDays, daysBetween, monthStart, weekStart, type StoryTime } from './story-time.ts';

export type BucketUnit = 'day' | 'week' | 'month';

export interface VolumeArticle { published: string; topics: readonly string[] }

export interface Bucket {
  /** Day key of the bucket's first day. */
  start: string;
  /** Day key of the bucket's last day. */
  end: string;
  /** Articles per topic id. */
  counts: Record<string, number>;
  /** All articles in the bucket (an article with two topics counts once here). */
  total: number;
}

export interface Bar { x: number; y: number; width: number; height: number; count: number; bucket: Bucket }

export interface VolumeRow { topic: string; total: number; bars: Bar[] }

export interface VolumeChart {
  unit: BucketUnit;
  buckets: Bucket[];
  rows: VolumeRow[];
  max: number;
  width: number;
  height: number;
}

export interface VolumeOptions {
  /** Use days up to this many days of span, then weeks. */
  maxDays?: number;
  /** Use weeks up to this many weeks, then months. */
  maxWeeks?: number;
  width?: number;
  height?: number;
}

function bucketStart(day: string, unit: BucketUnit): string {
  return unit === 'day' ? day : unit === 'week' ? weekStart(day) : monthStart(day);
}

function nextStart(start: string, unit: BucketUnit): string {
  if (unit === 'day') return addDays(start, 1);
  if (unit === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function chooseUnit(firstDay: string, lastDay: string, maxDays = 62, maxWeeks = 104): BucketUnit {
  const span = daysBetween(firstDay, lastDay) + 1;
  if (span <= maxDays) return 'day';
  if (span <= maxWeeks * 7) return 'week';
  return 'month';
}

export function buildVolumeChart(
  articles: readonly VolumeArticle[],
  topics: readonly string[],
  time: Pick<StoryTime, 'dayKey'>,
  options: VolumeOptions = {},
): VolumeChart {
  const width = options.width ?? 600;
  const height = options.height ?? 40;
  const days = articles.map((a) => time.dayKey(a.published)).sort();
  if (days.length === 0) {
    return { unit: 'day', buckets: [], rows: topics.map((topic) => ({ topic, total: 0, bars: [] })), max: 0, width, height };
  }
  const unit = chooseUnit(days[0]!, days.at(-1)!, options.maxDays, options.maxWeeks);
  const buckets: Bucket[] = [];
  const index = new Map<string, Bucket>();
  const last = bucketStart(days.at(-1)!, unit);
  for (let s = bucketStart(days[0]!, unit); s <= last; s = nextStart(s, unit)) {
    const bucket: Bucket = { start: s, end: addDays(nextStart(s, unit), -1), counts: Object.fromEntries(topics.map((t) => [t, 0])), total: 0 };
    buckets.push(bucket);
    index.set(s, bucket);
  }
  for (const a of articles) {
    const bucket = index.get(bucketStart(time.dayKey(a.published), unit))!;
    bucket.total++;
    for (const t of new Set(a.topics)) if (t in bucket.counts) bucket.counts[t]!++;
  }
  const max = Math.max(0, ...buckets.flatMap((b) => topics.map((t) => b.counts[t]!)));
  const slot = width / buckets.length;
  const gap = slot > 4 ? Math.min(2, slot * 0.2) : 0;
  const rows = topics.map((topic) => {
    let total = 0;
    const bars: Bar[] = buckets.map((bucket, i) => {
      const count = bucket.counts[topic]!;
      total += count;
      const h = max > 0 ? (count / max) * height : 0;
      return { x: round(i * slot + gap / 2), y: round(height - h), width: round(slot - gap), height: round(h), count, bucket };
    });
    return { topic, total, bars };
  });
  return { unit, buckets, rows, max, width, height };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
