// The labelled sets `npm run eval` scores and `npm run audit-rules` reads, from the same
// options. The default story: the written sets (tuned on, held out, blind), the real text from
// ../shared/data/real-zh (development and held-out halves, and the real negatives) and the demo
// corpus's labels. Another story (--story DIR): the JSON Lines files in DIR/eval/ and
// DIR/corpus/'s labels. Either way any labelled file an editor names (--set, --split-set), and
// sets pooled into one (--pool NAME=SET,SET…). Each set says whether it is held out: the sets
// nobody may tune on (audit-rules never reads them).
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import type { AnalysisConfig } from '../analyze.ts';
import { loadRealData, loadWrittenSet, readJsonl, splitByHash, type EvalItem, type EvalSet, type RealData } from '../eval-sets.ts';
import { DEMO_CORPUS_DIR, loadDemoCorpus } from '../demo/corpus.ts';
import { PROJECT_ROOT } from './paths.ts';

export type LabelledSet = EvalSet & { heldOut: boolean };
export type SetOptions = { story?: string; storyDir: string; realDir?: string; set: string[]; splitSet: string[]; heldSet?: string[]; pool: string[] };

/** Every labelled set of the story and the options, by name; a bad option exits 2 naming `tool` and the option. */
export function loadLabelledSets(tool: string, options: SetOptions, config: AnalysisConfig): { sets: Record<string, LabelledSet>; real?: RealData } {
  const sets: Record<string, LabelledSet> = {};
  const add = (name: string, set: EvalSet, heldOut: boolean) => { sets[name] = { ...set, heldOut }; };
  const addHalves = (name: string, set: EvalSet) => {
    for (const [part, half] of Object.entries(halves(set))) add(`${name}-${part}`, half, part === 'held');
  };
  if (!options.story) {
    const fixtures = path.join(PROJECT_ROOT, 'test/fixtures/eval');
    add('written', loadWrittenSet('written, tuned on', path.join(fixtures, 'items.jsonl')), false);
    add('written-held', loadWrittenSet('written, held out', path.join(fixtures, 'holdout.jsonl')), true);
    if (existsSync(path.join(fixtures, 'blind.jsonl'))) add('written-blind', loadWrittenSet('written, blind', path.join(fixtures, 'blind.jsonl')), true);
    // Written blind too, but its errors were read and rules added from them: tuned on since.
    if (existsSync(path.join(fixtures, 'blind2.jsonl'))) add('written-blind2', loadWrittenSet('written, second blind set (tuned on since its first score)', path.join(fixtures, 'blind2.jsonl')), false);
    // A third blind set, halved by id hash after its first score: one half to read, one never listed.
    if (existsSync(path.join(fixtures, 'blind3.jsonl'))) addHalves('written-blind3', loadWrittenSet('written, third blind set', path.join(fixtures, 'blind3.jsonl')));
  } else {
    // A story's own labelled sets: every DIR/eval/NAME.jsonl is the set NAME.
    const evalDir = path.join(options.storyDir, 'eval');
    const files = existsSync(evalDir) ? readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).sort() : [];
    for (const f of files) add(f.replace(/\.jsonl$/, ''), loadWrittenSet(f, path.join(evalDir, f)), false);
  }
  // The first story's real text lives in ../shared; another story's only where --real-dir says.
  const realDir = options.realDir ?? (options.story ? undefined : path.resolve(PROJECT_ROOT, '../shared/data/real-zh'));
  const loaded = realDir ? loadRealData(realDir) : undefined;
  const real = loaded && !('missing' in loaded) ? loaded : undefined;
  if (loaded && 'missing' in loaded) process.stderr.write(`${tool}: ${loaded.missing}\n`);
  else if (real) { add('real-dev', real.dev, false); add('real-held', real.held, true); }
  // The demo corpus's authors labelled each entry (topics, offTopic): the demo site follows these rules.
  const corpusDir = options.story ? path.join(options.storyDir, 'corpus') : DEMO_CORPUS_DIR;
  if (existsSync(corpusDir)) add('demo-corpus', corpusSet(corpusDir, config), false);
  // The same corpus labelled again by an editor who saw only the definitions (corpus/blind-labels.jsonl).
  const blindLabels = path.join(corpusDir, 'blind-labels.jsonl');
  if (sets['demo-corpus'] && existsSync(blindLabels)) add('demo-corpus-blind', relabelled(tool, sets['demo-corpus'], blindLabels), false);

  // Extra labelled files: --set scores one whole; --split-set halves it by the hash of each id as
  // the real set is halved (NAME-dev to look at, NAME-held to keep unseen); --held-set scores one
  // whole that nobody may tune on (audit-rules does not read it).
  for (const [option, specs, split] of [['set', options.set, false], ['split-set', options.splitSet, true], ['held-set', options.heldSet ?? [], false]] as const) {
    for (const spec of specs) {
      const [name, file] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : ['', ''];
      const fail = (why: string): never => { process.stderr.write(`${tool}: --${option} ${spec}: ${why}\n`); process.exit(2); };
      if (!name || !file) fail('takes NAME=FILE (a JSON Lines file of {id, title, text, relevant, topics})');
      const names = split ? [`${name}-dev`, `${name}-held`] : [name];
      if (names.some((n) => sets[n])) fail(`that name is taken (${Object.keys(sets).join(', ')})`);
      if (!existsSync(file)) fail(`${file} not found`);
      const set = readSet(name, file, fail);
      if (split) addHalves(name, set); else add(name, set, option === 'held-set');
    }
  }

  // Pooled sets: the items of several sets scored as one (each id prefixed with its set's name,
  // as two sets may use the same ids), after every set it names has been loaded. A pool holding
  // a held-out set is held out.
  for (const spec of options.pool) {
    const fail = (why: string): never => { process.stderr.write(`${tool}: --pool ${spec}: ${why}\n`); process.exit(2); };
    const [name, list] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : ['', ''];
    const members = list.split(',').map((m) => m.trim()).filter(Boolean);
    if (!name || !members.length) fail('takes NAME=SET,SET,… (names of sets scored here)');
    if (sets[name]) fail(`that name is taken (${Object.keys(sets).join(', ')})`);
    const unknown = members.filter((m) => !sets[m]);
    if (unknown.length) fail(`no set named ${unknown.join(', ')} (${Object.keys(sets).join(', ')})`);
    const items = members.flatMap((m) => sets[m]!.items.map((i) => ({ ...i, id: `${m}:${i.id}` })));
    add(name, { name: `${name}: ${members.join(' + ')}, pooled`, file: sets[members[0]!]!.file, items }, members.some((m) => sets[m]!.heldOut));
  }
  return { sets, ...(real ? { real } : {}) };
}

