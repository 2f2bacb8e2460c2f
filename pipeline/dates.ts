// Dates as Chinese sources write them. No zone means China time (+08:00); "CST" in a
// Chinese feed means China Standard Time, not US Central. Output: ISO 8601 with +08:00.

const CHINA_OFFSET_MIN = 8 * 60;

/** Format an instant as ISO 8601 in China time, e.g. 2024-03-29T09:30:00+08:00. */
export function toChinaIso(date: Date): string {
  const shifted = new Date(date.getTime() + CHINA_OFFSET_MIN * 60_000);
  return shifted.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** Year and month in China time, for the content/articles/YYYY/MM/ folder. */
export function chinaYearMonth(iso: string): [string, string] {
  const china = toChinaIso(new Date(iso));
  return [china.slice(0, 4), china.slice(5, 7)];
}

export function parseSourceDate(input: string | undefined | null): string | undefined {
  if (!input) return undefined;
  let s = input.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;
  // 2024年3月29日 09:30 / 2024年03月29日
  const zh = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?/.exec(s);
  if (zh) return fromParts(zh[1]!, zh[2]!, zh[3]!, zh[4], zh[5], zh[6]);
  // 2024-03-29 09:30[:00] or 2024/03/29 09:30, no zone
  const local = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(s);
  if (local) return fromParts(local[1]!, local[2]!, local[3]!, local[4], local[5], local[6]);
  // RFC 822 with CST/Beijing names: make the zone explicit before Date parses it as US Central.
  s = s.replace(/\b(CST|CCT|BJT|HKT)\b/, '+0800').replace(/\bGMT\+0?8(?::?00)?\b/, '+0800');
  // ISO without zone: treat as China time.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s += '+08:00';
  // RFC 822 without zone ("Fri, 29 Mar 2024 09:30:00").
  if (/^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}(:\d{2})?$/.test(s)) s += ' +0800';
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2100) return undefined;
  return toChinaIso(new Date(ms));
}

function fromParts(y: string, mo: string, d: string, h?: string, mi?: string, sec?: string): string | undefined {
  const [Y, M, D, H, Mi, S] = [y, mo, d, h ?? '0', mi ?? '0', sec ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (M < 1 || M > 12 || D < 1 || D > 31 || H > 23 || Mi > 59 || S > 59) return undefined;
  const utc = Date.UTC(Y, M - 1, D, H, Mi, S) - CHINA_OFFSET_MIN * 60_000;
  const check = new Date(utc + CHINA_OFFSET_MIN * 60_000);
  if (check.getUTCDate() !== D) return undefined; // 2月30日
  return toChinaIso(new Date(utc));
}
