// Page HTML → title, byline, date and paragraphs: Readability on jsdom, then the sanitizer.
// Pure apart from jsdom. One jsdom window per thread parses every page (DOMParser): a window
// per page costs a third of the extraction time; each page's document is dropped after use.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { StageError } from './reasons.ts';
import { htmlToParagraphs, cleanText, assertMarkupBudget } from './sanitize.ts';
import { parseSourceDate } from './dates.ts';

export type ExtractHints = { content?: string; remove?: string[] };
export type Extracted = {
  title: string;
  byline?: string;
  published?: string;
  canonicalUrl?: string;
  paragraphs: string[];
  text: string;
};

/** Headings that start a block of teasers or comments: everything from there on is not the article. */
const TRAILING_BLOCK = /^(猜你(感兴趣|喜欢)|相关(阅读|新闻|文章|推荐)|热门(推荐|文章|资讯)|推荐阅读|延伸阅读|热点资讯|精彩推荐|网友评论|(全部|最新|热门)?评论(\s*\(\d+\))?|猜您喜欢|更多精彩)[:：]?$/;
const JUNK_SELECTORS = ['script', 'style', 'noscript', 'iframe', 'form', 'nav', 'footer', 'template', 'object', 'embed',
  '.ad', '.ads', '.advert', '.advertisement', '[class^="ad-"]', '[class*=" ad-"]', '[id^="ad-"]', '.share', '.social-share', '.breadcrumb'];
const JUNK = JUNK_SELECTORS.join(', ');
const MIN_TEXT = 60;

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

export function extractArticle(html: string, url: string, hints: ExtractHints = {}): Extracted {
  // A page of 200k nested divs is small in bytes but hangs jsdom and Readability: refuse it first.
  assertMarkupBudget(html);
  const doc = parsePage(html, url);
  try {
    const meta = readMeta(doc, url);
    // The fixed list in one tree walk; an editor's selectors one by one, so a bad one only skips itself.
    for (const selector of [JUNK, ...(hints.remove ?? [])]) {
      for (const el of safeQueryAll(doc, selector)) el.remove();
    }
    removeTeaserBlocks(doc);
    let title = meta.title;
    let byline: string | undefined;
    let contentHtml: string | undefined;
    const hinted = hints.content ? safeQueryAll(doc, hints.content)[0] : undefined;
    if (hinted) {
      contentHtml = hinted.innerHTML;
    } else {
      const parsed = new Readability(doc, { charThreshold: 100, keepClasses: false }).parse();
      if (parsed?.content) {
        contentHtml = parsed.content;
        title ||= stripSiteName(cleanText(parsed.title ?? ''));
        byline = cleanText(parsed.byline ?? '') || undefined;
        meta.published ??= parseSourceDate(parsed.publishedTime ?? undefined);
      }
    }
    if (!contentHtml) throw new StageError('no-article', `no article text found in ${url}`);
    const paragraphs = cutTrailingBlocks(htmlToParagraphs(contentHtml)).filter((p) => !isBoilerplate(p, title));
    const text = paragraphs.join('\n');
    if (text.length < MIN_TEXT) throw new StageError('no-article', `only ${text.length} characters of article text in ${url}`);
    if (!title) throw new StageError('no-article', `no title in ${url}`);
    return { title: title.slice(0, 300), byline: byline?.slice(0, 200), published: meta.published, canonicalUrl: meta.canonicalUrl, paragraphs, text };
  } finally {
    doc.documentElement?.remove();
  }
}

/** "标题 - 科技前线", "标题--南方车闻网", "标题_车评日报" → "标题". */
export function stripSiteName(title: string): string {
  const m = /^(.{6,}?)\s*(?:\s[-|–—]\s|--|_|\|)\s*[^-_|–—]{1,14}$/.exec(title);
  return m ? m[1]!.trim() : title;
}

function safeQueryAll(doc: Document, selector: string): Element[] {
  try { return Array.from(doc.querySelectorAll(selector)); } catch { return []; }
}

