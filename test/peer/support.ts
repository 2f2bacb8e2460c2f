// The peers' own test data (../shared/data/peer: XSS payloads from a sanitizer's fixtures and a
// cheat sheet, feeds from three feed parsers' suites), read where it lies and never copied into
// the project. Without ../shared the peer suites say so and skip; the rest of the tests run.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../hostile/support-paths.ts';

export const PEER_DIR = path.resolve(PROJECT_ROOT, '../shared/data/peer');
export const PEER_PRESENT = fs.existsSync(path.join(PEER_DIR, 'payloads.json')) && fs.existsSync(path.join(PEER_DIR, 'feeds.json'));
export const PEER_ABSENT_REASON = `peer data not found at ${PEER_DIR} (../shared is not checked out): the peer suites are skipped`;
if (!PEER_PRESENT) console.warn(PEER_ABSENT_REASON);

export type PeerPayload = { id: string; repo: string; commit: string; path: string; where: string; payload: string };
export type PeerFeed = {
  id: string; repo: string; commit: string; path: string; kind: 'rss' | 'atom'; contentType: string; contentLocation?: string;
  description: string; peerExpect: string; expect: 'parse' | 'lenient' | 'bozo' | 'no-crash' | 'no-feed'; items: number; links: string[]; expectTitle?: string;
};

export function peerPayloads(): PeerPayload[] {
  return PEER_PRESENT ? JSON.parse(fs.readFileSync(path.join(PEER_DIR, 'payloads.json'), 'utf8')) as PeerPayload[] : [];
}
export function peerFeeds(): PeerFeed[] {
  return PEER_PRESENT ? JSON.parse(fs.readFileSync(path.join(PEER_DIR, 'feeds.json'), 'utf8')) as PeerFeed[] : [];
}
export function peerFeedBytes(id: string): Buffer {
  return fs.readFileSync(path.join(PEER_DIR, 'feeds', `${id}.xml`));
}
