// Page HTML → title, byline, date and paragraphs: Readability on jsdom, then the sanitizer.
// Pure apart from jsdom. One jsdom window per thread parses every page (DOMParser): a window
// per page costs a third of the extraction time; each page's document is dropped after use.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { StageError } from './reasons.ts';
import { resolveCanonicalHref } from './canonical.ts';
import { htmlToParagraphs, cleanText, assertMarkupBudget } from './sanitize.ts';
import { parseSourceDate } from './dates.ts';
import { TRAILING_BLOCK, sortElements, findCommentLists, scanPage, removeCaptions, linkDensity, anchorCoverage, squash, type PageScan } from './page-structure.ts';

export type ExtractHints = { content?: string; remove?: string[] };
export type Extracted = {
  title: string;
  byline?: string;
  published?: string;
  canonicalUrl?: string;
  paragraphs: string[];
  text: string;
};

const MIN_TEXT = 60;
/** A result that keeps less than this share of the anchor's text has lost the article. */
const MIN_ANCHOR_COVERAGE = 0.6;

const silentConsole = new VirtualConsole();
let parser: DOMParser | undefined;

/** The page as a Document of a shared window, its URL as <base> so relative links resolve as before. */
function parsePage(html: string, url: string): Document {
  parser ??= new (new JSDOM('', { virtualConsole: silentConsole }).window.DOMParser)();
  const doc = parser.parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.setAttribute('href', url);
  doc.head.prepend(base);
  return doc;
}

/** `timeZone`: the story's zone, in which a date the page writes without a zone is read. */
export function extractArticle(html: string, url: string, timeZone: string, hints: ExtractHints = {}): Extracted {
  // A page of 200k nested divs is small in bytes but hangs jsdom and Readability: refuse it first.
  assertMarkupBudget(html);
  const doc = parsePage(html, url);
  let fallbackDoc: Document | undefined;
  try {
    const meta = readMeta(doc, url, timeZone);
    // Read before pruning, which may take the form away with the header it sits in.
    const loginForm = doc.querySelector('input[type="password" i]') !== null;
    const pruned = prune(doc, hints);
    let title = meta.title;
    const hinted = hints.content ? safeQueryAll(doc, hints.content)[0] : undefined;
    let result: Candidate | undefined;
    if (hinted) {
      // The editor's selector is the override: no second opinion.
      result = candidate(hinted.innerHTML, title);
    } else {
      result = readability(doc, title, timeZone);
      // Pruning must never cost the article: when the pruned result lost the anchor's text,
      // Readability on the untouched page (minus what is never text) gets a say, and the result that keeps more of it wins.
      if (pruned.scan.anchor && anchorCoverage(pruned.scan, result?.paragraphs ?? []) < MIN_ANCHOR_COVERAGE) {
        fallbackDoc = parsePage(html, url);
        for (const el of sortElements(fallbackDoc).invisible) el.remove();
        const untouched = readability(fallbackDoc, title, timeZone);
        if (untouched && anchorCoverage(pruned.scan, untouched.paragraphs) > anchorCoverage(pruned.scan, result?.paragraphs ?? [])) result = untouched;
      }
    }
    if (result && !hinted) result = trimEdges(result, pruned.scan);
    const notArticle = whatIsLeft(result, pruned.commentTexts) ?? oneItemOfList(result, pruned.listItem) ?? blurbsBesideLogin(result, loginForm) ?? siteFooter(result, pruned.footerTexts) ?? searchSnippets(result);
    if (notArticle || !result) throw new StageError('no-article', `${notArticle ?? 'no article text found'} in ${url}`);
    title ||= result.title ?? '';
    if (result.published) meta.published ??= result.published;
    if (!title) throw new StageError('no-article', `no title in ${url}`);
    return { title: title.slice(0, 300), byline: result.byline?.slice(0, 200), published: meta.published, canonicalUrl: meta.canonicalUrl, paragraphs: result.paragraphs, text: result.text };
  } finally {
    doc.documentElement?.remove();
    fallbackDoc?.documentElement?.remove();
  }
}

/** Readability takes in the candidate's siblings, and with them a layout table's side column or a
 *  heading row: short lines that are not sentences, before the anchor's first text or after its last, go. */
function trimEdges(result: Candidate, scan: PageScan): Candidate {
  if (!scan.anchorTexts.length) return result;
  const pieces = [...scan.anchorTexts, ...(scan.lineTexts ?? [])].filter((t) => t.length >= 4);
  // Short and not ending in a sentence or clause mark; a clause ("女士们、先生们：") goes on in the next line.
  const stray = (p: string) => p.length < 30 && !/[。！？，、：；…,:;]["”」』）)]?$/.test(p);
  // A flat page's anchor is the whole body, its menu line ("首页 | 资讯 | 汽车") included: a menu is never an edge of the article.
  const menu = (p: string) => p.split(/\s*[|｜]\s*|\s+/).filter(Boolean).length >= 3 && p.split(/\s*[|｜]\s*|\s+/).every((t) => t.length <= 6);
  const inAnchor = (p: string) => { const q = p.replace(/\s+/g, ''); return !menu(p) && pieces.some((t) => q.includes(t)); };
  // Only the stray lines at each end are candidates: stop at the first line that is not one.
  const all = result.paragraphs;
  let start = 0, end = all.length;
  while (start < end && stray(all[start]!) && !inAnchor(all[start]!)) start++;
  while (end - 1 > start && stray(all[end - 1]!) && !inAnchor(all[end - 1]!)) end--;
  // A result with nothing of the anchor stays as it was: the edges are the anchor's.
  if (start === end || !all.slice(start, end).some(inAnchor)) return result;
  if (start === 0 && end === result.paragraphs.length) return result;
  const paragraphs = result.paragraphs.slice(start, end);
  return { ...result, paragraphs, text: paragraphs.join('\n') };
}

type Candidate = { paragraphs: string[]; text: string; linkChars: number; listChars?: number; title?: string; byline?: string; published?: string };

/** Inline text styles that Readability does not count as phrasing content (it turns <font> into <span> itself):
 *  when it wraps a <div>'s loose text into paragraphs, an underlined clause ("…发现，<u>…</u>。") is left out of the
 *  run and the sentence comes out in three lines. As <span>s they stay in their sentence. */
const UNLISTED_INLINE = 'u, s, strike, big, tt';
function asSpans(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(UNLISTED_INLINE))) {
    const span = doc.createElement('span');
    span.append(...Array.from(el.childNodes));
    el.replaceWith(span);
  }
}

