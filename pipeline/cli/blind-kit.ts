// npm run --silent blind-kit -- FILE --out DIR [--story DIR]: a labelled set made ready for a
// second, blind annotator. DIR/items.jsonl holds its items without labels, under ids that are a
// hash of their own (no source or date hint) and in the order of those hashes; DIR/definitions.md
// holds what the story's topics.yaml says belongs to the story and what each topic means, and
// nothing of the rules. The annotator writes DIR/labels.jsonl; `npm run agreement -- FILE
// DIR/labels.jsonl` compares the two.
import fs from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from './command-line.ts';
import { loadAnalysisConfig } from '../config.ts';
import { readJsonl } from '../eval-sets.ts';
import { blindId } from '../agreement.ts';
import { storyFromArgs } from './paths.ts';

const USAGE = 'npm run --silent blind-kit -- FILE --out DIR [--story DIR]';
const { values, positionals } = parseCommandLine('blind-kit', USAGE, { allowPositionals: true, options: { out: { type: 'string' }, story: { type: 'string' } } });
const fail = (why: string): never => { process.stderr.write(`blind-kit: ${why}\nusage: ${USAGE}\n`); process.exit(2); };
if (positionals.length !== 1) fail('takes one labelled JSON Lines file');
if (!values.out) fail('--out DIR says where to put the items and definitions');
const file = positionals[0]!;
const out = path.resolve(values.out!);
if (fs.existsSync(path.join(out, 'items.jsonl'))) fail(`${path.join(out, 'items.jsonl')} exists: a kit is prepared once (an annotator may be working on it)`);
const { configDir } = storyFromArgs('blind-kit', values.story);
const config = loadAnalysisConfig(configDir);

let items: { id?: unknown; title?: unknown; text?: unknown; date?: unknown }[] = [];
try { items = readJsonl(file); } catch (e) { fail((e as Error).message.startsWith(file) ? (e as Error).message : `${file}: ${(e as Error).message}`); }
const bad = items.findIndex((i) => typeof i.id !== 'string' || typeof i.title !== 'string');
if (bad >= 0) fail(`${file}: item ${bad + 1} has no "id" and "title" strings`);
const blind = items.map((i) => ({ id: blindId(i.id as string), ...(typeof i.date === 'string' ? { date: i.date } : {}), title: i.title as string, text: typeof i.text === 'string' ? i.text : '' }))
  .sort((a, b) => a.id.localeCompare(b.id));
if (new Set(blind.map((b) => b.id)).size !== blind.length) fail(`${file}: two items share an id`);

const { relevance, topics } = config.topics;
const definitions = [
  `# Labelling: ${config.story.title}`,
  '',
  '## What belongs to the story',
  relevance.definition?.trim() ?? '(topics.yaml gives no relevance.definition: ask the editor)',
  '',
  '## Topics (one or more for every item that belongs to the story, none for the others)',
  ...topics.map((t) => `- \`${t.id}\` ${t.label}: ${t.description}`),
  '',
  '## How to label',
  'Judge each item of items.jsonl from its title, text and date alone, and these definitions. Write one line per item',
  'to labels.jsonl: {"id": "…", "relevant": true|false, "topics": [...], "borderline": true|false, "note": "…"}.',
  '`borderline` is true where the label could go either way. Do not look at any other file of the project.',
  '',
].join('\n');

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'items.jsonl'), blind.map((b) => JSON.stringify(b)).join('\n') + (blind.length ? '\n' : ''));
fs.writeFileSync(path.join(out, 'definitions.md'), definitions);
process.stdout.write(`${blind.length} items for a blind annotator in ${out}: items.jsonl (ids hashed, shuffled, no labels) and definitions.md (from topics.yaml).\nTheir labels go to ${path.join(out, 'labels.jsonl')}; then: npm run --silent agreement -- ${file} ${path.join(out, 'labels.jsonl')}\n`);
