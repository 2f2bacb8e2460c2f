// News list pages: the article links are the anchors the source's CSS `selector` finds.
import { JSDOM, VirtualConsole } from 'jsdom';
import type { SourceKind } from './kind.ts';
import { readListing } from './kind.ts';
import type { FeedItem } from '../feed.ts';
import { StageError } from '../reasons.ts';

const quiet = new VirtualConsole();

export const pageListKind: SourceKind = {
  accept: undefined, // an HTML page: the fetcher's default
  read: (source, fetched) => readListing(source, fetched, async (text, baseUrl) => ({ items: listLinks(text, baseUrl, source.selector!), problems: [] })),
};

/** The distinct http(s) links of the anchors `selector` matches, resolved against the page. */
export function listLinks(html: string, pageUrl: string, selector: string): FeedItem[] {
  const dom = new JSDOM(html, { url: pageUrl, virtualConsole: quiet });
  try {
    let anchors: Element[];
    try { anchors = Array.from(dom.window.document.querySelectorAll(selector)); } catch { throw new StageError('bad-feed', `selector "${selector}" is not valid CSS`); }
    const seen = new Set<string>();
    const items: FeedItem[] = [];
    for (const a of anchors) {
      const href = a.getAttribute('href');
      if (!href) continue;
      let link: string;
      try { link = new URL(href, pageUrl).toString(); } catch { continue; }
      if (!/^https?:/.test(link) || seen.has(link)) continue;
      seen.add(link);
      items.push({ link, guid: link, title: (a.textContent ?? '').trim() });
    }
    if (!items.length) throw new StageError('bad-feed', `no links match "${selector}" on the list page`);
    return items;
  } finally {
    dom.window.close();
  }
}
