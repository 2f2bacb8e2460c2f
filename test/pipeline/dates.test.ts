// Source dates read in the story's zone (story.yaml `timezone`), stored with that instant's offset.
import { describe, expect, it } from 'vitest';
import { parseSourceDate, storyYearMonth, toStoryIso } from '../../pipeline/dates.ts';
import { parseYamlText, schemas, ConfigError } from '../../pipeline/config.ts';

describe('a story in Europe/Berlin (daylight saving)', () => {
  const zone = 'Europe/Berlin';

  it('reads zone-less dates as Berlin clock times, with the offset of that date', () => {
    expect(parseSourceDate('2024-01-15 09:30', zone)).toBe('2024-01-15T09:30:00+01:00');
    expect(parseSourceDate('2024-07-15 09:30', zone)).toBe('2024-07-15T09:30:00+02:00');
    expect(parseSourceDate('2024年7月15日 09:30', zone)).toBe('2024-07-15T09:30:00+02:00');
    expect(parseSourceDate('2024-07-15T09:30:00', zone)).toBe('2024-07-15T09:30:00+02:00');
    expect(parseSourceDate('Mon, 15 Jul 2024 09:30:00', zone)).toBe('2024-07-15T09:30:00+02:00');
    expect(parseSourceDate('2024/12/01', zone)).toBe('2024-12-01T00:00:00+01:00');
  });

  it('stores a dated instant with the offset Berlin had then, across the spring and autumn changes', () => {
    // Clocks go 02:00 → 03:00 on 2024-03-31 (01:00 UTC) and 03:00 → 02:00 on 2024-10-27 (01:00 UTC).
    expect(parseSourceDate('2024-03-31T00:59:00Z', zone)).toBe('2024-03-31T01:59:00+01:00');
    expect(parseSourceDate('2024-03-31T01:00:00Z', zone)).toBe('2024-03-31T03:00:00+02:00');
    expect(parseSourceDate('2024-10-27T00:30:00Z', zone)).toBe('2024-10-27T02:30:00+02:00');
    expect(parseSourceDate('2024-10-27T01:30:00Z', zone)).toBe('2024-10-27T02:30:00+01:00');
    expect(parseSourceDate('Fri, 29 Mar 2024 09:30:00 +0800', zone)).toBe('2024-03-29T02:30:00+01:00');
    expect(toStoryIso(new Date('2024-06-01T10:00:00Z'), zone)).toBe('2024-06-01T12:00:00+02:00');
  });

  it('reads clock times the change skips or repeats as Temporal does (compatible)', () => {
    // 02:30 on 2024-03-31 does not exist in Berlin: read with the winter offset, it is 03:30 summer time.
    expect(parseSourceDate('2024-03-31 02:30', zone)).toBe('2024-03-31T03:30:00+02:00');
    // 02:30 on 2024-10-27 happens twice: the first one (still summer time).
    expect(parseSourceDate('2024-10-27 02:30', zone)).toBe('2024-10-27T02:30:00+02:00');
  });

  it('files an article under the month of its Berlin date', () => {
    expect(storyYearMonth('2024-06-30T23:30:00Z', zone)).toEqual(['2024', '07']);
    expect(storyYearMonth('2024-06-30T23:30:00Z', 'Asia/Shanghai')).toEqual(['2024', '07']);
    expect(storyYearMonth('2024-06-30T21:30:00Z', zone)).toEqual(['2024', '06']);
  });

  it('does not read CST as China time outside a UTC+8 story: it is US Central there', () => {
    expect(parseSourceDate('Fri, 29 Mar 2024 09:30:00 CST', zone)).toBe('2024-03-29T16:30:00+01:00');
    // BJT names China time everywhere.
    expect(parseSourceDate('Fri, 29 Mar 2024 09:30:00 BJT', zone)).toBe('2024-03-29T02:30:00+01:00');
  });
});

describe('a story in America/New_York', () => {
  const zone = 'America/New_York';
  it('reads zone-less dates in New York, EST or EDT by date', () => {
    expect(parseSourceDate('2024-03-09 12:00', zone)).toBe('2024-03-09T12:00:00-05:00');
    expect(parseSourceDate('2024-03-11 12:00', zone)).toBe('2024-03-11T12:00:00-04:00');
    expect(parseSourceDate('2024-11-03T01:30:00', zone)).toBe('2024-11-03T01:30:00-04:00');
    expect(parseSourceDate('2024-11-03T06:30:00Z', zone)).toBe('2024-11-03T01:30:00-05:00');
  });
});

describe('Asia/Shanghai and its Chinese zone names', () => {
  it('keeps the SU7 story\'s readings', () => {
    expect(parseSourceDate('Fri, 29 Mar 2024 09:30:00 CST', 'Asia/Shanghai')).toBe('2024-03-29T09:30:00+08:00');
    expect(parseSourceDate('Fri, 29 Mar 2024 09:30:00 GMT+8', 'Asia/Shanghai')).toBe('2024-03-29T09:30:00+08:00');
    expect(parseSourceDate('Fri, 29 Mar 2024 09:30:00', 'Asia/Shanghai')).toBe('2024-03-29T09:30:00+08:00');
    expect(parseSourceDate('1985-01-01T00:00:00Z', 'Asia/Shanghai')).toBeUndefined();
  });
  it('reads CST as China time in a Taipei story too (UTC+8 all year)', () => {
    expect(parseSourceDate('Fri, 29 Mar 2024 09:30:00 CST', 'Asia/Taipei')).toBe('2024-03-29T09:30:00+08:00');
  });
});

describe('story.yaml timezone', () => {
  const story = (zone: string) => `id: s\ntitle: T\nsubtitle: S\ndescription: D\nsince: 2024-01-01\ntimezone: ${zone}\ndisputes: []\n`;
  it('accepts IANA names', () => {
    expect(parseYamlText('story.yaml', story('Europe/Berlin'), schemas.storyFileSchema).timezone).toBe('Europe/Berlin');
  });
  it('refuses an unknown zone with the file and the line', () => {
    for (const bad of ['Asia/Beijing', 'CST+8', '"  "']) {
      let error: unknown;
      try { parseYamlText('stories/x/config/story.yaml', story(bad), schemas.storyFileSchema); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).line).toBe(6);
      expect((error as Error).message).toMatch(/^stories\/x\/config\/story\.yaml:6: unknown time zone/);
    }
  });
});
