// Feed text → items. rss-parser parses text we fetched and decoded ourselves (never parseURL).
// One bad item must not lose the feed: when the whole parse throws, items are parsed one by one.
import Parser from 'rss-parser';
import { StageError } from './reasons.ts';
import { parseSourceDate } from './dates.ts';

export type FeedItem = { link: string; title: string; guid: string; published?: string; summary?: string };
export type FeedProblem = { reason: 'bad-item'; message: string };
export type ParsedFeed = { title?: string; items: FeedItem[]; problems: FeedProblem[] };

const MAX_ITEMS = 2000;
const DATE_ELEMENTS = /<(updated|published|pubDate|lastBuildDate|dc:date)>[^<]*<\/\1>/gi;
const parser = new Parser({ timeout: 0, customFields: { item: ['updated', 'published'] } });

export async function parseFeed(input: string, feedUrl: string): Promise<ParsedFeed> {
  // Entity declarations buy nothing in news feeds and are the door to billion-laughs and XXE.
  // The whole text is searched: padding the prolog must not hide a declaration.
  if (/<!ENTITY/i.test(input)) throw new StageError('bad-feed', 'feed declares XML entities (<!ENTITY>): refused');
  if (!/<(rss|feed|rdf:RDF)[\s>]/i.test(input.slice(0, 5000))) throw new StageError('bad-feed', 'not an RSS or Atom document');
  const xml = neutralizeEntities(input);
  let raw: Parser.Item[];
  let title: string | undefined;
  const problems: FeedProblem[] = [];
  try {
    const feed = await parser.parseString(xml);
    raw = feed.items;
    title = feed.title;
  } catch (whole) {
    const perItem = await parseItemsOneByOne(xml, problems);
    if (!perItem) throw new StageError('bad-feed', `feed XML could not be parsed: ${(whole as Error).message.split('\n')[0]}`);
    raw = perItem;
  }
  return { title, ...normalizeItems(raw, feedUrl, problems) };
}

/** Wrap each <item>/<entry> in the feed's own envelope and parse it alone. */
async function parseItemsOneByOne(xml: string, problems: FeedProblem[]): Promise<Parser.Item[] | undefined> {
  const tag = /<entry[\s>]/i.test(xml) ? 'entry' : 'item';
  const pattern = new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'gi');
  const chunks = xml.match(pattern);
  if (!chunks?.length) return undefined;
  const first = xml.search(pattern);
  const head = xml.slice(0, first).replace(DATE_ELEMENTS, '');
  const tail = tag === 'entry' ? '</feed>' : '</channel></rss>';
  const items: Parser.Item[] = [];
  for (const [i, chunk] of chunks.entries()) {
    try {
      items.push(...(await parser.parseString(head + chunk + tail)).items);
    } catch (e) {
      // Usually an unreadable date: keep the item without it (the page's own date is used).
      const undated = chunk.replace(DATE_ELEMENTS, '');
      const rescued = undated !== chunk ? await parser.parseString(head + undated + tail).catch(() => undefined) : undefined;
      const why = (e as Error).message.split('\n')[0];
      if (rescued?.items.length) {
        items.push(...rescued.items);
        problems.push({ reason: 'bad-item', message: `item ${i + 1}: ${why} (date dropped, item kept)` });
      } else {
        problems.push({ reason: 'bad-item', message: `item ${i + 1}: ${why}` });
      }
    }
  }
  return items.length ? items : undefined;
}

function normalizeItems(raw: Parser.Item[], feedUrl: string, problems: FeedProblem[]): { items: FeedItem[]; problems: FeedProblem[] } {
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const [i, item] of raw.slice(0, MAX_ITEMS).entries()) {
    const label = `item ${i + 1}${item.title ? ` "${item.title.slice(0, 40)}"` : ''}`;
    const href = item.link ?? (typeof item.guid === 'string' && /^https?:/.test(item.guid) ? item.guid : undefined);
    if (!href) { problems.push({ reason: 'bad-item', message: `${label}: no link` }); continue; }
    let link: string;
    try { link = new URL(href.trim(), feedUrl).toString(); } catch { problems.push({ reason: 'bad-item', message: `${label}: bad link ${href.slice(0, 80)}` }); continue; }
    if (!/^https?:/.test(link)) { problems.push({ reason: 'bad-item', message: `${label}: link is not http(s)` }); continue; }
    const guid = String(item.guid ?? (item as Record<string, unknown>).id ?? link);
    if (seen.has(guid) || seen.has(link)) { problems.push({ reason: 'bad-item', message: `${label}: duplicate guid or link, kept the first` }); continue; }
    seen.add(guid); seen.add(link);
    // The raw text first: rss-parser's isoDate reads "CST" as US Central, and for Atom it
    // overwrites pubDate with new Date(published).toISOString(), which reads a zoneless
    // time in the machine's zone. Atom's own elements come through as custom fields.
    const extra = item as Record<string, unknown>;
    const dateText = rawText(extra.published) ?? rawText(extra.updated) ?? item.pubDate ?? item.isoDate;
    const published = parseSourceDate(typeof dateText === 'string' ? dateText : undefined);
    if (dateText && !published) problems.push({ reason: 'bad-item', message: `${label}: unreadable date "${String(dateText).slice(0, 40)}", the page's own date will be used` });
    items.push({ link, guid, title: (item.title ?? '').trim(), published, summary: item.contentSnippet?.slice(0, 300) });
  }
  if (raw.length > MAX_ITEMS) problems.push({ reason: 'bad-item', message: `feed has ${raw.length} items; only the first ${MAX_ITEMS} are read` });
  return { items, problems };
}

function rawText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object' && typeof (value as { _?: unknown })._ === 'string') return rawText((value as { _: string })._);
  return undefined;
}

// XML knows five named entities; feeds written by HTML tools use many more (&nbsp; &ldquo;),
// and one of them makes the strict parser reject the item. The usual ones become numeric
// references; any other name is kept as literal text. Nothing is ever expanded from a DTD.
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 0xa0, ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, ldquo: 0x201c, rdquo: 0x201d, lsquo: 0x2018, rsquo: 0x2019,
  mdash: 0x2014, ndash: 0x2013, hellip: 0x2026, middot: 0xb7, bull: 0x2022, copy: 0xa9, reg: 0xae, trade: 0x2122,
  times: 0xd7, divide: 0xf7, deg: 0xb0, plusmn: 0xb1, yen: 0xa5, laquo: 0xab, raquo: 0xbb, sect: 0xa7, para: 0xb6,
};
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
function neutralizeEntities(xml: string): string {
  // CDATA sections are left alone: entities are not references there.
  return xml.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part, i) => i % 2 ? part : neutralizeOutsideCdata(part)).join('');
}
function neutralizeOutsideCdata(xml: string): string {
  return xml.replace(/&([A-Za-z][A-Za-z0-9]{0,31});/g, (whole, name: string) => {
    if (XML_ENTITIES.has(name)) return whole;
    const code = HTML_ENTITIES[name] ?? HTML_ENTITIES[name.toLowerCase()];
    return code ? `&#${code};` : `&amp;${name};`;
  });
}
