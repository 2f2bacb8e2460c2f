// Dates shown to readers are in the story's time zone (story.yaml `timezone`), whatever the
// build machine's zone is. Day keys are 'YYYY-MM-DD' strings of a day in that zone.
import { instantOf, wallTime } from './time-zone.ts';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** The site's date formatting for one story: every instant is read on a clock in its zone. */
export interface StoryTime {
  readonly timeZone: string;
  /** 'YYYY-MM-DD' of the instant in the story's zone. A bare date ('2024-03-28') is returned as is. */
  dayKey(isoOrDate: string): string;
  /** '2024年3月28日' (a day key, or an instant's day) */
  formatDay(keyOrIso: string): string;
  /** '2024年3月28日 星期四' */
  formatDayWithWeekday(keyOrIso: string): string;
  /** '3月28日' */
  formatShortDay(keyOrIso: string): string;
  /** '23:30' */
  formatTime(iso: string): string;
  /** '2024年3月28日 23:30' */
  formatDateTime(iso: string): string;
  /** The instant (ms) the day starts in the story's zone: a date-only milestone sorts there. */
  startOfDay(key: string): number;
}

function instantMs(iso: string): number {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) throw new RangeError(`not a date: ${iso}`);
  return time;
}

export function storyTime(timeZone: string): StoryTime {
  const dayKey = (isoOrDate: string): string => {
    if (DAY_KEY.test(isoOrDate)) return isoOrDate;
    const w = wallTime(instantMs(isoOrDate), timeZone);
    return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  };
  const formatDay = (key: string) => {
    const [y, m, d] = keyParts(dayKey(key));
    return `${y}年${m}月${d}日`;
  };
  const formatTime = (iso: string) => {
    const w = wallTime(instantMs(iso), timeZone);
    return `${pad(w.hour)}:${pad(w.minute)}`;
  };
  return {
    timeZone,
    dayKey,
    formatDay,
    formatDayWithWeekday: (key) => {
      const [y, m, d] = keyParts(dayKey(key));
      return `${y}年${m}月${d}日 ${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
    },
    formatShortDay: (key) => {
      const [, m, d] = keyParts(dayKey(key));
      return `${m}月${d}日`;
    },
    formatTime,
    formatDateTime: (iso) => `${formatDay(dayKey(iso))} ${formatTime(iso)}`,
    startOfDay: (key) => {
      const [year, month, day] = keyParts(key);
      return instantOf({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
    },
  };
}

function keyParts(key: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`not a day key: ${key}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

// Day-key arithmetic needs no zone: a key is a calendar day.

/** '2024-03-31' + 1 = '2024-04-01'. */
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
