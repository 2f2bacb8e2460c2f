// npm run --silent agreement -- FIRST SECOND [--story DIR] [--json] [--merged FILE]: two
// annotators' labels of the same items compared (agreement.ts). FIRST: a labelled set; SECOND:
// the other annotator's {id, relevant, topics, borderline} lines, under the same ids or the blind
// ids `npm run blind-kit` gave. --merged writes FIRST's items with SECOND's labels, for
// `npm run eval -- --set NAME=FILE` to score the analysis against the second annotator.
import fs from 'node:fs';
import { parseCommandLine } from './command-line.ts';
import { loadAnalysisConfig } from '../config.ts';
import { readJsonl } from '../eval-sets.ts';
import { blindId, compareLabels, type Labels } from '../agreement.ts';
import { storyFromArgs } from './paths.ts';

const USAGE = 'npm run --silent agreement -- FIRST.jsonl SECOND.jsonl [--story DIR] [--json] [--merged FILE]';
const { values, positionals } = parseCommandLine('agreement', USAGE, { allowPositionals: true, options: { story: { type: 'string' }, json: { type: 'boolean', default: false }, merged: { type: 'string' } } });
const fail = (why: string): never => { process.stderr.write(`agreement: ${why}\nusage: ${USAGE}\n`); process.exit(2); };
if (positionals.length !== 2) fail('takes two labelled JSON Lines files');
const { configDir } = storyFromArgs('agreement', values.story);
const topicIds = loadAnalysisConfig(configDir).topics.topics.map((t) => t.id);

type Item = Labels & { title?: string; text?: string; date?: string };
function labelsOf(file: string): Item[] {
  let rows: Item[] = [];
  try { rows = readJsonl<Item>(file); } catch (e) { fail((e as Error).message); }
  rows.forEach((r, i) => {
    const where = `${file}: line ${i + 1}`;
    if (typeof r.id !== 'string' || typeof r.relevant !== 'boolean' || !Array.isArray(r.topics)) fail(`${where}: needs "id", "relevant" (true or false) and "topics" (a list)`);
    const unknown = r.topics.filter((t) => !topicIds.includes(t));
    if (unknown.length) fail(`${where}: ${unknown.join(', ')} is not a topic of this story (${topicIds.join(', ')})`);
    if (r.relevant !== r.topics.length > 0) fail(`${where}: an item of the story has one topic or more, any other none`);
  });
  return rows;
}
const [firstFile, secondFile] = positionals as [string, string];
const first = labelsOf(firstFile);
const second = labelsOf(secondFile);
const result = compareLabels(first, second, topicIds);
if (result.unknown.length) fail(`${secondFile}: ids not in ${firstFile}: ${result.unknown.slice(0, 5).join(', ')}${result.unknown.length > 5 ? ' …' : ''}`);

if (values.merged) {
  const byId = new Map(second.map((s) => [s.id, s]));
  const merged = first.flatMap((f) => {
    const s = byId.get(f.id) ?? byId.get(blindId(f.id));
    return s ? [{ ...f, relevant: s.relevant, topics: s.relevant ? s.topics : [], borderline: !!s.borderline }] : [];
  });
  fs.writeFileSync(values.merged, merged.map((m) => JSON.stringify(m)).join('\n') + (merged.length ? '\n' : ''));
}

if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
else {
  const f3 = (x: number) => x.toFixed(3);
  process.stdout.write([
    `${result.items} items labelled by both (${first.length} in ${firstFile})`,
    `relevance: agreement ${f3(result.relevanceAgreement)}, Cohen's kappa ${f3(result.kappa)}; on the items neither marked borderline ${result.clear.agreeing}/${result.clear.items}`,
    `the story to the first only: ${result.storyToFirstOnly}, to the second only: ${result.storyToSecondOnly}, to both: ${result.bothStory} (identical topic sets: ${result.identicalTopicSets})`,
    `topic F1 between them, on the items both call the story: ${result.topicF1.map((t) => `${t.topic} ${t.f1 === null ? '–' : f3(t.f1)}`).join(', ')}`,
    ...(values.merged ? [`${values.merged}: the first's items with the second's labels (npm run eval -- --set NAME=${values.merged})`] : []),
    '',
  ].join('\n'));
}
