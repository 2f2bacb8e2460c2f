// Dates as sources write them, read in the story's time zone (story.yaml `timezone`): a date
// without a zone is a clock time there. Output: ISO 8601 with the offset the story's zone had
// at that instant (daylight saving included), the form every stored time takes.
import { instantOf, offsetAt, toZonedIso } from '../src/lib/time-zone.ts';

/** Format an instant as ISO 8601 in the story's zone, e.g. 2024-03-29T09:30:00+08:00. */
export function toStoryIso(date: Date, timeZone: string): string {
  return toZonedIso(date, timeZone);
}

/** Year and month in the story's zone, for the content/articles/YYYY/MM/ folder. */
export function storyYearMonth(iso: string, timeZone: string): [string, string] {
  const local = toStoryIso(new Date(iso), timeZone);
  return [local.slice(0, 4), local.slice(5, 7)];
}

// Zone names feeds write that Date.parse does not know or reads wrongly. BJT, CCT (China
// Coast) and HKT are unambiguous UTC+8. "CST" is China Standard Time in Chinese feeds but US
// Central to Date.parse: it is read as UTC+8 when the story's zone is UTC+8 at that date
// (China, Hong Kong, Macau, Taiwan, whose feeds call their time CST), as US Central otherwise.
const UTC8_NAMES = /\b(CCT|BJT|HKT)\b/;
const GMT8 = /\bGMT\+0?8(?::?00)?\b/;
const UTC8_MS = 8 * 3_600_000;
// 2024年3月29日, then an optional time: [上午|下午|…] h:mm[:ss] or h时[mm分[ss秒]].
const ZH_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(上午|下午|中午|晚上|早上|凌晨|傍晚|AM|PM|am|pm)?\s*(\d{1,2})(?:[:：](\d{2})(?:[:：](\d{2}))?|[时時點点](?:(\d{1,2})分(?:(\d{1,2})秒)?)?))?/;
const ZH_RFC822 = /^(?:(?:星期|周|週|礼拜|禮拜)[一二三四五六日天],?\s*)?(\d{1,2})\s+([一二三四五六七八九十]{1,3}|\d{1,2})月\s+(?=\d{4}\s)/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 三月 → 3, 十一月 → 11, 3月 → 3; 0 when it is no month. */
function zhMonth(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string) => '一二三四五六七八九'.indexOf(c) + 1;
  if (text === '十') return 10;
  if (text.length === 2 && text[0] === '十') return 10 + digit(text[1]!);
  return text.length === 1 ? digit(text) : 0;
}
/** A 12-hour clock's hour on the 24-hour clock (上午12 is 0 o'clock, 下午3 is 15). */
function hour24(h: number, half: string | undefined): number {
  if (!half || h > 12) return h;
  if (/^(上午|早上|凌晨|AM|am)$/.test(half)) return h === 12 ? 0 : h;
  if (half === '中午') return h < 11 ? h + 12 : h;
  return h === 12 ? 12 : h + 12;
}

export function parseSourceDate(input: string | undefined | null, timeZone: string): string | undefined {
  if (!input) return undefined;
  let s = input.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;
  // 2024年3月29日 09:30 / 2024年03月29日 / 2024年3月29日 下午3:30 / 2024年3月29日 10时30分. The time
  // of day is read whole or the date is not read: a time left behind (上午/下午 before it, 时/分
  // after it) was once read as midnight, a wrong instant without a word.
  const zh = ZH_DATE.exec(s);
  if (zh) {
    const [, y, mo, d, half, h] = zh;
    const mi = zh[6] ?? zh[8], sec = zh[7] ?? zh[9];
    const hour = h === undefined ? undefined : String(hour24(Number(h), half));
    const rest = s.slice(zh[0].length).trim();
    // An explicit offset after the time ("2024年3月29日 09:30 +0800", "GMT+8") is the source's own.
    const off = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(rest);
    if (off && hour !== undefined) {
      if (Number(off[2]) > 14) return undefined;
      const p2 = (v: string | undefined) => (v ?? '0').padStart(2, '0');
      return inRange(Date.parse(`${y}-${p2(mo)}-${p2(d)}T${p2(hour)}:${p2(mi)}:${p2(sec)}${off[1]}${p2(off[2])}:${p2(off[3])}`), timeZone);
    }
    if (/\d/.test(rest)) return undefined;
    return fromParts(timeZone, y!, mo!, d!, hour, mi ?? (hour === undefined ? undefined : '0'), sec);
  }
  // 2024-03-29 09:30[:00], 2024/03/29 09:30 or ISO 2024-03-29T09:30:00, no zone
  const local = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(s);
  if (local) return fromParts(timeZone, local[1]!, local[2]!, local[3]!, local[4], local[5], local[6]);
  // RFC 822 written in the zh_CN locale (Java's SimpleDateFormat on a Chinese server): "星期四, 28 三月
  // 2024 10:00:00 +0800" (JDK 8) or "周四, 28 3月 2024 …" (JDK 9+). The weekday goes, the month
  // becomes its English name, and the date is read as any RFC 822 date.
  s = s.replace(ZH_RFC822, (_m, day: string, month: string) => `${day} ${MONTHS[zhMonth(month) - 1] ?? month} `);
  // A numeric offset no zone has (+8000, a mistyped +0800): Date.parse reads it as +80:00, days off.
  const offset = /(?:^|[\sT\d])([+-])(\d{2}):?(\d{2})$/.exec(s);
  if (offset && (Number(offset[2]) > 14 || Number(offset[3]) > 59)) return undefined;
  // RFC 822 with a Chinese zone name: make the offset explicit before Date parses it.
  s = s.replace(UTC8_NAMES, '+0800').replace(GMT8, '+0800');
  if (/\bCST\b/.test(s)) {
    const asChina = Date.parse(s.replace(/\bCST\b/, '+0800'));
    if (!Number.isNaN(asChina) && offsetAt(asChina, timeZone) === UTC8_MS) s = s.replace(/\bCST\b/, '+0800');
  }
  // RFC 822 without zone ("Fri, 29 Mar 2024 09:30:00"): read as UTC, then as that clock time in the zone.
  if (/^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}(:\d{2})?$/.test(s)) {
    const asUtc = Date.parse(`${s} +0000`);
    if (Number.isNaN(asUtc)) return undefined;
    const w = new Date(asUtc);
    return inRange(instantOf({ year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: w.getUTCSeconds() }, timeZone), timeZone);
  }
  return inRange(Date.parse(s), timeZone);
}

function inRange(ms: number, timeZone: string): string | undefined {
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2100) return undefined;
  return toStoryIso(new Date(ms), timeZone);
}

function fromParts(timeZone: string, y: string, mo: string, d: string, h?: string, mi?: string, sec?: string): string | undefined {
  const [Y, M, D, H, Mi, S] = [y, mo, d, h ?? '0', mi ?? '0', sec ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (M < 1 || M > 12 || D < 1 || D > 31 || H > 23 || Mi > 59 || S > 59) return undefined;
  if (new Date(Date.UTC(Y, M - 1, D)).getUTCDate() !== D) return undefined; // 2月30日
  return toStoryIso(new Date(instantOf({ year: Y, month: M, day: D, hour: H, minute: Mi, second: S }, timeZone)), timeZone);
}

