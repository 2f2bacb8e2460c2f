// Relevance and topics, each decision with the sentence that made it. Rules are data
// (content/config/topics.yaml); this module only scores sentences against them.
//
// Every sentence (the title is one, as strong as a lead sentence) is matched once against
// the story's lexicon (./lexicon.ts), then:
// - a sentence scores for each topic; it counts for a topic only where that topic is close
//   to the sentence's strongest one (a delivery date inside a resale sentence is not sales);
// - a topic holds when its best sentences reach the topic's threshold;
// - the item is about the story when it names the story's subject, holds at least one topic,
//   and its sentences about an out-of-scope subject (a crash, a phone) do not outnumber its
//   sentences about the story.
import type { TopicId, DisputeStage } from '../src/schema/article.ts';
import type { TopicsConfig, TopicRule, StoryConfig } from './config.ts';

export type TopicDecision = { topic: TopicId; score: number; sentence: number };
export type Relevance = { relevant: boolean; score: number; reason?: string };
export type DisputeLink = { id: string; stage: DisputeStage; sentence: string };
/** The lexicon phrases one sentence holds, with how often. */
export type Hits = ReadonlyMap<string, number>;

/** Every phrase the rules look for, so one pass over a sentence finds them all. */
export function lexiconPhrases(config: TopicsConfig): string[] {
  const r = config.relevance;
  return [
    ...config.topics.flatMap((t) => [...t.phrases.map((p) => p.text), ...t.negative.flatMap((n) => [n.phrase, ...n.context])]),
    ...r.subject.names, ...r.subject.brand, ...r.subject.context,
    ...r.offTopic.flatMap((k) => k.phrases),
  ];
}

/** A sentence's score for one topic: its phrases' weights (once each), minus phrases whose negative context applies. */
export function scoreSentence(hits: Hits, sentence: string, rule: TopicRule): number {
  let score = 0;
  for (const p of rule.phrases) if (hits.has(p.text)) score += p.weight;
  for (const p of rule.patterns) if (p.regex.test(sentence)) score += p.weight;
  for (const n of rule.negative) {
    if (hits.has(n.phrase) && n.context.some((c) => hits.has(c))) score += n.weight;
  }
  return score;
}

export type ScoredSentence = { topics: number[]; best: number };

/** Each sentence's score per topic (in config order), and its strongest topic score. */
export function scoreSentences(sentences: { hits: Hits; text: string }[], rules: TopicRule[]): ScoredSentence[] {
  return sentences.map(({ hits, text }) => {
    const topics = rules.map((rule) => Math.max(0, scoreSentence(hits, text, rule)));
    return { topics, best: Math.max(0, ...topics) };
  });
}

/**
 * Topics: a topic holds when its three best sentences reach its threshold, counting only the
 * sentences where it is at least `share` of the sentence's strongest topic. The evidence is
 * the best sentence for the topic (an index into the sentences, the title being 0). A topic
 * must also reach `share.item` of the item's strongest topic.
 */
export function classifyTopics(scored: ScoredSentence[], rules: TopicRule[], share: { sentence: number; item: number }): TopicDecision[] {
  let decisions: TopicDecision[] = [];
  rules.forEach((rule, t) => {
    const counted = scored.map((s, i) => ({ i, score: s.topics[t]! }))
      .filter((x, i) => x.score > 0 && x.score >= share.sentence * scored[i]!.best)
      .sort((a, b) => b.score - a.score || b.i - a.i);
    const total = counted.slice(0, 3).reduce((sum, x) => sum + x.score, 0);
    if (total >= rule.threshold) decisions.push({ topic: rule.id, score: round(total), sentence: counted[0]!.i });
  });
  // A topic told in passing beside a much stronger one is not what the item is about.
  const strongest = Math.max(0, ...decisions.map((d) => d.score));
  decisions = decisions.filter((d) => d.score >= share.item * strongest);
  return decisions;
}

/** Is the story's subject named: by name, or the brand with a word that makes it the car (小米 + 定金)? */
export function subjectScore(sentences: Hits[], subject: TopicsConfig['relevance']['subject']): number {
  const has = (hits: Hits, phrases: readonly string[]) => phrases.some((p) => hits.has(p));
  const named = sentences.filter((h) => has(h, subject.names)).length;
  const branded = sentences.filter((h) => !has(h, subject.names) && has(h, subject.brand) && has(h, subject.context)).length;
  return named + 0.5 * branded;
}

/** Is the item about the story? See the module comment; reasons come from topics.yaml. */
export function judgeRelevance(sentences: Hits[], scored: ScoredSentence[], decisions: TopicDecision[], relevance: TopicsConfig['relevance']): Relevance {
  const { offTopic, reasons } = relevance;
  const subject = subjectScore(sentences, relevance.subject);
  if (subject === 0) return { relevant: false, score: 0, reason: reasons.noSubject };
  const storyScore = decisions.reduce((sum, d) => sum + d.score, 0);
  const score = round(Math.min(subject, 6) + storyScore);
  if (!decisions.length) return { relevant: false, score, reason: reasons.noTopic };

  // Each sentence speaks either for the story or for an out-of-scope subject, whichever is stronger.
  let storySentences = 0;
  const offSentences = new Map<string, { n: number; phrases: Set<string> }>();
  sentences.forEach((hits, i) => {
    let worst: { kind: string; weight: number; phrases: string[] } | undefined;
    for (const kind of offTopic) {
      const phrases = kind.phrases.filter((p) => hits.has(p));
      const weight = kind.weight * phrases.length;
      if (phrases.length && (!worst || weight > worst.weight)) worst = { kind: kind.kind, weight, phrases };
    }
    const story = scored[i]!.best;
    if (worst && worst.weight > story) {
      const entry = offSentences.get(worst.kind) ?? { n: 0, phrases: new Set<string>() };
      entry.n++;
      worst.phrases.forEach((p) => entry.phrases.add(p));
      offSentences.set(worst.kind, entry);
    } else if (story > 0) storySentences++;
  });
  const offTotal = [...offSentences.values()].reduce((n, k) => n + k.n, 0);
  if (offTotal > storySentences) {
    const [kind, k] = [...offSentences].sort((a, b) => b[1].n - a[1].n)[0]!;
    return { relevant: false, score, reason: `${kind}: ${[...k.phrases].slice(0, 3).join('、')}` };
  }
  return { relevant: true, score };
}

/** Which dispute threads the article follows, and at what stage, from story.yaml and topics.yaml. */
export function linkDisputes(sentences: string[], story: StoryConfig, stages: TopicsConfig['disputeStages']): DisputeLink[] {
  const links: DisputeLink[] = [];
  for (const thread of story.disputes) {
    const matching = sentences.filter((s) => thread.match.some((m) => s.includes(m)));
    if (!matching.length) continue;
    // The latest stage the article reaches: an outcome matters more than the complaint it answers.
    for (const { stage, phrases } of [...stages].reverse()) {
      const sentence = matching.find((s) => phrases.some((p) => s.includes(p)));
      if (sentence) { links.push({ id: thread.id, stage, sentence }); break; }
    }
  }
  return links;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
