import fs from 'node:fs';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { findCommentLists, scanPage, removeCaptions, sortElements } from './page-structure.ts';
const slugs = fs.readdirSync('/work/shared/data/pages-zh').filter((s) => fs.existsSync(`/work/shared/data/pages-zh/${s}/source.html`));
const parser = new (new JSDOM('').window.DOMParser)();
const t: Record<string, number> = {};
const time = (k: string, f: () => unknown) => { const s = process.cpuUsage(); const r = f(); const e = process.cpuUsage(s); t[k] = (t[k] ?? 0) + (e.user + e.system) / 1000; return r; };
const OLD = ['script', 'style', 'noscript', 'iframe', 'form', 'nav', 'footer', 'template', 'object', 'embed', '.ad', '.ads', '.advert', '.advertisement', '[class^="ad-"]', '[class*=" ad-"]', '[id^="ad-"]', '.share', '.social-share', '.breadcrumb'].join(', ');
for (let round = 0; round < 3; round++) for (const slug of slugs) {
  const html = fs.readFileSync(`/work/shared/data/pages-zh/${slug}/source.html`, 'utf8');
  const doc = time('parse', () => parser.parseFromString(html, 'text/html')) as Document;
  time('oldjunkquery', () => Array.from(doc.querySelectorAll(OLD)));
  const parts = time('sort', () => sortElements(doc)) as ReturnType<typeof sortElements>;
  time('invisible', () => { for (const el of parts.invisible) el.remove(); });
  time('comments', () => findCommentLists(doc.body));
  const scan = time('scan', () => scanPage(doc, new Set(parts.furniture))) as ReturnType<typeof scanPage>;
  time('junk', () => { for (const el of [...parts.furniture, ...parts.forms]) if (!scan.anchor || !el.contains(scan.anchor)) el.remove(); });
  time('captions', () => removeCaptions(doc));
  time('readability', () => new Readability(doc, { charThreshold: 100 }).parse());
}
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])));
