// npm run eval [-- --errors] [--file FILE] [--json]: score the analysis stage on the labelled set.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadAnalysisConfig } from '../config.ts';
import { loadSegmenter } from '../segment.ts';
import { analyzeArticle } from '../analyze.ts';
import { score, type Labelled, type Predicted } from '../evaluate.ts';
import type { TopicId } from '../../src/schema/article.ts';
import { CONFIG_DIR, PROJECT_ROOT } from './paths.ts';

const { values } = parseArgs({ options: {
  file: { type: 'string', default: path.join(PROJECT_ROOT, 'test/fixtures/eval/items.jsonl') },
  errors: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} });

type Item = Labelled & { title: string; text: string; script: string; note?: string };
const items: Item[] = readFileSync(values.file!, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
  try { return JSON.parse(l) as Item; } catch (e) { throw new Error(`${values.file}:${i + 1}: ${(e as Error).message}`); }
});
const config = loadAnalysisConfig(CONFIG_DIR);
loadSegmenter(config.userDict);

const predictions = new Map<string, Predicted & { reason?: string; evidence: Record<string, string> }>();
for (const item of items) {
  const a = analyzeArticle(item, config);
  predictions.set(item.id, { id: item.id, relevant: a.relevant, topics: a.topics, reason: a.reason, evidence: Object.fromEntries(a.evidence.map((e) => [e.topic, e.sentence])) });
}
const s = score(items, predictions);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (values.json) {
  process.stdout.write(JSON.stringify(s) + '\n');
} else {
  process.stdout.write(`Evaluation on ${s.n} labelled items (${path.relative(PROJECT_ROOT, values.file!)})\n\n`);
  process.stdout.write('topic      precision  recall     F1    tp  fp  fn\n');
  for (const t of s.topics) process.stdout.write(`${t.topic.padEnd(10)} ${pct(t.precision).padStart(9)} ${pct(t.recall).padStart(7)} ${pct(t.f1).padStart(6)} ${String(t.tp).padStart(5)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}\n`);
  process.stdout.write(`\nmacro-F1            ${pct(s.macroF1)}\noff-topic rejected  ${pct(s.offTopicRejection)}\nrelevant kept       ${pct(s.relevantKept)}\nrelevance accuracy  ${pct(s.relevanceAccuracy)}\n`);
}
if (values.errors) {
  process.stdout.write('\nErrors:\n');
  for (const item of items) {
    const p = predictions.get(item.id)!;
    const missing = item.relevant ? item.topics.filter((t) => !p.topics.includes(t)) : [];
    const extra = p.relevant ? p.topics.filter((t: TopicId) => !item.relevant || !item.topics.includes(t)) : [];
    if (p.relevant === item.relevant && !missing.length && !extra.length) continue;
    const what = p.relevant !== item.relevant ? (item.relevant ? `wrongly rejected (${p.reason})` : 'wrongly kept') : `missing [${missing}] extra [${extra}]`;
    process.stdout.write(`  ${item.id} ${item.script} ${what}: ${item.title}${item.note ? `  — ${item.note}` : ''}\n`);
  }
}
