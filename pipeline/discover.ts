// A source → the article links it lists: feed items, links of a news list page matched by
// the source's CSS selector, or the single page itself.
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Source } from './config.ts';
import { parseFeed, type FeedItem, type FeedProblem } from './feed.ts';
import { StageError } from './reasons.ts';

export type Discovery = { items: FeedItem[]; problems: FeedProblem[] };

const quiet = new VirtualConsole();

/** `timeZone`: the story's zone, for feed dates written without one. */
export async function discoverItems(source: Source, text: string, finalUrl: string, timeZone: string): Promise<Discovery> {
  if (source.kind === 'rss' || source.kind === 'atom') return parseFeed(text, finalUrl, timeZone);
  if (source.kind === 'page-list') return { items: listLinks(text, finalUrl, source.selector!), problems: [] };
  return { items: [{ link: finalUrl, guid: finalUrl, title: '' }], problems: [] };
}

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
