// Relevance and topics, each decision with the sentence that made it. Rules are data
// (content/config/topics.yaml); this module only scores sentences against them.
//
// Every sentence (the title is one, as strong as a lead sentence) is matched once against
// the story's lexicon (./lexicon.ts), then:
// - a sentence scores for each topic and carries a topic when it reaches the topic's threshold
//   and is close to the sentence's strongest one (a delivery date inside a sentence about reselling
//   an order is not news of the carmaker's own orders);
// - a topic holds (traceTopics) when a sentence carries it and it is prominent: in the title or lead, or
//   carried by a share of the item's topical sentences;
// - the item is about the story when it names the story's subject, holds at least one topic,
//   and its sentences about an out-of-scope subject (a crash, a phone) do not outnumber its
//   sentences about the story (a sentence where both weigh the same speaks for the other);
// - a title that only names the subject, dated on one of the story's news days, is that day's
//   news (newsDayFor).
import type { TopicId, DisputeStage } from '../src/schema/article.ts';
import type { TopicsConfig, TopicRule, StoryConfig } from './config.ts';
import { addDays } from '../src/lib/story-time.ts';

export type TopicDecision = { topic: TopicId; score: number; sentence: number };
export type Relevance = { relevant: boolean; score: number; reason?: string };
export type DisputeLink = { id: string; stage: DisputeStage; sentence: string };
/** The lexicon phrases one sentence holds, with how often. */
export type Hits = ReadonlyMap<string, number>;

/**
 * A sentence's score for one topic: its phrases' weights (once each; a phrase found only inside
 * a longer phrase of the same topic, 交付 in 交付量, counts as the longer one), plus patterns,
 * minus phrases whose negative context applies.
 */
export function scoreSentence(hits: Hits, sentence: string, rule: TopicRule): number {
  const { weights, longer, anyPattern } = phraseIndex(rule);
  let score = 0;
  // A sentence holds a handful of phrases, a topic hundreds: walk the sentence's.
  for (const [text, n] of hits) {
    const weight = weights.get(text);
    if (weight === undefined) continue;
    const inside = longer.get(text)?.some((q) => (hits.get(q) ?? 0) >= n);
    if (!inside) score += weight;
  }
  if (anyPattern?.test(sentence) !== false) for (const p of rule.patterns) if (p.regex.test(sentence) && !p.unless?.test(sentence)) score += p.weight;
  if (hits.size) for (const n of rule.negative) {
    if (hits.has(n.phrase) && n.context.some((c) => hits.has(c))) score += n.weight;
  }
  return score;
}

/** scoreSentence's terms one by one, for an editor asking why (`npm run explain`); they sum to its score. */
export function scoreParts(hits: Hits, sentence: string, rule: TopicRule): { what: string; weight: number }[] {
  const { weights, longer } = phraseIndex(rule);
  const parts: { what: string; weight: number }[] = [];
  for (const [text, n] of hits) {
    const weight = weights.get(text);
    if (weight !== undefined && !longer.get(text)?.some((q) => (hits.get(q) ?? 0) >= n)) parts.push({ what: text, weight });
  }
  for (const p of rule.patterns) if (p.regex.test(sentence) && !p.unless?.test(sentence)) parts.push({ what: `/${p.regex.source}/${p.unless ? ` (unless /${p.unless.source}/)` : ''}`, weight: p.weight });
  for (const n of rule.negative) {
    const context = n.context.find((c) => hits.has(c));
    if (hits.has(n.phrase) && context) parts.push({ what: `${n.phrase} next to ${context}`, weight: n.weight });
  }
  return parts;
}

type PhraseIndex = { weights: Map<string, number>; longer: Map<string, string[]>; anyPattern?: RegExp };
const phraseIndexes = new WeakMap<TopicRule, PhraseIndex>();

/** A topic's phrases by text (a phrase listed twice weighs twice) and, for each, the longer phrases of the topic that hold it. */
function phraseIndex(rule: TopicRule): PhraseIndex {
  let index = phraseIndexes.get(rule);
  if (index) return index;
  const weights = new Map<string, number>();
  for (const p of rule.phrases) weights.set(p.text, (weights.get(p.text) ?? 0) + p.weight);
  const texts = [...weights.keys()];
  const longer = new Map<string, string[]>();
  for (const t of texts) {
    const holders = texts.filter((q) => q.length > t.length && q.includes(t));
    if (holders.length) longer.set(t, holders);
  }
  index = { weights, longer, anyPattern: anyOf(rule.patterns.map((p) => p.regex)) };
  phraseIndexes.set(rule, index);
  return index;
}