function readability(doc: Document, title: string, timeZone: string): Candidate | undefined {
  asSpans(doc);
  const parsed = new Readability(doc, { charThreshold: 100, keepClasses: false }).parse();
  if (!parsed?.content) return undefined;
  return {
    ...candidate(parsed.content, title || stripSiteName(cleanText(parsed.title ?? ''))),
    title: stripSiteName(cleanText(parsed.title ?? '')) || undefined,
    byline: cleanText(parsed.byline ?? '') || undefined,
    published: parseSourceDate(parsed.publishedTime ?? undefined, timeZone),
  };
}

function candidate(contentHtml: string, title: string): Candidate {
  const paragraphs = stripClosingCredit(cutTrailingBlocks(htmlToParagraphs(contentHtml).map(stripStockQuotes).map(stripWeiboLinks).map(stripMoreLink).filter(Boolean)).filter((p) => !isBoilerplate(p, title)));
  const text = paragraphs.join('\n');
  return { paragraphs, text, linkChars: textLengthInside(contentHtml, 'a'), listChars: textLengthInside(contentHtml, 'li') };
}

/** Comments, a teaser list or a blurb are never the article: the reason says which. */
function whatIsLeft(result: Candidate | undefined, commentTexts: Set<string>): string | undefined {
  const chars = result ? squash(result.text).length : 0;
  if (chars < MIN_TEXT) {
    // Comment lists were pruned before Readability: a page that had little else is a comments page.
    const commentChars = sumLongest(commentTexts);
    if (commentChars >= MIN_TEXT) return `what is left is reader comments (${commentChars} characters of comments, ${chars} of anything else)`;
    return result ? `only ${chars} characters of article text (a blurb, below the ${MIN_TEXT}-character minimum)` : undefined;
  }
  if (!result) return undefined;
  const fromComments = result.paragraphs.filter((p) => commentTexts.has(squash(p))).reduce((a, p) => a + squash(p).length, 0);
  if (fromComments > chars / 2) return `what is left is reader comments (${fromComments} of ${chars} characters)`;
  // A rolling list's items carry their time outside the link ("(2020-08-16 22:26:38)[社会] title"): stamps are the
  // items' metadata, not text, and do not count against the links.
  const unstamped = squash(result.text.replace(TIME_STAMP, '')).length;
  if (result.linkChars > unstamped * 0.6) return `what is left is a teaser list (${Math.min(result.linkChars, unstamped)} of ${unstamped} characters are links${unstamped < chars ? ', time stamps aside' : ''})`;
  return undefined;
}

/** A date and time as a list item writes it: "(2020-08-16 22:26:38)", "09-03-06", "2024/05/14", "22:26". */
const TIME_STAMP = /[(（[]?(?:\d{2,4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?)[)）\]]?/g;

/** The comment lists' text: the longest pieces that do not hold one another (an item holds its own text line). */
function sumLongest(texts: Set<string>): number {
  const sorted = [...texts].sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const t of sorted) if (!kept.some((k) => k.includes(t))) kept.push(t);
  return kept.reduce((a, t) => a + t.length, 0);
}

/** A mail or web service's front page (126邮箱): a login form, and beside it its features in short list items
 *  ("您可以使用 网易网盘 ，随时存，随地取。"), too few links for a teaser list. When all that is left is short list
 *  items on a page with a password field, the page is refused; a story that lists points keeps its own paragraphs,
 *  so the items are not nearly all of it. */
const MAX_BLURB_LIST_TEXT = 600;
function blurbsBesideLogin(result: Candidate | undefined, loginForm: boolean): string | undefined {
  if (!result || !loginForm) return undefined;
  const chars = squash(result.text).length;
  if (chars > MAX_BLURB_LIST_TEXT || (result.listChars ?? 0) < chars * 0.9 || result.paragraphs.some((p) => squash(p).length > 80)) return undefined;
  return `what is left is a list of blurbs beside a login form (${chars} characters, all in list items: a service's front page)`;
}

/** A search-results page (知乎's "智能解析 - 搜索结果") shows each hit as its title and a snippet of the hit's text cut off
 *  mid-sentence with "...". The snippets are plain text, not links, so the teaser-list check misses them. When at least
 *  three lines end in a cut ("..." or a lone "…" right after a word, not the "……" of prose) and they hold most of the
 *  text, the page is refused; a story quoting a cut-off message or two keeps its own sentences, which are most of it. */
