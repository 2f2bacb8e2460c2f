// Follow each dispute thread (story.yaml) through its stages
// complaint → response → policy → outcome, from articles' disputes[] and from
// editor events that name a dispute and stage. Items are in date order within a stage.

import { DISPUTE_STAGES, type DisputeStage } from '../schema/article.ts';
import type { StoryTime } from './story-time.ts';

export const STAGE_ORDER: readonly DisputeStage[] = DISPUTE_STAGES;
export type Stage = DisputeStage;

export interface ThreadDef { id: string; title: string; summary?: string | undefined }

export interface ThreadArticle {
  id: string;
  title: string;
  published: string;
  outlet: { name: string };
  reprintOf?: string | undefined;
  disputes: readonly { id: string; stage: string; sentence: string }[];
}

export interface ThreadEvent {
  date: string;
  title: string;
  changed: string;
  sources: readonly (string | { label: string; url: string })[];
  dispute?: string | undefined;
  stage?: string | undefined;
}

export type ThreadItem<A, E> =
  | { kind: 'article'; day: string; sort: number; stage: Stage; sentence: string; article: A }
  | { kind: 'event'; day: string; sort: number; stage: Stage; event: E };

export interface ThreadStage<A, E> { stage: Stage; items: ThreadItem<A, E>[] }

export interface Thread<A, E> {
  id: string;
  title: string;
  summary: string;
  /** False for ids found in content but not defined in story.yaml. */
  defined: boolean;
  stages: ThreadStage<A, E>[];
  /** Stages with at least one item, in stage order. */
  reached: Stage[];
  itemCount: number;
  firstDay: string | null;
  lastDay: string | null;
}

function isStage(s: string | undefined): s is Stage {
  return s !== undefined && (STAGE_ORDER as readonly string[]).includes(s);
}

/**
 * Reprints whose original is in `articles` are skipped (the original already
 * stands for them); the same sentence at the same stage from one article counts once.
 */
export function buildDisputeThreads<A extends ThreadArticle, E extends ThreadEvent>(
  defs: readonly ThreadDef[],
  articles: readonly A[],
  events: readonly E[],
  time: Pick<StoryTime, 'dayKey' | 'startOfDay'>,
): Thread<A, E>[] {
  const ids = new Set(articles.map((a) => a.id));
  const items = new Map<string, ThreadItem<A, E>[]>();
  const push = (threadId: string, item: ThreadItem<A, E>) => {
    const list = items.get(threadId) ?? [];
    list.push(item);
    items.set(threadId, list);
  };

  for (const article of articles) {
    if (article.reprintOf && ids.has(article.reprintOf)) continue;
    const seen = new Set<string>();
    for (const link of article.disputes) {
      if (!isStage(link.stage)) continue;
      const key = `${link.id}\u0000${link.stage}\u0000${link.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      push(link.id, {
        kind: 'article',
        day: time.dayKey(article.published),
        sort: Date.parse(article.published),
        stage: link.stage,
        sentence: link.sentence,
        article,
      });
    }
  }
  for (const event of events) {
    if (!event.dispute || !isStage(event.stage)) continue;
    // A date-only milestone sorts at the start of its day in the story's zone.
    push(event.dispute, { kind: 'event', day: event.date, sort: time.startOfDay(event.date), stage: event.stage, event });
  }

  const threads: Thread<A, E>[] = [];
  const build = (def: ThreadDef, defined: boolean) => {
    const list = (items.get(def.id) ?? []).sort((a, b) => a.sort - b.sort);
    const stages = STAGE_ORDER.map((stage) => ({ stage, items: list.filter((i) => i.stage === stage) }));
    threads.push({
      id: def.id,
      title: def.title,
      summary: def.summary ?? '',
      defined,
      stages,
      reached: stages.filter((s) => s.items.length > 0).map((s) => s.stage),
      itemCount: list.length,
      firstDay: list[0]?.day ?? null,
      lastDay: list.at(-1)?.day ?? null,
    });
  };
  const known = new Set<string>();
  for (const def of defs) {
    if (known.has(def.id)) continue;
    known.add(def.id);
    build(def, true);
  }
  for (const id of [...items.keys()].sort()) {
    if (!known.has(id)) build({ id, title: id }, false);
  }
  return threads;
}

// ---- The reader's view of a thread: one list in date order, each step labelled with the
// stage its sentence's role decides (dispute-roles.yaml), and where the thread stands now. ----

export interface Role { id: string; label: string }

export interface ReaderStep<A, E> { item: ThreadItem<A, E>; role: Role }

export interface ReaderThread<A, E> {
  steps: ReaderStep<A, E>[];
  /** One line: the editor's status when given, else the latest step. */
  status: string;
  firstDay: string | null;
  lastDay: string | null;
}

export interface ReaderThreadOptions<A, E> {
  /** The role a step plays; undefined: none (an explainer), the step is left out. */
  roleOf: (item: ThreadItem<A, E>) => Role | undefined;
  /** The thread's period (story.yaml `from`/`until`, YYYY-MM-DD): reports outside belong to other disputes. */
  from?: string | undefined;
  until?: string | undefined;
  /** The editor's one-line status (story.yaml `status`). */
  status?: string | undefined;
  formatDay: (day: string) => string;
  headline: (item: ThreadItem<A, E>) => string;
}

export function readerThread<A extends ThreadArticle, E extends ThreadEvent>(thread: Thread<A, E>, options: ReaderThreadOptions<A, E>): ReaderThread<A, E> {
  const items = thread.stages.flatMap((s) => s.items)
    .filter((i) => (!options.from || i.day >= options.from) && (!options.until || i.day <= options.until))
    .sort((a, b) => a.sort - b.sort || (a.kind === 'event' ? -1 : 1));
  const steps: ReaderStep<A, E>[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const role = options.roleOf(item);
    if (!role) continue;
    // One step per report and role: an article quoting the same move twice is one step.
    const key = `${item.kind === 'article' ? item.article.id : `event:${item.event.title}`}\u0000${role.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    steps.push({ item, role });
  }
  const last = steps.at(-1);
  const status = options.status || (last ? `${options.formatDay(last.item.day)}，${last.role.label}：${options.headline(last.item)}` : '暂无进展。');
  return { steps, status, firstDay: steps[0]?.item.day ?? null, lastDay: last?.item.day ?? null };
}
