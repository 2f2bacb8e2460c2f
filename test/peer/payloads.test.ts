// The peers' XSS payloads (../shared/data/peer/payloads.json), each inside an on-topic article
// page and its feed item: in the title, the byline, the description, content:encoded, link
// attributes, the canonical link and the body. One real ingest of them all against a server on
// 127.0.0.1, then every stored field is checked: no markup-shaped text anywhere, a canonical URL
// that is clean http(s), and every story paragraph that Chromium shows on the source page stored
// (or the item reported). Nothing from ../shared is copied into the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { parseArticleFile } from '../../pipeline/store.ts';
import type { RunReport, ItemReport } from '../../pipeline/report.ts';
import { filesUnder, ingest, items, tempDir, writeSources } from '../hostile/support.ts';
import { peerPayloads, PEER_PRESENT, PEER_ABSENT_REASON, type PeerPayload } from './support.ts';
import { feed, page, paragraphsOf, slug } from './payload-pages.ts';

const payloads = peerPayloads();
/** Text that a later consumer could read as markup: a tag, comment, doctype or processing
 *  instruction, raw or entity-escaped (decoding it once would make a tag). */
const MARKUP_SHAPED = [/<[A-Za-z!?/]/, /&(?:lt|#0*60|#x0*3c);?\s*[A-Za-z!?/]/i];
function markupIn(text: string): string | undefined {
  for (const re of MARKUP_SHAPED) { const m = re.exec(text); if (m) return text.slice(Math.max(0, m.index - 20), m.index + 40); }
  return undefined;
}
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

describe.skipIf(!PEER_PRESENT)(`peer XSS payloads (${payloads.length}) in articles and feed items${PEER_PRESENT ? '' : `: ${PEER_ABSENT_REASON}`}`, () => {
  let server: FixtureServer;
  let report: RunReport;
  let stored: Map<string, ReturnType<typeof parseArticleFile>>;
  /** Per payload: the story paragraphs Chromium shows on the source page. */
  const shown = new Map<string, string[]>();

  beforeAll(async () => {
    const routes: Record<string, { body: string; headers?: Record<string, string> }> = {};
    payloads.forEach((p, i) => { routes[`/a/${slug(p)}.html`] = { body: page(p, i) }; });
    server = await startFixtureServer({ ...routes, '/feed.xml': (_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }); res.end(feed(payloads, server.origin)); } });
    // What a reader sees on each source page: its text in Chromium. Scripts are off so that no
    // payload runs and rewrites the page; <noscript> is removed, since a reader with scripts on
    // (and the extractor) never sees its content.
    const browser: Browser = await launchChromium();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const tab = await context.newPage();
      // A payload can navigate away without script (<meta http-equiv="refresh">), which would
      // take the page being read with it. Only the page itself loads, once; any other navigation
      // gets a 204, on which a browser stays where it is, so the text read is the page's.
      let allowed = '';
      await context.route('**/*', (route) => {
        const request = route.request();
        if (!request.isNavigationRequest()) return route.continue();
        if (request.frame() === tab.mainFrame() && request.url() === allowed) { allowed = ''; return route.continue(); }
        return route.fulfill({ status: 204 });
      });
      for (const [i, p] of payloads.entries()) {
        allowed = server.url(`/a/${slug(p)}.html`);
        await tab.goto(allowed);
        const text = await tab.evaluate(() => { for (const el of Array.from(document.querySelectorAll('noscript'))) el.remove(); return document.body?.innerText ?? ''; });
        shown.set(p.id, paragraphsOf(i).filter((para) => text.includes(para)));
      }
    } finally { await browser.close(); }
    const dir = tempDir('peer-payloads');
    report = await ingest(`${dir}/content`, writeSources(dir, [{ id: 'peer', url: server.url('/feed.xml') }]), { workers: 2, fetchOptions: { totalTimeoutMs: 30_000 } });
    stored = new Map(filesUnder(`${dir}/content/articles`, /\.md$/).map((file) => {
      const parsed = parseArticleFile(fs.readFileSync(file, 'utf8'), file);
      return [parsed.article.url, parsed];
    }));
  });
  afterAll(async () => { await server?.close(); });

  const itemOf = (p: PeerPayload): ItemReport => {
    const hit = items(report).find((i) => i.url.endsWith(`/a/${slug(p)}.html`));
    if (!hit) throw new Error(`${p.id}: no item in the run report (feed problems: ${report.sources[0]?.problems.map((x) => x.message).join('; ')})`);
    return hit;
  };

  it('the feed is read whole: one item per payload', () => {
    expect(report.sources[0]).toMatchObject({ status: 'ok' });
    expect(items(report)).toHaveLength(payloads.length);
  });

  it.each(payloads.map((p) => [p.id, p] as const))('%s: stored, or failed with a reason in words', (_id, p) => {
    const item = itemOf(p);
    if (item.outcome !== 'new') {
      expect(item.outcome).toBe('failed');
      expect(item.reason).not.toBe('internal');
      expect(item.message).toBeTruthy();
    }
  });

  it.each(payloads.map((p) => [p.id, p] as const))('%s: no stored field, body or report title holds markup-shaped text', (_id, p) => {
    const item = itemOf(p);
    expect(markupIn(item.title ?? ''), 'report title').toBeUndefined();
    const file = stored.get(itemOf(p).url);
    if (!file) return;
    for (const [field, text] of strings(file.article)) expect(markupIn(text), field).toBeUndefined();
    for (const para of file.paragraphs) expect(markupIn(para), 'body').toBeUndefined();
  });

  it.each(payloads.map((p) => [p.id, p] as const))('%s: the canonical URL is a clean http(s) URL', (_id, p) => {
    const file = stored.get(itemOf(p).url);
    if (!file) return;
    const canonical = file.article.canonicalUrl;
    expect(canonical).toMatch(/^https?:\/\/[^\s]+$/);
    const decoded = canonical.replace(/(?:%[0-9a-f]{2})+/gi, (run) => { try { return decodeURIComponent(run); } catch { return run; } });
    expect(decoded).not.toMatch(/[\s\u2028\u2029<>"]|javascript:|data:|vbscript:/i);
  });

  it.each(payloads.map((p) => [p.id, p] as const))('%s: every story paragraph Chromium shows is stored, or the item says why', (_id, p) => {
    const item = itemOf(p);
    const file = stored.get(item.url);
    const body = file?.paragraphs.join('\n') ?? '';
    const missing = (shown.get(p.id) ?? []).filter((para) => !body.includes(para));
    if (missing.length) {
      const said = [...(item.warnings ?? []), item.message ?? ''].join('\n');
      expect(said, `not stored and not reported: ${missing.join(' | ')}`).toMatch(/\S/);
      if (file) expect(file.article.messages.map((m) => m.reason)).toContain('text-lost');
    }
  });
});