/** The dev and held-out halves of a set, by the hash of each id, as the real set is halved. */
function halves(set: EvalSet): Record<'dev' | 'held', EvalSet> {
  const parts = splitByHash(set.items);
  const half = (part: 'dev' | 'held') => ({ ...set, name: `${set.name}, ${part}`, items: set.items.filter((i) => parts.get(i.id) === part) });
  return { dev: half('dev'), held: half('held') };
}

function readSet(name: string, file: string, fail: (why: string) => never): EvalSet {
  try { return loadWrittenSet(name, path.resolve(file)); } catch (e) { return fail((e as Error).message); }
}

/** A set's items with another annotator's labels (JSON Lines of {id, relevant, topics}); an id the set lacks is an error naming the file. */
function relabelled(tool: string, set: EvalSet, file: string): EvalSet {
  let labels: { id: string; relevant: boolean; topics: string[] }[];
  try { labels = readJsonl(file); } catch (e) { process.stderr.write(`${tool}: ${(e as Error).message}\n`); process.exit(2); }
  const byId = new Map(set.items.map((i) => [i.id, i]));
  const unknown = labels.filter((l) => !byId.has(l.id)).map((l) => l.id);
  if (unknown.length) { process.stderr.write(`${tool}: ${file}: ids not in the corpus: ${unknown.slice(0, 5).join(', ')}\n`); process.exit(2); }
  const items = labels.map((l) => ({ ...byId.get(l.id)!, relevant: l.relevant, topics: (l.relevant ? l.topics : []) as EvalItem['topics'] }));
  return { name: 'demo corpus, a blind editor\'s labels', file, items };
}

function corpusSet(dir: string, config: AnalysisConfig): EvalSet {
  const items: EvalItem[] = loadDemoCorpus(dir, config.story.timezone).map((e) => ({
    id: e.slug, title: e.title, text: e.paragraphs.join('\n'), relevant: !e.offTopic, topics: e.offTopic ? [] : e.topics,
  }));
  return { name: 'demo corpus, its authors\' labels', file: dir, items };
}
