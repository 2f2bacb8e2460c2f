// The feed parsers' own test feeds (../shared/data/peer/feeds), served byte for byte with their
// content type (and Content-Location where the peer's test sets one) from a server on 127.0.0.1,
// and read as the ingest reads a source: fetch → decode → parse. Each outcome is checked
// against what a reader of feeds should do (`expect`); where we differ from the peer's own
// assertion, docs/reliability.md says why. Nothing from ../shared is copied into the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl } from '../../pipeline/fetch.ts';
import { decodeBytes } from '../../pipeline/decode.ts';
import { parseFeed, type ParsedFeed } from '../../pipeline/feed.ts';
import { feedBaseUrl } from '../../pipeline/feed-text.ts';
import { StageError } from '../../pipeline/reasons.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { peerFeedBytes, peerFeeds, PEER_PRESENT, PEER_ABSENT_REASON, type PeerFeed } from './support.ts';

const feeds = peerFeeds();
type Outcome = { feed?: ParsedFeed; charset?: string; warnings: string[]; refused?: StageError; raw?: unknown };

/** A message a person can read: no JavaScript error text leaking from inside a library. */
const RAW_ERROR = /TypeError|RangeError|is not a function|Cannot read propert|undefined \(reading|\[object /;
const MARKUP = /<[A-Za-z!?/]|&lt;\s*[A-Za-z/]/;

describe.skipIf(!PEER_PRESENT)(`peer feeds (${feeds.length}) served with their content type${PEER_PRESENT ? '' : `: ${PEER_ABSENT_REASON}`}`, () => {
  let server: FixtureServer;
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    server = await startFixtureServer(Object.fromEntries(feeds.map((f) => [`/${f.id}.xml`, {
      body: peerFeedBytes(f.id),
      headers: { 'content-type': f.contentType, ...(f.contentLocation ? { 'content-location': f.contentLocation } : {}) },
    }])));
    for (const f of feeds) outcomes.set(f.id, await read(f));
  });
  afterAll(async () => { await server?.close(); });

  async function read(f: PeerFeed): Promise<Outcome> {
    const res = await fetchUrl(server.url(`/${f.id}.xml`), { allowPrivateNetwork: true, retries: 0 });
    let warnings: string[] = [];
    try {
      const decoded = decodeBytes(res.body, String(res.headers['content-type'] ?? ''));
      warnings = decoded.warnings;
      return { feed: await parseFeed(decoded.text, feedBaseUrl(res.url, res.headers['content-location']), 'Asia/Shanghai'), charset: decoded.charset, warnings };
    } catch (e) {
      return e instanceof StageError ? { refused: e, warnings } : { raw: e, warnings };
    }
  }

  it('every listed feed was served and read (or refused)', () => {
    expect(feeds.length).toBeGreaterThan(0);
    expect(outcomes.size).toBe(feeds.length);
  });

  it.each(feeds.map((f) => [f.id, f.expect, f] as const))('%s (%s): never a raw exception; a refusal is bad-feed or bad-encoding, in words', (_id, _expect, f) => {
    const o = outcomes.get(f.id)!;
    expect(o.raw, `raw exception: ${String(o.raw)}`).toBeUndefined();
    if (o.refused) {
      expect(['bad-feed', 'bad-encoding']).toContain(o.refused.reason);
      expect(o.refused.message).not.toMatch(RAW_ERROR);
    }
    for (const p of o.feed?.problems ?? []) expect(p.message).not.toMatch(RAW_ERROR);
  });

  const readable = feeds.filter((f) => f.expect === 'parse' || f.expect === 'lenient');
  it.each(readable.map((f) => [f.id, f.expect, f] as const))('%s (%s): read, every item accounted for (kept, or reported with its reason)', (_id, _expect, f) => {
    const o = outcomes.get(f.id)!;
    expect(o.refused?.message).toBeUndefined();
    const feed = o.feed!;
    // Problems about items that were dropped (not those kept without their date).
    const reportedItems = feed.problems.filter((p) => p.reason === 'bad-item' && /^item \d+/.test(p.message) && !/item kept|date will be used/.test(p.message));
    expect(feed.items.length + reportedItems.length).toBe(f.items);
    if (f.expect === 'parse') expect(reportedItems.every((p) => /no link/.test(p.message)), reportedItems.map((p) => p.message).join('; ')).toBe(true);
  });

  it.each(readable.filter((f) => f.links.length).map((f) => [f.id, f] as const))('%s: every link the peer reads is read, resolved', (_id, f) => {
    const links = new Set(outcomes.get(f.id)!.feed!.items.map((i) => i.link));
    const expected = f.links.map((l) => new URL(l).toString());
    const missing = expected.filter((l) => !links.has(l));
    if (f.expect === 'parse') expect(missing).toEqual([]);
    // Lenient feeds: a link we do not read must be one whose item was reported.
    else expect(missing.length).toBeLessThanOrEqual(outcomes.get(f.id)!.feed!.problems.length);
  });

  it.each(feeds.filter((f) => f.expect !== 'no-feed').map((f) => [f.id, f] as const))('%s: titles are decoded text: no U+FFFD where the peer decodes, no markup', (_id, f) => {
    const o = outcomes.get(f.id)!;
    if (!o.feed) return;
    for (const item of o.feed.items) {
      expect(item.title).not.toMatch(MARKUP);
      if (f.expect === 'parse') expect(item.title).not.toContain('\uFFFD');
    }
    expect(o.feed.title ?? '').not.toMatch(MARKUP);
    // An item without a link is reported, not kept: its title is then in the report's message.
    if (f.expectTitle) expect([...o.feed.items.map((i) => i.title), o.feed.title ?? '', ...o.feed.problems.map((p) => p.message)].join('\n')).toContain(f.expectTitle);
  });

  it.each(feeds.filter((f) => f.expect === 'bozo').map((f) => [f.id, f] as const))('%s (bozo): recovered with the problem reported, or refused in words', (_id, f) => {
    const o = outcomes.get(f.id)!;
    if (o.refused) return; // checked above: bad-feed or bad-encoding, in words
    const said = [...o.warnings, ...(o.feed?.problems.map((p) => p.message) ?? [])];
    expect(said.length, 'an ill-formed feed read without a word about it').toBeGreaterThan(0);
  });

  it.each(feeds.filter((f) => f.expect === 'no-feed').map((f) => [f.id, f] as const))('%s (no-feed): refused as bad-feed', (_id, f) => {
    expect(outcomes.get(f.id)!.refused?.reason).toBe('bad-feed');
  });
});
