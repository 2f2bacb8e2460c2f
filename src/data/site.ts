// Build-time data for every page: the collections, the story configuration and the
// indexes derived from them, loaded once per build.

import { existsSync, readFileSync } from 'node:fs';
import { readConfig } from './config-files.ts';
import { siteTime } from './story-time.ts';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import type { Article, StoryEvent, TopicId } from '../schema/article.ts';
import { contentRoot } from '../lib/content-root.ts';
import { halfWidthAlnum } from '../lib/half-width.ts';
import { parseStoryConfig, parseTopicsConfig, parseGlossary, type StoryConfig, type TopicInfo, type GlossaryEntry } from '../lib/story-config.ts';
import { sortArticles } from '../lib/sort-articles.ts';
import { createRelatedIndex, type Related } from '../lib/related-articles.ts';
import { developmentsFileSchema, DEVELOPMENTS_FILE } from '../schema/development.ts';
import { groupCoverage, type DevelopmentInfo, type GroupedEntry } from '../lib/group-coverage.ts';

export type SiteArticle = Article & { body: string; file: string };
export type SiteEvent = StoryEvent & { key: string; body: string };

export interface SiteData {
  story: StoryConfig;
  topics: TopicInfo[];
  glossary: GlossaryEntry[];
  topicLabel: (id: string) => string;
  /** Newest first. */
  articles: SiteArticle[];
  byId: Map<string, SiteArticle>;
  /** Oldest first. */
  events: SiteEvent[];
  related: (article: SiteArticle) => Related<SiteArticle>;
  /** Names of the invented outlets (the bundled demo's); the site says so on every page. */
  fictionalOutlets: string[];
  articlesInTopic: (topic: TopicId | string) => SiteArticle[];
  /** Article id → its development, for reports grouped by the pipeline (content/developments.json). */
  developmentOf: Map<string, DevelopmentInfo>;
  /** The other reports of an article's development, earliest first (none: a lone report). */
  sameDevelopment: (article: SiteArticle) => SiteArticle[];
  /** Every primary source the articles give, oldest article first. */
  primarySources: { url: string; label: string }[];
}

/** The pipeline's grouping of coverage by development; none yet (no ingest run) means no groups. */
function loadDevelopments(known: ReadonlyMap<string, unknown>): Map<string, DevelopmentInfo> {
  const file = join(contentRoot(), DEVELOPMENTS_FILE);
  const out = new Map<string, DevelopmentInfo>();
  if (!existsSync(file)) return out;
  const parsed = developmentsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Storyline site: ${file}: ${parsed.error.issues[0]?.message}`);
  for (const d of parsed.data.developments) {
    for (const id of d.articles) if (known.has(id)) out.set(id, { id: d.id, notes: d.notes });
  }
  return out;
}

async function load(): Promise<SiteData> {
  const storyFile = readConfig('story.yaml');
  const topicsFile = readConfig('topics.yaml');
  const story = parseStoryConfig(storyFile.text, storyFile.file);
  const topics = parseTopicsConfig(topicsFile.text, topicsFile.file);
  const labels = new Map(topics.map((t) => [t.id, t.label] as const));

  const entries = await getCollection('articles');
  const seen = new Map<string, string>();
  const list: SiteArticle[] = [];
  for (const entry of entries) {
    const file = entry.filePath ?? entry.id;
    const prior = seen.get(entry.data.id);
    if (prior) {
      console.warn(`[storyline] duplicate article id "${entry.data.id}" in ${file} (already in ${prior}); skipped`);
      continue;
    }
    seen.set(entry.data.id, file);
    // Full-width digits and letters (８８８９８) read as half-width everywhere on the site.
    list.push({ ...entry.data, title: halfWidthAlnum(entry.data.title), body: entry.body ?? '', file });
  }
  const articles = sortArticles(list, 'newest');
  const byId = new Map(articles.map((a) => [a.id, a] as const));

  const events = (await getCollection('events'))
    .map((e) => ({ ...e.data, key: e.id, body: e.body ?? '' }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));

  const byTopic = new Map<string, SiteArticle[]>();
  for (const a of articles) {
    for (const t of new Set(a.topics)) {
      const list = byTopic.get(t);
      if (list) list.push(a);
      else byTopic.set(t, [a]);
    }
  }

  const developmentOf = loadDevelopments(byId);
  const members = new Map<string, SiteArticle[]>();
  for (const a of [...articles].reverse()) {
    const d = developmentOf.get(a.id);
    if (d) members.set(d.id, [...(members.get(d.id) ?? []), a]);
  }

  return {
    story,
    topics,
    glossary: parseGlossary(topicsFile.text, topicsFile.file),
    topicLabel: (id) => labels.get(id) ?? id,
    articles,
    byId,
    events,
    related: createRelatedIndex(articles),
    fictionalOutlets: [...new Set(articles.filter((a) => a.outlet.fictional).map((a) => a.outlet.name))].sort(),
    articlesInTopic: (topic) => byTopic.get(topic) ?? [],
    developmentOf,
    primarySources: [...articles].reverse().flatMap((a) => a.primarySources ?? []),
    sameDevelopment: (a) => {
      const id = developmentOf.get(a.id)?.id;
      return id ? (members.get(id) ?? []).filter((x) => x.id !== a.id) : [];
    },
  };
}

let cached: Promise<SiteData> | undefined;

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

// ---- derived lists shared by several pages ----

import { foldReprints } from '../lib/fold-reprints.ts';
import { buildTimeline, type TimelineItem } from '../lib/build-timeline.ts';
import type { Order } from '../lib/sort-articles.ts';
import { paths, milestoneAnchor } from '../lib/paths.ts';

export const TIMELINE_PAGE_SIZE = 50;
export const TOPIC_PAGE_SIZE = 20;

export type SiteTimelineItem = TimelineItem<SiteArticle, SiteEvent>;

/** The home timeline (newest first) or its reverse, whole: the routes cut it into pages with Astro's paginate(). */
export async function timelineItems(order: Order): Promise<SiteTimelineItem[]> {
  const { articles, events, developmentOf } = await siteData();
  const sorted = order === 'newest' ? articles : [...articles].reverse();
  return buildTimeline(groupCoverage(foldReprints(sorted), developmentOf), events, siteTime, order);
}

let coverageCache: Promise<GroupedEntry<SiteArticle>[]> | undefined;

/** Entries of the whole timeline: one per development or lone report (computed once per build). */
export function coverageEntries(): Promise<GroupedEntry<SiteArticle>[]> {
  coverageCache ??= siteData().then(({ articles, developmentOf }) => groupCoverage(foldReprints(articles), developmentOf));
  return coverageCache;
}

let milestoneCache: Promise<Map<string, string>> | undefined;

/** Where each milestone sits in the home timeline (newest first): its page's URL with the milestone's anchor. */
export function milestoneLinks(): Promise<Map<string, string>> {
  milestoneCache ??= findMilestones();
  return milestoneCache;
}

async function findMilestones(): Promise<Map<string, string>> {
  const items = await timelineItems('newest');
  const links = new Map<string, string>();
  items.forEach((item, i) => {
    // The page paginate() puts item i on.
    if (item.kind === 'event') links.set(item.event.key, `${paths.home(Math.floor(i / TIMELINE_PAGE_SIZE) + 1)}#${milestoneAnchor(item.event.key)}`);
  });
  return links;
}

