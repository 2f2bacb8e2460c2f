// Relevance and topics, each decision with the sentence that made it. Rules are data
// (content/config/topics.yaml); this module only scores sentences against them.
import type { TopicId, DisputeStage } from '../src/schema/article.ts';
import type { TopicsConfig, TopicRule, StoryConfig } from './config.ts';

export type TopicDecision = { topic: TopicId; score: number; sentence: string };
export type Relevance = { relevant: boolean; score: number; reason?: string };
export type DisputeLink = { id: string; stage: DisputeStage; sentence: string };

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** A sentence's score for one topic: its phrases' weights, minus phrases whose negative context applies. */
export function scoreSentence(sentence: string, rule: TopicRule): number {
  let score = 0;
  for (const p of rule.phrases) if (sentence.includes(p.text)) score += p.weight;
  for (const n of rule.negative) {
    if (sentence.includes(n.phrase) && n.context.some((c) => sentence.includes(c))) score += n.weight;
  }
  return score;
}

/**
 * Topics: a topic is assigned when its best sentences add up to the threshold. The evidence is
 * the best-scoring sentence, preferring the title when it ties (readers see it first).
 */
export function classifyTopics(title: string, sentences: string[], topics: TopicsConfig['topics']): TopicDecision[] {
  const decisions: TopicDecision[] = [];
  for (const rule of topics) {
    const scored = [title, ...sentences].map((s, i) => ({ s, score: scoreSentence(s, rule) * (i === 0 ? 1.5 : 1) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score);
    if (!scored.length) continue;
    // The top three sentences count: one strong sentence or several moderate ones.
    const total = scored.slice(0, 3).reduce((sum, x) => sum + x.score, 0);
    if (total < rule.threshold) continue;
    const evidence = scored.find((x) => x.s !== title) ?? scored[0]!;
    decisions.push({ topic: rule.id, score: round(total), sentence: evidence.s });
  }
  return decisions;
}

/** Is the article about the story? The subject must be named and the story's angle present. */
export function judgeRelevance(title: string, text: string, relevance: TopicsConfig['relevance'], topicScore: number): Relevance {
  const all = `${title}\n${text}`;
  const subjectHits = relevance.subject.reduce((n, s) => n + count(all, s), 0);
  const subjectInTitle = relevance.subject.some((s) => title.includes(s));
  if (subjectHits === 0) return { relevant: false, score: 0, reason: 'no-story-subject: 未提及小米汽车及其车型' };
  let angle = 0;
  for (const p of relevance.angle) if (all.includes(p.text)) angle += p.weight;
  let penalty = 0;
  let worst: { kind: string; weight: number; hits: string[] } | undefined;
  for (const kind of relevance.offTopic) {
    const hits = kind.phrases.filter((p) => all.includes(p));
    if (!hits.length) continue;
    // Another subject that dominates the article outweighs a passing mention of ours.
    const weight = kind.weight * hits.reduce((n, p) => n + count(all, p), 0);
    penalty += weight;
    if (!worst || weight < worst.weight) worst = { kind: kind.kind, weight, hits };
  }
  const subjectWeight = Math.min(subjectHits, 6) * (subjectInTitle ? 1.5 : 1);
  const score = round(subjectWeight + angle + topicScore * 0.5 + penalty);
  if (score >= relevance.threshold && angle > 0) return { relevant: true, score };
  const reason = worst && -worst.weight >= subjectWeight ? `${worst.kind}: ${worst.hits.slice(0, 3).join('、')}`
    : angle <= 0 ? 'no-ordering-angle: 提及小米汽车，但与预售、订单、退订、转售或维权无关'
    : 'weak-signal: 与预售事件的关联不足';
  return { relevant: false, score, reason };
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