function readMeta(doc: Document, url: string): { title: string; published?: string; canonicalUrl?: string } {
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
  const h1 = cleanText(doc.querySelector('h1')?.textContent ?? '');
  const docTitle = cleanText(doc.title ?? '');
  // og:title, else an <h1> that the <title> repeats (a logo <h1> does not), else <title> minus the site name.
  const title = cleanText(metaContent('meta[property="og:title"]') ?? '') || (h1 && docTitle.includes(h1) ? h1 : '') || stripSiteName(docTitle) || h1;
  // In order of trust; the page's own date blocks are only searched when no metadata gives one
  // (the search is two whole-document queries: most pages never need it).
  const published = [
    metaContent('meta[property="article:published_time"]'),
    ...['pubdate', 'publishdate', 'publish_time', 'PubDate', 'ptime', 'date', 'weibo: article:create_at'].map((n) => metaContent(`meta[name="${n}"]`)),
    metaContent('meta[itemprop="datePublished"]'), metaContent('meta[property="og:release_date"]'),
  ].map((d) => parseSourceDate(d)).find(Boolean) ?? dateFromPage(doc);
  const canonicalHref = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  let canonicalUrl: string | undefined;
  if (canonicalHref) {
    try {
      const resolved = new URL(canonicalHref, url);
      // A page may not claim another site's URL: that would let it take the place of the real article.
      if ((resolved.protocol === 'http:' || resolved.protocol === 'https:') && resolved.host === new URL(url).host) canonicalUrl = resolved.toString();
    } catch { /* a broken canonical link is ignored: the fetched URL stands */ }
  }
  return { title, published, canonicalUrl };
}

function dateFromPage(doc: Document): string | undefined {
  const candidates = [
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
    // Chinese templates put the date in a byline block whose class says time, date or info.
    ...Array.from(doc.querySelectorAll('time, [class*="time"], [class*="date"], [class*="info"], [id*="time"], [id*="date"], .meta, .source'))
      .slice(0, 12).map((el) => /\d{4}(?:-|\/|年)\d{1,2}(?:-|\/|月)\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/.exec(el.textContent ?? '')?.[0]),
  ];
  return candidates.map((d) => parseSourceDate(d)).find(Boolean);
}

/** Remove containers introduced by a teaser/comment heading, so Readability does not score them. */
function removeTeaserBlocks(doc: Document): void {
  for (const heading of Array.from(doc.querySelectorAll('h2, h3, h4, h5, .title, .hd, span, strong, div, p'))) {
    if (!heading.isConnected) continue;
    const text = cleanText(heading.textContent ?? '');
    if (text.length > 12 || !TRAILING_BLOCK.test(text)) continue;
    const container = heading.closest('section, aside, ul, .related, .recommend, .comments') ?? heading.parentElement;
    // Never remove something that holds the article itself.
    if (container && container !== heading.ownerDocument.body && (container.textContent ?? '').length < 3000 && !container.querySelector('article, h1')) {
      container.remove();
    } else {
      // A flat page (article and teasers as siblings): the heading and everything after it go.
      while (heading.nextSibling) heading.nextSibling.remove();
      heading.remove();
    }
  }
}

const PREV_NEXT = /^(上一篇|下一篇)[:：]/;
function cutTrailingBlocks(paragraphs: string[]): string[] {
  const cut = paragraphs.findIndex((p, i) => i > 0 && (TRAILING_BLOCK.test(p) || PREV_NEXT.test(p)));
  return cut === -1 ? paragraphs : paragraphs.slice(0, cut);
}

const BOILERPLATE = /^(责任编辑|编辑|来源|原标题|版权声明|本文来源|点击进入|分享到|扫一扫|关注公众号|更多更酷|广告|推广|(举报|收藏|点赞|分享|返回顶部)$)/;
const DATELINE = /^\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?(\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*\S{0,12}(\s+\S{0,8})?$/;
const unquote = (s: string) => s.replace(/^["“'「『]+|["”'」』]+$/g, '');
function isBoilerplate(paragraph: string, title: string): boolean {
  if (unquote(paragraph) === unquote(title)) return true;
  return paragraph.length < 40 && (BOILERPLATE.test(paragraph) || DATELINE.test(paragraph));
}
