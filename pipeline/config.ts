// Loads and validates content/config/*.yaml. A wrong entry stops the run before anything
// is fetched, with the file, the line and the problem.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { LineCounter, Document } from 'yaml';
import { load as loadYamlQuickly, CORE_SCHEMA } from 'js-yaml';
import { z } from 'zod';
import { DISPUTE_STAGES, topicId, disputeStage } from '../src/schema/article.ts';
import { isTimeZone } from '../src/lib/time-zone.ts';

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

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');
const phrase = z.object({ text: z.string().min(1), weight: z.number() });
const negativeContext = z.object({ phrase: z.string().min(1), context: z.array(z.string().min(1)).min(1), weight: z.number() });
const regexSource = z.string().min(1).transform((source, ctx) => {
  try { return new RegExp(source, 'u'); } catch (e) {
    ctx.addIssue({ code: 'custom', message: `not a regular expression: ${(e as Error).message}` });
    return z.NEVER;
  }
});
export const topicRuleSchema = z.object({
  id: topicId,
  label: z.string(),
  description: z.string(),
  threshold: z.number().default(2),
  /** When neither the title nor the lead carries the topic: how many sentences must (a topic whose words turn up in every kind of story needs more than one). */
  minSentences: z.number().int().min(1).default(1),
  /**
   * When the title carries other topics and not this one, the sentences carrying this one must
   * weigh (scores summed) at least this share of what the title's strongest topic weighs in the
   * item: the title says what an article is about, and a topic it does not name must be a good
   * part of the text to be a topic of the article. 0: no such need.
   */
  besideTitle: z.number().min(0).default(0),
  /** The topic holds only in an item that names one of these somewhere, title included (a dispute needs a buyer or an order: a suit between two companies is not one). Empty: no such need. */
  requires: z.array(z.string().min(1)).default([]),
  phrases: z.array(phrase).default([]),
  /**
   * Shapes a phrase list cannot hold, such as a count of cars ("2.4万台"), as regular expressions
   * on the folded sentence. `unless`: the pattern does not count in a sentence this one matches
   * anywhere (a rival intercepting orders, unless it pays for them: 补贴, 减免). Cheaper and easier
   * to read than a look-ahead over the whole sentence, which every sentence would pay for.
   */
  patterns: z.array(z.object({ regex: regexSource, weight: z.number(), unless: regexSource.optional() }).strict()).default([]),
  /** A phrase that means something else next to one of these words ("转让" next to 股权). */
  negative: z.array(negativeContext).default([]),
  /** Items with this topic join the dispute threads of story.yaml (a glossary piece that says 锁单 does not). */
  threads: z.boolean().default(false),
  /** The topic's colour on the site, on light and on dark backgrounds (a palette colour when absent). */
  color: z.object({ light: hexColor, dark: hexColor }).strict().optional(),
}).strict();
export type TopicRule = z.infer<typeof topicRuleSchema>;

const topicsFileSchema = z.object({
  /** Misspellings people write, mapped to the word the rules know (琐单 → 锁单); applied before matching. */
  spelling: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** Words that contain a rule's phrase but mean something else (加量不加价 is not 加价): matched as a whole or not at all. */
  wholeWords: z.array(z.string().min(1)).default([]),
  /** The story's topics, in the order the site shows them. */
  topics: z.array(topicRuleSchema).min(1).superRefine((ts, ctx) => {
    ts.forEach((t, i) => {
      if (ts.findIndex((u) => u.id === t.id) !== i) ctx.addIssue({ code: 'custom', message: `topic id "${t.id}" is defined twice`, path: [i, 'id'] });
    });
  }),
  relevance: z.object({
    /** What belongs to the story, in words, for editors (the rules below implement it). */
    definition: z.string().optional(),
    subject: z.object({
      /** Names of the story's subject: any one in a sentence names it. */
      names: z.array(z.string().min(1)).min(1),
      /** Words that name it only with a `context` word in the same sentence (a brand next to 定金). */
      brand: z.array(z.string().min(1)).default([]),
      context: z.array(z.string().min(1)).default([]),
    }).strict(),
    /**
     * When a topic holds: a sentence carries it when it reaches the topic's threshold and is at
     * least `share` of the sentence's strongest topic; the topic must be carried by the title or
     * the first `lead` body sentences, or by at least `support` of the sentences carrying any topic.
     */
    topicPolicy: z.object({ share: z.number().min(0).max(1), titleShare: z.number().min(0).max(1).optional(), lead: z.number().int().min(0), support: z.number().min(0).max(1) }).strict().default({ share: 0.5, lead: 1, support: 0.2 }),
    /** Out-of-scope subjects: a sentence speaks for one when its phrases outweigh the sentence's topic score. */
    offTopic: z.array(z.object({
      kind: z.string(),
      phrases: z.array(z.string().min(1)).min(1),
      weight: z.number().positive(),
      /** Another subject (a phone), not an aspect of ours (a crash): a sentence that names ours by name is not about it. */
      otherSubject: z.boolean().default(false),
    }).strict()).default([]),
    /** The reasons editors see for a rejected item. */
    reasons: z.object({ noSubject: z.string().min(1), noTopic: z.string().min(1) }).strict(),
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
  since: z.union([z.string(), z.date()]),
  /** The story's IANA time zone: source dates without a zone are read in it, stored times and the site's dates are in it. */
  timezone: z.string().refine(isTimeZone, { error: (issue) => `unknown time zone "${String(issue.input)}": an IANA name such as Asia/Shanghai, Europe/Berlin or America/New_York` }),
  /** The story so far, editor-written: what happened and where it stands (home page). */
  sofar: z.object({ asOf: z.union([z.iso.date(), z.date()]), summary: z.string().min(1), status: z.string().min(1) }).strict().optional(),
  disputes: z.array(z.object({
    id: z.string(), title: z.string(), summary: z.string(), match: z.array(z.string()).min(1),
    /** The dispute's period on the disputes page (YYYY-MM-DD): reports outside it are about other disputes. */
    from: z.union([z.iso.date(), z.date()]).optional(), until: z.union([z.iso.date(), z.date()]).optional(),
    /** Where it stands now, one line, editor-written; otherwise the latest step is shown. */
    status: z.string().min(1).optional(),
  }).strict()),
  /**
   * Days the story's own news put its name on the trending lists (a launch, the first
   * deliveries): a title that only names the subject ("小米YU7"), with no text, dated on such a
   * day or the next, is taken as that day's news, with its topics (analyze.ts). YYYY-MM-DD in
   * the story's zone.
   */
  newsDays: z.array(z.object({
    date: z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]),
    what: z.string().min(1),
    topics: z.array(topicId).min(1),
  }).strict()).default([]),
}).strict();
export type StoryConfig = z.infer<typeof storyFileSchema>;

