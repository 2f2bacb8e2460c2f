// Feed text before the parser: the repairs a lenient feed reader makes, each pure and each
// reported where the feed was at fault. The parser (rss-parser on xml2js) is strict in some
// places and careless in others; these make both cases readable.
import { decodeHTMLStrict } from 'entities';
import type { FeedProblem } from './feed.ts';

/** Element prefixes (itunes:, media:) that no xmlns: attribute declares: not well-formed XML,
 *  which the parser tolerates; the editor is told. */
export function undeclaredPrefixes(xml: string): string[] {
  const text = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, '');
  const used = new Set([...text.matchAll(/<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/g)].map((m) => m[1]!));
  const declared = new Set([...text.matchAll(/\bxmlns:([A-Za-z_][\w.-]*)\s*=/g)].map((m) => m[1]!));
  return [...used].filter((p) => p !== 'xml' && !declared.has(p)).slice(0, 5);
}

/** rss-parser reads channel[0] without looking. Items placed straight in <rss> are read as a
 *  lenient reader would (in a channel added around them); an <rss> with nothing in it is an empty feed, said in words. */
export function withChannel(xml: string, problems: FeedProblem[]): string {
  const rss = /<rss(\s[^>]*)?>/i.exec(xml.slice(0, 5000));
  if (!rss || /<channel[\s>/]/i.test(xml)) return xml;
  if (!/<item[\s>]/i.test(xml)) {
    // Read as an empty feed, as lenient readers do; the editor is told why it has no items.
    problems.push({ reason: 'bad-feed', message: 'RSS document without a <channel> element: the feed is empty' });
  } else {
    problems.push({ reason: 'bad-feed', message: 'no <channel> element: the items were read from <rss> itself' });
  }
  const open = rss.index + rss[0].length;
  const close = xml.search(/<\/rss\s*>\s*$/i);
  return close === -1 ? `${xml.slice(0, open)}<channel>${xml.slice(open)}</channel>` : `${xml.slice(0, open)}<channel>${xml.slice(open, close)}</channel>${xml.slice(close)}`;
}

/** A document whose end was cut off (no "</rss>", or a last end tag cut short: "</rss"): everything
 *  before it is readable, but the strict parser refuses the whole text ("Unclosed root tag"), and a
 *  feed with no complete item had nothing left to recover. The missing end tags are added back;
 *  an item cut in the middle is still counted as unread by the parser's own path. */
export function closeCutEnd(xml: string, problems: FeedProblem[]): string {
  const root = /<(rss|feed|rdf:RDF)[\s>]/i.exec(xml.slice(0, 5000));
  if (!root) return xml;
  const name = root[1]!;
  const closes = (tag: string) => new RegExp(`</${tag}\\s*>`, 'i').test(xml);
  if (closes(name)) return xml;
  let text = xml.replace(/<\/?[A-Za-z][\w:.-]*\s*$/, '').trimEnd();
  if (name.toLowerCase() === 'rss' && /<channel[\s>]/i.test(text) && !closes('channel')) text += '</channel>';
  problems.push({ reason: 'bad-feed', message: `the feed ends without its closing </${name}>: read as far as it goes` });
  return `${text}</${name}>`;
}

/** RSS 1.0 (RDF) without a <channel>: its items are the channel's siblings, so an empty channel
 *  is enough for the parser, which reads channel[0] without looking. */
export function withRdfChannel(xml: string, problems: FeedProblem[]): string {
  const rdf = /<rdf:RDF(\s[^>]*)?>/.exec(xml.slice(0, 5000));
  if (!rdf || /<channel[\s>/]/i.test(xml)) return xml;
  problems.push({ reason: 'bad-feed', message: 'RSS 1.0 document without a <channel> element: its items read anyway' });
  const open = rdf.index + rdf[0].length;
  return `${xml.slice(0, open)}<channel></channel>${xml.slice(open)}`;
}

/** Atom links are an href attribute; some feeds write the URL as the element's text instead
 *  (<link rel="alternate">http://…</link>), which Atom readers such as feedparser accept. The text
 *  becomes the href, so the entry keeps its link. RSS, where the text is the link, is left alone. */
export function atomLinkTextAsHref(xml: string): string {
  if (!/<feed[\s>]/.test(xml.slice(0, 5000))) return xml;
  return xml.replace(/<link\b((?:(?!\bhref\s*=)[^>])*?)(?<!\/)>\s*([^<\s][^<]*?)\s*<\/link\s*>/gi, (_m, attrs: string, url: string) => `<link${attrs} href="${url.replace(/"/g, '&quot;')}"/>`);
}

/** Leading and trailing white space of any kind, including U+2028/U+2029 and the ideographic space. */
export function trimUnicodeSpace(text: string): string {
  return text.replace(/^[\s\p{White_Space}\p{Cc}\p{Cf}]+|[\s\p{White_Space}\p{Cc}\p{Cf}]+$/gu, '');
}

