// One article's analysis: normalize → segment → classify → figures → keywords → fingerprint.
// Pure given the loaded config and segmenter; used by ingest workers and `npm run analyze`.
import type { TopicId, Figure } from '../src/schema/article.ts';
import { rulePhrases, type Config, type TopicsConfig } from './config.ts';
import { detectScript, normalizeLines, normalizeText, splitSentences } from './normalize.ts';
import { segmentWords, keywordsFromTokens } from './segment.ts';
import { makeFold, compileLexicon, findPhrases, wordPieces, type Fold, type Lexicon } from './lexicon.ts';
import { bareTitleTopics, judgeRelevance, linkDisputes, newsDayFor, onlyNamesSubject, scoreParts, scoreSentences, traceTopics, type DisputeLink, type NewsDay, type Relevance, type ScoredSentence, type TopicDecision, type TopicTrace } from './classify.ts';
import { parseSourceDate } from './dates.ts';
import { extractFigures } from './facts.ts';
import { fingerprint, type Fingerprint } from './dedupe.ts';

export type AnalysisConfig = Pick<Config, 'topics' | 'claims' | 'story'>;
/** An item to analyse: `date` (when it was published or listed, any form dates.ts reads) places a bare title on the story's news days. */
export type AnalysisInput = { title: string; text: string; date?: string };

export type Analysis = {
  script: 'hans' | 'hant';
  relevant: boolean;
  relevanceScore: number;
  reason?: string;
  topics: TopicId[];
  evidence: { topic: TopicId; sentence: string; score: number; newsDay?: { date: string; what: string } }[];
  keywords: string[];
  figures: Figure[];
  disputes: DisputeLink[];
  fingerprint: Fingerprint;
};

type Rules = { fold: Fold; lexicon: Lexicon; topics: TopicsConfig };
const compiled = new WeakMap<TopicsConfig, Rules>();

/**
 * The rules as matching needs them: every phrase folded like the text (case, width, spelling)
 * and gathered into one lexicon (the segmenter's dictionary holds them too: config.ts). Built
 * once per loaded config.
 */
function rulesFor(topics: TopicsConfig): Rules {
  let rules = compiled.get(topics);
  if (rules) return rules;
  const f = makeFold(topics.spelling);
  const foldAll = (xs: string[]) => xs.map((x) => f(x));
  const folded: TopicsConfig = {
    ...topics,
    topics: topics.topics.map((t) => ({
      ...t,
      phrases: t.phrases.map((p) => ({ ...p, text: f(p.text) })),
      negative: t.negative.map((n) => ({ ...n, phrase: f(n.phrase), context: foldAll(n.context) })),
      requires: foldAll(t.requires),
    })),
    relevance: {
      ...topics.relevance,
      subject: { names: foldAll(topics.relevance.subject.names), brand: foldAll(topics.relevance.subject.brand), context: foldAll(topics.relevance.subject.context) },
      offTopic: topics.relevance.offTopic.map((k) => ({ ...k, phrases: foldAll(k.phrases) })),
    },
  };
  const phrases = rulePhrases(folded);
  rules = { fold: f, lexicon: compileLexicon(phrases, foldAll(topics.wholeWords)), topics: folded };
  compiled.set(topics, rules);
  return rules;
}

/** An item read for analysis: its sentences (the title first) as shown, normalized, folded, and what each holds. */
function readItem(input: { title: string; text: string }, rules: Rules) {
  const script = detectScript(`${input.title}${input.text}`);
  // Sentences are split on the original and normalized one by one, so evidence shown to
  // readers is the article's own sentence while matching runs on the normalized copy.
  const original = splitSentences(input.text);
  const normalized = normalizeLines(original, script);
  const title = normalizeText(input.title, script);
  // The title is sentence 0: a headline with no body is judged on the headline alone.
  const folded = rules.fold.lines([title, ...normalized]).map(withoutAsides);
  // One cut for the whole item: sentences joined by line breaks, which jieba keeps as tokens.
  const words = segmentWords(folded.join('\n'));
  // In one pass: each sentence's tokens, and the item's words without blanks (for keywords).
  const perSentence: string[][] = [];
  const kept: string[] = [];
  let tokens: string[] = [];
  for (const w of words) {
    if (w === '\n') { perSentence.push(tokens); tokens = []; continue; }
    tokens.push(w);
    if (!isBlank(w)) kept.push(w);
  }
  perSentence.push(tokens);
  const hits = perSentence.map((tokens) => findPhrases(wordPieces(tokens), rules.lexicon));
  return { script, original, normalized, folded, hits, words: kept, displayed: [input.title.trim(), ...original] };
}