/** A topic's articles (`total`), and its entries: reprints folded under originals, newest first (the route pages them). */
export async function topicEntries(topic: string) {
  const { articlesInTopic, developmentOf } = await siteData();
  const list = articlesInTopic(topic);
  return { total: list.length, entries: groupCoverage(foldReprints(list), developmentOf) };
}

import { buildLedger, type LedgerEntry } from '../lib/figure-ledger.ts';
import { parseClaimantsConfig, detectClaimant, isRefutedIn } from '../lib/claimants.ts';
import { normalizeText } from '../../pipeline/normalize.ts';

let ledgerCache: Promise<LedgerEntry<SiteArticle>[]> | undefined;

/** The claimants the ledger can name (claimants.yaml), in the file's order, the fallback last. */
export function claimantLabels(): string[] {
  const file = readConfig('claimants.yaml');
  const config = parseClaimantsConfig(file.text, file.file);
  return [...config.claimants.map((c) => c.label), config.fallback.label];
}

/** The figures ledger over all articles (reprints included: each is a source), with claimants. */
export function figureLedger(): Promise<LedgerEntry<SiteArticle>[]> {
  ledgerCache ??= siteData().then(({ articles }) => {
    const file = readConfig('claimants.yaml');
    const config = parseClaimantsConfig(file.text, file.file);
    // Cues are matched on the analysed form (Simplified, half-width), as the pipeline matches.
    const texts = new Map<string, string>();
    const textOf = (a: SiteArticle) => texts.get(a.id) ?? texts.set(a.id, normalizeText(`${a.title}\n${a.body}`, a.script)).get(a.id)!;
    return buildLedger(articles, {
      sameTimeDays: config.sameTimeDays,
      claimantOf: (a, f) => {
        const claimant = detectClaimant(normalizeText(f.sentence, a.script), normalizeText(f.text, a.script), config);
        return { claimant, refuted: claimant.refutable && isRefutedIn(textOf(a), config) };
      },
    });
  });
  return ledgerCache;
}

import { parseDisputeRoles, type DisputeRoles } from '../lib/dispute-roles.ts';

let rolesCache: Promise<DisputeRoles> | undefined;

/** The stage rules of the disputes page (content/config/dispute-roles.yaml), read once per build. */
export function disputeRoles(): Promise<DisputeRoles> {
  rolesCache ??= Promise.resolve().then(() => {
    const file = readConfig('dispute-roles.yaml');
    return parseDisputeRoles(file.text, file.file);
  });
  return rolesCache;
}
