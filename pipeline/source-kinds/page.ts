// A single page: the source's URL is the article itself; its response goes to extraction as is.
import type { SourceKind } from './kind.ts';

export const pageKind: SourceKind = {
  accept: undefined, // an HTML page: the fetcher's default
  // Keyed by the configured URL (not the one redirected to): the article's id and seen-state stay put.
  read: async (source) => ({ kind: 'article', item: { link: source.url, guid: source.url, title: '' } }),
};