/**
 * One expression that matches where any of the patterns does: most sentences match none, and one
 * test of the alternation costs less than a test of each. Undefined (test each) when they cannot
 * be joined: different flags, a stateful flag, or a back-reference whose number would change.
 */
function anyOf(patterns: RegExp[]): RegExp | undefined {
  if (patterns.length < 2) return undefined;
  const flags = patterns[0]!.flags;
  if (/[gy]/.test(flags) || patterns.some((p) => p.flags !== flags || /\\([1-9]|k<)/.test(p.source))) return undefined;
  try { return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), flags); } catch { return undefined; }
}

export type ScoredSentence = { topics: number[]; best: number };

const allPatterns = new WeakMap<TopicRule[], { count: number; any?: RegExp }>();
/** Every topic's patterns, and one expression for them all (see anyOf). */
function patternsOfAll(rules: TopicRule[]): { count: number; any?: RegExp } {
  let all = allPatterns.get(rules);
  if (!all) {
    const regexes = rules.flatMap((rule) => rule.patterns.map((p) => p.regex));
    all = { count: regexes.length, any: anyOf(regexes) };
    allPatterns.set(rules, all);
  }
  return all;
}

/** Each sentence's score per topic (in config order), and its strongest topic score. */
export function scoreSentences(sentences: { hits: Hits; text: string }[], rules: TopicRule[]): ScoredSentence[] {
  const patterns = patternsOfAll(rules);
  return sentences.map(({ hits, text }) => {
    // A sentence with no phrase scores only by patterns: when no topic's pattern matches, it scores 0 for all.
    if (!hits.size && (patterns.count === 0 || patterns.any?.test(text) === false)) return { topics: rules.map(() => 0), best: 0 };
    const topics = rules.map((rule) => Math.max(0, scoreSentence(hits, text, rule)));
    return { topics, best: Math.max(0, ...topics) };
  });
}

/** Why a topic holds or not, for an editor (`npm run explain`): the sentences that carry it and the rule that decided. */
export type TopicTrace = { topic: TopicId; carriedBy: number[]; held: boolean; why: string };

/**
 * Topics: a topic holds when a sentence carries it (reaches the topic's threshold, and is at
 * least `share` of that sentence's strongest topic, `titleShare` for the title) and the topic
 * is prominent: carried by the title or the lead (the first `lead` body sentences), or by at
 * least `support` of the sentences that carry any topic and by at least the topic's
 * `minSentences`. One incidental date in a long story about something else is not its topic.
 * A topic the title does not carry, in an item whose title carries another, must also weigh
 * `besideTitle` of the title's strongest topic (a launch recap inside a refund story).
 * A topic with `requires` holds only in an item that names one of them (`sentences`: what each
 * sentence holds, the title first). The evidence is the topic's best sentence (an index, the title being 0).
 * `trace`: also say why each carried topic holds or not (`npm run explain`); the hot path builds no reasons.
 */
export function traceTopics(scored: ScoredSentence[], rules: TopicRule[], policy: TopicsConfig['relevance']['topicPolicy'], sentences: Hits[], trace = true): { decisions: TopicDecision[]; traces: TopicTrace[] } {
  const named = (phrases: readonly string[]) => !phrases.length || sentences.some((h) => phrases.some((p) => h.has(p)));
  // A headline packs several facts into one sentence ("锁单4万辆，等待近8个月，退订率40%"): it
  // may carry a weaker topic than a body sentence does (titleShare, default share).
  const shareOf = (i: number) => (i === 0 ? policy.titleShare ?? policy.share : policy.share);
  const carries = (score: number, rule: TopicRule, i: number) => score >= rule.threshold && score >= shareOf(i) * scored[i]!.best;
  const topical = scored.filter((s, i) => rules.some((rule, t) => carries(s.topics[t]!, rule, i))).length;
  // What each topic weighs in the item (the scores of the sentences carrying it), and what the
  // title's strongest topic weighs: a topic the title does not name is measured against it (besideTitle).
  // Weighed only when some topic asks for it (the hot path of a story that sets none does not pay).
  const weighs = rules.some((rule) => rule.besideTitle > 0);
  const weight = weighs ? rules.map((rule, t) => scored.reduce((sum, s, i) => sum + (carries(s.topics[t]!, rule, i) ? s.topics[t]! : 0), 0)) : [];
  const inTitle = rules.map((rule, t) => carries(scored[0]!.topics[t]!, rule, 0));
  const titleWeight = weighs ? Math.max(0, ...weight.filter((_, t) => inTitle[t])) : 0;
  const decisions: TopicDecision[] = [];
  const traces: TopicTrace[] = [];
  let strongest: TopicDecision | undefined;
  rules.forEach((rule, t) => {
    const carrying = scored.map((s, i) => ({ i, score: s.topics[t]! })).filter((x) => carries(x.score, rule, x.i));
    if (!carrying.length) return;
    const carriedBy = carrying.map((x) => x.i);
    if (!named(rule.requires)) { if (trace) traces.push({ topic: rule.id, carriedBy, held: false, why: `none of its required words (requires: ${rule.requires.slice(0, 6).join('、')}…)` }); return; }
    const best = carrying.sort((a, b) => b.score - a.score || a.i - b.i)[0]!;
    const decision = { topic: rule.id, score: round(best.score), sentence: best.i };
    if (!strongest || decision.score > strongest.score) strongest = decision;
    const inLead = carriedBy.some((i) => i <= policy.lead);
    const supported = carrying.length >= rule.minSentences && carrying.length >= policy.support * topical;
    const outweighed = !inTitle[t] && titleWeight > 0 && weight[t]! < rule.besideTitle * titleWeight;
    const held = (inLead || supported) && !outweighed;
    if (held) decisions.push(decision);
    if (trace) traces.push({
      topic: rule.id, carriedBy, held,
      why: outweighed ? `weighs ${round(weight[t]!)} against ${round(titleWeight)} for the title's topic (needs ${rule.besideTitle} of it: besideTitle)`
        : inLead ? 'carried by the title or the lead'
        : supported ? `carried by ${carrying.length} of ${topical} topical sentences`
        : `carried by ${carrying.length} of ${topical} topical sentences, outside the title and lead (needs ${rule.minSentences} and ${policy.support} of them)`,
    });
  });
  // An item some sentence ties to the story keeps at least that sentence's strongest topic.
  if (!decisions.length && strongest) {
    decisions.push(strongest);
    const kept = traces.find((x) => x.topic === strongest!.topic);
    if (kept) { kept.held = true; kept.why += '; kept as the item\'s only topic'; }
  }
  return { decisions, traces };
}

