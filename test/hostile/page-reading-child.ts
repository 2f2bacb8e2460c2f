// Child process for time-limited page reading: node test/hostile/page-reading-child.ts <htmlFile>
// Runs what extraction reads before Readability (pipeline/page-structure.ts) and prints {ms} as JSON.
import fs from 'node:fs';
import { JSDOM } from 'jsdom';
import { sortElements, findCommentLists, scanPage, removeCaptions } from '../../pipeline/page-structure.ts';

const doc = new JSDOM(fs.readFileSync(process.argv[2]!, 'utf8')).window.document;
const started = Date.now();
const parts = sortElements(doc);
for (const el of parts.invisible) el.remove();
for (const list of findCommentLists(doc.body)) list.remove();
const scan = scanPage(doc, new Set(parts.furniture));
removeCaptions(doc);
process.stdout.write(JSON.stringify({ ms: Date.now() - started, anchor: scan.anchor?.tagName ?? null }) + '\n');
