// One article's analysis: normalize → segment → classify → figures → keywords → fingerprint.
// Pure given the loaded config and segmenter; used by ingest workers and `npm run analyze`.
import type { TopicId, Figure } from '../src/schema/article.ts';
import type { Config, TopicsConfig } from './config.ts';
import { detectScript, normalizeText, splitSentences } from './normalize.ts';
import { segment, segmentWords, addWords, extractKeywords } from './segment.ts';
import { makeFold, compileLexicon, findPhrases, wordPieces, type Fold, type Lexicon } from './lexicon.ts';
import { classifyTopics, judgeRelevance, linkDisputes, lexiconPhrases, scoreSentences, type DisputeLink } from './classify.ts';
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

type Rules = { fold: Fold; lexicon: Lexicon; topics: TopicsConfig };
const compiled = new WeakMap<TopicsConfig, Rules>();

/**
 * The rules as matching needs them: every phrase folded like the text (case, width, spelling)
 * and gathered into one lexicon; the phrases also go into the segmenter's dictionary so that
 * it keeps them whole. Built once per loaded config.
 */
function rulesFor(topics: TopicsConfig): Rules {
  let rules = compiled.get(topics);
  if (rules) return rules;
  const fold = makeFold(topics.spelling);
  const f = (p: string) => fold(p);
  const folded: TopicsConfig = {
    ...topics,
    topics: topics.topics.map((t) => ({
      ...t,
      phrases: t.phrases.map((p) => ({ ...p, text: f(p.text) })),
      negative: t.negative.map((n) => ({ ...n, phrase: f(n.phrase), context: n.context.map(f) })),
    })),
    relevance: {
      ...topics.relevance,
      subject: { names: topics.relevance.subject.names.map(f), brand: topics.relevance.subject.brand.map(f), context: topics.relevance.subject.context.map(f) },
      offTopic: topics.relevance.offTopic.map((k) => ({ ...k, phrases: k.phrases.map(f) })),
    },
  };
  const phrases = lexiconPhrases(folded);
  const wholeWords = topics.wholeWords.map(f);
  addWords([...phrases, ...wholeWords].filter((p) => !/[a-z\d]/.test(p)));
  rules = { fold, lexicon: compileLexicon(phrases, wholeWords), topics: folded };
  compiled.set(topics, rules);
  return rules;
}

/** An item read for analysis: its sentences (the title first) as shown, normalized, folded, and what each holds. */
function readItem(input: { title: string; text: string }, rules: Rules) {
  const script = detectScript(`${input.title}${input.text}`);
  // Sentences are split on the original and normalized one by one, so evidence shown to
  // readers is the article's own sentence while matching runs on the normalized copy.
  const original = splitSentences(input.text);
  const normalized = original.map((s) => normalizeText(s, script));
  const title = normalizeText(input.title, script);
  // The title is sentence 0: a headline with no body is judged on the headline alone.
  const folded = [title, ...normalized].map(rules.fold);
  const hits = folded.map((text) => findPhrases(wordPieces(segmentWords(text)), rules.lexicon));
  return { script, original, normalized, title, folded, hits, displayed: [input.title.trim(), ...original] };
}

function ruleDecisions(item: ReturnType<typeof readItem>, rules: Rules) {
  const scored = scoreSentences(item.folded.map((text, i) => ({ text, hits: item.hits[i]! })), rules.topics.topics);
  const decisions = classifyTopics(scored, rules.topics.topics, rules.topics.relevance.share);
  return { decisions, relevance: judgeRelevance(item.hits, scored, decisions, rules.topics.relevance) };
}

export function analyzeArticle(input: { title: string; text: string }, config: AnalysisConfig): Analysis {
  const rules = rulesFor(config.topics);
  const item = readItem(input, rules);
  const { script, original, normalized, title, displayed } = item;
  const fullNormalized = normalized.join('\n');
  const { decisions, relevance } = ruleDecisions(item, rules);
  const relevant = relevance.relevant;
  return {
    script,
    relevant,
    relevanceScore: relevance.score,
    ...(relevance.reason ? { reason: relevance.reason } : {}),
    topics: relevant ? decisions.map((d) => d.topic) : [],
    evidence: relevant ? decisions.map((d) => ({ topic: d.topic, sentence: displayed[d.sentence]!, score: d.score })) : [],
    keywords: extractKeywords(`${title}\n${fullNormalized}`, 8),
    figures: relevant ? extractFigures(fullNormalized, config.claims).map((f) => ({ ...f, sentence: originalOf(f.sentence, normalized, original) })) : [],
    // Only an article about a dispute follows a dispute thread; a glossary piece that says 锁单 does not.
    disputes: relevant && decisions.some((d) => d.topic === 'disputes') ? linkDisputes(normalized, config.story, config.topics.disputeStages).map((d) => ({ ...d, sentence: originalOf(d.sentence, normalized, original) })) : [],
    summary: summarize(original),
    fingerprint: fingerprint(segment(`${title}\n${fullNormalized}`)),
  };
}

function originalOf(sentence: string, normalized: string[], original: string[]): string {
  const i = normalized.indexOf(sentence);
  return i === -1 ? sentence : original[i]!;
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
