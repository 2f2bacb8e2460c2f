// npm run eval [-- --story DIR] [--errors SET] [--json] [--set NAME=FILE ...] [--split-set NAME=FILE ...]:
// relevance and topics scored on every labelled set, side by side. The default story: the
// written sets (tuned on, held out, blind), the real text from ../shared/data/real-zh
// (development and held-out halves, and the real negatives) and the demo corpus's labels.
// Another story (--story DIR): the JSON Lines files in DIR/eval/ and DIR/corpus/'s labels,
// scored with DIR/config. Either way any labelled file an editor names (--set, --split-set), and
// sets pooled into one (--pool NAME=SET,SET…: a target read on 62 items is one item wide).
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { parseCommandLine } from './command-line.ts';
import { loadAnalysisConfig } from '../config.ts';
import { loadSegmenter } from '../segment.ts';
import { analyzeArticle } from '../analyze.ts';
import { score, wilsonInterval, type Predicted, type Scores } from '../evaluate.ts';
import { loadRealData, loadWrittenSet, readJsonl, splitByHash, type EvalItem, type EvalSet } from '../eval-sets.ts';
import { DEMO_CORPUS_DIR, loadDemoCorpus } from '../demo/corpus.ts';
import { PROJECT_ROOT, storyFromArgs } from './paths.ts';

const { values } = parseCommandLine('eval', 'npm run eval [-- --story DIR] [--errors SET] [--json] [--real-dir DIR] [--set NAME=FILE ...] [--split-set NAME=FILE ...] [--pool NAME=SET,SET ...]', { options: {
  story: { type: 'string' },
  errors: { type: 'string' },
  json: { type: 'boolean', default: false },
  'real-dir': { type: 'string' },
  set: { type: 'string', multiple: true, default: [] },
  'split-set': { type: 'string', multiple: true, default: [] },
  pool: { type: 'string', multiple: true, default: [] },
} });

const { configDir, storyDir } = storyFromArgs('eval', values.story);
const config = loadAnalysisConfig(configDir);
const sets: Record<string, EvalSet> = {};
if (!values.story) {
  const fixtures = path.join(PROJECT_ROOT, 'test/fixtures/eval');
  sets.written = loadWrittenSet('written, tuned on', path.join(fixtures, 'items.jsonl'));
  sets['written-held'] = loadWrittenSet('written, held out', path.join(fixtures, 'holdout.jsonl'));
  if (existsSync(path.join(fixtures, 'blind.jsonl'))) sets['written-blind'] = loadWrittenSet('written, blind', path.join(fixtures, 'blind.jsonl'));
  // Written blind too, but its errors were read and rules added from them: tuned on since.
  if (existsSync(path.join(fixtures, 'blind2.jsonl'))) sets['written-blind2'] = loadWrittenSet('written, second blind set (tuned on since its first score)', path.join(fixtures, 'blind2.jsonl'));
  // A third blind set, halved by id hash after its first score: one half to read, one never listed.
  if (existsSync(path.join(fixtures, 'blind3.jsonl'))) Object.assign(sets, halves('written-blind3', loadWrittenSet('written, third blind set', path.join(fixtures, 'blind3.jsonl'))));
} else {
  // A story's own labelled sets: every DIR/eval/NAME.jsonl is the set NAME.
  const evalDir = path.join(storyDir, 'eval');
  const files = existsSync(evalDir) ? readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).sort() : [];
  for (const f of files) sets[f.replace(/\.jsonl$/, '')] = loadWrittenSet(f, path.join(evalDir, f));
}
// The first story's real text lives in ../shared; another story's only where --real-dir says.
const realDir = values['real-dir'] ?? (values.story ? undefined : path.resolve(PROJECT_ROOT, '../shared/data/real-zh'));
const real = realDir ? loadRealData(realDir) : undefined;
if (real && 'missing' in real) process.stderr.write(`eval: ${real.missing}\n`);
else if (real) { sets['real-dev'] = real.dev; sets['real-held'] = real.held; }
// The demo corpus's authors labelled each entry (topics, offTopic): the demo site follows these rules.
const corpusDir = values.story ? path.join(storyDir, 'corpus') : DEMO_CORPUS_DIR;
if (existsSync(corpusDir)) sets['demo-corpus'] = corpusSet(corpusDir);
// The same corpus labelled again by an editor who saw only the definitions (corpus/blind-labels.jsonl).
const blindLabels = path.join(corpusDir, 'blind-labels.jsonl');
if (sets['demo-corpus'] && existsSync(blindLabels)) sets['demo-corpus-blind'] = relabelled(sets['demo-corpus'], blindLabels);

