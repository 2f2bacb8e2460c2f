// Feed text → items. rss-parser parses text we fetched and decoded ourselves (never parseURL).
// One bad item must not lose the feed: when the whole parse throws, items are parsed one by one.
import Parser from 'rss-parser';
import { StageError } from './reasons.ts';
import { parseSourceDate } from './dates.ts';
import { cleanText } from './sanitize.ts';
import { atomLinkTextAsHref, bareAmpersands, base64TextAsText, closeCutEnd, inlineMarkupAsText, itemBases, neutralizeEntities, trimUnicodeSpace, undeclaredPrefixes, withChannel, withRdfChannel } from './feed-text.ts';

export type FeedItem = { link: string; title: string; guid: string; published?: string; summary?: string };
/** `bad-item`: one item unusable; `bad-feed`: the feed was malformed but recovered. */
export type FeedProblem = { reason: 'bad-item' | 'bad-feed'; message: string };
export type ParsedFeed = { title?: string; items: FeedItem[]; problems: FeedProblem[] };

const MAX_ITEMS = 2000;
const DATE_ELEMENTS = /<(updated|published|pubDate|lastBuildDate|dc:date)>[^<]*<\/\1>/gi;
// defaultRSS: an <rss> without a version attribute is read as RSS 2.0, as every lenient reader does
// (rss-parser otherwise refuses it: "Feed not recognized as RSS 1 or 2").
const parser = new Parser({ timeout: 0, defaultRSS: 2, customFields: { item: ['updated', 'published'] } });

/** `timeZone`: the story's zone, in which an item date written without a zone is read. */
export async function parseFeed(input: string, feedUrl: string, timeZone: string): Promise<ParsedFeed> {
  // Entity declarations buy nothing in news feeds and are the door to billion-laughs and XXE.
  // The whole text is searched: padding the prolog must not hide a declaration.
  if (/<!ENTITY/i.test(input)) throw new StageError('bad-feed', 'feed declares XML entities (<!ENTITY>): refused');
  if (!/<(rss|feed|rdf:RDF)[\s>]/i.test(input.slice(0, 5000))) throw new StageError('bad-feed', 'not an RSS or Atom document');
  const problems: FeedProblem[] = [];
  const undeclared = undeclaredPrefixes(input);
  const ampersands = bareAmpersands(input);
  if (ampersands) problems.push({ reason: 'bad-feed', message: `${ampersands} bare "&" (not an entity reference) read as text` });
  if (undeclared.length) problems.push({ reason: 'bad-feed', message: `namespace prefix${undeclared.length > 1 ? 'es' : ''} ${undeclared.map((p) => `${p}:`).join(', ')} used without a declaration (read anyway)` });
  const xml = atomLinkTextAsHref(inlineMarkupAsText(base64TextAsText(neutralizeEntities(withRdfChannel(withChannel(closeCutEnd(input, problems), problems), problems)))));
  let raw: Parser.Item[];
  let title: string | undefined;
  try {
    const feed = await parser.parseString(xml);
    raw = feed.items;
    title = feed.title;
  } catch (whole) {
    const perItem = await parseItemsOneByOne(xml, problems);
    if (!perItem) throw new StageError('bad-feed', `feed XML could not be parsed: ${parseProblem(whole)}`);
    raw = perItem;
  }
  const written = countItems(xml);
  // A feed cut short (or an item the parser skipped) loses items without an error: say so.
  if (written > raw.length && !problems.some((p) => p.reason === 'bad-item')) problems.push({ reason: 'bad-item', message: `${written - raw.length} of ${written} items in the feed could not be read (cut short or malformed)` });
  return { title: cleanText(textOf(title)) || undefined, ...normalizeItems(raw, xml, feedUrl, timeZone, problems) };
}

/** <item> and <entry> start tags in the text, outside CDATA sections and comments. */
function countItems(xml: string): number {
  return xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, '').match(/<(item|entry)[\s>]/gi)?.length ?? 0;
}

