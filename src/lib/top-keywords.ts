// The keywords most articles share: example searches for the search page.

export function topKeywords(articles: readonly { keywords: readonly string[] }[], n = 3): string[] {
  const counts = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const a of articles) {
    for (const k of new Set(a.keywords.map((x) => x.trim()).filter(Boolean))) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (!firstSeen.has(k)) firstSeen.set(k, order++);
    }
  }
  return [...counts.keys()]
    .sort((a, b) => counts.get(b)! - counts.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!)
    .slice(0, n);
}
