// Loads and validates content/config/*.yaml. A wrong entry stops the run before anything
// is fetched, with the file, the line and the problem.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { TOPIC_IDS, DISPUTE_STAGES, topicId, disputeStage } from '../src/schema/article.ts';

export class ConfigError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, line: number | undefined, problem: string) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`);
    this.name = 'ConfigError';
    this.file = file;
    this.line = line;
  }
}

const cssSelector = z.string().min(1);

export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'id must be lowercase letters, digits and -'),
  name: z.string().min(1),
  kind: z.enum(['rss', 'atom', 'page-list', 'page']),
  url: z.url({ protocol: /^https?$/, error: 'url must be an http or https URL' }),
  charset: z.string().optional(),
  allowPrivateNetwork: z.boolean().default(false),
  selector: cssSelector.optional(),
  enabled: z.boolean().default(true),
  /** The outlet's license allows showing the full text; otherwise pages show a summary, the evidence and a link. */
  fullText: z.boolean().default(false),
  /** An invented outlet (the offline demo): the site says so on every page. */
  fictional: z.boolean().default(false),
  extract: z.object({ content: cssSelector.optional(), remove: z.array(cssSelector).default([]) }).optional(),
}).strict().refine((s) => s.kind !== 'page-list' || s.selector, { message: 'a page-list source needs a `selector`', path: ['selector'] });
export type Source = z.infer<typeof sourceSchema>;

const sourcesFileSchema = z.object({ sources: z.array(sourceSchema) }).strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate source id "${s.id}"`, path: ['sources', i, 'id'] });
      seen.add(s.id);
    });
  });

const phrase = z.object({ text: z.string().min(1), weight: z.number() });
const negativeContext = z.object({ phrase: z.string().min(1), context: z.array(z.string().min(1)).min(1), weight: z.number() });
export const topicRuleSchema = z.object({
  id: topicId,
  label: z.string(),
  description: z.string(),
  threshold: z.number().default(2),
  phrases: z.array(phrase).default([]),
  /** A phrase that means something else next to one of these words ("退款" in "不支持退款"). */
  negative: z.array(negativeContext).default([]),
}).strict();
export type TopicRule = z.infer<typeof topicRuleSchema>;

const topicsFileSchema = z.object({
  topics: z.array(topicRuleSchema).refine((ts) => TOPIC_IDS.every((id) => ts.some((t) => t.id === id)), `every topic id must be defined: ${TOPIC_IDS.join(', ')}`),
  relevance: z.object({
    /** The story's subject must be named: any of these (after T→S normalization). */
    subject: z.array(z.string().min(1)).min(1),
    /** The story's angle: ordering, deposits, resale, disputes. Weighted like topic phrases. */
    angle: z.array(phrase).min(1),
    threshold: z.number(),
    /** Phrases that mark a known off-topic kind, with the reason shown to editors. */
    offTopic: z.array(z.object({ kind: z.string(), phrases: z.array(z.string().min(1)).min(1), weight: z.number() })).default([]),
  }).strict(),
  disputeStages: z.array(z.object({ stage: disputeStage, phrases: z.array(z.string().min(1)).min(1) })).refine((xs) => xs.every((x) => DISPUTE_STAGES.includes(x.stage))),
  /** Terms readers confuse, explained on article pages where they occur. */
  glossary: z.array(z.object({ term: z.string(), meaning: z.string() })).default([]),
}).strict();
export type TopicsConfig = z.infer<typeof topicsFileSchema>;

const claimSchema = z.object({
  claim: z.string().regex(/^[a-z0-9-]+$/),
  what: z.string(),
  unit: z.string(),
  /** The sentence must contain all of `all` and one of `any` (when given) near the figure. */
  all: z.array(z.string()).default([]),
  any: z.array(z.string()).default([]),
  none: z.array(z.string()).default([]),
  /** Plausible range in the unit: a 4亿元 total is not a 5000元 deposit. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** How far (in characters) a cue may sit from the figure; default 16. */
  within: z.number().optional(),
}).strict();
export type ClaimRule = z.infer<typeof claimSchema>;
const figuresFileSchema = z.object({ claims: z.array(claimSchema) }).strict();