/** Wrap each <item>/<entry> in the feed's own envelope and parse it alone. */
async function parseItemsOneByOne(xml: string, problems: FeedProblem[]): Promise<Parser.Item[] | undefined> {
  const tag = /<entry[\s>]/i.test(xml) ? 'entry' : 'item';
  const pattern = new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'gi');
  const chunks = xml.match(pattern);
  if (!chunks?.length) return undefined;
  const first = xml.search(pattern);
  const head = xml.slice(0, first).replace(DATE_ELEMENTS, '');
  const tail = tag === 'entry' ? '</feed>' : /<rdf:RDF[\s>]/.test(xml.slice(0, 5000)) ? '</rdf:RDF>' : '</channel></rss>';
  const items: Parser.Item[] = [];
  for (const [i, chunk] of chunks.entries()) {
    try {
      items.push(...(await parser.parseString(head + chunk + tail)).items);
    } catch (e) {
      // Usually an unreadable date: keep the item without it (the page's own date is used).
      const undated = chunk.replace(DATE_ELEMENTS, '');
      const rescued = undated !== chunk ? await parser.parseString(head + undated + tail).catch(() => undefined) : undefined;
      const why = parseProblem(e);
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

function normalizeItems(raw: Parser.Item[], xml: string, feedUrl: string, timeZone: string, problems: FeedProblem[]): { items: FeedItem[]; problems: FeedProblem[] } {
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  const bases = itemBases(xml, feedUrl, raw.length);
  for (const [i, item] of raw.slice(0, MAX_ITEMS).entries()) {
    // Any field may come back as an object (a title with inline markup, an element with
    // attributes): everything is read as text, and markup-shaped text goes.
    const title = cleanText(textOf(item.title));
    const label = `item ${i + 1}${title ? ` "${title.slice(0, 40)}"` : ''}`;
    const guidText = textOf(item.guid).trim();
    const href = textOf(item.link).trim() || (/^https?:/.test(guidText) ? guidText : '');
    if (!href) { problems.push({ reason: 'bad-item', message: `${label}: no link` }); continue; }
    let link: string;
    try { link = new URL(trimUnicodeSpace(href), bases?.[i] ?? feedUrl).toString(); } catch { problems.push({ reason: 'bad-item', message: `${label}: bad link ${href.slice(0, 80)}` }); continue; }
    if (!/^https?:/.test(link)) { problems.push({ reason: 'bad-item', message: `${label}: link is not http(s)` }); continue; }
    const guid = guidText || textOf((item as Record<string, unknown>).id).trim() || link;
    if (seen.has(guid) || seen.has(link)) { problems.push({ reason: 'bad-item', message: `${label}: duplicate guid or link, kept the first` }); continue; }
    seen.add(guid); seen.add(link);
    // The raw text first: rss-parser's isoDate reads "CST" as US Central, and for Atom it
    // overwrites pubDate with new Date(published).toISOString(), which reads a zoneless
    // time in the machine's zone. Atom's own elements come through as custom fields.
    const extra = item as Record<string, unknown>;
    const dateText = rawText(extra.published) ?? rawText(extra.updated) ?? item.pubDate ?? item.isoDate;
    const published = parseSourceDate(typeof dateText === 'string' ? dateText : undefined, timeZone);
    if (dateText && !published) problems.push({ reason: 'bad-item', message: `${label}: unreadable date "${String(dateText).slice(0, 40)}", the page's own date will be used` });
    const summary = cleanText(textOf(item.contentSnippet)).slice(0, 300);
    items.push({ link, guid, title, published, ...(summary ? { summary } : {}) });
  }
  if (raw.length > MAX_ITEMS) problems.push({ reason: 'bad-item', message: `feed has ${raw.length} items; only the first ${MAX_ITEMS} are read` });
  return { items, problems };
}

/** The text of a parsed XML value: a string, xml2js's { _: text, $: attributes }, or an element
 *  with children (their text in the order xml2js keeps: own text first, then each child's). */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join('');
  if (typeof value === 'object') {
    return Object.entries(value).filter(([key]) => key !== '$').map(([, v]) => textOf(v)).join('');
  }
  return '';
}

/** A parser failure in words: rss-parser's own messages are words; a JavaScript error from inside
 *  it (it reads the tree without checking) means an element it needs is missing. */
function parseProblem(error: unknown): string {
  if (error instanceof TypeError || error instanceof RangeError) return 'not laid out as RSS or Atom: an element the parser needs is missing or malformed';
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function rawText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object' && typeof (value as { _?: unknown })._ === 'string') return rawText((value as { _: string })._);
  return undefined;
}
