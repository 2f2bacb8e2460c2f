// The one content schema: the pipeline validates every file with it before writing,
// and src/content.config.ts hands the same objects to Astro's content collections.
import { z } from 'zod';

/**
 * Topic ids come from the story's topics.yaml: the schema checks their shape (they become
 * URL segments and CSS class names), the config loader checks that each one is defined.
 */
export const topicId = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a topic id is 1-32 lowercase letters, digits and -, starting with a letter');
export type TopicId = string;

export const DISPUTE_STAGES = ['complaint', 'response', 'policy', 'outcome'] as const;
export const disputeStage = z.enum(DISPUTE_STAGES);
export type DisputeStage = z.infer<typeof disputeStage>;

/** Ids become file names and URL segments: short, lowercase, no path characters. */
export const articleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'id must be 1-80 chars of a-z, 0-9, -');

/**
 * Stored times are strings with the offset of the story's zone (the loaders read YAML with the
 * core schema, so they stay strings). A YAML reader that makes an unquoted timestamp a Date has
 * dropped that offset: keep the instant, in UTC; the site shows every time in the story's zone.
 */
function instantIso(value: unknown): unknown {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return value;
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
const isoWithOffset = z.preprocess(instantIso, z.iso.datetime({ offset: true }));

export const figureSchema = z.object({
  value: z.number(),
  /** Upper end when the text gives a range ("3000–8000元"). */
  valueMax: z.number().optional(),
  /** The article hedges: 约, 超过, 近, 多 … ("超过13.6万台"). */
  approximate: z.boolean().optional(),
  unit: z.string().min(1),
  /** What the figure counts, in the story's words: "定金", "大定订单", "犹豫期". */
  what: z.string().min(1),
  /** Stable key for "the same claim" across articles, e.g. "orders-24h"; figures sharing it form one ledger entry. */
  claim: z.string().min(1),
  /** The figure as written in the article ("2.99万元", "五千元"). */
  text: z.string().min(1),
  sentence: z.string().min(1),
});
export type Figure = z.infer<typeof figureSchema>;

/** `newsDay`: a title that only names the subject, kept because it is dated on that day of the story's news (story.yaml newsDays). */
export const evidenceSchema = z.object({ topic: topicId, sentence: z.string().min(1), score: z.number(), newsDay: z.object({ date: z.iso.date(), what: z.string().min(1) }).strict().optional() });

export const disputeLinkSchema = z.object({
  id: z.string().min(1),
  stage: disputeStage,
  sentence: z.string().min(1),
});

export const messageSchema = z.object({
  level: z.enum(['info', 'warning']),
  reason: z.string().min(1),
  message: z.string(),
});

export const correctionNoteSchema = z.object({ field: z.string(), note: z.string() });

export const articleSchema = z.object({
  id: articleId,
  title: z.string().min(1).max(300),
  outlet: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** The source's license lets readers see the full text here (sources.yaml `fullText: true`). */
    fullText: z.boolean().optional(),
    /** An invented outlet (the bundled demo's): every page says so. */
    fictional: z.boolean().optional(),
  }),
  url: z.url({ protocol: /^https?$/ }),
  canonicalUrl: z.url({ protocol: /^https?$/ }),
  published: isoWithOffset,
  fetched: isoWithOffset,
  lang: z.literal('zh'),
  script: z.enum(['hans', 'hant']),
  byline: z.string().max(200).optional(),
  relevance: z.object({ relevant: z.boolean(), score: z.number(), reason: z.string().optional() }),
  topics: z.array(topicId),
  evidence: z.array(evidenceSchema),
  summary: z.string().max(400),
  keywords: z.array(z.string()).max(20),
  figures: z.array(figureSchema),
  disputes: z.array(disputeLinkSchema).default([]),
  /** URLs of primary sources the article gives in its text (an official post, a court notice …). */
  primarySources: z.array(z.object({ url: z.url({ protocol: /^https?$/ }), label: z.string().min(1).max(80) })).optional(),
  /** Id of the earliest article this one republishes, if any. */
  reprintOf: articleId.optional(),
  nearDuplicates: z.array(articleId).default([]),
  corrections: z.array(correctionNoteSchema).default([]),
  messages: z.array(messageSchema).default([]),
  /** Hash of the extracted source text: an article whose source changed is updated in place. */
  contentHash: z.string().regex(/^[0-9a-f]{16,64}$/),
});
export type Article = z.infer<typeof articleSchema>;
export type ArticleInput = z.input<typeof articleSchema>;

/** Editor-written milestones (content/events/*.md). */
export const eventSchema = z.object({
  // YAML reads an unquoted 2024-03-28 as a Date; editors should not have to quote it.
  date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date()),
  title: z.string().min(1),
  changed: z.string().min(1),
  /** Article ids, names ("某车企官方微博") or { label, url } for a primary source. */
  sources: z.array(z.union([z.string(), z.object({ label: z.string().min(1), url: z.url({ protocol: /^https?$/ }) })])).default([]),
  dispute: z.string().optional(),
  stage: disputeStage.optional(),
});
export type StoryEvent = z.infer<typeof eventSchema>;
