// Scores predictions against labels: relevance precision and recall, per-topic
// precision/recall/F1, macro-F1, off-topic rejection, and kept items with no topic.
// Pure; `npm run eval` feeds it the labelled sets.
import type { TopicId } from '../src/schema/article.ts';

export type Labelled = { id: string; relevant: boolean; topics: TopicId[] };
export type Predicted = { id: string; relevant: boolean; topics: TopicId[] };
export type TopicScore = { topic: TopicId; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
export type Scores = {
  n: number;
  topics: TopicScore[];
  macroF1: number;
  relevancePrecision: number;
  relevanceRecall: number;
  offTopicRejection: number;
  relevanceAccuracy: number;
  keptWithoutTopic: number;
  /** The counts behind relevance recall and off-topic rejection, for intervals. */
  storyKept: number;
  storyItems: number;
  offTopicKept: number;
  offTopicItems: number;
};

/**
 * Wilson score interval of a proportion k/n at 95% (z 1.96): on 62 story items one item moves
 * recall by 1.6 points, so a target is read against the interval, not the point. Pure.
 */
export function wilsonInterval(k: number, n: number, z = 1.96): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function prf(tp: number, fp: number, fn: number) {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** `topicIds`: the story's topics (topics.yaml), in its order. */
export function score(labels: Labelled[], predictions: Map<string, Predicted>, topicIds: readonly TopicId[]): Scores {
  const topics = topicIds.map((topic) => {
    let tp = 0, fp = 0, fn = 0;
    for (const label of labels) {
      const p = predictions.get(label.id);
      const predicted = !!p?.relevant && p.topics.includes(topic);
      const actual = label.relevant && label.topics.includes(topic);
      if (predicted && actual) tp++; else if (predicted) fp++; else if (actual) fn++;
    }
    return { topic, tp, fp, fn, ...prf(tp, fp, fn) };
  });
  const off = labels.filter((l) => !l.relevant);
  const on = labels.filter((l) => l.relevant);
  const rejected = off.filter((l) => !predictions.get(l.id)?.relevant).length;
  const kept = on.filter((l) => predictions.get(l.id)?.relevant).length;
  const relevance = prf(kept, off.length - rejected, on.length - kept);
  const present = topics.filter((t) => t.tp + t.fn > 0);
  return {
    n: labels.length,
    topics,
    // Only topics the set holds count: a set without items of a topic says nothing about it.
    macroF1: present.length ? present.reduce((s, t) => s + t.f1, 0) / present.length : 0,
    relevancePrecision: relevance.precision,
    relevanceRecall: on.length ? relevance.recall : 1,
    offTopicRejection: off.length ? rejected / off.length : 1,
    relevanceAccuracy: (rejected + kept) / Math.max(1, labels.length),
    keptWithoutTopic: [...predictions.values()].filter((p) => p.relevant && !p.topics.length).length,
    storyKept: kept,
    storyItems: on.length,
    offTopicKept: off.length - rejected,
    offTopicItems: off.length,
  };
}
