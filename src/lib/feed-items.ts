// RSS items for articles: newest first, linking to the article pages on this site.

export interface FeedArticle {
  id: string;
  title: string;
  published: string;
  summary: string;
  outlet: { name: string };
  topics: readonly string[];
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  author?: string;
}

export const FEED_LIMIT = 100;

/** Feed readers render <description> (and some <title>) as HTML: the text must stay text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function feedItems<A extends FeedArticle>(
  articles: readonly A[],
  linkFor: (id: string) => string,
  topicLabel: (id: string) => string = (id) => id,
  limit = FEED_LIMIT,
): FeedItem[] {
  return [...articles]
    .sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || (a.id < b.id ? 1 : -1))
    .slice(0, limit)
    .map((a) => ({
      title: escapeHtml(`${a.title}（${a.outlet.name}）`),
      link: linkFor(a.id),
      pubDate: new Date(a.published),
      description: escapeHtml(a.summary),
      categories: a.topics.map(topicLabel),
    }));
}
