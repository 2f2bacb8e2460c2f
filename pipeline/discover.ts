// A source → what it lists. Each kind of source is a module behind one interface
// (source-kinds/kind.ts): feeds (rss, atom), news list pages (page-list: the links a CSS
// selector finds) and single pages (page: the source is the article).
import type { Source } from './config.ts';
import type { SourceKind } from './source-kinds/kind.ts';
import { feedKind } from './source-kinds/feed.ts';
import { pageListKind } from './source-kinds/page-list.ts';
import { pageKind } from './source-kinds/page.ts';

export type { SourceKind, SourceReading, FetchedSource, SourceProblem } from './source-kinds/kind.ts';

const KINDS: Record<Source['kind'], SourceKind> = {
  rss: feedKind,
  atom: feedKind,
  'page-list': pageListKind,
  page: pageKind,
};

export function sourceKind(source: Source): SourceKind {
  return KINDS[source.kind];
}
