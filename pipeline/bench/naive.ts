// The baseline: what a newcomer writes. One loop, one page at a time: fetch the feed, rss-parser
// parseString (or the list page's links), fetch each page, new JSDOM, Readability, a trivial
// "is it about the story" test, one Markdown file per article. No workers, no analysis, no
// conditional requests, no dedupe, no sanitizer.
//
// The only concessions, so that it stores the same articles as Storyline: it decodes each page
// in its declared charset (GBK and Big5 outlets would otherwise be stored as mojibake), and it
// keeps an article when its title or lead names the story's subject (Readability's text can run
// on into a related-reading list that names it, so only the first 300 characters are looked at).
//
// node pipeline/bench/naive.ts --sources sources.json --out DIR
// Prints one JSON line: { stored, skipped, failed, pages, bytes, ms, maxRssKb, cpuMs }.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Parser from 'rss-parser';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';

type Source = { id: string; kind: 'rss' | 'atom' | 'page-list' | 'page'; url: string; selector?: string };

const { values } = parseArgs({ options: { sources: { type: 'string' }, out: { type: 'string' } } });
const sources = JSON.parse(fs.readFileSync(values.sources!, 'utf8')) as Source[];
const outDir = values.out!;
fs.mkdirSync(outDir, { recursive: true });

const SUBJECT = /小米SU7|小米汽车|小米汽車|SU7|YU7|雷军|雷軍/;
const parser = new Parser();

function decode(bytes: ArrayBuffer, contentType: string | null): string {
  const head = Buffer.from(bytes.slice(0, 2048)).toString('latin1');
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? /encoding=["']([\w-]+)/.exec(head)?.[1] ?? 'utf-8';
  return new TextDecoder(charset).decode(bytes);
}

async function get(url: string): Promise<{ text: string; bytes: number }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${url}`);
  const body = await res.arrayBuffer();
  return { text: decode(body, res.headers.get('content-type')), bytes: body.byteLength };
}

const started = performance.now();
const cpu0 = process.cpuUsage();
let stored = 0, skipped = 0, failed = 0, pages = 0, bytes = 0;
const storedUrls: string[] = [];

for (const source of sources) {
  const feed = await get(source.url);
  bytes += feed.bytes;
  let links: string[];
  if (source.kind === 'page-list') {
    const dom = new JSDOM(feed.text, { url: source.url });
    links = [...dom.window.document.querySelectorAll(source.selector ?? 'a')].map((a) => new URL(a.getAttribute('href')!, source.url).toString());
  } else {
    const parsed = await parser.parseString(feed.text);
    links = parsed.items.map((item) => item.link!).filter(Boolean);
  }
  for (const link of links) {
    try {
      const page = await get(link);
      pages++;
      bytes += page.bytes;
      const dom = new JSDOM(page.text, { url: link });
      const article = new Readability(dom.window.document).parse();
      if (!article?.textContent || !SUBJECT.test(`${article.title}\n${article.textContent.trim().slice(0, 300)}`)) { skipped++; continue; }
      const slug = path.basename(new URL(link).pathname, '.html');
      const body = article.textContent.split(/\n\s*\n|\s{2,}/).map((p) => p.trim()).filter(Boolean).join('\n\n');
      fs.writeFileSync(path.join(outDir, `${source.id}-${slug}.md`),
        `---\ntitle: ${JSON.stringify(article.title)}\nurl: ${link}\npublished: ${JSON.stringify(article.publishedTime ?? '')}\nbyline: ${JSON.stringify(article.byline ?? '')}\n---\n\n${body}\n`);
      stored++;
      storedUrls.push(link);
    } catch (e) {
      failed++;
      process.stderr.write(`naive: ${link}: ${(e as Error).message}\n`);
    }
  }
}

fs.writeFileSync(path.join(outDir, '.stored.json'), JSON.stringify(storedUrls));
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ stored, skipped, failed, pages, bytes, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS }) + '\n', () => process.exit(0));
