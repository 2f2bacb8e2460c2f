// What a run did, per source: counts and, for every failure and rejection, its reason from
// the closed set. Written to content/runs/<timestamp>.json and summarised for the editor.
import path from 'node:path';
import type { FailureReason, RejectionReason } from './reasons.ts';
import { writeFileAtomic } from './store.ts';

export type ItemOutcome = 'new' | 'updated' | 'unchanged' | 'rejected' | 'failed';
export type ItemReport = {
  url: string;
  title?: string;
  articleId?: string;
  outcome: ItemOutcome;
  reason?: FailureReason | RejectionReason;
  /** For off-topic rejections: the classifier's own reason ("other-brand: 问界、蔚来"). */
  detail?: string;
  message?: string;
  /** For `internal` failures: where in our code it happened. */
  stack?: string;
  warnings?: string[];
};
export type Counts = Record<ItemOutcome, number> & { fetched: number };
export type SourceReport = {
  id: string;
  name: string;
  url: string;
  status: 'ok' | 'not-modified' | 'failed';
  reason?: FailureReason;
  message?: string;
  stack?: string;
  counts: Counts;
  problems: { reason: FailureReason; message: string }[];
  items: ItemReport[];
};
export type CorrectionReport = { article: string; applied: boolean; fields: string[]; note: string; message?: string };
export type RunReport = {
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  sourcesFile: string;
  interrupted: boolean;
  /** The analysis rules changed since pages were analysed, so those pages were re-processed. */
  rulesChanged?: boolean;
  totals: Counts;
  sources: SourceReport[];
  corrections: CorrectionReport[];
  /** `skipped`: no stored article, date, fingerprint or editor link changed, so the groups could not either. */
  dedupe: { reprints: number; nearDuplicates: number; relinked: number; skipped?: boolean };
  /** Where the run's time went (ms) and the process's RSS (MB) after each phase: for the editor and the bench. */
  phases?: { name: string; ms: number; rssMb: number }[];
};

export function emptyCounts(): Counts {
  return { fetched: 0, new: 0, updated: 0, unchanged: 0, rejected: 0, failed: 0 };
}

export function tally(report: RunReport): RunReport {
  const totals = emptyCounts();
  for (const source of report.sources) {
    const counts = emptyCounts();
    counts.fetched = source.counts.fetched;
    for (const item of source.items) counts[item.outcome]++;
    source.counts = counts;
    // Totals are the sums of the rows, so the summary line and the table agree; a source whose
    // feed failed has no items and is counted apart (failedSources), not as a page.
    for (const key of Object.keys(totals) as (keyof Counts)[]) totals[key] += counts[key];
  }
  return { ...report, totals };
}

/** Sources whose feed or page could not be fetched or read at all (their row says why). */
export function failedSourceCount(report: RunReport): number {
  return report.sources.filter((s) => s.status === 'failed').length;
}

export function writeRunReport(runsDir: string, report: RunReport): string {
  // To the millisecond: `--watch` may start two runs within one second, and the second report must not replace the first.
  const stamp = report.startedAt.replace(/[:]/g, '').replace(/\+.*$/, '');
  const file = path.join(runsDir, `${stamp}-${process.pid}.json`);
  writeFileAtomic(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}

/** The editor's summary: one line per source, then each failure and rejection with its reason. */
export function formatSummary(report: RunReport): string {
  const lines: string[] = [];
  const t = report.totals;
  const failedSources = failedSourceCount(report);
  lines.push(`Storyline ingest ${report.interrupted ? '(interrupted) ' : ''}${((report.durationMs ?? 0) / 1000).toFixed(1)} s: ${t.new} new, ${t.updated} updated, ${t.unchanged} unchanged, ${t.rejected} rejected, ${t.failed} failed (${t.fetched} pages fetched)${failedSources ? `; ${failedSources} source${failedSources > 1 ? 's' : ''} could not be read (status below)` : ''}`);
  if (report.rulesChanged) lines.push('  The analysis rules changed (topics.yaml, figures.yaml, story.yaml or userdict.utf8): every page analysed with the old rules was analysed again.');
  const width = Math.max(6, ...report.sources.map((s) => s.id.length));
  lines.push(`  ${'source'.padEnd(width)}  fetched  new  updated  unchanged  rejected  failed  status`);
  for (const s of report.sources) {
    const c = s.counts;
    lines.push(`  ${s.id.padEnd(width)}  ${String(c.fetched).padStart(7)}  ${String(c.new).padStart(3)}  ${String(c.updated).padStart(7)}  ${String(c.unchanged).padStart(9)}  ${String(c.rejected).padStart(8)}  ${String(c.failed).padStart(6)}  ${s.status}${s.reason ? ` (${s.reason}: ${s.message})` : ''}`);
  }
  const notable = report.sources.flatMap((s) => [
    ...s.problems.map((p) => `  ! ${s.id}: ${p.reason}: ${p.message}`),
    ...s.items.filter((i) => i.outcome === 'failed' || i.outcome === 'rejected')
      .map((i) => `  ${i.outcome === 'failed' ? '✗' : '–'} ${s.id}: ${i.reason}${i.detail ? ` (${i.detail})` : ''}: ${i.title ?? i.url}${i.message && i.outcome === 'failed' ? ` — ${i.message}` : ''}`),
  ]);
  if (notable.length) lines.push('', ...notable.slice(0, 60), ...(notable.length > 60 ? [`  … and ${notable.length - 60} more in the run report`] : []));
  for (const c of report.corrections) lines.push(`  ✎ correction ${c.article}: ${c.applied ? `applied (${c.fields.join(', ')})` : `not applied: ${c.message}`}`);
  if (report.dedupe.relinked) lines.push(`  ↻ reprint links updated on ${report.dedupe.relinked} stored article(s)`);
  if (report.phases?.length) {
    const phase = (p: NonNullable<RunReport['phases']>[number]) => `${p.name} ${(p.ms / 1000).toFixed(1)} s${p.name === 'reprints' && report.dedupe.skipped ? ' (unchanged, skipped)' : ''}`;
    lines.push(`  time: ${report.phases.map(phase).join(', ')}; memory ${Math.max(...report.phases.map((p) => p.rssMb))} MB at most between phases`);
  }
  return lines.join('\n');
}
