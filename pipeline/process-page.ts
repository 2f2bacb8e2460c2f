// The CPU-bound part of one article: bytes → text → article → analysis. Extraction runs inside a
// worker thread (pipeline/page-worker.ts) so both cores extract while the main thread fetches.
// It is split in two so that a page worker can return the extracted page (extractPage) and leave
// the analysis to the caller (analyzePage): the segmenter's dictionaries weigh ~250 MB of native
// memory per thread that loads them, so one copy in the process is enough (docs/performance.md).
import { createHash } from 'node:crypto';
import { decodeBytes } from './decode.ts';
import { extractArticle, type ExtractHints, type Extracted } from './extract.ts';
import { analyzeArticle, type Analysis, type AnalysisConfig } from './analyze.ts';
import { failureOf, type Failure } from './reasons.ts';
import { droppedTextWarning } from './open-containers.ts';

/** `timeZone`: the story's zone, in which the page's dates without a zone are read; `published`: the feed item's date, which the analysis prefers to the page's. */
export type PageTask = { url: string; bytes: Uint8Array; contentType?: string; charset?: string; hints?: ExtractHints; timeZone: string; published?: string };
export type PageResult =
  | { ok: true; extracted: Extracted; analysis: Analysis; contentHash: string; charset: string; warnings: string[] }
  | ({ ok: false } & Failure);
/** A page extracted but not yet analysed (what an extraction-only worker sends back). */
export type ExtractedPage =
  | { ok: true; extracted: Extracted; analysis?: undefined; contentHash: string; charset: string; warnings: string[] }
  | ({ ok: false } & Failure);

export function processPage(task: PageTask, config: AnalysisConfig): PageResult {
  const page = extractPage(task);
  return page.ok ? analyzePage(page, config, task.url, task.published) : page;
}

/** Bytes → decoded text → article. No segmenter needed. */
export function extractPage(task: PageTask): ExtractedPage {
  try {
    const decoded = decodeBytes(task.bytes, task.contentType, task.charset);
    const extracted = extractArticle(decoded.text, task.url, task.timeZone, task.hints);
    const lost = droppedTextWarning(decoded.text);
    return { ok: true, extracted, contentHash: hashText(`${extracted.title}\n${extracted.text}`), charset: decoded.charset, warnings: lost ? [...decoded.warnings, lost] : decoded.warnings };
  } catch (e) {
    return failure(e, task.url);
  }
}

/** The analysis of an extracted page (needs loadSegmenter in this thread). */
export function analyzePage(page: ExtractedPage & { ok: true }, config: AnalysisConfig, url: string, published?: string): PageResult {
  try {
    // The date the article is stored under (record.ts): the feed's, else the page's.
    const date = published ?? page.extracted.published;
    const analysis = analyzeArticle({ title: page.extracted.title, text: page.extracted.text, ...(date ? { date } : {}) }, config);
    return { ...page, analysis };
  } catch (e) {
    return failure(e, url);
  }
}

/** A StageError keeps its reason; anything else is a fault of ours: `internal`, with the stack. */
function failure(e: unknown, url: string): { ok: false } & Failure {
  const f = failureOf(e);
  return { ok: false, ...f, ...(f.reason === 'internal' ? { message: `${f.message} (on ${url})` } : {}) };
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
