// Dates shown to readers are always in the story's time zone (Asia/Shanghai),
// whatever the build machine's zone is. Day keys are 'YYYY-MM-DD' strings.

export const STORY_TIME_ZONE = 'Asia/Shanghai';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: STORY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

interface Parts { year: number; month: number; day: number; hour: number; minute: number }

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so later instants are
// shifted by arithmetic; Intl (slow: ~6% of a 10k-article build when it did every call) is
// kept for older ones.
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function shanghaiParts(iso: string): Parts {
  const date = new Date(iso);
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`not a date: ${iso}`);
  if (time >= FIXED_OFFSET_SINCE) {
    const t = new Date(time + SHANGHAI_OFFSET_MS);
    return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
  }
  const out: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(date)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute! };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of the instant in Asia/Shanghai. A bare date ('2024-03-28') is returned as is. */
export function dayKey(isoOrDate: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoOrDate)) return isoOrDate;
  const p = shanghaiParts(isoOrDate);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function keyParts(key: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`not a day key: ${key}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** '2024年3月28日' */
export function formatDay(key: string): string {
  const [y, m, d] = keyParts(dayKey(key));
  return `${y}年${m}月${d}日`;
}

/** '2024年3月28日 星期四' */
export function formatDayWithWeekday(key: string): string {
  const [y, m, d] = keyParts(dayKey(key));
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${y}年${m}月${d}日 ${weekday}`;
}

/** '3月28日' */
export function formatShortDay(key: string): string {
  const [, m, d] = keyParts(dayKey(key));
  return `${m}月${d}日`;
}

/** '23:30' in Asia/Shanghai. */
export function formatTime(iso: string): string {
  const p = shanghaiParts(iso);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** '2024年3月28日 23:30' in Asia/Shanghai. */
export function formatDateTime(iso: string): string {
  return `${formatDay(dayKey(iso))} ${formatTime(iso)}`;
}

/** Day key arithmetic without time zones: '2024-03-31' + 1 = '2024-04-01'. */
export function addDays(key: string, days: number): string {
  const [y, m, d] = keyParts(key);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = keyParts(a);
  const [y2, m2, d2] = keyParts(b);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Monday of the week containing the day. */
export function weekStart(key: string): string {
  const [y, m, d] = keyParts(key);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(key, -((weekday + 6) % 7));
}

/** First day of the month containing the day. */
export function monthStart(key: string): string {
  return `${key.slice(0, 7)}-01`;
}