const storyFileSchema = z.object({
  id: z.string(), title: z.string(), subtitle: z.string(), description: z.string(),
  since: z.union([z.string(), z.date()]), timezone: z.string(),
  /** The story so far, editor-written: what happened and where it stands (home page). */
  sofar: z.object({ asOf: z.union([z.iso.date(), z.date()]), summary: z.string().min(1), status: z.string().min(1) }).strict().optional(),
  disputes: z.array(z.object({
    id: z.string(), title: z.string(), summary: z.string(), match: z.array(z.string()).min(1),
    /** The dispute's period on the disputes page (YYYY-MM-DD): reports outside it are about other disputes. */
    from: z.union([z.iso.date(), z.date()]).optional(), until: z.union([z.iso.date(), z.date()]).optional(),
    /** Where it stands now, one line, editor-written; otherwise the latest step is shown. */
    status: z.string().min(1).optional(),
  }).strict()),
}).strict();
export type StoryConfig = z.infer<typeof storyFileSchema>;

const correctionSchema = z.object({
  article: z.string().min(1),
  relevant: z.boolean().optional(),
  topics: z.array(topicId).optional(),
  published: z.iso.datetime({ offset: true }).optional(),
  /** This article republishes `original` (an article id). */
  original: z.string().optional(),
  /** Merge: this article and `mergeWith` are the same; the earlier becomes the original. */
  mergeWith: z.string().optional(),
  /** Coverage grouping: this article reports the same development as that one (merge). */
  sameDevelopmentAs: z.string().min(1).optional(),
  /** Coverage grouping: this article starts a development of its own (split). */
  newDevelopment: z.literal(true).optional(),
  note: z.string().min(1, 'say why: `note` is shown to readers'),
}).strict();
export type Correction = z.infer<typeof correctionSchema>;
const correctionsFileSchema = z.object({ corrections: z.array(correctionSchema).nullable().transform((c) => c ?? []) }).strict();

/** Parse a YAML file and validate it; errors point at the offending line. */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new ConfigError(file, undefined, `cannot read: ${(e as Error).message}`); }
  return parseYamlText(file, text, schema);
}

export function parseYamlText<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    // linePos is only filled with prettyErrors; the offset always is.
    throw new ConfigError(file, err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line, `YAML syntax: ${err.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ConfigError(file, lineOfPath(doc, issue.path as (string | number)[], lineCounter), `${issue.message}${where}`);
  }
  return result.data;
}

function lineOfPath(doc: Document, pathParts: (string | number)[], lc: LineCounter): number | undefined {
  // Walk back up the path until a node exists (a missing key points at its parent).
  for (let n = pathParts.length; n >= 0; n--) {
    const node = doc.getIn(pathParts.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

export type Config = {
  dir: string;
  sources: Source[];
  topics: TopicsConfig;
  claims: ClaimRule[];
  story: StoryConfig;
  corrections: Correction[];
  userDict: string;
};

export function loadConfig(dir: string, sourcesFile = 'sources.yaml'): Config {
  const file = (name: string) => path.join(dir, name);
  return {
    sources: loadYamlFile(path.isAbsolute(sourcesFile) ? sourcesFile : file(sourcesFile), sourcesFileSchema).sources,
    ...loadAnalysisConfig(dir),
  };
}

/** What the analysis stage needs, without the sources (used by `analyze` and workers). */
export function loadAnalysisConfig(dir: string): Omit<Config, 'sources'> {
  const file = (name: string) => path.join(dir, name);
  return {
    dir,
    topics: loadYamlFile(file('topics.yaml'), topicsFileSchema),
    claims: loadYamlFile(file('figures.yaml'), figuresFileSchema).claims,
    story: loadYamlFile(file('story.yaml'), storyFileSchema),
    corrections: loadYamlFile(file('corrections.yaml'), correctionsFileSchema).corrections,
    userDict: file('userdict.utf8'),
  };
}

export const schemas = { sourcesFileSchema, topicsFileSchema, correctionsFileSchema, figuresFileSchema, storyFileSchema };