/** The story file of one story: a news day may only carry topics its topics.yaml defines. */
export function storyFileSchemaFor(topicIds: readonly string[]) {
  return storyFileSchema.superRefine((file, ctx) => {
    file.newsDays.forEach((d, i) => d.topics.forEach((t, k) => {
      if (!topicIds.includes(t)) ctx.addIssue({ code: 'custom', message: `topic "${t}" is not defined in topics.yaml (${topicIds.join(', ')})`, path: ['newsDays', i, 'topics', k] });
    }));
  });
}

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

/** The corrections of one story: a correction may only set topics its topics.yaml defines (a renamed topic leaves stale ones). */
export function correctionsFileSchemaFor(topicIds: readonly string[]) {
  return correctionsFileSchema.superRefine((file, ctx) => {
    file.corrections.forEach((c, i) => (c.topics ?? []).forEach((t, k) => {
      if (!topicIds.includes(t)) ctx.addIssue({ code: 'custom', message: `topic "${t}" is not defined in topics.yaml (${topicIds.join(', ')})`, path: ['corrections', i, 'topics', k] });
    }));
  });
}

/** Parse a YAML file and validate it; errors point at the offending line. */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new ConfigError(file, undefined, `cannot read: ${(e as Error).message}`); }
  return parseYamlText(file, text, schema);
}

