// RSS and Atom sources: the feed's items are the article links.
import type { SourceKind } from './kind.ts';
import { readListing } from './kind.ts';
import { parseFeed } from '../feed.ts';

export const feedKind: SourceKind = {
  accept: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8,*/*;q=0.1',
  read: (source, fetched, timeZone) => readListing(source, fetched, (text, baseUrl) => parseFeed(text, baseUrl, timeZone)),
};
