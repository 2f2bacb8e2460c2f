// npm run --silent explain [-- --story DIR]: JSON Lines in ({"id","title","text"}, optionally
// "published" or "date"), and for each
// item the reasoning behind its verdict as an editor reads it: the verdict, every sentence (the
// title is 0) with the lexicon phrases it holds and each topic's score as the terms that make
// it, then for every topic some sentence carries whether it holds and the rule that decided,
// and the topics that hold with their evidence sentence. For tuning topics.yaml; a bad line is
// named and the rest go on.
import { createInterface } from 'node:readline';
import { loadAnalysisConfig } from '../config.ts';
import { explainArticle } from '../analyze.ts';
import { loadSegmenter } from '../segment.ts';
import { storyFromArgs } from './paths.ts';
import { parseCommandLine } from './command-line.ts';

const { values } = parseCommandLine('explain', 'npm run --silent explain [-- --story DIR] < items.jsonl', { options: { story: { type: 'string' } } });
const { configDir } = storyFromArgs('explain', values.story);
const config = loadAnalysisConfig(configDir);
loadSegmenter(config.userDict);

let n = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  n++;
  if (!line.trim()) continue;
  let input: { id?: unknown; title?: unknown; text?: unknown; published?: unknown; date?: unknown };
  try { input = JSON.parse(line); } catch (e) { process.stdout.write(`line ${n}: not JSON (${(e as Error).message})\n\n`); continue; }
  if (typeof input.title !== 'string') { process.stdout.write(`line ${n}: no "title" string\n\n`); continue; }
  const date = typeof input.published === 'string' ? input.published : typeof input.date === 'string' ? input.date : undefined;
  const e = explainArticle({ title: input.title, text: typeof input.text === 'string' ? input.text : '', ...(date ? { date } : {}) }, config);
  const out = [`# ${String(input.id ?? `line ${n}`)}: ${e.relevant ? 'kept' : `rejected (${e.reason})`}`];
  e.sentences.forEach((s, i) => {
    if (!s.phrases.length && !s.topics.length) return;
    out.push(`  [${i}] ${s.text.length > 70 ? `${s.text.slice(0, 70)}…` : s.text}`, `      phrases: ${s.phrases.join(' ') || '—'}`);
    for (const t of s.topics) out.push(`      ${t.topic} ${t.score}: ${t.parts.map((p) => `${p.what} ${p.weight > 0 ? '+' : ''}${p.weight}`).join(', ')}`);
  });
  for (const t of e.traces) out.push(`  ${t.held ? 'holds' : 'does not hold'}: ${t.topic}, ${t.why} [sentences ${t.carriedBy.join(', ')}]`);
  out.push(`  topics: ${e.topics.map((t) => `${t.topic} (${t.score}, sentence ${t.sentence})`).join(', ') || '—'}`, '');
  process.stdout.write(out.join('\n') + '\n');
}
