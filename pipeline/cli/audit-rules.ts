// npm run audit-rules [-- --story DIR] [--real-dir DIR] [--set NAME=FILE ...] [--split-set NAME=FILE ...] [--held-set NAME=FILE ...] [--negatives N] [--all] [--json]:
// every entry of topics.yaml taken out in turn, the labelled sets analysed again: which entries
// decide no item, one item, or cost more than they give (rule-audit.ts). It reads the sets
// `npm run eval` reads except the held-out ones, which nobody may tune on, and a sample of the
// real negatives' development half.
import { parseCommandLine } from './command-line.ts';
import { loadAnalysisConfig, type TopicsConfig } from '../config.ts';
import { loadSegmenter } from '../segment.ts';
import { analyzeWithoutFingerprint } from '../analyze.ts';
import { entryEffect, ruleEntries, type EntryEffect, type Verdict } from '../rule-audit.ts';
import type { EvalItem } from '../eval-sets.ts';
import { loadLabelledSets } from './labelled-sets.ts';
import { numberOption } from './numbers.ts';
import { progressPrinter } from './progress.ts';
import { storyFromArgs } from './paths.ts';

const USAGE = 'npm run audit-rules [-- --story DIR] [--real-dir DIR] [--set NAME=FILE ...] [--split-set NAME=FILE ...] [--held-set NAME=FILE ...] [--negatives N] [--all] [--json]';
const { values } = parseCommandLine('audit-rules', USAGE, { options: {
  story: { type: 'string' },
  'real-dir': { type: 'string' },
  set: { type: 'string', multiple: true, default: [] },
  'split-set': { type: 'string', multiple: true, default: [] },
  'held-set': { type: 'string', multiple: true, default: [] },
  negatives: { type: 'string', default: '1000' },
  all: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} });

const negativesWanted = numberOption('audit-rules', '--negatives', values.negatives!, { min: 0 });
const { configDir, storyDir } = storyFromArgs('audit-rules', values.story);
const config = loadAnalysisConfig(configDir);
const { sets, real } = loadLabelledSets('audit-rules', { story: values.story, storyDir, realDir: values['real-dir'], set: values.set!, splitSet: values['split-set']!, heldSet: values['held-set']!, pool: [] }, config);
// The demo corpus once: by the blind editor's labels where there are some (its authors wrote the text).
const read = Object.entries(sets).filter(([name, s]) => !s.heldOut && !(name === 'demo-corpus' && sets['demo-corpus-blind']));
const heldOut = Object.entries(sets).filter(([, s]) => s.heldOut).map(([name]) => name);
const items: (EvalItem & { set: string })[] = read.flatMap(([name, s]) => s.items.map((i) => ({ ...i, set: name })));
// Real negatives decide whether an out-of-scope phrase earns its place: an even sample of the dev half.
const negatives = real?.negatives.dev ?? [];
const step = negativesWanted ? Math.max(1, Math.floor(negatives.length / negativesWanted)) : Infinity;
const sample = negativesWanted ? negatives.filter((_, i) => i % step === 0).slice(0, negativesWanted) : [];
items.push(...sample.map((n) => ({ ...n, set: 'real-negatives-dev' })));
if (!items.length) {
  process.stderr.write(`audit-rules: no labelled items for ${storyDir} outside the held-out sets: put JSON Lines files of {id, title, text, relevant, topics} in its eval/ folder, or pass --set NAME=FILE\n`);
  process.exit(2);
}
loadSegmenter(config.userDict);

const topicIds = config.topics.topics.map((t) => t.id);
const verdicts = (topics: TopicsConfig): Verdict[] => items.map((item) => {
  const a = analyzeWithoutFingerprint(item, { ...config, topics });
  return { relevant: a.relevant, topics: a.topics };
});
const base = verdicts(config.topics);
const entries = ruleEntries(config.topics);
const progress = progressPrinter();
const effects: EntryEffect[] = entries.map((e, i) => {
  const effect = entryEffect(e.entry, items, base, verdicts(e.without()), topicIds);
  progress.update({ source: 'entries', done: i + 1, total: entries.length });
  return effect;
});
progress.done();

if (values.json) {
  process.stdout.write(JSON.stringify({ items: items.length, sets: read.map(([name]) => name), heldOutNotRead: heldOut, negatives: sample.length, entries: effects }) + '\n');
} else {
  const none = effects.filter((e) => !e.changed).length;
  const one = effects.filter((e) => e.changed === 1);
  const costly = effects.filter((e) => e.net < 0).sort((a, b) => a.net - b.net);
  const out: string[] = [
    `${effects.length} entries of topics.yaml against ${items.length} labelled items (${read.map(([name]) => name).join(', ')}${sample.length ? `, ${sample.length} real negatives` : ''}); held-out sets not read: ${heldOut.join(', ') || 'none'}`,
    `${none} decide no item alone, ${one.length} decide one, ${effects.length - none - one.length} more than one.`,
    '',
    `Taken out, these make the labelled items more right (net < 0: the entry costs more than it gives): ${costly.length}`,
    ...costly.map(line),
    '',
    `These alone decide one item (most are vocabulary other words back up elsewhere; one made for a single item is a defect unless it stands for a class): ${one.length}`,
    ...one.sort((a, b) => a.net - b.net).map(line),
  ];
  if (values.all) out.push('', 'Every entry:', ...[...effects].sort((a, b) => b.changed - a.changed).map(line));
  process.stdout.write(out.join('\n') + '\n');
}

function line(e: EntryEffect): string {
  return `  ${String(e.net > 0 ? `+${e.net}` : e.net).padStart(4)}  ${String(e.changed).padStart(3)}  ${e.entry.length > 90 ? `${e.entry.slice(0, 89)}…` : e.entry}  ${e.items.join(' ')}`;
}