export function parseYamlText<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
  // A valid file first goes the quick way: js-yaml with the YAML 1.2 core schema reads the config
  // files to the same values as `yaml` (test/pipeline/config-yaml.test.ts compares them on every
  // one) in a fraction of the time, which every command pays at start. A file it cannot read, or
  // whose values do not validate, goes the careful way, whose messages name the line.
  const quick = readQuickly(text);
  if (quick) {
    const result = schema.safeParse(quick.value);
    if (result.success) return result.data;
  }
  const { LineCounter, parseDocument } = carefulYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    // linePos is only filled with prettyErrors; the offset always is.
    throw new ConfigError(file, err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line, `YAML syntax: ${err.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const { path: at, message } = describeIssue(result.error.issues);
    throw new ConfigError(file, lineOfPath(doc, at, lineCounter), message);
  }
  return result.data;
}

/**
 * `yaml`, which reads a file with its lines for the messages, is loaded only when a file needs
 * it: a valid config never does, and loading it was a tenth of a short command's start.
 */
function carefulYaml(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

function readQuickly(text: string): { value: unknown } | undefined {
  try { return { value: loadYamlQuickly(text, { schema: CORE_SCHEMA }) }; } catch { return undefined; }
}

/**
 * The issue an editor should read first. A misspelt key (`id:` for `article:`) fails twice:
 * as an unknown key and as a missing required one; the unknown key is the cause, so it is
 * reported at its own line, with the missing key as the likely meaning.
 */
function describeIssue(issues: z.core.$ZodIssue[]): { path: (string | number)[]; message: string } {
  const where = (at: PropertyKey[]) => (at.length ? ` at ${at.join('.')}` : '');
  const unknown = issues.find((i) => i.code === 'unrecognized_keys');
  if (!unknown) return { path: issues[0]!.path as (string | number)[], message: `${issues[0]!.message}${where(issues[0]!.path)}` };
  const parent = unknown.path as (string | number)[];
  const key = unknown.keys[0]!;
  const missing = issues.filter((i) => i.code === 'invalid_type' && i.path.length === parent.length + 1
    && parent.every((p, n) => i.path[n] === p) && /received undefined/.test(i.message)).map((i) => String(i.path.at(-1)));
  const hint = missing.length ? `; "${missing[0]}" is required and missing: did you mean "${missing[0]}:"?` : '';
  return { path: [...parent, key], message: `Unrecognized key: "${key}"${where(parent)}${hint}` };
}

function lineOfPath(doc: Document, pathParts: (string | number)[], lc: LineCounter): number | undefined {
  // Walk back up the path until a node exists (a missing key points at its parent).
  for (let n = pathParts.length; n >= 0; n--) {
    const node = doc.getIn(pathParts.slice(0, n), true);
    if (carefulYaml().isNode(node) && node.range) return lc.linePos(node.range[0]).line;
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
  const file = sourcesPath(dir, sourcesFile);
  // A fresh setup's first stumble: say what the file is for and how to get one, not ENOENT.
  if (!existsSync(file)) throw new ConfigError(file, undefined, MISSING_SOURCES_HINT);
  return {
    sources: loadYamlFile(file, sourcesFileSchema).sources,
    ...loadAnalysisConfig(dir),
  };
}

/** `--sources FILE`: a bare name is looked up in the config folder, a path is taken from where the command runs. */
export function sourcesPath(configDir: string, sourcesFile: string): string {
  return sourcesFile.includes(path.sep) || sourcesFile.includes('/') ? path.resolve(sourcesFile) : path.join(configDir, sourcesFile);
}

export const MISSING_SOURCES_HINT = 'no such file. It lists the outlets to ingest. Restore the starter list '
  + '(`git checkout -- content/config/sources.yaml`), import a feed reader\'s list '
  + '(`npm run sources -- import FILE.opml`), or write one (README, "For editors"); '
  + '`npm run demo` runs the bundled offline demo instead.';

/** What the analysis stage needs, without the sources (used by `analyze` and workers). */
export function loadAnalysisConfig(dir: string): Omit<Config, 'sources'> {
  const file = (name: string) => path.join(dir, name);
  const topics = loadYamlFile(file('topics.yaml'), topicsFileSchema);
  return {
    dir,
    topics,
    claims: loadYamlFile(file('figures.yaml'), figuresFileSchema).claims,
    story: loadYamlFile(file('story.yaml'), storyFileSchemaFor(topics.topics.map((t) => t.id))),
    corrections: loadYamlFile(file('corrections.yaml'), correctionsFileSchemaFor(topics.topics.map((t) => t.id))).corrections,
    userDict: segmenterDictionary(file('userdict.utf8'), topics),
  };
}


/** Every phrase the rules look for: the lexicon matched in each sentence, and words the segmenter keeps whole. */
export function rulePhrases(topics: TopicsConfig): string[] {
  const r = topics.relevance;
  return [
    ...topics.topics.flatMap((t) => [...t.phrases.map((p) => p.text), ...t.negative.flatMap((n) => [n.phrase, ...n.context]), ...t.requires]),
    ...r.subject.names, ...r.subject.brand, ...r.subject.context,
    ...r.offTopic.flatMap((k) => k.phrases),
  ];
}

/**
 * The segmenter's dictionary: the editor's userdict.utf8 plus every phrase the rules look for,
 * so that jieba keeps 量产 and 下线 whole instead of finding 产下 between them (rules match on
 * word boundaries). Written once per content to the temp directory; the editor's file is untouched.
 */
function segmenterDictionary(userDict: string, topics: TopicsConfig): string {
  let own: string;
  try { own = readFileSync(userDict, 'utf8'); } catch (e) { throw new ConfigError(userDict, undefined, `cannot read: ${(e as Error).message}`); }
  const phrases = [...rulePhrases(topics), ...topics.wholeWords].filter((p) => /^[\p{Script=Han}]{2,}$/u.test(p));
  const text = `${own.trimEnd()}\n${[...new Set(phrases)].map((p) => `${p} 20000 n`).join('\n')}\n`;
  const out = path.join(tmpdir(), `storyline-dict-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.utf8`);
  if (!existsSync(out)) {
    writeFileSync(`${out}.${process.pid}.tmp`, text);
    renameSync(`${out}.${process.pid}.tmp`, out);
  }
  return out;
}


export const schemas = { sourcesFileSchema, topicsFileSchema, correctionsFileSchema, figuresFileSchema, storyFileSchema };
