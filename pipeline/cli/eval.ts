// npm run eval [-- --story DIR] [--errors SET] [--json] [--set NAME=FILE ...] [--split-set NAME=FILE ...] [--held-set NAME=FILE ...] [--pool NAME=SET,SET ...]:
// relevance and topics scored on every labelled set side by side (the sets: cli/labelled-sets.ts),
// with the real negatives, the hard negatives and 95% intervals; --errors lists one set's misses.
import path from 'node:path';
import { parseCommandLine } from './command-line.ts';
import { loadAnalysisConfig } from '../config.ts';
import { loadSegmenter } from '../segment.ts';
import { analyzeArticle } from '../analyze.ts';
import { score, wilsonInterval, type Predicted, type Scores } from '../evaluate.ts';
import type { EvalItem } from '../eval-sets.ts';
import { loadLabelledSets } from './labelled-sets.ts';
import { PROJECT_ROOT, storyFromArgs } from './paths.ts';

const { values } = parseCommandLine('eval', 'npm run eval [-- --story DIR] [--errors SET] [--json] [--real-dir DIR] [--set NAME=FILE ...] [--split-set NAME=FILE ...] [--held-set NAME=FILE ...] [--pool NAME=SET,SET ...]', { options: {
  story: { type: 'string' },
  errors: { type: 'string' },
  json: { type: 'boolean', default: false },
  'real-dir': { type: 'string' },
  set: { type: 'string', multiple: true, default: [] },
  'split-set': { type: 'string', multiple: true, default: [] },
  'held-set': { type: 'string', multiple: true, default: [] },
  pool: { type: 'string', multiple: true, default: [] },
} });

const { configDir, storyDir } = storyFromArgs('eval', values.story);
const config = loadAnalysisConfig(configDir);
const { sets, real } = loadLabelledSets('eval', { story: values.story, storyDir, realDir: values['real-dir'], set: values.set!, splitSet: values['split-set']!, heldSet: values['held-set']!, pool: values.pool! }, config);

if (values.errors && !sets[values.errors]) {
  process.stderr.write(`eval: --errors takes one of ${Object.keys(sets).join(', ')}\n`);
  process.exit(2);
}

if (!Object.keys(sets).length) {
  process.stderr.write(`eval: no labelled sets for ${storyDir}: put JSON Lines files of {id, title, text, relevant, topics} in ${path.join(storyDir, 'eval')}/, or pass --set NAME=FILE\n`);
  process.exit(2);
}
loadSegmenter(config.userDict);

type Prediction = Predicted & { reason?: string; evidence: Record<string, string> };
function predict(items: EvalItem[]): Map<string, Prediction> {
  return new Map(items.map((item) => {
    const a = analyzeArticle(item, config);
    return [item.id, { id: item.id, relevant: a.relevant, topics: a.topics, reason: a.reason, evidence: Object.fromEntries(a.evidence.map((e) => [e.topic, e.sentence])) }];
  }));
}

const predictions = new Map<string, Map<string, Prediction>>();
const scores = new Map<string, Scores>();
for (const [key, set] of Object.entries(sets)) {
  const p = predict(set.items);
  predictions.set(key, p);
  scores.set(key, score(set.items, p, config.topics.topics.map((t) => t.id)));
}
// Real negatives: how many of each half the analysis would keep (none belongs to the story).
const negatives = !real || 'missing' in real ? undefined : Object.fromEntries((['dev', 'held'] as const).map((part) => {
  const items = real.negatives[part];
  const kept = items.filter((n) => analyzeArticle(n, config).relevant);
  return [part, { n: items.length, kept: kept.length, examples: kept.slice(0, 20).map((k) => `${k.id} ${k.title}`) }];
}));
// Hard negatives: the labelled real items that are not about the story.
const hardAccepted = (key: string) => {
  const set = sets[key];
  if (!set) return undefined;
  const off = set.items.filter((i) => !i.relevant);
  return { n: off.length, kept: off.filter((i) => predictions.get(key)!.get(i.id)!.relevant).length };
};

if (values.json) {
  process.stdout.write(JSON.stringify({ sets: Object.fromEntries([...scores].map(([k, s]) => [k, { name: sets[k]!.name, ...s }])), negatives }) + '\n');
} else {
  printTable();
}
if (values.errors) printErrors(values.errors);