// Atom's type="xhtml" text constructs hold markup as child elements, which xml2js turns into
// objects whose mixed text loses its order. The markup is replaced by its text, escaped, before
// parsing: "Example <b>Atom</b>" is read as the title "Example Atom".
const XHTML_CONSTRUCT = /<((?:atom:)?(?:title|subtitle|summary|content|rights))(\s[^>]*?\btype\s*=\s*["'](?:xhtml|application\/xhtml\+xml)["'][^>]*)>([\s\S]*?)<\/\1\s*>/gi;
export function inlineMarkupAsText(xml: string): string {
  return xml.replace(XHTML_CONSTRUCT, (_whole, name: string, attrs: string, inner: string) => {
    const text = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, cdata: string) => cdata.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
      .replace(/<!--[\s\S]*?-->/g, '')
      // A script or style element is not text a reader sees: it goes with its content.
      .replace(/<((?:\w+:)?(?:script|style))\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, '');
    return `<${name}${attrs.replace(/\btype\s*=\s*["'][^"']*["']/i, 'type="text"')}>${text}</${name}>`;
  });
}

// Atom 0.3 text constructs with mode="base64", and Atom 1.0 ones whose type is neither text nor
// XML (RFC 4287 4.1.3.3: then the content is base64): read as the text they encode, not as the
// base64 letters (a title "RXhhbXBsZSA8Yj5BdG9tPC9iPg==" is "Example <b>Atom</b>"). Bytes that are
// not UTF-8 text are left alone.
const BASE64_CONSTRUCT = /<((?:atom:)?(?:title|subtitle|summary|content|rights|tagline|info|copyright))(\s[^>]*?\b(?:mode\s*=\s*["']base64["']|type\s*=\s*["'](?!text\/|html|xhtml|text["']|[^"']*xml["'])[^"'\/]+\/[^"']+["'])[^>]*)>\s*([A-Za-z0-9+/=\s]+?)\s*<\/\1\s*>/gi;
export function base64TextAsText(xml: string): string {
  return xml.replace(BASE64_CONSTRUCT, (whole, name: string, attrs: string, encoded: string) => {
    let text: string;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encoded.replace(/\s+/g, ''), 'base64')); } catch { return whole; }
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    // What it decodes to is HTML when the type says so, else plain text.
    const type = /\btype\s*=\s*["'](text\/html|html)["']/i.test(attrs) ? 'html' : 'text';
    return `<${name}${attrs.replace(/\s(?:mode|type)\s*=\s*["'][^"']*["']/gi, '')} type="${type}">${escaped}</${name}>`;
  });
}

/** Each item's base URL: the feed URL, then the root's xml:base, then the item's own
 *  (each resolved against the one before). Undefined when no xml:base is used or the items
 *  found here do not line up with the parser's. */
export function itemBases(xml: string, feedUrl: string, count: number): string[] | undefined {
  if (!/xml:base\s*=/.test(xml)) return undefined;
  const resolve = (href: string | undefined, base: string) => {
    if (!href) return base;
    try { return new URL(trimUnicodeSpace(decodeXmlAttr(href)), base).toString(); } catch { return base; }
  };
  const root = /<(?:feed|rss|rdf:RDF)\b([^>]*)>/i.exec(xml);
  const rootBase = resolve(root ? /\bxml:base\s*=\s*["']([^"']*)["']/.exec(root[1]!)?.[1] : undefined, feedUrl);
  const starts = [...xml.matchAll(/<(?:entry|item)(\s[^>]*)?>/gi)];
  if (starts.length !== count) return undefined;
  return starts.map((m) => resolve(/\bxml:base\s*=\s*["']([^"']*)["']/.exec(m[1] ?? '')?.[1], rootBase));
}
function decodeXmlAttr(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, (_m, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()]!;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

// XML knows five named entities; feeds written by HTML tools use the whole HTML list (&nbsp; &aacute;
// &hellip; &alpha;), and one of them makes the strict parser reject the item. Every HTML name becomes
// its numeric reference (the HTML table, not a short list of our own: a name we lacked was stored as
// "&aacute;"); any other name is kept as literal text. Nothing is ever expanded from a DTD.
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
/** "&" that starts no reference at all ("Fish & Chips", "?page=1&copy=2"): not well-formed XML, and
 *  the parser rejects the whole document for it. */
const BARE_AMPERSAND = /&(?!(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]+|#[xX][0-9A-Fa-f]+);)/g;
export function neutralizeEntities(xml: string): string {
  // CDATA sections are left alone: entities are not references there.
  return xml.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part, i) => i % 2 ? part : neutralizeOutsideCdata(part)).join('');
}
function neutralizeOutsideCdata(xml: string): string {
  return xml.replace(BARE_AMPERSAND, '&amp;').replace(/&([A-Za-z][A-Za-z0-9]{0,31});/g, (whole, name: string) => {
    if (XML_ENTITIES.has(name)) return whole;
    // HTML names are case-sensitive (&Aacute; is not &aacute;); feeds also write &NBSP;.
    for (const ref of [whole, `&${name.toLowerCase()};`]) {
      const text = decodeHTMLStrict(ref);
      if (text !== ref) return [...text].map((c) => `&#${c.codePointAt(0)};`).join('');
    }
    return `&amp;${name};`;
  });
}
/** How many bare "&" the text holds outside CDATA (escaped by neutralizeEntities, and reported). */
export function bareAmpersands(xml: string): number {
  return xml.split(/<!\[CDATA\[[\s\S]*?\]\]>/).reduce((n, part) => n + (part.match(BARE_AMPERSAND)?.length ?? 0), 0);
}

/** The URL a feed's relative links resolve against: its Content-Location when the server sends one
 *  (an http(s) URL, resolved against the fetched URL; feedparser does the same), else the fetched URL. */
export function feedBaseUrl(fetchedUrl: string, contentLocation: string | string[] | undefined): string {
  const value = Array.isArray(contentLocation) ? contentLocation[0] : contentLocation;
  if (!value) return fetchedUrl;
  try {
    const base = new URL(trimUnicodeSpace(value), fetchedUrl);
    return base.protocol === 'http:' || base.protocol === 'https:' ? base.toString() : fetchedUrl;
  } catch { return fetchedUrl; }
}