const SNIPPET_CUT = /[^.。…！？!?"”’）)\s](?:\.{3}|(?<!…)…)$/u;
function searchSnippets(result: Candidate | undefined): string | undefined {
  if (!result) return undefined;
  const lines = result.paragraphs.map(squash).filter((p) => p.length > 0);
  const cut = lines.filter((p) => SNIPPET_CUT.test(p));
  const chars = lines.reduce((a, p) => a + p.length, 0);
  const cutChars = cut.reduce((a, p) => a + p.length, 0);
  if (cut.length < 3 || cut.length * 2 < lines.length || cutChars < chars * 0.6) return undefined;
  return `what is left is search-result snippets (${cut.length} of ${lines.length} lines cut off with "...", ${cutChars} of ${chars} characters)`;
}

/** Characters inside the <a> (or <li>) elements of an HTML fragment, whitespace ignored. */
const INSIDE = { a: /<a\b[^>]*>([\s\S]*?)<\/a>/gi, li: /<li\b[^>]*>([\s\S]*?)<\/li>/gi };
function textLengthInside(html: string, tag: keyof typeof INSIDE): number {
  let n = 0;
  for (const m of html.matchAll(INSIDE[tag])) n += m[1]!.replace(/<[^>]*>/g, '').replace(/&[a-z]+;|&#\d+;/gi, 'x').replace(/\s+/g, '').length;
  return n;
}

/** Everything removed before Readability: the editor's selectors (the override, unconditional),
 *  invisible elements, comment lists found by structure, page furniture and teaser blocks,
 *  except what holds the anchor, the page's best guess at where the article is. */
function prune(doc: Document, hints: ExtractHints): { scan: PageScan; commentTexts: Set<string>; listItem?: ListItem; footerTexts: string[] } {
  // An editor's selectors one by one, so a bad one only skips itself.
  for (const selector of hints.remove ?? []) for (const el of safeQueryAll(doc, selector)) el.remove();
  const parts = sortElements(doc);
  for (const el of parts.invisible) el.remove();
  const commentTexts = new Set<string>();
  for (const list of doc.body ? findCommentLists(doc.body) : []) {
    for (const item of Array.from(list.querySelectorAll('p, div, li, span'))) {
      const t = (item.textContent ?? '').replace(/\s+/g, '');
      if (t) commentTexts.add(t);
    }
    list.remove();
  }
  const footerTexts = siteFooterTexts(parts.footers);
  const scan = scanPage(doc, new Set(parts.furniture));
  const listItem = listItemOfAnchor(scan.anchor);
  const holdsAnchor = (el: Element) => scan.anchor !== undefined && el.contains(scan.anchor);
  for (const el of [...parts.furniture, ...parts.forms]) if (!holdsAnchor(el)) el.remove();
  removeTeaserBlocks(scan);
  removeLinkLists(doc, scan);
  removeDatedCards(doc, scan);
  removeSummaryBoxes(doc, scan);
  removeCaptions(doc, scan.anchor);
  return { scan, commentTexts, listItem, footerTexts };
}

/** A list page (a fund company's announcements: linked titles and dates) leaves Readability nothing but the site's
 *  footer: hotline, address and fax, the ICP filing, a "仅供参考" notice. The footer is a `<footer>` or a block named
 *  footer or copyright, short (a page wrapped whole in such a block is not a footer); a result whose every line is
 *  inside one is no article. A story with a footer under it keeps its own lines, which are not in the footer. */
const MAX_FOOTER_TEXT = 1000;
/** The footers' texts once invisible elements and comment lists are gone (sortElements found the blocks in its one pass). */
function siteFooterTexts(footers: Element[]): string[] {
  const texts: string[] = [];
  const connected = new Set(footers.filter((el) => el.isConnected));
  const insideAnother = (el: Element) => { for (let up = el.parentElement; up; up = up.parentElement) if (connected.has(up)) return true; return false; };
  for (const el of connected) {
    if (insideAnother(el)) continue;
    const t = squash(el.textContent ?? '');
    if (t && t.length <= MAX_FOOTER_TEXT) texts.push(t);
  }
  return texts;
}

function siteFooter(result: Candidate | undefined, footerTexts: string[]): string | undefined {
  if (!result || footerTexts.length === 0) return undefined;
  const lines = result.paragraphs.map(squash).filter(Boolean);
  if (lines.length === 0 || !lines.every((p) => footerTexts.some((f) => f.includes(p)))) return undefined;
  return `what is left is the site footer (${squash(result.text).length} characters, all inside the page's footer)`;
}

/** A list page of threads or stories, each item a linked title and a few lines of abstract (a forum's thread
 *  list, a portal's feed): the longest abstract outweighs every title, so the anchor is one item's text and
 *  Readability returns it as if it were the article. The item is the anchor's nearest <li> whose list holds at
 *  least MIN_LINKED_ITEMS <li>s with a linked title; a result that is that one item's text, and short, is no article.
 *  A story whose paragraphs are list items spans several of them, and a story beside a teaser list is not inside it. */
type ListItem = { text: string; items: number };
const MIN_LINKED_ITEMS = 5;
const MIN_ITEM_TITLE = 4;
const MAX_ITEM_TEXT = 1000;
function listItemOfAnchor(anchor: Element | undefined): ListItem | undefined {
  const item = anchor?.closest('li');
  const list = item?.parentElement;
  if (!item || !list) return undefined;
  const linked = (li: Element) => Array.from(li.querySelectorAll('a[href]')).some((a) => squash(a.textContent ?? '').length >= MIN_ITEM_TITLE);
  const items = Array.from(list.children).filter((c) => c.tagName === 'LI' && linked(c)).length;
  if (items < MIN_LINKED_ITEMS || !linked(item)) return undefined;
  return { text: squash(item.textContent ?? ''), items };
}

function oneItemOfList(result: Candidate | undefined, item: ListItem | undefined): string | undefined {
  if (!result || !item) return undefined;
  const chars = squash(result.text).length;
  if (chars > MAX_ITEM_TEXT || !result.paragraphs.every((p) => item.text.includes(squash(p)))) return undefined;
  return `what is left is one item of a list (${chars} characters inside one of ${item.items} linked list items)`;
}

/** "标题 - 科技前线", "标题--南方车闻网", "标题_车评日报", "标题 @ 某某的家 :: 痞客邦 ::" → "标题". */
export function stripSiteName(title: string): string {
  // Blog platforms put the blog's and the platform's name after an "@": the whole tail goes.
  const blog = /^(.{6,}?)\s+@\s+\S.*$/.exec(title);
  if (blog) return blog[1]!.trim();
  // Portals chain the channel and the site ("标题_汽车频道_东城在线"): up to three trailing names go.
  let stripped = title;
  for (let i = 0; i < 3; i++) {
    const m = /^(.{6,}?)\s*(?:\s[-|–—]\s|--|_|\|)\s*[^-_|–—]{1,14}$/.exec(stripped);
    if (!m) break;
    stripped = m[1]!.trim();
  }
  return stripped;
}

function safeQueryAll(doc: Document, selector: string): Element[] {
  try { return Array.from(doc.querySelectorAll(selector)); } catch { return []; }
}

/** <h1><a href="/">某某部落格</a></h1>: a blog theme puts the site's name, a link home, in the <h1> and the post's title in an <h2>. */
function siteNameHeading(h1: Element | null, url: string): boolean {
  const link = h1?.querySelector('a');
  if (!h1 || !link || cleanText(link.textContent ?? '') !== cleanText(h1.textContent ?? '')) return false;
  try {
    const target = new URL(link.getAttribute('href') ?? '', url);
    return target.pathname === '/' && !target.search;
  } catch { return false; }
}

function readMeta(doc: Document, url: string, timeZone: string): { title: string; published?: string; canonicalUrl?: string } {
  // Every <meta> read once, instead of a whole-document query per name: the first one wins, as with querySelector.
  const metas = new Map<string, string | undefined>();
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr);
      if (key !== null && !metas.has(`${attr}=${key}`)) metas.set(`${attr}=${key}`, m.getAttribute('content') ?? undefined);
    }
  }
  const metaContent = (selector: string) => {
    const m = /^meta\[(property|name|itemprop)="([^"]*)"\]$/.exec(selector);
    return m ? metas.get(`${m[1]}=${m[2]}`) : doc.querySelector(selector)?.getAttribute('content') ?? undefined;
  };
  const h1 = siteNameHeading(doc.querySelector('h1'), url) ? '' : cleanText(doc.querySelector('h1')?.textContent ?? '');
  const docTitle = cleanText(doc.title ?? '');
  // og:title, else an <h1> that the <title> repeats (a logo <h1> does not), else <title> minus the site name.
  // An og:title that only copies a blog's <title> ("标题 @ 博客名 :: 平台 ::") loses the blog's name like the <title> would.
  const og = cleanText(metaContent('meta[property="og:title"]') ?? '');
  const title = (og && og === docTitle && / @ /.test(og) ? stripSiteName(og) : og) || (h1 && docTitle.includes(h1) ? h1 : '') || stripSiteName(docTitle) || h1;
  // In order of trust; the page's own date blocks are only searched when no metadata gives one
  // (the search is two whole-document queries: most pages never need it).
  const published = [
    metaContent('meta[property="article:published_time"]'),
    ...['pubdate', 'publishdate', 'publish_time', 'PubDate', 'ptime', 'date', 'weibo: article:create_at'].map((n) => metaContent(`meta[name="${n}"]`)),
    metaContent('meta[itemprop="datePublished"]'), metaContent('meta[property="og:release_date"]'),
  ].map((d) => parseSourceDate(d, timeZone)).find(Boolean) ?? dateFromPage(doc, timeZone);
  // Trimmed (a leading U+2028 would make "javascript:…" a relative path) and resolved; the ingest
  // decides whether it may be used (same host, http(s), clean) and says why when not.
  const canonicalUrl = resolveCanonicalHref(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url);
  return { title, published, canonicalUrl };
}

