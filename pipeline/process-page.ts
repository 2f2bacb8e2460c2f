// The CPU-bound part of one article: bytes → text → article → analysis. Runs inside a
// worker thread (pipeline/page-worker.ts) so both cores extract while the main thread fetches.
import { createHash } from 'node:crypto';
import { decodeBytes } from './decode.ts';
import { extractArticle, type ExtractHints, type Extracted } from './extract.ts';
import { analyzeArticle, type Analysis, type AnalysisConfig } from './analyze.ts';
import { StageError, reasonOf, type FailureReason } from './reasons.ts';

export type PageTask = { url: string; bytes: Uint8Array; contentType?: string; charset?: string; hints?: ExtractHints };
export type PageResult =
  | { ok: true; extracted: Extracted; analysis: Analysis; contentHash: string; charset: string; warnings: string[] }
  | { ok: false; reason: FailureReason; message: string };

export function processPage(task: PageTask, config: AnalysisConfig): PageResult {
  try {
    const decoded = decodeBytes(task.bytes, task.contentType, task.charset);
    const extracted = extractArticle(decoded.text, task.url, task.hints);
    const analysis = analyzeArticle({ title: extracted.title, text: extracted.text }, config);
    return { ok: true, extracted, analysis, contentHash: hashText(`${extracted.title}\n${extracted.text}`), charset: decoded.charset, warnings: decoded.warnings };
  } catch (e) {
    if (!(e instanceof StageError)) return { ok: false, reason: 'no-article', message: `extraction crashed on ${task.url}: ${(e as Error).message}` };
    return { ok: false, reason: reasonOf(e), message: e.message };
  }
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
