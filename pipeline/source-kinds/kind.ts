// What every kind of source (feed, news list page, single page) has to say: how its URL is
// asked for, and what its fetched response holds. The ingest knows sources only through this.
import type { IncomingHttpHeaders } from 'node:http';
import type { Source } from '../config.ts';
import type { FeedItem, FeedProblem } from '../feed.ts';
import { decodeBytes } from '../decode.ts';
import { feedBaseUrl } from '../feed-text.ts';
import { failureOf, type Failure, type FailureReason } from '../reasons.ts';

/** The source's own URL as fetched (after redirects). */
export type FetchedSource = { url: string; headers: IncomingHttpHeaders; body: Uint8Array };

/** A problem met reading a source that did not stop it (a bad item, a charset warning). */
export type SourceProblem = { reason: FailureReason; message: string };

/**
 * What a source's response holds: the links of the articles it lists (with the problems met
 * reading it, and the failure that stopped the reading if one did), or the article itself.
 */
export type SourceReading =
  | { kind: 'links'; items: FeedItem[]; problems: SourceProblem[]; failure?: Failure }
  | { kind: 'article'; item: FeedItem };

export interface SourceKind {
  /** The Accept header the source's own URL is requested with (undefined: the fetcher's default). */
  readonly accept: string | undefined;
  /** `timeZone`: the story's zone, for dates a listing writes without one. */
  read(source: Source, fetched: FetchedSource, timeZone: string): Promise<SourceReading>;
}

/**
 * A listing (feed or list page): its bytes decoded (charset warnings are problems of the
 * source), then its links found by `findLinks`, relative to the feed's base URL. A listing that
 * cannot be read at all is a failure value; the warnings met before it are kept.
 */
export async function readListing(
  source: Source, fetched: FetchedSource,
  findLinks: (text: string, baseUrl: string) => Promise<{ items: FeedItem[]; problems: FeedProblem[] }>,
): Promise<SourceReading> {
  const problems: SourceProblem[] = [];
  try {
    const decoded = decodeBytes(fetched.body, String(fetched.headers['content-type'] ?? ''), source.charset);
    for (const w of decoded.warnings) problems.push({ reason: 'bad-encoding', message: w });
    const found = await findLinks(decoded.text, feedBaseUrl(fetched.url, fetched.headers['content-location']));
    return { kind: 'links', items: found.items, problems: [...problems, ...found.problems] };
  } catch (e) {
    return { kind: 'links', items: [], problems, failure: failureOf(e) };
  }
}
