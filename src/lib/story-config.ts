// Reading the story and topic configuration (content/config/story.yaml, topics.yaml).
// One config schema for pipeline and site: the files are validated by pipeline/config.ts's
// schemas, with the same errors (file, line, problem); this module picks what pages show.
import { parseYamlText, schemas } from '../../pipeline/config.ts';

/** A YAML date (a Date when unquoted) or a YYYY-MM-DD string, as YYYY-MM-DD. */
function day(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

export interface GlossaryEntry { term: string; meaning: string }

/** The story's confusable terms, explained where an article uses them. */
export function parseGlossary(text: string, file = 'topics.yaml'): GlossaryEntry[] {
  return parseYamlText(file, text, schemas.topicsFileSchema).glossary.map((g) => ({ term: g.term, meaning: tidyText(g.meaning) }));
}

export interface StoryConfig {
  title: string;
  /** The story's IANA time zone: the site shows every date and time in it. */
  timeZone: string;
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
  const s = parseYamlText(file, text, schemas.storyFileSchema);
  return {
    title: tidyText(s.title),
    timeZone: s.timezone,
    subtitle: tidyText(s.subtitle),
    description: tidyText(s.description),
    ...(s.sofar ? { sofar: { asOf: day(s.sofar.asOf), summary: tidyText(s.sofar.summary), status: tidyText(s.sofar.status) } } : {}),
    disputes: s.disputes.map((d) => ({
      id: d.id, title: tidyText(d.title), summary: tidyText(d.summary),
      ...(d.status ? { status: tidyText(d.status) } : {}), ...(d.from ? { from: day(d.from) } : {}), ...(d.until ? { until: day(d.until) } : {}),
    })),
  };
}

/** The story's topics in the order topics.yaml lists them: the site has no topic list of its own. */
export function parseTopicsConfig(text: string, file = 'topics.yaml'): TopicInfo[] {
  return parseYamlText(file, text, schemas.topicsFileSchema).topics.map((t) => ({ id: t.id, label: tidyText(t.label), description: tidyText(t.description), ...(t.color ? { color: t.color } : {}) }));
}
