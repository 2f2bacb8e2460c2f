import { describe, expect, it } from 'vitest';
import {
  addDays, dayKey, daysBetween, formatDateTime, formatDay, formatDayWithWeekday, formatShortDay, formatTime, monthStart, weekStart,
} from '../../src/lib/shanghai-time.ts';

describe('shanghai-time', () => {
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

  it('agrees with the time-zone database (Intl) on instants from 1992 to 2040', () => {
    const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const start = Date.UTC(1992, 0, 1), end = Date.UTC(2040, 0, 1);
    for (let i = 0; i < 2000; i++) {
      // Spread over the range, and on purpose near midnight in Shanghai (15:xx–16:xx UTC).
      const t = new Date(start + ((end - start) * i) / 2000 + (i % 2 ? 15.9 * 3_600_000 : 0));
      const p = Object.fromEntries(reference.formatToParts(t).map((x) => [x.type, x.value]));
      expect(dayKey(t.toISOString())).toBe(`${p.year}-${p.month}-${p.day}`);
      expect(formatTime(t.toISOString())).toBe(`${p.hour}:${p.minute}`);
    }
    // Before 1992 the zone database is used (Shanghai kept summer time in 1986–1991).
    expect(formatTime('1988-07-01T00:00:00Z')).toBe(reference.formatToParts(new Date('1988-07-01T00:00:00Z')).filter((x) => x.type === 'hour' || x.type === 'minute').map((x) => x.value).join(':'));
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