function dateFromPage(doc: Document, timeZone: string): string | undefined {
  const candidates = [
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
    // Chinese templates put the date in a byline block whose class says time, date or info.
    ...Array.from(doc.querySelectorAll('time, [class*="time"], [class*="date"], [class*="info"], [id*="time"], [id*="date"], .meta, .source'))
      .slice(0, 12).map((el) => /\d{4}(?:-|\/|年)\d{1,2}(?:-|\/|月)\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/.exec(el.textContent ?? '')?.[0]),
  ];
  return candidates.map((d) => parseSourceDate(d, timeZone)).find(Boolean);
}

/** Remove the blocks that teaser and comment headings open. A block apart from the article goes
 *  whole; inside the article's own container only the heading and the link lists or short lines
 *  right after it go, up to the first real paragraph. */
function removeTeaserBlocks(scan: PageScan): void {
  const anchor = scan.anchor;
  for (const heading of scan.markers) {
    if (!heading.isConnected) continue;
    const container = heading.closest('section, aside, ul, .related, .recommend, .comments') ?? heading.parentElement;
    if (!container || container.tagName === 'BODY') { removeHeadingAndTeasers(heading); continue; }
    const apart = !anchor || (!container.contains(anchor) && !anchor.contains(container));
    if (apart && !container.querySelector('article, h1')) container.remove();
    else if (anchor && isBoxInside(container, heading, anchor)) container.remove();
    else removeHeadingAndTeasers(heading);
  }
}

/** A box the template nests in the story ("延伸 · 推荐": a linked title and its summary, a sentence that would
 *  stop the heading-and-teasers walk): opened by the heading, holding a link, short and a small part of the
 *  anchor. A heading that sits among the story's own paragraphs has the anchor itself as container and never counts. */
const MAX_BOX = 400;
function isBoxInside(container: Element, heading: Element, anchor: Element): boolean {
  if (container === anchor || !anchor.contains(container) || !container.querySelector('a[href]')) return false;
  const box = squash(container.textContent ?? '');
  return box.startsWith(squash(heading.textContent ?? '')) && box.length <= MAX_BOX && box.length * 3 <= squash(anchor.textContent ?? '').length;
}

/** A list of links apart from the anchor is a sidebar or a ranking ("点击排行"), never the story: beside a
 *  one-paragraph brief, Readability scores such lists above the story and takes them, or nothing else. */
const MIN_LIST_ITEMS = 3;
const LIST_LINK_DENSITY = 0.7;
function removeLinkLists(doc: Document, scan: PageScan): void {
  const anchor = scan.anchor;
  if (!anchor) return;
  for (const list of Array.from(doc.querySelectorAll('ul, ol, dl'))) {
    if (!list.isConnected || list.contains(anchor)) continue;
    const items = list.querySelectorAll(':scope > li, :scope > dd, :scope > dt');
    if (items.length < MIN_LIST_ITEMS || list.querySelectorAll('a').length < MIN_LIST_ITEMS) continue;
    if (anchor.contains(list)) { if (closesAnchor(list, anchor) && Array.from(items).every(isLinkItem)) list.remove(); continue; }
    if (linkDensity(list) >= LIST_LINK_DENSITY) list.remove();
  }
}

/** Inside the story, a list closing it whose every item is one linked title, with at most a time stamp (as a
 *  rolling list writes it, TIME_STAMP) and a separator beside it ("24-05-10 · 某某报道"), is the template's related stories without a heading. A list
 *  in the middle of the story, or whose items say more than a title (a story told in points), stays. */
const ITEM_SEPARATORS = /[\s·•|｜/\-—–:：()（）[\]【】]+/g;
function isLinkItem(item: Element): boolean {
  const links = Array.from(item.querySelectorAll('a[href]'));
  if (links.length !== 1) return false;
  const title = squash(links[0]!.textContent ?? '');
  const rest = squash(item.textContent ?? '').replace(title, '').replace(TIME_STAMP, '').replace(ITEM_SEPARATORS, '');
  return title.length >= 4 && rest.length === 0;
}
function closesAnchor(el: Element, anchor: Element): boolean {
  for (let node: Element | null = el; node && node !== anchor; node = node.parentElement) {
    for (let next = node.nextSibling; next; next = next.nextSibling) if (squash(next.textContent ?? '')) return false;
  }
  return true;
}