// Extra labelled files: --set scores one whole; --split-set halves it by the hash of each id as
// the real set is halved (NAME-dev to look at, NAME-held to keep unseen).
for (const [option, split] of [['set', false], ['split-set', true]] as const) {
  for (const spec of values[option]!) {
    const [name, file] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : ['', ''];
    const fail = (why: string): never => { process.stderr.write(`eval: --${option} ${spec}: ${why}\n`); process.exit(2); };
    if (!name || !file) fail('takes NAME=FILE (a JSON Lines file of {id, title, text, relevant, topics})');
    const names = split ? [`${name}-dev`, `${name}-held`] : [name];
    if (names.some((n) => sets[n])) fail(`that name is taken (${Object.keys(sets).join(', ')})`);
    if (!existsSync(file)) fail(`${file} not found`);
    const set = readSet(name, file, fail);
    if (split) Object.assign(sets, halves(name, set)); else sets[name] = set;
  }
}

// Pooled sets: the items of several sets scored as one (each id prefixed with its set's name,
// as two sets may use the same ids), after every set it names has been loaded.
for (const spec of values.pool!) {
  const fail = (why: string): never => { process.stderr.write(`eval: --pool ${spec}: ${why}\n`); process.exit(2); };
  const [name, list] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : ['', ''];
  const members = list.split(',').map((m) => m.trim()).filter(Boolean);
  if (!name || !members.length) fail('takes NAME=SET,SET,… (names of sets scored here)');
  if (sets[name]) fail(`that name is taken (${Object.keys(sets).join(', ')})`);
  const unknown = members.filter((m) => !sets[m]);
  if (unknown.length) fail(`no set named ${unknown.join(', ')} (${Object.keys(sets).join(', ')})`);
  sets[name] = pooled(name, members);
}

function pooled(name: string, members: string[]): EvalSet {
  const items = members.flatMap((m) => sets[m]!.items.map((i) => ({ ...i, id: `${m}:${i.id}` })));
  return { name: `${name}: ${members.join(' + ')}, pooled`, file: sets[members[0]!]!.file, items };
}

/** NAME-dev and NAME-held, by the hash of each id, as the real set is halved. */
function halves(name: string, set: EvalSet): Record<string, EvalSet> {
  const parts = splitByHash(set.items);
  return Object.fromEntries((['dev', 'held'] as const).map((part) => [`${name}-${part}`, { ...set, name: `${set.name}, ${part}`, items: set.items.filter((i) => parts.get(i.id) === part) }]));
}

function readSet(name: string, file: string, fail: (why: string) => never): EvalSet {
  try { return loadWrittenSet(name, path.resolve(file)); } catch (e) { return fail((e as Error).message); }
}

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

/** A set's items with another annotator's labels (JSON Lines of {id, relevant, topics}); an id the set lacks is an error naming the file. */
function relabelled(set: EvalSet, file: string): EvalSet {
  let labels: { id: string; relevant: boolean; topics: string[] }[];
  try { labels = readJsonl(file); } catch (e) { process.stderr.write(`eval: ${(e as Error).message}\n`); process.exit(2); }
  const byId = new Map(set.items.map((i) => [i.id, i]));
  const unknown = labels.filter((l) => !byId.has(l.id)).map((l) => l.id);
  if (unknown.length) { process.stderr.write(`eval: ${file}: ids not in the corpus: ${unknown.slice(0, 5).join(', ')}\n`); process.exit(2); }
  const items = labels.map((l) => ({ ...byId.get(l.id)!, relevant: l.relevant, topics: l.relevant ? l.topics : [] }));
  return { name: 'demo corpus, a blind editor\'s labels', file, items };
}

function corpusSet(dir: string): EvalSet {
  const items: EvalItem[] = loadDemoCorpus(dir, config.story.timezone).map((e) => ({
    id: e.slug, title: e.title, text: e.paragraphs.join('\n'), relevant: !e.offTopic, topics: e.offTopic ? [] : e.topics,
  }));
  return { name: 'demo corpus, its authors\' labels', file: dir, items };
}
