// Record assembly: the stored Article built from what the run learnt about one page (the
// source, the feed item, the extracted and analysed page, its canonical URL) and from what an
// earlier run stored; and the article id scheme. Pure: the ingest does the I/O around it.
import { createHash } from 'node:crypto';
import type { Article } from '../src/schema/article.ts';
import type { Source } from './config.ts';
import type { FeedItem } from './feed.ts';
import type { PageResult } from './process-page.ts';
import type { ArticleState } from './store.ts';
import { readerSummary } from './summary.ts';
import { findPrimarySources } from './primary-sources.ts';

/** Stable, safe id: source id + a slug of the URL's last path segment + a hash of the URL. */
export function articleIdFor(sourceId: string, url: string): string {
  const hash = createHash('sha1').update(url).digest('hex').slice(0, 8);
  let slug = '';
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
    slug = decodeURIComponent(last).replace(/\.[a-z0-9]{1,5}$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  } catch { slug = ''; }
  return [sourceId.slice(0, 24), slug, hash].filter(Boolean).join('-').replace(/-+/g, '-');
}

export type RecordParts = {
  id: string;
  source: Source;
  item: FeedItem;
  page: PageResult & { ok: true };
  /** The canonical URL accepted (canonical.ts), and why the page's own one was not, if it was not. */
  canonical: { url: string; rejected?: string };
  /** Now, in the story's time: the fetch time, and the date of a page that gives none. */
  fetchedAt: string;
  /** The article as stored before this run, if any: its fetch time stays while its text does. */
  previous?: { article: Article };
  /** The seen-state's entry for the article: its reprint links stay until the run relinks them. */
  existing?: ArticleState;
};

/** The Article to store, before any editor's correction. */
export function assembleArticle(parts: RecordParts): Article {
  const { id, source, item, page, canonical, fetchedAt, previous, existing } = parts;
  const { extracted, analysis, contentHash } = page;
  const messages: Article['messages'] = page.warnings.map((w) => (w.startsWith('text-lost: ') ? { level: 'warning', reason: 'text-lost', message: w.slice(11) } : { level: 'warning', reason: 'bad-encoding', message: w }));
  if (canonical.rejected) messages.push({ level: 'warning', reason: 'bad-canonical', message: canonical.rejected });
  // A page redone without its feed item (rules changed, the feed answered 304) keeps the date
  // stored from the feed before: the fetch time is the last resort.
  let published = item.published ?? extracted.published ?? previous?.article.published;
  if (!published) {
    published = fetchedAt;
    messages.push({ level: 'warning', reason: 'no-date', message: 'neither the feed nor the page gave a date; the fetch time is used' });
  }
  return {
    id, title: extracted.title,
    outlet: { id: source.id, name: source.name, ...(source.fullText ? { fullText: true } : {}), ...(source.fictional ? { fictional: true } : {}) },
    url: item.link, canonicalUrl: canonical.url,
    published,
    fetched: previous && previous.article.contentHash === contentHash ? previous.article.fetched : fetchedAt,
    lang: 'zh', script: analysis.script,
    ...(extracted.byline ? { byline: extracted.byline } : {}),
    relevance: { relevant: true, score: analysis.relevanceScore },
    topics: analysis.topics,
    evidence: analysis.evidence,
    summary: readerSummary({ title: extracted.title, paragraphs: extracted.paragraphs, keySentences: [...analysis.evidence, ...analysis.figures].map((x) => x.sentence), keywords: analysis.keywords }),
    keywords: analysis.keywords,
    figures: analysis.figures,
    disputes: analysis.disputes,
    ...withPrimarySources(findPrimarySources(extracted.paragraphs, item.link)),
    ...(existing?.reprintOf ? { reprintOf: existing.reprintOf } : {}),
    nearDuplicates: existing?.nearDuplicates ?? [],
    corrections: [],
    messages,
    contentHash,
  };
}

/** The seen-state's entry for a stored article. */
export function articleState(article: Article, storedPath: string, page: PageResult & { ok: true }, outletId: string): ArticleState {
  return { path: storedPath, published: article.published, fingerprint: page.analysis.fingerprint, outletId, url: article.canonicalUrl, ...(article.reprintOf ? { reprintOf: article.reprintOf } : {}), nearDuplicates: article.nearDuplicates };
}

function withPrimarySources(found: ReturnType<typeof findPrimarySources>): Pick<Article, 'primarySources'> {
  return found.length > 0 ? { primarySources: found } : {};
}
