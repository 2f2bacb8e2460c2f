// The segmenter loads (about a second of synchronous work) before the ingest makes its first
// request: loaded while requests were in flight, it stalled their timers and pages on loopback
// that answered at once failed as `timeout`. Its own file, so that no earlier test has loaded it.
import { expect, it } from 'vitest';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { segmenterLoaded } from '../../pipeline/segment.ts';
import { articlePage, ingest, itemFor, rssFeed, RSS_HEADERS, tempDir, writeSources } from './support.ts';

it('the segmenter is loaded before the first request of a run is made', async () => {
  expect(segmenterLoaded()).toBe(false);
  const seen: boolean[] = [];
  const server = await startFixtureServer({
    '/feed.xml': (_req, res) => { seen.push(segmenterLoaded()); res.writeHead(200, RSS_HEADERS); res.end(rssFeed([{ title: 'a', link: '/a.html' }])); },
    '/a.html': (_req, res) => { seen.push(segmenterLoaded()); res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(articlePage({ title: '小米SU7锁单定金不退引发投诉', tag: 'seg' })); },
  });
  try {
    const dir = tempDir('segmenter-first');
    const report = await ingest(`${dir}/content`, writeSources(dir, [{ id: 'seg', url: server.url('/feed.xml') }]));
    expect(itemFor(report, '/a.html').outcome).toBe('new');
    expect(seen).toEqual([true, true]);
  } finally { await server.close(); }
});
