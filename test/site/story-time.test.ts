import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, monthStart, storyTime, weekStart } from '../../src/lib/story-time.ts';

const china = storyTime('Asia/Shanghai');
const { dayKey, formatDateTime, formatDay, formatDayWithWeekday, formatShortDay, formatTime } = china;

describe('story-time in Asia/Shanghai (the SU7 story)', () => {
  it('keys the day in Asia/Shanghai whatever the offset of the input', () => {
    expect(dayKey('2024-03-28T23:30:00+08:00')).toBe('2024-03-28');
    // 16:30 UTC is 00:30 the next day in Shanghai
    expect(dayKey('2024-03-28T16:30:00Z')).toBe('2024-03-29');
    expect(dayKey('2024-03-28T10:00:00-05:00')).toBe('2024-03-28');
    expect(dayKey('2024-03-28')).toBe('2024-03-28');
  });

  it('formats dates and times in Chinese', () => {
    expect(formatDay('2024-03-28')).toBe('2024年3月28日');
    expect(formatDayWithWeekday('2024-03-28')).toBe('2024年3月28日 星期四');
    expect(formatShortDay('2024-04-02')).toBe('4月2日');
    expect(formatTime('2024-03-28T16:05:00Z')).toBe('00:05');
    expect(formatDateTime('2024-03-28T23:30:00+08:00')).toBe('2024年3月28日 23:30');
  });

  it('agrees with the time-zone database (Intl) on instants from 1986 to 2040', () => {
    const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const start = Date.UTC(1986, 0, 1), end = Date.UTC(2040, 0, 1);
    for (let i = 0; i < 2000; i++) {
      // Spread over the range, and on purpose near midnight in Shanghai (15:xx–16:xx UTC).
      const t = new Date(start + ((end - start) * i) / 2000 + (i % 2 ? 15.9 * 3_600_000 : 0));
      const p = Object.fromEntries(reference.formatToParts(t).map((x) => [x.type, x.value]));
      expect(dayKey(t.toISOString())).toBe(`${p.year}-${p.month}-${p.day}`);
      expect(formatTime(t.toISOString())).toBe(`${p.hour}:${p.minute}`);
    }
    // Shanghai kept summer time in 1986–1991: 1988-07-01 00:00 UTC was 09:00 there.
    expect(formatTime('1988-07-01T00:00:00Z')).toBe('09:00');
  });

  it('starts a day at midnight in the zone', () => {
    expect(china.startOfDay('2024-03-28')).toBe(Date.parse('2024-03-28T00:00:00+08:00'));
  });

  it('rejects garbage', () => {
    expect(() => dayKey('yesterday')).toThrow(RangeError);
    expect(() => formatDay('someday')).toThrow(RangeError);
  });

  it('does day arithmetic on keys', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(daysBetween('2024-03-28', '2024-04-22')).toBe(25);
    expect(weekStart('2024-03-31')).toBe('2024-03-25'); // Sunday → Monday before
    expect(weekStart('2024-03-25')).toBe('2024-03-25');
    expect(monthStart('2024-03-28')).toBe('2024-03-01');
  });
});

describe('story-time in a zone with daylight saving', () => {
  const berlin = storyTime('Europe/Berlin');
  const newYork = storyTime('America/New_York');

  it('shows each instant on the story zone\'s clock, summer and winter', () => {
    // Winter: UTC+1; summer: UTC+2 (from 2024-03-31 01:00 UTC).
    expect(berlin.formatDateTime('2024-03-30T23:30:00Z')).toBe('2024年3月31日 00:30');
    expect(berlin.formatDateTime('2024-03-31T00:59:00Z')).toBe('2024年3月31日 01:59');
    expect(berlin.formatDateTime('2024-03-31T01:00:00Z')).toBe('2024年3月31日 03:00');
    expect(berlin.formatDateTime('2024-07-01T22:30:00Z')).toBe('2024年7月2日 00:30');
    // A stored +08:00 time (another zone's offset) is the same instant, shown in Berlin.
    expect(berlin.formatDateTime('2024-07-02T06:30:00+08:00')).toBe('2024年7月2日 00:30');
    expect(berlin.dayKey('2024-07-01T21:59:00Z')).toBe('2024-07-01');
    expect(berlin.dayKey('2024-07-01T22:00:00Z')).toBe('2024-07-02');
    // New York: UTC-5 in winter, UTC-4 from 2024-03-10 07:00 UTC.
    expect(newYork.formatDateTime('2024-03-10T06:59:00Z')).toBe('2024年3月10日 01:59');
    expect(newYork.formatDateTime('2024-03-10T07:00:00Z')).toBe('2024年3月10日 03:00');
    expect(newYork.dayKey('2024-11-03T03:30:00Z')).toBe('2024-11-02');
    expect(newYork.dayKey('2024-11-03T04:30:00Z')).toBe('2024-11-03');
  });

  it('starts a day at the zone\'s midnight, with that day\'s offset', () => {
    expect(berlin.startOfDay('2024-01-15')).toBe(Date.parse('2024-01-15T00:00:00+01:00'));
    expect(berlin.startOfDay('2024-07-15')).toBe(Date.parse('2024-07-15T00:00:00+02:00'));
    expect(newYork.startOfDay('2024-11-03')).toBe(Date.parse('2024-11-03T00:00:00-04:00'));
    expect(newYork.startOfDay('2024-11-04')).toBe(Date.parse('2024-11-04T00:00:00-05:00'));
  });

  it('agrees with Intl in every hour across a year of changes', () => {
    const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000 + 7 * 60_000) {
      const p = Object.fromEntries(reference.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
      const iso = new Date(t).toISOString();
      expect(`${berlin.dayKey(iso)} ${berlin.formatTime(iso)}`).toBe(`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`);
    }
  });
});
