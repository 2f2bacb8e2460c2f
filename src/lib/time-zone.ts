// Wall-clock time in any IANA time zone (story.yaml `timezone`), daylight saving included,
// from the zone database Node ships with (Intl): no library, no fixed offsets. Pure; the
// formatters and the offsets of each UTC day are cached per zone, because Intl is slow
// (~6% of a 10k-article build when it ran on every call).

/**
 * The first story's zone, and the zone of the Chinese pages the standalone tools read without
 * a story (`npm run extract`, the extraction eval, the bench). A story names its own zone.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Year, month (1-12), day, hour (0-23), minute, second as a clock in the zone shows them. */
export interface WallTime { year: number; month: number; day: number; hour: number; minute: number; second: number }

const DAY_MS = 86_400_000;

/** A name Intl knows (an IANA zone such as Europe/Berlin, or UTC). */
export function isTimeZone(name: string): boolean {
  if (!name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone "${zone}" (an IANA name such as Asia/Shanghai or Europe/Berlin)`);
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC in ms at an instant, straight from the zone database. */
function exactOffset(ms: number, zone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(whole))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!) - whole;
}

// Per zone, per UTC day: the day's offset when it holds from the day's first to its last second
// (no transition that day), NaN when a transition falls inside it (then each instant is asked).
const dayOffsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC in ms at an instant (+08:00 → 28,800,000). */
export function offsetAt(ms: number, zone: string): number {
  let days = dayOffsets.get(zone);
  if (!days) dayOffsets.set(zone, (days = new Map()));
  const day = Math.floor(ms / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = exactOffset(day * DAY_MS, zone);
    offset = first === exactOffset(day * DAY_MS + DAY_MS - 1000, zone) ? first : Number.NaN;
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? exactOffset(ms, zone) : offset;
}

/** The clock in the zone at an instant. */
export function wallTime(ms: number, zone: string): WallTime {
  const t = new Date(ms + offsetAt(ms, zone));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), second: t.getUTCSeconds() };
}

/** '+08:00', '-05:00', '+00:00'. */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * ISO 8601 with the offset the zone had at that instant, to the second:
 * 2024-03-29T09:30:00+08:00, 2024-07-01T12:00:00+02:00 (Berlin, summer).
 */
export function toZonedIso(date: Date, zone: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('not a date');
  const offset = offsetAt(ms, zone);
  return new Date(ms + offset).toISOString().replace(/\.\d{3}Z$/, formatOffset(offset));
}

/**
 * The instant a clock in the zone shows this wall time. Around a daylight-saving change it
 * does what Temporal's 'compatible' does: a time that occurs twice (autumn) is the earlier one,
 * a time the clocks skip (spring) is read with the offset before the change (02:30 → 03:30).
 */
export function instantOf(wall: WallTime, zone: string): number {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  const candidates = [...new Set([local - before, local - after])]
    .filter((t) => local - offsetAt(t, zone) === t)
    .sort((a, b) => a - b);
  return candidates[0] ?? local - before;
}
