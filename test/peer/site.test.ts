// The end of the line for the peer payloads: every payload article ingested (as in
// payloads.test.ts), one `astro build` of them all, and each built article page, the home page and
// the topic pages opened in Chromium with scripts on. Nothing may run: no dialog, no call to
// alert/confirm/prompt/print/open, no script-made navigation, no element or attribute that runs
// script. Nothing from ../shared is copied into the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic, type StaticServer } from '../../pipeline/serve-static.ts';
import { filesUnder, ingest, runChild, tempDir, writeSources } from '../hostile/support.ts';
import { peerPayloads, PEER_PRESENT, PEER_ABSENT_REASON } from './support.ts';
import { feed, page, slug } from './payload-pages.ts';

const payloads = peerPayloads();

/** Runs before any page script: every way the payloads announce themselves is recorded. */
const TRAP = `(() => {
  const calls = [];
  Object.defineProperty(window, '__calls', { value: calls });
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    window[name] = (...args) => { calls.push(name + '(' + args.map(String).join(',').slice(0, 60) + ')'); };
  }
})();`;

describe.skipIf(!PEER_PRESENT)(`peer payloads on the built site, in Chromium${PEER_PRESENT ? '' : `: ${PEER_ABSENT_REASON}`}`, () => {
  let source: FixtureServer;
  let site: StaticServer;
  let browser: Browser;
  let outDir: string;
  let build: Awaited<ReturnType<typeof runChild>>;
  let stored = 0;

  beforeAll(async () => {
    const routes = Object.fromEntries(payloads.map((p, i) => [`/a/${slug(p)}.html`, { body: page(p, i) }]));
    source = await startFixtureServer({ ...routes, '/feed.xml': (_req, res) => { res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }); res.end(feed(payloads, source.origin)); } });
    const dir = tempDir('peer-site');
    const content = path.join(dir, 'content');
    outDir = path.join(dir, 'dist');
    const report = await ingest(content, writeSources(dir, [{ id: 'peer', url: source.url('/feed.xml') }]), { workers: 2, fetchOptions: { totalTimeoutMs: 30_000 } });
    stored = report.totals.new;
    build = await runChild('node_modules/astro/bin/astro.mjs', ['build', '--outDir', outDir], 480_000, { STORYLINE_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1' });
    site = await serveStatic(outDir);
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => { await browser?.close(); await site?.close(); await source?.close(); });

  it('every payload article is stored and the site builds', () => {
    expect(stored).toBe(payloads.length);
    expect(build.timedOut).toBe(false);
    expect(build.code, `astro build failed:\n${build.stdout.slice(-2000)}\n${build.stderr.slice(-2000)}`).toBe(0);
  });

  it('in Chromium, with scripts on, nothing from the payloads runs on any article, topic or home page', async () => {
    const articlePages = filesUnder(path.join(outDir, 'articles'), /^index\.html$/).map((f) => `/${path.relative(outDir, path.dirname(f)).split(path.sep).join('/')}/`);
    expect(articlePages.length).toBeGreaterThanOrEqual(payloads.length);
    const topicPages = filesUnder(path.join(outDir, 'topics'), /^index\.html$/).map((f) => `/${path.relative(outDir, path.dirname(f)).split(path.sep).join('/')}/`);
    const findings: string[] = [];
    const context = await browser.newContext({ javaScriptEnabled: true });
    await context.addInitScript(TRAP);
    // Requests anywhere but the site itself (a payload's src, an import) are refused and noted.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(site.url)) return route.continue();
      findings.push(`request to ${url.slice(0, 80)}`);
      return route.abort();
    });
    const tab = await context.newPage();
    tab.on('dialog', (dialog) => { findings.push(`dialog: ${dialog.message().slice(0, 60)}`); void dialog.dismiss(); });
    for (const route of ['/', ...topicPages, ...articlePages]) {
      const url = new URL(route, site.url).toString();
      await tab.goto(url, { waitUntil: 'load' });
      await tab.waitForTimeout(50); // let timers and load handlers fire
      const state = await tab.evaluate(() => {
        const calls = (window as unknown as { __calls: string[] }).__calls;
        const handlers = Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`));
        const urls = Array.from(document.querySelectorAll('[href], [src], [action], [formaction]')).flatMap((el) => ['href', 'src', 'action', 'formaction'].map((n) => el.getAttribute(n) ?? '')).filter((v) => /^\s*(javascript|vbscript|data):/i.test(v));
        const frames = Array.from(document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv]')).map((el) => el.localName);
        return { calls, handlers, urls, frames, href: location.href };
      });
      for (const c of state.calls) findings.push(`${route}: ${c}`);
      for (const h of state.handlers) findings.push(`${route}: event handler ${h}`);
      for (const u of state.urls) findings.push(`${route}: script URL ${u.slice(0, 60)}`);
      for (const f of state.frames) findings.push(`${route}: <${f}>`);
      if (state.href !== url) findings.push(`${route}: navigated to ${state.href}`);
    }
    await context.close();
    expect(findings).toEqual([]);
  });
});
