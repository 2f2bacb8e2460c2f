import fs from 'node:fs';
import { JSDOM } from 'jsdom';
import { findCommentLists, scanPage, sortElements } from './page-structure.ts';
const slug = process.argv[2]!;
const p = slug.includes('/') ? slug : `/work/shared/data/pages-zh/${slug}/source.html`;
const doc = new JSDOM(fs.readFileSync(p, 'utf8')).window.document;
const parts = sortElements(doc);
for (const el of parts.invisible) el.remove();
const lists = findCommentLists(doc.body);
for (const l of lists) { console.log('comment list', l.tagName, l.className, (l.textContent ?? '').replace(/\s+/g, '').slice(0, 80)); l.remove(); }
const scan = scanPage(doc, new Set(parts.furniture));
const d = (e?: Element) => e ? `${e.tagName}#${e.id}.${e.className}` : 'none';
console.log('anchor', d(scan.anchor), d(scan.anchor?.parentElement ?? undefined), scan.anchorTexts.join('|').slice(0, 300));
console.log('markers', scan.markers.map((m) => `${m.tagName}:${m.textContent?.trim()}`).join(' ; '));
