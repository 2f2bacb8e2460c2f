// One article's analysis: normalize → segment → classify → figures → keywords → fingerprint.
// Pure given the loaded config and segmenter; used by ingest workers and `npm run analyze`.
import type { TopicId, Figure } from '../src/schema/article.ts';
import type { Config } from './config.ts';
import { detectScript, normalizeText, splitSentences } from './normalize.ts';
import { segment, extractKeywords } from './segment.ts';
import { classifyTopics, judgeRelevance, linkDisputes, type DisputeLink } from './classify.ts';
import { extractFigures } from './facts.ts';
import { fingerprint, type Fingerprint } from './dedupe.ts';

export type AnalysisConfig = Pick<Config, 'topics' | 'claims' | 'story'>;

export type Analysis = {
  script: 'hans' | 'hant';
  relevant: boolean;
  relevanceScore: number;
  reason?: string;
  topics: TopicId[];
  evidence: { topic: TopicId; sentence: string; score: number }[];
  keywords: string[];
  figures: Figure[];
  disputes: DisputeLink[];
  summary: string;
  fingerprint: Fingerprint;
};

export function analyzeArticle(input: { title: string; text: string }, config: AnalysisConfig): Analysis {
  const script = detectScript(`${input.title}${input.text}`);
  // Sentences are split on the original and normalized one by one, so evidence shown to
  // readers is the article's own sentence while matching runs on the normalized copy.
  const original = splitSentences(input.text);
  const normalized = original.map((s) => normalizeText(s, script));
  const toOriginal = new Map(normalized.map((n, i) => [n, original[i]!]));
  const title = normalizeText(input.title, script);
  const fullNormalized = normalized.join('\n');

  const decisions = classifyTopics(title, normalized, config.topics.topics);
  const topicScore = decisions.reduce((sum, d) => sum + d.score, 0);
  const relevance = judgeRelevance(title, fullNormalized, config.topics.relevance, topicScore);
  const tokens = segment(`${title}\n${fullNormalized}`);
  const back = (s: string) => toOriginal.get(s) ?? s;
  const relevant = relevance.relevant;
  return {
    script,
    relevant,
    relevanceScore: relevance.score,
    ...(relevance.reason ? { reason: relevance.reason } : {}),
    topics: relevant ? decisions.map((d) => d.topic) : [],
    evidence: relevant ? decisions.map((d) => ({ topic: d.topic, sentence: back(d.sentence), score: d.score })) : [],
    keywords: extractKeywords(`${title}\n${fullNormalized}`, 8),
    figures: relevant ? extractFigures(fullNormalized, config.claims).map((f) => ({ ...f, sentence: back(f.sentence) })) : [],
    // Only an article about a dispute follows a dispute thread; a glossary piece that says 锁单 does not.
    disputes: relevant && decisions.some((d) => d.topic === 'disputes') ? linkDisputes(normalized, config.story, config.topics.disputeStages).map((d) => ({ ...d, sentence: back(d.sentence) })) : [],
    summary: summarize(original),
    fingerprint: fingerprint(tokens),
  };
}

/** The lead: first sentences up to ~120 characters. */
export function summarize(sentences: string[]): string {
  let out = '';
  for (const s of sentences) {
    if (out && out.length + s.length > 120) break;
    out += s;
  }
  return out.length > 160 ? `${out.slice(0, 158)}…` : out;
}