/**
 * A headline with no text made only of the subject and story words ("小米SU7定金", "小米汽车订单":
 * a trending list's entry): each word is the whole headline, so a topic its words score holds
 * below the threshold a sentence of an article must reach (at `titleShare` of the strongest, and
 * where the topic `requires` words, with one of them). The title is the evidence. Pure.
 */
export function bareTitleTopics(folded: string, hits: Hits, scored: ScoredSentence, rules: TopicRule[], titleShare: number): TopicDecision[] {
  if (!(scored.best > 0)) return [];
  let rest = folded.replace(/\s+/g, '');
  for (const phrase of [...hits.keys()].sort((a, b) => b.length - a.length)) rest = rest.split(phrase).join('');
  if (/[\p{L}\p{N}]/u.test(rest)) return [];
  return rules.flatMap((rule, t) => {
    const score = scored.topics[t]!;
    const named = !rule.requires.length || rule.requires.some((p) => hits.has(p));
    return score > 0 && score >= titleShare * scored.best && named ? [{ topic: rule.id, score: round(score), sentence: 0 }] : [];
  });
}

/**
 * Is the story's subject named: by name, or a brand word with a context word that makes it the
 * subject, in a sentence naming no other subject (小米 + 定金 is the car's deposit, 小米15 + 定金 a phone's presale)?
 */
export function subjectScore(sentences: Hits[], subject: TopicsConfig['relevance']['subject'], offTopic: readonly OffTopicKind[] = []): number {
  const has = (hits: Hits, phrases: readonly string[]) => hits.size > 0 && phrases.some((p) => hits.has(p));
  const namesOther = (hits: Hits) => offTopicKindsOf(hits, offTopic)?.some((kind) => kind.otherSubject) ?? false;
  const named = sentences.filter((h) => has(h, subject.names)).length;
  const branded = sentences.filter((h) => !has(h, subject.names) && has(h, subject.brand) && has(h, subject.context) && !namesOther(h)).length;
  return named + 0.5 * branded;
}

type OffTopicKind = TopicsConfig['relevance']['offTopic'][number];
const offTopicIndexes = new WeakMap<readonly OffTopicKind[], Map<string, Set<OffTopicKind>>>();

/**
 * The out-of-scope kinds (in config order) that have a phrase among a sentence's hits, or
 * undefined when none has: a sentence holds a few phrases, the kinds over a hundred.
 */
function offTopicKindsOf(hits: Hits, offTopic: readonly OffTopicKind[]): OffTopicKind[] | undefined {
  let index = offTopicIndexes.get(offTopic);
  if (!index) {
    index = new Map();
    for (const kind of offTopic) for (const p of kind.phrases) {
      let kinds = index.get(p);
      if (!kinds) index.set(p, (kinds = new Set()));
      kinds.add(kind);
    }
    offTopicIndexes.set(offTopic, index);
  }
  let found: Set<OffTopicKind> | undefined;
  for (const phrase of hits.keys()) {
    const kinds = index.get(phrase);
    if (kinds) for (const k of kinds) (found ??= new Set()).add(k);
  }
  return found && offTopic.filter((k) => found.has(k));
}

