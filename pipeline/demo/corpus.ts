// Loads the bundled demo corpus (pipeline/demo/corpus/*.yaml) and resolves reprints.
//
// Each YAML file is a list of entries. A reprint (`reprintOf: <slug>`) carries no title or
// paragraphs of its own: it takes the original's, converted to Traditional Chinese (Hong Kong
// variant) when the reprinting outlet publishes in Traditional.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as OpenCC from 'opencc-js';
import { OUTLET_IDS, OUTLETS, type OutletId } from './outlet-info.ts';
import { CHINA_TIME_ZONE, instantOf, wallTime } from '../../src/lib/time-zone.ts';

/** A topic id of the story the corpus belongs to (its topics.yaml). */
export type DemoTopic = string;

/** An entry as written in the YAML files. */
export interface RawDemoEntry {
  slug: string;
  outlet: OutletId;
  published: string;
  updated?: string;
  title?: string;
  author?: string;
  paragraphs?: string[];
  topics?: DemoTopic[];
  offTopic?: boolean;
  reprintOf?: string;
  /** Free-text remark, e.g. which figures were invented for the demo. */
  note?: string;
}

/** An entry with reprints resolved: what the demo server publishes. */
export interface DemoEntry {
  slug: string;
  outlet: OutletId;
  outletName: string;
  /** The published time as written in the corpus (nanfang: no zone, the story's zone implied). */
  published: string;
  /** The published instant (a string without zone is a clock time in the story's zone). */
  publishedAt: Date;
  /** The story's time zone (story.yaml): the outlets write their times in it. */
  timeZone: string;
  updated?: string;
  updatedAt?: Date;
  title: string;
  author?: string;
  paragraphs: string[];
  topics: DemoTopic[];
  offTopic: boolean;
  /** Slug of the original article when this entry is a reprint. */
  reprintOf?: string;
  /** Outlet id of the original article when this entry is a reprint. */
  reprintOfOutlet?: OutletId;
  /** Script of the published text. */
  lang: 'zh-Hans' | 'zh-Hant';
  /** URL path on the demo server, e.g. /cheping/2024/0328/su7-launch-prices.html */
  path: string;
  note?: string;
}

export const DEMO_CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));