/** A box of teaser cards apart from the anchor, each a short title and a date on its own ("会员专栏": title, column link,
 *  "2024-05-11"): the titles are no links, so link density misses it, and Readability takes it beside the story when
 *  its name scores ("post-…"). Only a box made of such cards alone (a heading aside), each with a link, goes, never one with a sentence. */
const CARD_DATE = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}[:：]\d{2}([:：]\d{2})?)?$/;
const MAX_CARD = 80;
const MIN_CARDS = 3;
function removeDatedCards(doc: Document, scan: PageScan): void {
  const anchor = scan.anchor;
  if (!anchor) return;
  const isCard = (el: Element) => {
    const text = squash(el.textContent ?? '');
    // A teaser links somewhere; a timeline's dated lines ("2024-01-23 某地封控") usually do not.
    if (!text || text.length > MAX_CARD || text.includes('。') || !el.querySelector('a[href]')) return false;
    return Array.from(el.querySelectorAll('*')).some((leaf) => leaf.childElementCount === 0 && CARD_DATE.test(cleanText(leaf.textContent ?? '')));
  };
  for (const box of Array.from(doc.body?.querySelectorAll('div, section, aside, ul, ol') ?? [])) {
    if (!box.isConnected || box.childElementCount < MIN_CARDS || box.contains(anchor) || anchor.contains(box)) continue;
    const parts = Array.from(box.children).filter((el) => squash(el.textContent ?? '') && !/^H[1-6]$/.test(el.tagName));
    if (parts.length >= MIN_CARDS && parts.every(isCard)) box.remove();
  }
}

/** A summary box above the body ("摘要：…", "划重点：" + a list, a lead box repeating the description) restates
 *  the story: Readability keeps it as the first paragraph. Two kinds: a block named as a summary by its class or id,
 *  apart from the anchor and before it; a summary label opening one of the anchor's first text blocks. */
const SUMMARY_NAME = /(^|[\s_-])(summary|abstract|digest|zhaiyao|daodu)($|[\s_-])/i;
/** "lead" also names a story's own first paragraph (<p class="lead">), and "intro"/"introduction" a portal's 导语 box as well as a
 *  story's styled opening: such a block goes only when it repeats the page's description or restates the story below it. */
const LEAD_NAME = /(^|[\s_-])(lead|intro|introduction)($|[\s_-])/i;
const SUMMARY_LABEL = /^[【\[]?\s*(摘要|导读|核心提示|内容提要|划重点|本文要点|编前语)\s*[】\]]?\s*[:：]?/;
const MAX_SUMMARY = 600;
/** Share of a box's clause characters that must come again in the story for the box to be a restatement. */
const RESTATED_SHARE = 0.6;
function removeSummaryBoxes(doc: Document, scan: PageScan): void {
  const anchor = scan.anchor;
  if (!anchor) return;
  const before = (el: Element) => (el.compareDocumentPosition(anchor) & 4 /* FOLLOWING */) !== 0 && !el.contains(anchor);
  const textOf = (el: Element) => cleanText(el.textContent ?? '');
  const description = squash(cleanText(doc.querySelector('meta[name="description" i]')?.getAttribute('content') ?? ''));
  const repeatsDescription = (text: string) => {
    const own = squash(text);
    return description.length >= 10 && own.length >= 10 && (description.includes(own) || own.includes(description));
  };
  // A 导语 box restates the story in the story's own words: most of its clauses come again in the anchor's other text.
  let anchorText: string | undefined;
  const restatesStory = (text: string) => {
    anchorText ??= squash(anchor.textContent ?? '');
    const rest = anchorText.replace(squash(text), '');
    const clauses = text.split(/[，。！？；：、,.!?;:“”"‘’「」『』（）()\s]+/).filter((c) => c.length >= 4);
    const total = clauses.reduce((a, c) => a + c.length, 0);
    const found = clauses.filter((c) => rest.includes(c)).reduce((a, c) => a + c.length, 0);
    return total >= 20 && found >= total * RESTATED_SHARE;
  };
  const repeats = (text: string) => repeatsDescription(text) || restatesStory(text);
  for (const el of Array.from(doc.body?.querySelectorAll('[class], [id]') ?? [])) {
    if (!el.isConnected || !before(el)) continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const text = textOf(el);
    const named = SUMMARY_NAME.test(name) || (LEAD_NAME.test(name) && repeats(text));
    // Named as a summary, or opened by the label: a short block, never one holding the article.
    if ((named || SUMMARY_LABEL.test(text)) && text.length <= MAX_SUMMARY && !/^(H1|BODY)$/.test(el.tagName) && !el.querySelector('h1')) el.remove();
  }
  // Inside the anchor only its first few text blocks can be a summary box; "划重点：" alone takes the list after it.
  const blocks = Array.from(anchor.querySelectorAll('p, div, li, ul, ol')).filter((el) => textOf(el) && !el.querySelector('p, div'));
  // A body written as text and <br>s has no block for the box: an inline element opening the anchor stands in for one.
  const first = anchor.firstElementChild;
  if (first && /^(U|B|STRONG|EM|I|SPAN|FONT)$/.test(first.tagName) && !(anchor.firstChild?.nodeType === 3 && anchor.firstChild.textContent?.trim())) blocks.unshift(first);
  for (const el of blocks.slice(0, 3)) {
    const text = textOf(el);
    if (text.length > MAX_SUMMARY) continue;
    // A box the template names as a summary or 导语 (qq's "introduction"), when it repeats what the story says.
    if (!SUMMARY_LABEL.test(text)) {
      const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if ((SUMMARY_NAME.test(name) || LEAD_NAME.test(name)) && repeats(text)) { el.remove(); break; }
      continue;
    }
    const next = el.nextElementSibling;
    if (text.replace(SUMMARY_LABEL, '').trim() === '' && next && /^(UL|OL)$/.test(next.tagName)) next.remove();
    el.remove();
    break;
  }
}

function removeHeadingAndTeasers(heading: Element): void {
  let next = heading.nextElementSibling;
  heading.remove();
  while (next && looksLikeTeaser(next)) {
    const after = next.nextElementSibling;
    next.remove();
    next = after;
  }
}

/** A link list, or a short line that is not a sentence: what follows a teaser heading. */
function looksLikeTeaser(el: Element): boolean {
  const text = cleanText(el.textContent ?? '');
  if (linkDensity(el) >= 0.5) return true;
  return text.length < 50 && !/[。！？]["”」』]?$/.test(text);
}

/** "…趋稳趋优。（德清县发改局）", "…美好生活需要。(文/图 刘玺东)", "…发表在《自然》上。（编译/林靖东）": a credit in brackets closing the story. */
const CLOSING_CREDIT = /([。！？”」])\s*[（(]\s*((文\/图|图\/文|文|图|记者|通讯员|来源|作者|编辑|编译)[\s:：\/|][^（）()。]{1,16}|[^（）()。，,\s]{2,12}(局|委|办|厅|社|报|网|台|中心|供稿|宣传部))\s*[）)]$/;
function stripClosingCredit(paragraphs: string[]): string[] {
  const last = paragraphs.at(-1);
  if (!last || !CLOSING_CREDIT.test(last)) return paragraphs;
  return [...paragraphs.slice(0, -1), last.replace(CLOSING_CREDIT, '$1')];
}

/** "某公司(115.395, 2.79, 2.47%)": a finance portal injects the live quote (price, change, change %) after a linked
 *  stock name. Only a triple whose numbers agree (change over the previous or the current price gives the percentage)
 *  goes, so a bracket of figures the story itself quotes stays. */
const STOCK_QUOTE = /[(（]\s*(\d+(?:\.\d+)?)\s*[,，]\s*([-+]?\d+(?:\.\d+)?)\s*[,，]\s*([-+]?\d+(?:\.\d+)?)%\s*[)）]/g;
function isQuote(price: number, change: number, percent: number): boolean {
  if (price === 0 && change === 0 && percent === 0) return true;
  const near = (base: number) => base > 0 && Math.abs((change / base) * 100 - percent) <= Math.max(0.02, Math.abs(percent) * 0.02);
  return near(price - change) || near(price);
}
function stripStockQuotes(paragraph: string): string {
  if (!paragraph.includes('%')) return paragraph;
  return paragraph.replace(STOCK_QUOTE, (all, price: string, change: string, percent: string) => (isQuote(Number(price), Number(change), Number(percent)) ? '' : all)).trim();
}

/** "上一篇：…", and the label a template leaves empty under the story ("阅读下一篇："). */
/** "谷歌(微博) 在2014年收购…": a portal links the company's microblog after its name; the bracket is that link, not the story. */
const WEIBO_LINK = /\s*[(（]微博[)）]\s*/g;
function stripWeiboLinks(paragraph: string): string {
  return paragraph.includes('微博') ? paragraph.replace(WEIBO_LINK, '').trim() : paragraph;
}

/** "…还要考虑抗体所能提供的保护时长。详情>>": a roundup links each item's full story after its last sentence; the
 *  "more" link is not the story. Only at the very end and only with its arrow, so "详情请见官网。" stays. */
const MORE_LINK = /\s*[【\[(（]?\s*(详情|詳情|详细|詳細|更多|全文|原文|阅读全文|閱讀全文|查看全文|查看详情|点击查看|點擊查看)\s*(>>|＞＞|>>>|»|》》|→)\s*[】\])）]?$/;
/** "…回答了记者提问。>>>更多内容，点击阅读": the arrow before the label, after the item's last sentence (a government
 *  site's weekly roundup); only after a full stop and only the label to the end, so a sentence going on stays. */
const ARROW_MORE_LINK = /(?<=[。！？”」）)])\s*(>>>?|＞＞＞?|»|→)\s*(更多内容|更多|详情|詳情|全文|阅读全文|閱讀全文)\s*[，,]?\s*(点击阅读|點擊閱讀|点击查看|點擊查看|请点击|點擊|点击)?\s*$/;
function stripMoreLink(paragraph: string): string {
  if (/>>|＞＞|»|→/.test(paragraph)) paragraph = paragraph.replace(ARROW_MORE_LINK, '').trim();
  return paragraph.endsWith('>') || paragraph.endsWith('＞') || /[»》→】\])）]$/.test(paragraph) ? paragraph.replace(MORE_LINK, '').trim() : paragraph;
}