/**
 * A short aside in brackets glosses a term or names a source ("大定（交定金，7天内可退）",
 * "(图片|配置|询价)"): it is not what the sentence reports, so the rules do not read it. The
 * sentence shown to readers keeps it. Folding has made the brackets half-width.
 */
const ASIDE = /\([^()]{0,40}\)/g;
function withoutAsides(line: string): string {
  return line.includes('(') ? line.replace(ASIDE, '') : line;
}

/** Whether a token is only white space (String.prototype.trim's): a token starting with a letter, digit or Han character is not, without trimming it. */
function isBlank(token: string): boolean {
  const c = token.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff)) return false;
  return token.trim() === '';
}

/**
 * The rules' verdict on an item: its topics and relevance, or, for a bare title dated on a news
 * day, that day's (newsDayOfBareTitle). `trace`: also say why each carried topic holds or not
 * (explain); the hot path builds no reasons.
 */
function ruleDecisions(item: ReturnType<typeof readItem>, rules: Rules, story: AnalysisConfig['story'], date: string | undefined, trace = false) {
  const scored = scoreSentences(item.folded.map((text, i) => ({ text, hits: item.hits[i]! })), rules.topics.topics);
  const { decisions, traces } = traceTopics(scored, rules.topics.topics, rules.topics.relevance.topicPolicy, item.hits, trace);
  const relevance: Relevance = judgeRelevance(item.hits, scored, decisions, rules.topics.relevance);
  const bare = bareTitleDecisions(item, rules, relevance, scored);
  if (bare.length) {
    if (trace) traces.push(...bare.map((d) => ({ topic: d.topic, carriedBy: [0], held: true, why: 'the title has no text and holds only the subject and story words (a trending list\'s entry): its words\' topics hold below the threshold' })));
    return { scored, decisions: bare, traces, relevance: { relevant: true, score: relevance.score + bare.reduce((sum, d) => sum + d.score, 0) } };
  }
  const newsDay = newsDayOfBareTitle(item, rules, relevance, date, story);
  if (!newsDay) return { scored, decisions, traces, relevance };
  if (trace) traces.push(...newsDay.topics.map((topic) => ({ topic, carriedBy: [0], held: true, why: `the title only names the subject, dated on or the day after a news day of story.yaml (${newsDay.date} ${newsDay.what})` })));
  const kept: Relevance = { relevant: true, score: relevance.score };
  return { scored, decisions: newsDay.topics.map((topic) => ({ topic, score: 0, sentence: 0 })), traces, relevance: kept, newsDay };
}

/** A title with no text that the rules leave without an angle: it names the subject, and no topic holds. */
function isBareTitleWithoutAngle(item: ReturnType<typeof readItem>, rules: Rules, relevance: { relevant: boolean; reason?: string }): boolean {
  return !relevance.relevant && relevance.reason === rules.topics.relevance.reasons.noTopic && item.folded.length === 1;
}

/** Such a title made of the subject and story words only: its words' topics (classify.ts bareTitleTopics). */
function bareTitleDecisions(item: ReturnType<typeof readItem>, rules: Rules, relevance: { relevant: boolean; reason?: string }, scored: ScoredSentence[]): TopicDecision[] {
  if (!isBareTitleWithoutAngle(item, rules, relevance)) return [];
  return bareTitleTopics(item.folded[0]!, item.hits[0]!, scored[0]!, rules.topics.topics, rules.topics.relevance.topicPolicy.titleShare ?? rules.topics.relevance.topicPolicy.share);
}

/**
 * An item the rules leave without an angle (it names the subject and nothing else), with no
 * text, dated on one of the story's news days or the next: that day's news, its topics told by
 * story.yaml `newsDays`, the title their evidence (classify.ts newsDayFor).
 */
function newsDayOfBareTitle(item: ReturnType<typeof readItem>, rules: Rules, relevance: { relevant: boolean; reason?: string }, date: string | undefined, story: AnalysisConfig['story']): NewsDay | undefined {
  if (!isBareTitleWithoutAngle(item, rules, relevance) || !date || !story.newsDays.length) return undefined;
  if (!onlyNamesSubject(item.folded[0]!, item.hits[0]!, rules.topics.relevance.subject)) return undefined;
  const day = parseSourceDate(date, story.timezone)?.slice(0, 10);
  return day ? newsDayFor(day, story.newsDays) : undefined;
}

