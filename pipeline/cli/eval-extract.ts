// npm run eval:extract [-- --json] [--save DIR] [--repeat N] [--no-plain]
// Scores the extraction stage on the real pages of ../shared/data/pages-zh (those with a gold
// body) and on the project's fixtures, side by side with plain Readability on the same decoded
// text. --save writes every prediction as DIR/<slug>.txt (the shared scorer's input);
// --repeat N times our extraction N times per page (the last column) for a steadier figure.
import fs from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from './command-line.ts';
import { loadRealPages, loadFixturePages, evaluatePage, runOurs, cpuMs, type PageResult } from '../extract-eval.ts';
import { decodeBytes } from '../decode.ts';
import { summarize, median, type PageScore, type ScoreSummary } from '../extract-score.ts';
import { PROJECT_ROOT } from './paths.ts';

const { values } = parseCommandLine('eval:extract', 'npm run eval:extract [-- --json] [--save DIR] [--repeat N] [--no-plain] [--shared DIR]', { options: {
  json: { type: 'boolean', default: false },
  save: { type: 'string' },
  repeat: { type: 'string', default: '1' },
  'no-plain': { type: 'boolean', default: false },
  shared: { type: 'string', default: path.resolve(PROJECT_ROOT, '../shared/data/pages-zh') },
} });
const repeat = Math.max(1, Number(values.repeat) || 1);
const out = (s = '') => process.stdout.write(s + '\n');

const real = loadRealPages(values.shared!);
if (!real) process.stderr.write(`eval:extract: ${values.shared} is absent: the real-page evaluation is skipped, only the fixtures are scored\n`);
const pages = [...(real ?? []), ...loadFixturePages(path.join(PROJECT_ROOT, 'test/fixtures/pages'))];

const results: (PageResult & { msPerRun: number })[] = pages.map((page) => {
  const result = evaluatePage(page, !values['no-plain']);
  let msPerRun = result.ours.ms;
  if (repeat > 1) {
    const html = decodeBytes(page.bytes).text;
    const start = process.cpuUsage();
    for (let i = 0; i < repeat; i++) runOurs(html, page);
    msPerRun = cpuMs(start) / repeat;
  }
  return { ...result, msPerRun };
});
if (values.save) {
  fs.mkdirSync(values.save, { recursive: true });
  for (const r of results) fs.writeFileSync(path.join(values.save, `${r.page.slug}.txt`), r.ours.paragraphs.join('\n') + '\n');
}

const f = (x: number | undefined) => (x === undefined ? '     -' : x.toFixed(3).padStart(6));
const scoreCells = (s: PageScore | undefined) => `${f(s?.precision)} ${f(s?.recall)} ${f(s?.f1)} ${f(s?.paraRecall)}`;
const groups: [string, typeof results][] = [
  ['real pages with gold (../shared/data/pages-zh)', results.filter((r) => r.page.set === 'real' && r.page.gold !== undefined)],
  ['real pages without gold (characters kept, or the failure)', results.filter((r) => r.page.set === 'real' && r.page.gold === undefined)],
  ['fixtures (test/fixtures/pages)', results.filter((r) => r.page.set === 'fixture')],
];
const summaries: Record<string, { ours: ScoreSummary; plain?: ScoreSummary }> = {};

if (!values.json) {
  for (const [title, rows] of groups) {
    if (!rows.length) continue;
    out(`\n${title}`);
    out(`${'page'.padEnd(26)} ${'ours: P'.padStart(7)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'paraR'.padStart(6)} | ${'plain: P'.padStart(8)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'paraR'.padStart(6)} | ${'cpu ms'.padStart(6)}  note`);
    for (const r of rows) {
      const note = noteFor(r);
      out(`${r.page.slug.padEnd(26)} ${scoreCells(r.oursScore).padStart(7 + 21)} | ${scoreCells(r.plainScore).padStart(8 + 21)} | ${r.msPerRun.toFixed(1).padStart(6)}  ${note}`);
    }
  }
}
for (const [key, rows] of [['real', groups[0]![1]], ['fixtures', groups[2]![1].filter((r) => r.oursScore)]] as const) {
  if (!rows.length) continue;
  summaries[key] = { ours: summarize(rows.map((r) => r.oursScore!)), plain: values['no-plain'] ? undefined : summarize(rows.map((r) => r.plainScore!)) };
}
const realRows = results.filter((r) => r.page.set === 'real');
const timing = { realPages: realRows.length, oursMsTotal: realRows.reduce((a, r) => a + r.msPerRun, 0), oursMsMedian: median(realRows.map((r) => r.msPerRun)) };
const failuresAsExpected = results.filter((r) => r.page.expectedError).map((r) => ({ slug: r.page.slug, expected: r.page.expectedError!, got: r.ours.error ?? 'an article' }));

if (values.json) {
  out(JSON.stringify({ summaries, timing, failuresAsExpected, pages: results.map((r) => ({ set: r.page.set, slug: r.page.slug, ours: r.oursScore, plain: r.plainScore, error: r.ours.error, ms: r.msPerRun })) }));
} else {
  out(`\n${'summary'.padEnd(26)} ${'pages'.padStart(6)} ${'meanF1'.padStart(6)} ${'medianF1'.padStart(8)} ${'minF1'.padStart(6)} ${'meanP'.padStart(6)} ${'meanR'.padStart(6)} ${'meanParaR'.padStart(9)}`);
  for (const [key, s] of Object.entries(summaries)) {
    for (const [who, sum] of [['ours', s.ours], ['plain', s.plain]] as const) {
      if (!sum) continue;
      out(`${`${key}, ${who}`.padEnd(26)} ${String(sum.pages).padStart(6)} ${f(sum.meanF1)} ${f(sum.medianF1).padStart(8)} ${f(sum.minF1)} ${f(sum.meanPrecision)} ${f(sum.meanRecall)} ${f(sum.meanParaRecall).padStart(9)}`);
    }
  }
  out(`\nextraction CPU time, ours, ${timing.realPages} real pages: ${timing.oursMsTotal.toFixed(0)} ms in all, median ${timing.oursMsMedian.toFixed(1)} ms a page (${repeat > 1 ? `mean of ${repeat} runs a page after a first one` : 'one run a page'})`);
  for (const x of failuresAsExpected) out(`must fail: ${x.slug} expected ${x.expected}, got ${x.got}`);
}

function noteFor(r: PageResult): string {
  if (r.ours.error) return `ours failed (${r.ours.error.split(':')[0]})${r.page.expectedError ? `, expected ${r.page.expectedError}` : ''}`;
  if (r.page.gold === undefined) return `${r.ours.paragraphs.join('').length} chars kept, plain ${r.plain.paragraphs.join('').length}`;
  if (r.oursScore && r.plainScore && r.oursScore.f1 < r.plainScore.f1 - 0.02) return 'below plain Readability';
  return '';
}
