import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyCounts, formatSummary, tally, writeRunReport, type RunReport } from '../../pipeline/report.ts';

const report = (over: Partial<RunReport>): RunReport => tally({
  startedAt: '2026-11-25T10:00:00Z', sourcesFile: 'sources.yaml', interrupted: false, totals: emptyCounts(),
  sources: [{ id: 'cheping', name: '车评日报', url: 'http://x/feed', status: 'ok', counts: emptyCounts(), problems: [], items: [
    { url: 'http://x/1', outcome: 'new', title: '小米SU7锁单' },
    { url: 'http://x/2', outcome: 'rejected', reason: 'off-topic', detail: 'other-brand: 问界', title: '问界M7' },
  ] }],
  corrections: [], dedupe: { reprints: 0, nearDuplicates: 0, relinked: 0 }, durationMs: 1500, ...over,
});

describe('run summary', () => {
  it('counts per source and lists each rejection with its reason', () => {
    const text = formatSummary(report({}));
    expect(text).toContain('1 new');
    expect(text).toMatch(/– cheping: off-topic \(other-brand: 问界\): 问界M7/);
  });

  it('says where the time went, and that an unchanged collection was not regrouped', () => {
    const text = formatSummary(report({
      dedupe: { reprints: 2, nearDuplicates: 1, relinked: 0, skipped: true },
      phases: [{ name: 'fetch-and-store', ms: 1200, rssMb: 300 }, { name: 'reprints', ms: 3, rssMb: 310 }, { name: 'save-state', ms: 40, rssMb: 305 }],
    }));
    expect(text).toContain('time: fetch-and-store 1.2 s, reprints 0.0 s (unchanged, skipped), save-state 0.0 s; memory 310 MB at most between phases');
  });

  it('the headline and the table agree: each headline count is its column\'s sum, a failed feed is said apart', () => {
    const text = formatSummary(report({
      sources: [
        { id: 'cheping', name: '车评日报', url: 'http://x/feed', status: 'ok', counts: emptyCounts(), problems: [], items: [
          { url: 'http://x/1', outcome: 'new' },
          { url: 'http://x/2', outcome: 'failed', reason: 'timeout', message: 'no answer in 20 s' },
        ] },
        { id: 'nanfang', name: '南方车闻', url: 'http://y/feed', status: 'failed', reason: 'http-status', message: 'HTTP 503', counts: emptyCounts(), problems: [], items: [] },
      ],
    }));
    const [headline, header, ...rest] = text.split('\n');
    const columns = header!.trim().split(/\s+/);
    const rows = rest.filter((l) => /^  (cheping|nanfang) /.test(l)).map((l) => l.trim().split(/\s+/));
    expect(rows).toHaveLength(2);
    for (const column of ['new', 'updated', 'unchanged', 'rejected', 'failed']) {
      const sum = rows.reduce((n, r) => n + Number(r[columns.indexOf(column)]), 0);
      expect(headline, column).toContain(`${sum} ${column}`);
    }
    expect(headline).toContain('1 failed');
    expect(headline).toContain('1 source could not be read');
    expect(rows[1]!.slice(columns.indexOf('failed'))).toEqual(['0', 'failed', '(http-status:', 'HTTP', '503)']);
  });
});

describe('run reports', () => {
  it('two runs started within one second (a short --watch interval) keep a report each, in the order they ran', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-runs-'));
    try {
      const first = writeRunReport(dir, report({ startedAt: '2026-11-25T10:00:00.120Z' }));
      const second = writeRunReport(dir, report({ startedAt: '2026-11-25T10:00:00.870Z' }));
      expect(first).not.toBe(second);
      const files = fs.readdirSync(dir).sort();
      expect(files).toHaveLength(2);
      expect(JSON.parse(fs.readFileSync(path.join(dir, files[1]!), 'utf8')).startedAt).toBe('2026-11-25T10:00:00.870Z');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