const SLUG_RE = /^[a-z0-9-]+$/;
const ZONE_RE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Parses a corpus timestamp; one without a zone is a clock time in the story's zone. */
export function parseDemoTime(value: string, timeZone: string): Date {
  const s = String(value).trim();
  if (ZONE_RE.test(s)) {
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) throw new Error(`demo corpus: bad timestamp ${value}`);
    return d;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) throw new Error(`demo corpus: bad timestamp ${value}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  return new Date(instantOf({ year, month, day, hour, minute, second }, timeZone));
}

/** The parts of an instant on a clock in the story's zone, zero-padded. */
export function clockParts(d: Date, timeZone: string): {
  yyyy: string; mm: string; dd: string; hh: string; mi: string; ss: string;
} {
  const w = wallTime(d.getTime(), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return { yyyy: String(w.year), mm: p(w.month), dd: p(w.day), hh: p(w.hour), mi: p(w.minute), ss: p(w.second) };
}

export function demoArticlePath(outlet: string, publishedAt: Date, slug: string, timeZone: string): string {
  const t = clockParts(publishedAt, timeZone);
  return `/${outlet}/${t.yyyy}/${t.mm}${t.dd}/${slug}.html`;
}

let toTraditional: ((s: string) => string) | undefined;
/**
 * Variant forms OpenCC's Hong Kong table produces that Big5 (as browsers decode it) cannot
 * hold; a Big5 newsroom writes the standard Traditional form instead.
 */
const BIG5_FORMS: Record<string, string> = { 户: '戶', 説: '說', 啓: '啟', 兑: '兌', 羣: '群', 綫: '線', 着: '著', 衞: '衛' };
const BIG5_FORMS_RE = new RegExp(`[${Object.keys(BIG5_FORMS).join('')}]`, 'g');
/** Simplified to Traditional (Hong Kong variant, Big5-safe), as the Traditional outlet's desk does. */
export function toHongKongTraditional(s: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'hk' }));
  return convert(s).replace(BIG5_FORMS_RE, (c: string) => BIG5_FORMS[c] ?? c);
}

function asString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Reads the raw YAML entries, file by file in name order. */
export function readRawDemoCorpus(dir = DEMO_CORPUS_DIR): RawDemoEntry[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  const out: RawDemoEntry[] = [];
  for (const f of files) {
    const doc = parse(readFileSync(join(dir, f), 'utf8')) as unknown;
    if (doc == null) continue;
    if (!Array.isArray(doc)) throw new Error(`demo corpus: ${f} is not a YAML list`);
    for (const e of doc as Record<string, unknown>[]) {
      out.push({
        ...(e as unknown as RawDemoEntry),
        published: asString(e.published) ?? '',
        updated: asString(e.updated),
      });
    }
  }
  return out;
}

const cached = new Map<string, DemoEntry[]>();

/**
 * The demo corpus with reprints resolved (title, byline and text copied from the original,
 * converted to Traditional for the Traditional outlet). Sorted by published time.
 * Synchronous; the result is cached and shared, so treat it as read-only.
 */
export function loadDemoCorpus(dir = DEMO_CORPUS_DIR, timeZone = CHINA_TIME_ZONE): DemoEntry[] {
  const key = `${dir}\u0000${timeZone}`;
  const known = cached.get(key);
  if (known) return known;
  const raw = readRawDemoCorpus(dir);
  const bySlug = new Map<string, RawDemoEntry>();
  for (const e of raw) {
    if (!e.slug || !SLUG_RE.test(e.slug)) throw new Error(`demo corpus: bad slug ${e.slug}`);
    if (bySlug.has(e.slug)) throw new Error(`demo corpus: duplicate slug ${e.slug}`);
    if (!OUTLET_IDS.includes(e.outlet)) throw new Error(`demo corpus: ${e.slug}: unknown outlet ${e.outlet}`);
    if (!e.published) throw new Error(`demo corpus: ${e.slug}: no published time`);
    bySlug.set(e.slug, e);
  }
  const entries: DemoEntry[] = raw.map((e) => {
    const outlet = OUTLETS[e.outlet];
    const publishedAt = parseDemoTime(e.published, timeZone);
    let title = e.title;
    let paragraphs = e.paragraphs;
    let author = e.author;
    let topics = e.topics;
    let offTopic = e.offTopic;
    let reprintOfOutlet: OutletId | undefined;
    if (e.reprintOf) {
      const orig = bySlug.get(e.reprintOf);
      if (!orig) throw new Error(`demo corpus: ${e.slug}: reprint of unknown ${e.reprintOf}`);
      if (orig.reprintOf) throw new Error(`demo corpus: ${e.slug}: reprint of a reprint`);
      if (e.title || e.paragraphs) throw new Error(`demo corpus: ${e.slug}: a reprint has no text of its own`);
      title = orig.title;
      paragraphs = orig.paragraphs;
      author ??= orig.author;
      topics ??= orig.topics;
      offTopic ??= orig.offTopic;
      reprintOfOutlet = orig.outlet;
      if (outlet.script === 'hant') {
        title = title && toHongKongTraditional(title);
        paragraphs = paragraphs?.map(toHongKongTraditional);
        author = author && toHongKongTraditional(author);
      }
    }
    if (!title || !paragraphs || paragraphs.length === 0) {
      throw new Error(`demo corpus: ${e.slug}: missing title or paragraphs`);
    }
    const entry: DemoEntry = {
      slug: e.slug,
      outlet: e.outlet,
      outletName: outlet.name,
      published: e.published,
      publishedAt,
      timeZone,
      title: title.trim(),
      paragraphs: paragraphs.map((p) => String(p).trim()),
      topics: topics ?? [],
      offTopic: offTopic ?? false,
      lang: outlet.script === 'hant' ? 'zh-Hant' : 'zh-Hans',
      path: demoArticlePath(e.outlet, publishedAt, e.slug, timeZone),
    };
    if (author) entry.author = author;
    if (e.updated) {
      entry.updated = e.updated;
      entry.updatedAt = parseDemoTime(e.updated, timeZone);
    }
    if (e.reprintOf) {
      entry.reprintOf = e.reprintOf;
      entry.reprintOfOutlet = reprintOfOutlet;
    }
    if (e.note) entry.note = e.note;
    return entry;
  });
  entries.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.slug.localeCompare(b.slug));
  cached.set(key, entries);
  return entries;
}