const PREV_NEXT = /^(阅读|閱讀|查看)?(上一篇|下一篇)[:：]/;
/** "责任编辑：某某", "（责编：某某）": the editor line closes a Chinese story; teasers and source names after it are furniture. */
const EDITOR_LINE = /^[(（【\[]?\s*(责任编辑|责编)\s*[:：]/;
/** Cut at a teaser heading or a previous/next link only when what follows is mostly title-like
 *  lines (no full stop): a heading near the top of a real article must not take the article with it. */
function cutTrailingBlocks(paragraphs: string[]): string[] {
  // Sentences after each line, counted once from the end: a page of thousands of headings stays linear.
  const sentencesAfter = new Array<number>(paragraphs.length + 1).fill(0);
  for (let i = paragraphs.length - 1; i >= 0; i--) sentencesAfter[i] = sentencesAfter[i + 1]! + (/[。！？]["”」』）)]?$/.test(paragraphs[i]!) ? 1 : 0);
  for (let i = 1; i < paragraphs.length; i++) {
    if (!TRAILING_BLOCK.test(paragraphs[i]!) && !PREV_NEXT.test(paragraphs[i]!) && !EDITOR_LINE.test(paragraphs[i]!)) continue;
    const rest = paragraphs.length - i - 1;
    if (sentencesAfter[i + 1]! <= rest / 2) return paragraphs.slice(0, i);
  }
  return paragraphs;
}

/** Lines that open with a label of page furniture: credits, sources ("（原题为《…》）", "(本文来自某网，…下载APP)"), share and follow prompts, UI buttons. */
const BOILERPLATE = /^[(（【\[]?\s*(责任编辑|责编|编辑|来源|原标题|原题为?[:：《]|本文来自|资料来源|稿件来源|文章来源|版权声明|本文来源|图片来源|图源|执笔|采写|点击进入|分享到|扫一扫|关注公众号|更多更酷|广告|推广|(文章)?关键词[:：]|标签[:：]|[Tt][Aa][Gg][Ss]?\s*[:：]|自动播放|(举报|收藏|点赞|分享|返回顶部|图集|知道了|展开全文|查看原图|\+\d+)$)/;
/** A credit line naming two roles ("供稿 摄影/张艳 编辑/苏芳"), a photo credit ("通讯员刘娟 摄"), a view counter. */
const CREDIT_ROLE = /(供稿|摄影|编辑|责编|记者|通讯员|文\/图|图\/文|撰文|校对|审核)[:：/／\s]/g;
const PHOTO_CREDIT = /(\s摄|\/摄|摄影[:：/／]\S+|图片均?来自网络|点击看清?晰?大图|资料图)[)）]?$|浏览[:：]?\s*\d+$/;
/** A call to follow, scan, download or bookmark: a promo, not reporting. */
const CALL_TO_ACTION = /(扫描|扫码|长按|识别).{0,12}二维码|下载.{0,6}客户端|关注.{0,16}(公众号|官方微信|微信公众|官方微博)|收藏以下链接|锁定@|(邀[请請]您?|欢迎|歡迎).{0,16}粉[丝絲](团|團|页|頁|专页|專頁)/;
/** "看明星八卦、查影讯电视节目，上手机新浪网娱乐频道 ent.sina.cn": a call to the portal's mobile site, closed by its bare domain. */
const MOBILE_SITE_PROMO = /(上|登录|登陆|访问|打开)手机[\p{Script=Han}A-Za-z]{0,12}(网|版|频道|站)[\p{Script=Han}A-Za-z]{0,8}\s*[a-z0-9-]+(\.[a-z0-9-]+)+\/?$/iu;
const DATELINE = /^\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?(\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*\S{0,12}(\s+\S{0,8})?$/;
/** A date run together with its source or author label ("2024-05-06 12:30来源：某网作者：某某"): the header, not a dateline. */
const HEADER_LINE = /^\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?\s*(\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?.{0,20}?(来源|作者|编辑|责编|记者)[:：]/;
/** "发布时间：2024-06-03 09:15": a date under its label is the header, as is a byline ("《栏目》作者 某某", "记者：某某"),
 *  also as a line of its own in brackets with the writer's role ("【文/某网专栏作者 某某】"), or with the outlet before
 *  the role ("扬子晚报记者 张楠", "本报记者 李明"): the outlet ends as outlets do (报, 网, 社, 台, 新闻…) and the names
 *  are apart from the role, so a sentence that opens the same way ("某报记者赶到现场时，…") stays. */
const DATE_LABEL = /^(发布|发表|更新)?(时间|日期)[:：]\s*\d{4}[-/年.]\d{1,2}/;
const OUTLET = '(?:本[报台网刊]|[\\p{Script=Han}A-Za-z0-9·]{1,14}?(?:报|网|社|台|刊|新闻|客户端|频道|杂志|报道))';
const BYLINE = new RegExp(`^[【\\[(（]?\\s*(《[^》]{1,12}》|【[^】]{1,12}】)?\\s*(作者|${OUTLET}?记者|${OUTLET}通讯员|撰文|文)\\s*[:：/｜|\\s]\\s*[\\p{Script=Han}A-Za-z·]{2,12}(\\s+[\\p{Script=Han}A-Za-z·]{2,8}){0,2}\\s*[】\\])）]?$`, 'u');
/** "新华社记者董博婷、王秋韵、周晔": a news agency's byline, the names glued to the role and joined by 、 (two at least),
 *  as a line of its own; a sentence opening the same way ("新华社记者走访了…") has no list of names. */
const GLUED_BYLINE = new RegExp(`^${OUTLET}?记者[\\p{Script=Han}·]{2,4}(、[\\p{Script=Han}·]{2,4}){1,5}$`, 'u');
/** "本文为某网原创文章，未经允许不得转载…", "版权所有…": a copyright or reprint notice, not reporting. */
const COPYRIGHT = /^[(（【\[]?\s*(本文|本站|本网|本刊|凡本网|凡注明|版权|©|copyright).{0,60}(转载|转帖|复制|摘编|版权)|(未经|没有).{0,16}(许可|允许|授权|同意).{0,10}(不得|禁止|严禁|请勿).{0,4}(转载|复制|摘编)/i;
/** "转载请注明出处：某网", "欢迎转载，请注明来源。": a reprint request under the story, the label and at most a source name;
 *  a sentence that goes on after the label ("转载请注明出处，这是…") stays. */
const REPRINT_REQUEST = /^[(（【\[]?\s*(如需|欢迎|如要)?转载(本文)?\s*[，,]?\s*(请|须|需|务必|必须)?(注明|标明|保留)(出处|来源|作者|原文链接)\s*([:：][^，,。！？!?]{1,20})?[。.！!]?[)）】\]]?$/;
/** "—END—", "THE END", "（完）", "【全文完】": the end marker under the story. The edge trim only drops it when it looks like
 *  a menu ("- THE END -") or is under four characters; one word in dashes or brackets stayed. The whole line must be the marker. */
const END_MARK = /^[\s\-—–_=~*·•.【\[（(<《「]*(the\s*end|end|全文完|本文完|正文完|完)[\s\-—–_=~*·•.】\]）)>》」]*$/i;
/** "作者：某某" with a glued link ("返回某网，查看更多"), "（综合整理自某报、某网等）", a repost's "原创： 某某编译 某公众号": credits, not reporting. */
const CREDIT_LABEL = /^[(（【\[]?\s*(作者[:：]|原创[:：]|(综合)?(整理|编译)自)/;
/** "（原标题：…）" of any length: the headline the story ran under elsewhere, not reporting (no sentence inside).
 *  A headline may shout or ask ("…揭晓！…什么来头？"): in brackets from end to end, only a full stop inside makes it a sentence. */
const ORIGINAL_TITLE = /^[(（【\[]?\s*原(标题|题为?)\s*[:：《][^。！？]*[。]?[)）】\]]?$|^[(（【\[]\s*原(标题|题为?)\s*[:：《][^。]*[)）】\]]$/;
/** A WeChat post's closing credits: "信息来源于网络", "经过某某重新编排". */
const SOURCE_NOTE = /^[(（]?\s*(本文)?(信息|内容|文章|图文|文字|素材|资料)均?(来源|来自|源自|取自)于?(网络|互联网)[。.]?[)）]?$|^(经过?|由)[\p{Script=Han}A-Za-z]{1,8}重新(编排|整理|编辑|排版)[。.]?$/u;
/** "（实习生某某对此文亦有贡献）", "（记者某某、实习生某某对本文亦有贡献）": who else worked on the story, a credit.
 *  Names only before the verb (no comma or full stop), so a sentence saying the same of someone ("导师表示，…对此文亦有贡献，…") stays. */
const CONTRIBUTOR_CREDIT = /^[(（【\[]?\s*[^()（）【】\[\]。！？，,；;：:]{2,40}?对(本|此|该)文(亦|也|均)?有所?贡献[。.]?\s*[)）】\]]?$/;
/** "声明：…仅供参考", "免责声明：…", "特别声明：…": the site's disclaimer under the story, also inside quotes
 *  ("“特别声明：以上作品内容…本平台仅提供信息存储空间服务。", a self-media platform's note). */
const DISCLAIMER = /^[(（【\[“"「]?\s*(特别|免责|郑重|风险)?声明[:：]/;
/** Opened by a quote mark, the note is the whole quotation (left open for its English twin, or closed at the line's end):
 *  a sentence that quotes a "特别声明：…" phrase and goes on ("“特别声明：…”一句出现在…") stays. */
function isDisclaimer(line: string): boolean {
  if (!DISCLAIMER.test(line)) return false;
  if (!/^[“"「]/.test(line)) return true;
  const opened = (line.match(/[“「]/g) ?? []).length, closed = (line.match(/[”」]/g) ?? []).length;
  return opened > closed || /[”"」]$/.test(line);
}
/** The same note in English after it ("Notice: The content above … is uploaded and posted by the user of …"). */
const ENGLISH_NOTICE = /^["“]?\s*(special\s+)?(notice|disclaimer)\s*[:：]\s*(the|this|all)\s+(content|article|post|information|materials?)\b/i;
/** "图片来自网络，如有侵权，请联系删除。": a takedown notice, the whole line; a sentence going on after
 *  "删除" ("…请联系删除的声明并不能免责。") stays. */
const TAKEDOWN_NOTICE = /^[(（【\[]?[^。！？]{0,30}(如有|若有|如涉及?|若涉及?)侵权[，,、]?\s*(请|敬请|请及时)?(联系|告知|通知)[^。！？]{0,10}(删除|处理)[。.！!]?[)）】\]]?$/;
/** "此前报道：某某出狱前首受访 称“对不起香港人”": a pointer to another story under a label; a title (no full stop
 *  anywhere in it), so a sentence the story opens with the same words ("此前报道：…已破产。") stays. */
const RELATED_LINK = /^[(（【\[]?\s*(此前|相关|延伸|前情|往期|更多)(报道|阅读|新闻|链接|回顾)\s*[:：][^。！？]+$/;
/** "图注：…", "图片说明：…": a caption under its label, however long. */
const CAPTION_LABEL = /^[(（【\[]?\s*(图注|图说|图片说明|圖注|圖說|圖片說明)\s*[:：]/;
/** "出品︱某某栏目组", "作者丨某某": a credit whose role and name a bar separates. */
const BAR_CREDIT = /^(出品|策划|策劃|监制|監製|作者|编辑|編輯|撰文|文|图|圖|摄影|攝影|校对|校對|制作|製作|统筹|統籌|主编|主編|记者|記者)\s*[︱｜|丨]\s*\S/;
/** "运行实例", "亲自试一试 »", "尝试一下 »": a tutorial site's button under a code example, the whole line
 *  (a sentence opening with the same words stays). */
const RUN_EXAMPLE_LABEL = /^(运行实例|運行實例|亲自试一试|親自試一試|尝试一下|嘗試一下|在线运行|在線運行|运行代码|運行代碼)\s*[»›>]*$/;
/** "转播到腾讯微博", "转发到朋友圈": a share button's label, the whole line (a sentence opening the same way stays). */
const SHARE_LABEL = /^(分享|转播|转发|轉播|轉發)到[\p{Script=Han}A-Za-z]{0,8}$/u;
/** "您认为这篇文章与…相关度高吗？": a reader poll under the story. */
const READER_POLL = /^(您|你)(认为|觉得|認為|覺得)(这|這|本)(篇|条|條)?(文章|新闻|新聞|报道|報導)/;
const unquote = (s: string) => s.replace(/^["“'「『]+|["”'」』]+$/g, '');
/** Furniture told by a line's shape: a line shorter than `under` characters that `matches`. The limits keep a
 *  story's own long sentences out of reach of patterns written for labels and credits. */
const FURNITURE_LINES: readonly { under: number; matches: (line: string) => boolean }[] = [
  { under: 200, matches: (line) => CALL_TO_ACTION.test(line) || isDisclaimer(line) },
  { under: 400, matches: (line) => ENGLISH_NOTICE.test(line) },
  { under: 160, matches: (line) => COPYRIGHT.test(line) },
  { under: 120, matches: (line) => ORIGINAL_TITLE.test(line) || CAPTION_LABEL.test(line) },
  { under: 80, matches: (line) => HEADER_LINE.test(line) || DATE_LABEL.test(line) || READER_POLL.test(line) || MOBILE_SITE_PROMO.test(line) },
  { under: 60, matches: (line) => TAKEDOWN_NOTICE.test(line) || PHOTO_CREDIT.test(line) || (line.match(CREDIT_ROLE)?.length ?? 0) >= 2 || RELATED_LINK.test(line) || REPRINT_REQUEST.test(line) || CONTRIBUTOR_CREDIT.test(line) },
  { under: 40, matches: (line) => CREDIT_LABEL.test(line) || BOILERPLATE.test(line) || DATELINE.test(line) || BAR_CREDIT.test(line) || SHARE_LABEL.test(line) || RUN_EXAMPLE_LABEL.test(line) },
  { under: 30, matches: (line) => BYLINE.test(line) },
  { under: 40, matches: (line) => GLUED_BYLINE.test(line) },
  { under: 24, matches: (line) => SOURCE_NOTE.test(line) || END_MARK.test(line) },
];
function isBoilerplate(paragraph: string, title: string): boolean {
  if (unquote(paragraph) === unquote(title)) return true;
  // The headline again, where <title> adds the site or column before or after it ("标题 某某医院", "栏目名--标题").
  if (paragraph.length >= 8 && paragraph.length >= title.length * 0.6 && title.includes(unquote(paragraph))) return true;
  return FURNITURE_LINES.some((rule) => paragraph.length < rule.under && rule.matches(paragraph));
}
