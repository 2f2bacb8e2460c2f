// Sanity check for the demo templates: fetches every article from a demo server, runs
// @mozilla/readability on jsdom, and reports articles whose extracted text misses the first
// paragraph or keeps page noise (teasers, comments, related reading, ads).
//   npx node pipeline/demo/check-extraction.ts [--hints] [--threshold N]   (exit 1 on any problem)
// --hints applies the extract.remove selectors of content/config/sources.demo.yaml first;
// --threshold passes Readability a charThreshold other than its default 500.

import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { parse } from 'yaml';
import { startDemoServer, loadDemoCorpus } from './server.ts';
import { AD_SLOGANS, COMMENTS, TEASER_HEADLINES } from './chrome.ts';
import { toHongKongTraditional, type DemoEntry } from './corpus.ts';

const useHints = process.argv.includes('--hints');
const thrArg = process.argv.indexOf('--threshold');
const charThreshold = thrArg > 0 ? Number(process.argv[thrArg + 1]) : undefined;
const squash = (s: string) => s.replace(/\s+/g, '');

function charsetOf(contentType: string | null, bytes: Uint8Array): string {
  const m = /charset=([\w-]+)/i.exec(contentType ?? '');
  if (m) return m[1]!;
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 2048));
  const mm = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head) ?? /encoding=["']([\w-]+)["']/i.exec(head);
  return mm ? mm[1]! : 'utf-8';
}

interface SourceHint { id: string; extract?: { content?: string; remove?: string[] } }
const hints = new Map<string, SourceHint>();
if (useHints) {
  const cfg = parse(readFileSync(new URL('../../content/config/sources.demo.yaml', import.meta.url), 'utf8')) as { sources: SourceHint[] };
  for (const s of cfg.sources) hints.set(s.id, s);
}

export async function checkExtraction(): Promise<string[]> {
  const server = await startDemoServer();
  const problems: string[] = [];
  const vc = new VirtualConsole();
  try {
    const corpus = loadDemoCorpus();
    for (const e of corpus) {
      const url = server.origin + e.path;
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const html = new TextDecoder(charsetOf(res.headers.get('content-type'), bytes)).decode(bytes);
      if (/&#\d+;/.test(html.replace(/<script[\s\S]*?<\/script>/g, ''))) problems.push(`${e.slug}: legacy-charset fallback references in page`);
      const dom = new JSDOM(html, { url, virtualConsole: vc });
      const hint = hints.get(e.outlet);
      for (const sel of hint?.extract?.remove ?? []) dom.window.document.querySelectorAll(sel).forEach((n) => n.remove());
      const art = new Readability(dom.window.document, charThreshold === undefined ? {} : { charThreshold }).parse();
      const text = squash(art?.textContent ?? '');
      const conv = e.lang === 'zh-Hant' ? toHongKongTraditional : (s: string) => s;
      if (!text.includes(squash(e.paragraphs[0]!))) problems.push(`${e.slug}: first paragraph missing`);
      if (!text.includes(squash(e.paragraphs[e.paragraphs.length - 1]!))) problems.push(`${e.slug}: last paragraph missing`);
      for (const t of TEASER_HEADLINES) if (text.includes(squash(conv(t)))) problems.push(`${e.slug}: teaser kept: ${t}`);
      for (const c of COMMENTS) if (text.includes(squash(conv(c.text)))) problems.push(`${e.slug}: comment kept: ${c.text}`);
      for (const a of AD_SLOGANS) if (text.includes(squash(a))) problems.push(`${e.slug}: ad kept: ${a}`);
      if (text.includes('猜你感兴趣') || text.includes('猜你感興趣')) problems.push(`${e.slug}: teaser heading kept`);
      for (const o of corpus) {
        if (o.outlet === e.outlet && o.slug !== e.slug && o.title !== e.title && text.includes(squash(o.title))) {
          problems.push(`${e.slug}: other title kept: ${o.title}`);
        }
      }
      const extra = text.length - squash(e.paragraphs.join('')).length;
      if (extra > 60) problems.push(`${e.slug}: ${extra} extra chars: ${text.replace(squash(e.paragraphs.join('')), '[…]').slice(0, 200)}`);
    }
  } finally {
    await server.close();
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await checkExtraction();
  for (const p of problems) console.log(p);
  console.log(`${loadDemoCorpus().length} articles checked, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}

export type { DemoEntry };