function printTable(): void {
  const keys = [...scores.keys()];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const interval = (k: number, n: number) => wilsonInterval(k, n).map((x) => (x * 100).toFixed(1)).join('–') + '%';
  const rows: [string, (s: Scores, key: string) => string][] = [
    ['items (story / not)', (s, k) => `${sets[k]!.items.filter((i) => i.relevant).length}/${sets[k]!.items.filter((i) => !i.relevant).length}`],
    ['relevance precision', (s) => pct(s.relevancePrecision)],
    ['relevance recall', (s) => pct(s.relevanceRecall)],
    // One item is 1.6 points of recall on 62 story items: read a target against the interval.
    ['  95% interval', (s) => s.storyItems ? interval(s.storyKept, s.storyItems) : '–'],
    // Labellers mark items they hesitated on (a bare model name on launch day); recall on the others.
    ['  clear items only', (s, k) => {
      const clear = sets[k]!.items.filter((i) => i.relevant && !i.borderline);
      return clear.length ? pct(clear.filter((i) => predictions.get(k)!.get(i.id)!.relevant).length / clear.length) : '–';
    }],
    ['off-topic rejected', (s) => pct(s.offTopicRejection)],
    ...s0().topics.flatMap((t, i) => [
      [`${t.topic} P/R`, (s: Scores) => `${pct(s.topics[i]!.precision)}/${pct(s.topics[i]!.recall)}`],
      [`${t.topic} F1 (n)`, (s: Scores) => `${pct(s.topics[i]!.f1)} (${s.topics[i]!.tp + s.topics[i]!.fn})`],
    ] as [string, (s: Scores) => string][]),
    ['macro-F1', (s) => pct(s.macroF1)],
    ['kept without topic', (s) => String(s.keptWithoutTopic)],
  ];
  // Each column as wide as its name or its widest cell, two spaces apart.
  const cells = keys.map((k) => [k, ...rows.map(([, cell]) => cell(scores.get(k)!, k))]);
  const widths = cells.map((c) => 2 + Math.max(...c.map((x) => x.length)));
  process.stdout.write(`${''.padEnd(22)}${keys.map((k, j) => k.padStart(widths[j]!)).join('')}\n`);
  rows.forEach(([label], r) => process.stdout.write(`${label.padEnd(22)}${keys.map((_, j) => cells[j]![r + 1]!.padStart(widths[j]!)).join('')}\n`));
  for (const key of keys.filter((k) => !k.startsWith('written'))) {
    const h = hardAccepted(key);
    if (h) process.stdout.write(`\nhard negatives accepted (${key}): ${h.kept}/${h.n} = ${pct(h.kept / Math.max(1, h.n))} (95% interval ${interval(h.kept, h.n)})`);
  }
  if (negatives) for (const [part, r] of Object.entries(negatives)) process.stdout.write(`\nreal negatives accepted (${part}): ${r.kept}/${r.n} = ${(100 * r.kept / r.n).toFixed(3)}% (95% interval ${wilsonInterval(r.kept, r.n).map((x) => (x * 100).toFixed(3)).join('–')}%)`);
  process.stdout.write('\n');
  function s0() { return scores.values().next().value!; }
}

function printErrors(key: string): void {
  const set = sets[key]!;
  const p = predictions.get(key)!;
  process.stdout.write(`\nErrors in ${set.name} (${path.relative(PROJECT_ROOT, set.file) || set.file}):\n`);
  for (const item of set.items) {
    const got = p.get(item.id)!;
    const missing = item.relevant ? item.topics.filter((t) => !got.topics.includes(t)) : [];
    const extra = got.relevant ? got.topics.filter((t) => !item.relevant || !item.topics.includes(t)) : [];
    if (got.relevant === item.relevant && !missing.length && !extra.length) continue;
    const what = got.relevant !== item.relevant ? (item.relevant ? `wrongly rejected (${got.reason})` : `wrongly kept [${got.topics}]`) : `missing [${missing}] extra [${extra}]`;
    process.stdout.write(`  ${item.id} ${what}: ${item.title}${item.text ? ` | ${item.text.slice(0, 60).replace(/\n/g, ' ')}…` : ''}${item.note ? `  — ${item.note}` : ''}\n`);
    // Why a topic was added: the sentence that carried it.
    for (const t of extra) if (got.evidence[t] && item.text) process.stdout.write(`      ${t} ← ${got.evidence[t]}\n`);
  }
  if (negatives && key.startsWith('real')) {
    const r = negatives[key === 'real-held' ? 'held' : 'dev']!;
    if (r.examples.length) process.stdout.write(`\nReal negatives kept (${r.kept}):\n${r.examples.map((e) => `  ${e}`).join('\n')}\n`);
  }
}
