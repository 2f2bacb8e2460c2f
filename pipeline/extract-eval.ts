// The extraction evaluation: saved pages with a gold body, run through extractArticle and
// through plain Readability on the same decoded text, each scored against the gold. The real
// pages are read from ../shared/data/pages-zh (never copied into the project); the project's
// own fixtures from test/fixtures/pages. Used by `npm run eval:extract` and the real-page test.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { decodeBytes } from './decode.ts';
import { extractArticle, type ExtractHints } from './extract.ts';
import { htmlToParagraphs } from './sanitize.ts';
import { StageError } from './reasons.ts';
import { CHINA_TIME_ZONE } from '../src/lib/time-zone.ts';
import { scorePage, type PageScore } from './extract-score.ts';

export type EvalPage = {
  set: 'real' | 'fixture';
  slug: string;
  url: string;
  bytes: Uint8Array;
  /** The body, one paragraph per line; absent on pages that must fail. */
  gold?: string;
  /** The failure reason a page without an article must end in. */
  expectedError?: string;
  hints?: ExtractHints;
};

/** `ms` is CPU time (user + system) of this process: steadier than wall time on a shared machine. */
export type ExtractionRun = { paragraphs: string[]; error?: string; ms: number };
export function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}
export type PageResult = { page: EvalPage; ours: ExtractionRun; plain: ExtractionRun; oursScore?: PageScore; plainScore?: PageScore };

/** The real pages of the shared set (`<slug>/source.html`, `meta.json`, optional `expected.txt`), or undefined when the set is absent. */
export function loadRealPages(dir: string): EvalPage[] | undefined {
  if (!fs.existsSync(dir)) return undefined;
  return fs.readdirSync(dir).sort().filter((slug) => fs.existsSync(path.join(dir, slug, 'source.html'))).map((slug) => {
    const folder = path.join(dir, slug);
    const meta = readJson(path.join(folder, 'meta.json')) as { url?: string | null };
    const goldFile = path.join(folder, 'expected.txt');
    return {
      set: 'real' as const, slug, url: meta.url || `http://localhost/${slug}.html`,
      bytes: fs.readFileSync(path.join(folder, 'source.html')),
      gold: fs.existsSync(goldFile) ? fs.readFileSync(goldFile, 'utf8') : undefined,
    };
  });
}

/** The project's fixtures (`test/fixtures/pages/<slug>/`): expected.json, and expected.txt where a gold body was written. */
export function loadFixturePages(dir: string): EvalPage[] {
  return fs.readdirSync(dir).sort().filter((slug) => fs.existsSync(path.join(dir, slug, 'expected.json'))).map((slug) => {
    const folder = path.join(dir, slug);
    const expected = readJson(path.join(folder, 'expected.json')) as { url?: string; error?: string; hints?: ExtractHints };
    const goldFile = path.join(folder, 'expected.txt');
    return {
      set: 'fixture' as const, slug, url: expected.url ?? `http://fixture.test/${slug}.html`,
      bytes: fs.readFileSync(path.join(folder, 'source.html')),
      gold: fs.existsSync(goldFile) ? fs.readFileSync(goldFile, 'utf8') : undefined,
      expectedError: expected.error, hints: expected.hints,
    };
  });
}

function readJson(file: string): unknown {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { throw new Error(`${file}: ${(e as Error).message}`); }
}

/** Our extraction stage, timed from decoded text to paragraphs. */
export function runOurs(html: string, page: EvalPage): ExtractionRun {
  const start = process.cpuUsage();
  try {
    const paragraphs = extractArticle(html, page.url, CHINA_TIME_ZONE, page.hints).paragraphs;
    return { paragraphs, ms: cpuMs(start) };
  } catch (e) {
    return { paragraphs: [], error: e instanceof StageError ? `${e.reason}: ${e.message}` : (e as Error).message, ms: cpuMs(start) };
  }
}

const silentConsole = new VirtualConsole();
/** The floor: Readability with its defaults on its own jsdom, no pruning before or filtering after, read as paragraphs. */
export function runPlainReadability(html: string, url: string): ExtractionRun {
  const start = process.cpuUsage();
  const dom = new JSDOM(html, { url, virtualConsole: silentConsole });
  try {
    const parsed = new Readability(dom.window.document).parse();
    const paragraphs = parsed?.content ? htmlToParagraphs(parsed.content) : [];
    return { paragraphs, error: paragraphs.length ? undefined : 'Readability found nothing', ms: cpuMs(start) };
  } finally {
    dom.window.close();
  }
}

export function evaluatePage(page: EvalPage, withPlain = true): PageResult {
  const html = decodeBytes(page.bytes).text;
  const ours = runOurs(html, page);
  const plain = withPlain ? runPlainReadability(html, page.url) : { paragraphs: [], ms: 0 };
  const score = (run: ExtractionRun) => (page.gold === undefined ? undefined : scorePage(page.gold, run.paragraphs.join('\n')));
  return { page, ours, plain, oursScore: score(ours), plainScore: withPlain ? score(plain) : undefined };
}