/** Is the item about the story? See the module comment; reasons come from topics.yaml. */
export function judgeRelevance(sentences: Hits[], scored: ScoredSentence[], decisions: TopicDecision[], relevance: TopicsConfig['relevance']): Relevance {
  const { offTopic, reasons } = relevance;
  const subject = subjectScore(sentences, relevance.subject, offTopic);
  if (subject === 0) return { relevant: false, score: 0, reason: reasons.noSubject };
  const storyScore = decisions.reduce((sum, d) => sum + d.score, 0);
  const score = round(Math.min(subject, 6) + storyScore);

  // Each sentence speaks either for the story or for an out-of-scope subject, whichever is stronger.
  let storySentences = 0;
  const offSentences = new Map<string, { n: number; phrases: Set<string> }>();
  sentences.forEach((hits, i) => {
    let worst: { kind: string; weight: number; phrases: string[] } | undefined;
    // Most sentences hold no phrase at all: no subject named, no out-of-scope phrase.
    const named = hits.size > 0 && relevance.subject.names.some((p) => hits.has(p));
    const kinds = hits.size ? offTopicKindsOf(hits, offTopic) : undefined;
    if (kinds) for (const kind of kinds) {
      // Another subject (a phone) yields to a sentence that names ours; an aspect of ours (a crash) does not.
      if (kind.otherSubject && named) continue;
      const phrases = kind.phrases.filter((p) => hits.has(p));
      const weight = kind.weight * phrases.length;
      if (phrases.length && (!worst || weight > worst.weight)) worst = { kind: kind.kind, weight, phrases };
    }
    const story = scored[i]!.best;
    if (worst && worst.weight >= story) {
      const entry = offSentences.get(worst.kind) ?? { n: 0, phrases: new Set<string>() };
      entry.n++;
      worst.phrases.forEach((p) => entry.phrases.add(p));
      offSentences.set(worst.kind, entry);
    } else if (story > 0) storySentences++;
  });
  const offTotal = [...offSentences.values()].reduce((n, k) => n + k.n, 0);
  // With no topic, the out-of-scope subject it speaks for (if any) is the better reason to show.
  if (!decisions.length && !offTotal) return { relevant: false, score, reason: reasons.noTopic };
  if (!decisions.length || offTotal > storySentences) {
    const [kind, k] = [...offSentences].sort((a, b) => b[1].n - a[1].n)[0]!;
    return { relevant: false, score, reason: `${kind}: ${[...k.phrases].slice(0, 3).join('、')}` };
  }
  return { relevant: true, score };
}

export type NewsDay = StoryConfig['newsDays'][number];

/**
 * A title that only names the subject ("小米YU7", "#小米汽车#") says nothing of what happened,
 * but trending lists carry such a name on the day the story's own news breaks and into the next
 * (lists are snapshots, a night's launch trends the morning after). The news day an item dated
 * `day` (YYYY-MM-DD in the story's zone) falls on or just after, if any.
 */
export function newsDayFor(day: string, newsDays: readonly NewsDay[]): NewsDay | undefined {
  return newsDays.find((d) => day === d.date || day === addDays(d.date, 1));
}

/**
 * Does a title hold nothing but names of the subject (its names and brand words, in `hits`),
 * with at least one name of the subject among them? `folded`: the folded title.
 */
export function onlyNamesSubject(folded: string, hits: Hits, subject: TopicsConfig['relevance']['subject']): boolean {
  const found = [...subject.names, ...subject.brand].filter((p) => hits.has(p)).sort((a, b) => b.length - a.length);
  if (!found.some((p) => subject.names.includes(p))) return false;
  // Phrases match across spaces ("小米 SU7 Ultra" holds su7ultra): the title is read without them.
  let rest = folded.replace(/\s+/g, '');
  for (const p of found) rest = rest.split(p).join('');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** Which dispute threads the article follows, and at what stage, from story.yaml and topics.yaml. */
export function linkDisputes(sentences: string[], story: StoryConfig, stages: TopicsConfig['disputeStages']): DisputeLink[] {
  const links: DisputeLink[] = [];
  // A thread none of whose words the item holds (most threads, most items) is passed over after
  // one search of the whole text; a word without a line break is in the lines joined only if it is in one line.
  const all = sentences.join('\n');
  for (const thread of story.disputes) {
    if (!thread.match.some((m) => m.includes('\n') || all.includes(m))) continue;
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
