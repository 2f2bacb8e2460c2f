// Reading the story and topic configuration (content/config/story.yaml, topics.yaml).
// Only the fields the site needs are checked; others may add fields freely.

import { parse } from 'yaml';
import { z } from 'zod';

const storySchema = z.looseObject({
  id: z.string().optional(),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  description: z.string().optional(),
  sofar: z
    .looseObject({
      asOf: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date()),
      summary: z.string().min(1),
      status: z.string().min(1),
    })
    .optional(),
  disputes: z
    .array(z.looseObject({
      id: z.string().min(1), title: z.string().min(1), summary: z.string().optional(), status: z.string().optional(),
      from: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date()).optional(),
      until: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.iso.date()).optional(),
    }))
    .default([]),
});

const topicsSchema = z.looseObject({
  topics: z.array(z.looseObject({
    id: z.string().min(1),
    label: z.string().min(1),
    description: z.string().optional(),
    color: z.object({ light: z.string(), dark: z.string() }).optional(),
  })).min(1),
  glossary: z.array(z.looseObject({ term: z.string().min(1), meaning: z.string().min(1) })).default([]),
});

export interface GlossaryEntry { term: string; meaning: string }

/** The confusable terms (定金/订金, 小定/大定/锁单) explained where an article uses them. */
export function parseGlossary(text: string, file = 'topics.yaml'): GlossaryEntry[] {
  const result = topicsSchema.safeParse(parse(text));
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  return result.data.glossary.map((g) => ({ term: g.term, meaning: tidyText(g.meaning) }));
}

export interface StoryConfig {
  title: string;
  subtitle: string;
  description: string;
  /** Editor-written story so far; absent when the editor has not written one. */
  sofar?: { asOf: string; summary: string; status: string };
  disputes: { id: string; title: string; summary: string; status?: string; from?: string; until?: string }[];
}

/** YAML folding turns line breaks into spaces; drop those that follow CJK punctuation. */
export function tidyText(text: string | undefined): string {
  return (text ?? '').replace(/([\u3000-\u303F\uFF00-\uFFEF])[ \t\n]+/gu, '$1').replace(/\s+/g, ' ').trim();
}

export interface TopicInfo { id: string; label: string; description: string; color?: { light: string; dark: string } }

export function parseStoryConfig(text: string, file = 'story.yaml'): StoryConfig {
  const result = storySchema.safeParse(parse(text));
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  const s = result.data;
  return {
    title: tidyText(s.title),
    subtitle: tidyText(s.subtitle),
    description: tidyText(s.description),
    ...(s.sofar ? { sofar: { asOf: s.sofar.asOf, summary: tidyText(s.sofar.summary), status: tidyText(s.sofar.status) } } : {}),
    disputes: s.disputes.map((d) => ({
      id: d.id, title: tidyText(d.title), summary: tidyText(d.summary),
      ...(d.status ? { status: tidyText(d.status) } : {}), ...(d.from ? { from: d.from } : {}), ...(d.until ? { until: d.until } : {}),
    })),
  };
}

/** The story's topics in the order topics.yaml lists them: the site has no topic list of its own. */
export function parseTopicsConfig(text: string, file = 'topics.yaml'): TopicInfo[] {
  const result = topicsSchema.safeParse(parse(text));
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  return result.data.topics.map((t) => ({ id: t.id, label: tidyText(t.label), description: tidyText(t.description), ...(t.color ? { color: t.color } : {}) }));
}
