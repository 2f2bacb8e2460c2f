// What each entry of topics.yaml decides on the labelled items: take it out, analyse again,
// count the items whose verdict changes and whether they become more or less right. An entry
// that decides one item only, or whose removal makes the items more right, is for an editor to
// look at: a rule made for one item is a defect unless it stands for a class. Pure; `npm run
// audit-rules` feeds it the labelled sets and prints the result.
import type { TopicsConfig } from './config.ts';
import type { Labelled } from './evaluate.ts';

/** One entry of the rules, and the rules without it. */
export type RuleEntry = { entry: string; without: () => TopicsConfig };
export type Verdict = { relevant: boolean; topics: readonly string[] };
export type EntryEffect = {
  entry: string;
  /** Items whose verdict (relevance or topics) changes without the entry. */
  changed: number;
  /** Right decisions (relevance, and each topic) with the entry minus without it: > 0 it helps, < 0 it costs. */
  net: number;
  /** The changed items' ids, first few. */
  items: string[];
};

/** Every phrase, pattern and negative context of each topic, every out-of-scope phrase, subject word, spelling and whole word. */
export function ruleEntries(topics: TopicsConfig): RuleEntry[] {
  const entries: RuleEntry[] = [];
  const edit = (entry: string, change: (copy: TopicsConfig) => void) => entries.push({ entry, without: () => { const copy = structuredClone(topics); change(copy); return copy; } });
  topics.topics.forEach((topic, t) => {
    topic.phrases.forEach((p, i) => edit(`${topic.id} phrase ${p.text} (${p.weight})`, (c) => { c.topics[t]!.phrases.splice(i, 1); }));
    topic.patterns.forEach((p, i) => edit(`${topic.id} pattern /${p.regex.source}/${p.unless ? ` unless /${p.unless.source}/` : ''} (${p.weight})`, (c) => { c.topics[t]!.patterns.splice(i, 1); }));
    topic.negative.forEach((n, i) => edit(`${topic.id} negative ${n.phrase} next to ${n.context.join('|')} (${n.weight})`, (c) => { c.topics[t]!.negative.splice(i, 1); }));
  });
  topics.relevance.offTopic.forEach((kind, k) => kind.phrases.forEach((p, i) => edit(`offTopic ${kind.kind} ${p}`, (c) => { c.relevance.offTopic[k]!.phrases.splice(i, 1); })));
  for (const part of ['names', 'brand', 'context'] as const) {
    topics.relevance.subject[part].forEach((w, i) => edit(`subject ${part} ${w}`, (c) => { c.relevance.subject[part].splice(i, 1); }));
  }
  for (const from of Object.keys(topics.spelling)) edit(`spelling ${from} → ${topics.spelling[from]}`, (c) => { delete c.spelling[from]; });
  topics.wholeWords.forEach((w, i) => edit(`wholeWords ${w}`, (c) => { c.wholeWords.splice(i, 1); }));
  return entries;
}

/** Right decisions on one item: its relevance, and for each topic whether it is tagged as labelled. */
export function rightDecisions(label: Labelled, verdict: Verdict, topicIds: readonly string[]): number {
  const tagged = (t: string) => verdict.relevant && verdict.topics.includes(t);
  const labelled = (t: string) => label.relevant && (label.topics as readonly string[]).includes(t);
  return (verdict.relevant === label.relevant ? 1 : 0) + topicIds.filter((t) => tagged(t) === labelled(t)).length;
}

/** How the verdicts without an entry differ from those with it (`base`), item by item in the same order as `labels`. */
export function entryEffect(entry: string, labels: readonly (Labelled & { set?: string })[], base: readonly Verdict[], without: readonly Verdict[], topicIds: readonly string[], keepIds = 5): EntryEffect {
  let changed = 0;
  let net = 0;
  const items: string[] = [];
  labels.forEach((label, i) => {
    const [a, b] = [base[i]!, without[i]!];
    if (a.relevant === b.relevant && (!a.relevant || sameTopics(a.topics, b.topics))) return;
    changed++;
    net += rightDecisions(label, a, topicIds) - rightDecisions(label, b, topicIds);
    if (items.length < keepIds) items.push(label.set ? `${label.set}:${label.id}` : label.id);
  });
  return { entry, changed, net, items };
}

function sameTopics(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}
