// Scores predictions against labels: per-topic precision/recall/F1, macro-F1, off-topic
// rejection and relevant kept. Pure; `npm run eval` feeds it the labelled set.
import { TOPIC_IDS, type TopicId } from '../src/schema/article.ts';

export type Labelled = { id: string; relevant: boolean; topics: TopicId[] };
export type Predicted = { id: string; relevant: boolean; topics: TopicId[] };
export type TopicScore = { topic: TopicId; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
export type Scores = { topics: TopicScore[]; macroF1: number; offTopicRejection: number; relevantKept: number; relevanceAccuracy: number; n: number };

export function score(labels: Labelled[], predictions: Map<string, Predicted>): Scores {
  const topics = TOPIC_IDS.map((topic) => {
    let tp = 0, fp = 0, fn = 0;
    for (const label of labels) {
      const p = predictions.get(label.id);
      const predicted = !!p?.relevant && p.topics.includes(topic);
      const actual = label.relevant && label.topics.includes(topic);
      if (predicted && actual) tp++; else if (predicted) fp++; else if (actual) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { topic, tp, fp, fn, precision, recall, f1 };
  });
  const off = labels.filter((l) => !l.relevant);
  const on = labels.filter((l) => l.relevant);
  const rejected = off.filter((l) => !predictions.get(l.id)?.relevant).length;
  const kept = on.filter((l) => predictions.get(l.id)?.relevant).length;
  return {
    topics,
    macroF1: topics.reduce((s, t) => s + t.f1, 0) / topics.length,
    offTopicRejection: off.length ? rejected / off.length : 1,
    relevantKept: on.length ? kept / on.length : 1,
    relevanceAccuracy: (rejected + kept) / Math.max(1, labels.length),
    n: labels.length,
  };
}
