// Site URLs, all root-relative with a trailing slash (astro.config trailingSlash: 'always').

/** Page n of a paged list (Astro's paginate() on a [...page] route): page 1 is the base path, page n is `${base}${n}/`. */
export function pagePath(base: string, page: number): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return page <= 1 ? b : `${b}${page}/`;
}

export const paths = {
  home: (page = 1) => (page <= 1 ? '/' : `/page/${page}/`),
  oldest: (page = 1) => pagePath('/oldest/', page),
  topics: () => '/topics/',
  topic: (id: string, page = 1) => pagePath(`/topics/${encodeURIComponent(id)}/`, page),
  topicFeed: (id: string) => `/topics/${encodeURIComponent(id)}/rss.xml`,
  article: (id: string) => `/articles/${encodeURIComponent(id)}/`,
  figures: () => '/figures/',
  claim: (anchor: string) => `/figures/#${anchor}`,
  disputes: () => '/disputes/',
  dispute: (id: string) => `/disputes/#dispute-${encodeURIComponent(id)}`,
  search: (q?: string) => (q ? `/search/?q=${encodeURIComponent(q)}` : '/search/'),
  feed: () => '/rss.xml',
};

/** The id of a milestone's box in the timeline (content/events/<key>.md). */
export function milestoneAnchor(key: string): string {
  return `event-${key.replace(/[^a-zA-Z0-9_-]+/g, '-')}`;
}