export function analyzeArticle(input: AnalysisInput, config: AnalysisConfig): Analysis {
  const { analysis, words } = analyzeItem(input, config);
  return { ...analysis, fingerprint: fingerprint(words) };
}

/** The analysis without the fingerprint, which only the ingest's deduplication reads (the `analyze` command prints none). */
export function analyzeWithoutFingerprint(input: AnalysisInput, config: AnalysisConfig): Omit<Analysis, 'fingerprint'> {
  return analyzeItem(input, config).analysis;
}

function analyzeItem(input: AnalysisInput, config: AnalysisConfig): { analysis: Omit<Analysis, 'fingerprint'>; words: string[] } {
  const rules = rulesFor(config.topics);
  const item = readItem(input, rules);
  const { script, original, normalized, words, displayed } = item;
  const fullNormalized = normalized.join('\n');
  const { decisions, relevance, newsDay } = ruleDecisions(item, rules, config.story, input.date);
  const relevant = relevance.relevant;
  const onNewsDay = newsDay ? { newsDay: { date: newsDay.date, what: newsDay.what } } : {};
  const analysis = {
    script,
    relevant,
    relevanceScore: relevance.score,
    ...(relevance.reason ? { reason: relevance.reason } : {}),
    topics: relevant ? decisions.map((d) => d.topic) : [],
    evidence: relevant ? decisions.map((d) => ({ topic: d.topic, sentence: displayed[d.sentence]!, score: d.score, ...onNewsDay })) : [],
    keywords: displayCase(keywordsFromTokens(words, 8), `${input.title}\n${fullNormalized}`),
    figures: relevant ? extractFigures(fullNormalized, config.claims).map((f) => ({ ...f, sentence: originalOf(f.sentence, normalized, original) })) : [],
    // Only an item carrying a thread topic (topics.yaml `threads`) follows a dispute thread.
    disputes: relevant && decisions.some((d) => config.topics.topics.find((t) => t.id === d.topic)?.threads) ? linkDisputes(normalized, config.story, config.topics.disputeStages).map((d) => ({ ...d, sentence: originalOf(d.sentence, normalized, original) })) : [],
  };
  return { analysis, words };
}

/** Keywords come from the folded text (lowercase); readers see them as the article writes them. */
function displayCase(keywords: string[], text: string): string[] {
  let lower: string | undefined;
  return keywords.map((k) => {
    if (!/[a-z]/.test(k)) return k;
    lower ??= text.toLowerCase();
    const i = lower.indexOf(k);
    return i === -1 ? k : text.slice(i, i + k.length);
  });
}

function originalOf(sentence: string, normalized: string[], original: string[]): string {
  const i = normalized.indexOf(sentence);
  return i === -1 ? sentence : original[i]!;
}

/** What an editor needs to see why an item got its topics: each sentence's phrases and what each topic scored from them, then the verdict. */
export type Explanation = {
  sentences: { text: string; phrases: string[]; topics: { topic: TopicId; score: number; parts: { what: string; weight: number }[] }[] }[];
  topics: { topic: TopicId; score: number; sentence: number }[];
  /** Every topic some sentence carries: which sentences, whether it holds, and why. */
  traces: TopicTrace[];
  relevant: boolean;
  reason?: string;
};

export function explainArticle(input: AnalysisInput, config: AnalysisConfig): Explanation {
  const rules = rulesFor(config.topics);
  const item = readItem(input, rules);
  const { scored, decisions, traces, relevance } = ruleDecisions(item, rules, config.story, input.date, true);
  return {
    sentences: item.displayed.map((text, i) => ({
      text,
      phrases: [...item.hits[i]!.keys()],
      topics: rules.topics.topics
        .map((rule, k) => ({ topic: rule.id, score: scored[i]!.topics[k]!, parts: scoreParts(item.hits[i]!, item.folded[i]!, rule) }))
        .filter((t) => t.parts.length),
    })),
    topics: decisions,
    traces,
    relevant: relevance.relevant,
    ...(relevance.reason ? { reason: relevance.reason } : {}),
  };
}
